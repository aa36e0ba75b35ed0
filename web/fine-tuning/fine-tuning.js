// The fine-tuning cost estimator: the core's trainingCost (the same code as
// `llmcalc training`) on every keystroke – hosted quotes from the catalog
// with their sources, dates and wind-down dates, the tuned model's price
// sheet beside its base with a link that carries the numbers into the
// break-even page, and the self-hosted GPU estimate with its formulas. In
// "JSONL file" mode the dataset comes from a training file checked and
// counted in a worker (dataset-file.js), its findings shown above the costs.
import '../src/styles/tool.css';
import './fine-tuning.css';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';
import { make } from '../src/shell/dom.js';
import { clearFieldErrors, markFieldError } from '../src/shell/field-errors.js';
import { FIELD_OF, GPUS, METHOD_LABELS, cheapestQuote, hostedRow, readInput as readForm, selfHostedRow } from './quotes.js';
import { bindFormToUrl, copyLink } from '../src/shell/url-state.js';
import { downloadCsv, downloadJson } from '../src/shell/export.js';
import { bindEmbedButton } from '../src/shell/embed-dialog.js';
import { createDatasetFile } from './dataset-file.js';
import { renderDatasetCheck } from './dataset-check.js';

const form = document.getElementById('tuning-form');
const $ = (selector) => document.querySelector(selector);
const out = (name) => $(`[data-out="${name}"]`);
const status = $('[data-status]');
const formError = $('[data-form-error]');
const results = $('[data-tuning-results]');
const value = (name) => form.elements[name].value;
const source = () => form.elements.source.value;

function showSource() {
  for (const panel of document.querySelectorAll('[data-source]')) panel.hidden = panel.dataset.source !== source();
}

/** trainingCost's input: the dataset as typed numbers, or a counted file's (none until one is counted). */
function readInput(file) {
  const { examples, tokens_per_example, ...rest } = readForm(form);
  if (source() === 'numbers') return { examples, tokens_per_example, ...rest };
  const counts = file.counts;
  return counts ? { examples: counts.examples, dataset_tokens: counts.tokens, ...rest } : rest;
}

function clearErrors() {
  clearFieldErrors(form); // token_limit (data-own-check) is dataset-file.js's
  formError.hidden = true;
}

function showError(error) {
  // A counted file's numbers have no field to mark.
  const fromFile = source() === 'file' && ['examples', 'tokens_per_epoch'].includes(error.field);
  const name = fromFile ? '' : FIELD_OF[error.field] ?? error.field;
  markFieldError(form, name, error.message);
  formError.textContent = error.message;
  formError.hidden = false;
  results.hidden = true;
}

/** The break-even page with this quote's training cost and prices filled in. */
function breakEvenLink(q) {
  const params = new URLSearchParams({
    training_cost: String(q.cost_usd),
    base_prompt_tokens: value('prompt_tokens'),
    base_output_tokens: value('output_tokens'),
    base_input_price: String(q.base.input),
    base_output_price: String(q.base.output),
    tuned_prompt_tokens: value('prompt_tokens'),
    tuned_output_tokens: value('output_tokens'),
    tuned_input_price: String(q.tuned.input),
    tuned_output_price: String(q.tuned.output),
  });
  return make('a', { href: `../break-even/?${params}`, className: 'nowrap', textContent: 'Carry over →' });
}

function render(llm, r) {
  const f = llm.format;
  results.hidden = false;
  const d = r.dataset;
  out('tokens').textContent = f.count(d.training_tokens);
  out('tokens_sub').textContent = `${f.count(d.tokens_per_epoch)} × ${d.epochs} ${d.epochs === 1 ? 'epoch' : 'epochs'}${d.default_epochs ? ' (OpenAI\'s rule)' : ''}`;
  const cheapest = cheapestQuote(f, r);
  out('cheapest').textContent = cheapest.value;
  out('cheapest_sub').textContent = cheapest.sub;

  $('[data-hosted]').replaceChildren(
    ...r.hosted.map((q) => hostedRow(f, q)),
  );

  const inOut = (p) => (p ? `${p.input === null ? '—' : f.usd(p.input)} / ${p.output === null ? '—' : f.usd(p.output)}` : 'not listed');
  $('[data-sheet]').replaceChildren(
    ...r.hosted
      .filter((q) => q.base)
      .map((q) => {
        const per = q.per_request;
        const perText = per.base === null ? '—' : `${f.usd(per.base)} → ${per.tuned === null ? 'not listed' : f.usd(per.tuned)}`;
        const carry = q.tuned && q.cost_usd !== null && per.base !== null && per.tuned !== null ? breakEvenLink(q) : '';
        return make('tr', {}, [
          make('th', { scope: 'row', textContent: q.model }),
          make('td', { className: 'num', textContent: inOut(q.base) }),
          make('td', { className: 'num', textContent: inOut(q.tuned) }),
          make('td', { className: 'num', textContent: perText }),
          make('td', {}, [carry]),
        ]);
      }),
  );

  const self = r.self_hosted;
  $('[data-self-box]').hidden = !self;
  if (self) {
    $('[data-self]').replaceChildren(
      ...self.methods.map((m) => selfHostedRow(f, m)),
    );
    const g = self.gpu;
    $('[data-formulas]').replaceChildren(
      ...self.methods.map((m) => make('li', { textContent: `${METHOD_LABELS[m.method]}: ${m.formula}.` })),
      make('li', {
        textContent: `GPU-hours = FLOPs ÷ (${f.number(g.tflops)} TFLOPS × ${f.percent(g.utilization, 0)} utilisation) ÷ 3,600; cost = GPU-hours × ${f.usd(g.hourly_usd)}; GPUs = memory ÷ ${f.number(g.memory_gb)} GB, rounded up.`,
      }),
    );
  }
  $('[data-notes]').replaceChildren(...r.notes.map((n) => make('li', { textContent: n })));
}

async function main() {
  let datasetFile = null;
  const writeUrl = bindFormToUrl(form, { extra: () => datasetFile?.urlParams() ?? {} });
  showSource();
  let llm;
  try {
    llm = await loadLlmcalc();
    await llm.loadCatalog();
  } catch (e) {
    status.textContent = `The calculator could not load: ${e.message}`;
    return;
  }
  status.hidden = true;
  let last = null;
  const exportButtons = document.querySelectorAll('[data-export]');
  const checkBox = $('[data-dataset-check]');
  const compute = () => {
    clearErrors();
    const fileMode = source() === 'file';
    const check = fileMode && datasetFile.result;
    renderDatasetCheck(checkBox, check ? { name: datasetFile.fileName, result: check, model: form.elements.count_model.value, encoding: form.elements.count_model.selectedOptions[0]?.dataset.encoding, format: llm.format } : null);
    const input = readInput(datasetFile);
    if (fileMode && !input.examples && input.examples !== 0) {
      // Nothing to price until a file is counted; the file panel says why.
      last = null;
      results.hidden = true;
      status.hidden = false;
      status.textContent = datasetFile.running ? 'Checking the file…' : 'Drop a JSONL training file, or choose one, to price it.';
      for (const button of exportButtons) button.disabled = true;
      return;
    }
    status.hidden = true;
    if (fileMode && input.examples === 0) {
      last = null;
      showError({ field: '', message: 'The file has no valid examples to price.' });
      for (const button of exportButtons) button.disabled = true;
      return;
    }
    try {
      last = { input, result: llm.trainingCost(input), ...(check ? { dataset: check } : {}) };
      render(llm, last.result);
    } catch (e) {
      last = null;
      showError(e instanceof LlmcalcError ? e : { field: '', message: String(e.message ?? e) });
    }
    for (const button of exportButtons) button.disabled = !last;
  };
  datasetFile = createDatasetFile({
    form,
    llm,
    onChange: () => {
      writeUrl();
      compute();
    },
  });
  form.addEventListener('input', (event) => {
    if (event.target.name === 'gpu_preset') return;
    compute();
  });
  form.addEventListener('change', (event) => {
    if (event.target.name === 'source') showSource();
    if (event.target.name === 'gpu_preset') {
      const g = GPUS[event.target.value];
      form.elements.gpu_tflops.value = g.tflops;
      form.elements.gpu_hourly_usd.value = g.hourly;
      form.elements.gpu_memory_gb.value = g.memory;
      form.dispatchEvent(new Event('input')); // the URL keeps the filled values too
    }
    compute();
  });
  compute();
  const exporters = {
    csv: () =>
      downloadCsv(
        'fine-tuning-cost.csv',
        ['provider', 'label', 'method', 'price_per_million', 'price_per_hour', 'billed_tokens', 'cost_usd', 'available', 'confirmed', 'source', 'as_of'],
        last.result.hosted,
      ),
    json: () => downloadJson('fine-tuning-cost.json', last),
  };
  for (const button of exportButtons) button.addEventListener('click', () => last && exporters[button.dataset.export]());
  $('[data-copy-link]').addEventListener('click', async () => {
    $('[data-copy-status]').textContent = await copyLink();
  });
  bindEmbedButton({ form, tool: 'fine-tuning', anchor: $('[data-copy-link]') });
}

main();
