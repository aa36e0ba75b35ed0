// "Prompt or fine-tune?": the answers go to the core's decide() (the rules
// of src/decision/decision.h) on every change; the page shows the steps it
// took, the recommendation, and links into the calculators with the
// numbers carried over.
import '../src/styles/tool.css';
import './decide.css';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';
import { make } from '../src/shell/dom.js';
import { clearFieldErrors, markFieldError } from '../src/shell/field-errors.js';
import { bindFormToUrl, copyLink } from '../src/shell/url-state.js';

const BADGES = {
  prompt: ['Stay with prompts', 'prompt'],
  'few-shot': ['Few-shot first', 'prompt'],
  rag: ['Use retrieval', 'prompt'],
  'stronger-model': ['Stronger model first', 'depends'],
  'build-eval': ['Build an eval set', 'depends'],
  'need-volume': ['Check the break-even', 'depends'],
  depends: ['It depends', 'depends'],
  'fine-tune': ['Fine-tune', 'fine-tune'],
};

const form = document.getElementById('decide-form');
const $ = (selector) => document.querySelector(selector);
const results = $('[data-decision-results]');
const formError = $('[data-form-error]');

function readInput() {
  const v = (name) => form.elements[name].value;
  const optional = (name) => (v(name).trim() === '' ? undefined : v(name));
  return {
    task_changing: v('task_changing') === 'yes',
    good_examples: v('good_examples'),
    goal: v('goal'),
    has_eval_set: v('has_eval_set') === 'yes',
    requests: optional('requests'),
    break_even_requests: optional('break_even_requests'),
  };
}

/** Where to go next for each recommendation, with what is known carried over. */
function links(r, input) {
  const examples = String(input.good_examples).replace(/[,_\s]/g, '');
  const go = (path, text, params = {}) => {
    const query = new URLSearchParams(params).toString();
    return make('li', {}, [make('a', { href: `../${path}${query ? `?${query}` : ''}`, textContent: text })]);
  };
  switch (r.recommendation) {
    case 'prompt':
    case 'few-shot':
      return [go('budget/', 'Prompt token budget: will the few-shot examples fit the window?'), go('price/', 'Price calculator: what a longer prompt costs per request')];
    case 'rag':
      return [go('chunking/', 'RAG chunking: chunk count, embedding cost and chunks per request'), go('embedding/', 'Embedding cost: index and query a corpus')];
    case 'stronger-model':
      return [go('price/', 'Price calculator: compare a stronger or reasoning model per request')];
    case 'build-eval':
      return [go('fine-tuning/', 'Fine-tuning cost: meanwhile, what training would cost', { examples })];
    case 'need-volume':
      return [go('fine-tuning/', 'Fine-tuning cost: training cost and tuned prices, carried into break-even', { examples }), go('break-even/', 'Break-even: the volume at which tuning pays')];
    default:
      return [go('fine-tuning/', 'Fine-tuning cost: training at each provider and on GPUs', { examples }), go('break-even/', 'Break-even: the verdict on real prices')];
  }
}

function render(r, input) {
  results.hidden = false;
  const [badge, tone] = BADGES[r.recommendation];
  $('[data-verdict-box]').dataset.verdict = tone;
  $('[data-badge]').textContent = badge;
  $('[data-headline]').textContent = r.headline;
  $('[data-steps]').replaceChildren(
    ...r.steps.map((s) =>
      make('li', { className: s.outcome === 'continue' ? 'step' : 'step step--settled' }, [
        make('span', { className: 'step__question', textContent: `${s.question} ` }),
        make('strong', { textContent: s.answer }),
        make('p', { className: 'step__reason', textContent: s.reason }),
      ]),
    ),
  );
  $('[data-links]').replaceChildren(...links(r, input));
}

function clearErrors() {
  clearFieldErrors(form);
  formError.hidden = true;
}

function showError(error) {
  markFieldError(form, error.field, error.message);
  formError.textContent = error.message;
  formError.hidden = false;
  results.hidden = true;
}

async function main() {
  bindFormToUrl(form);
  let llm;
  try {
    llm = await loadLlmcalc();
  } catch (e) {
    $('[data-status]').textContent = `The helper could not load: ${e.message}`;
    return;
  }
  $('[data-status]').hidden = true;
  const compute = () => {
    clearErrors();
    const input = readInput();
    try {
      render(llm.decide(input), input);
    } catch (e) {
      showError(e instanceof LlmcalcError ? e : { field: '', message: String(e.message ?? e) });
    }
  };
  form.addEventListener('input', compute);
  form.addEventListener('change', compute);
  compute();
  $('[data-copy-link]').addEventListener('click', async () => {
    $('[data-copy-status]').textContent = await copyLink();
  });
}

main();
