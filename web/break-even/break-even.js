// The break-even page: reads the form as typed text, lets the core validate
// and compute (the same code as `llmcalc break-even`), and renders the
// verdict, the tiles and the cumulative-cost chart on every keystroke.
import '../src/styles/tool.css';
import '../src/charts/chart.css';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';
import { renderLineChart } from '../src/charts/line-chart.js';
import { bindFormToUrl, copyLink } from '../src/shell/url-state.js';
import { downloadCsv, downloadJson, downloadPng, downloadSvg } from '../src/shell/export.js';
import { bindCatalogPrices } from './catalog-prices.js';

const form = document.getElementById('break-even-form');
const results = document.querySelector('[data-results]');
const status = document.querySelector('[data-status]');
const formError = document.querySelector('[data-form-error]');
const out = (name) => document.querySelector(`[data-out="${name}"]`);

const VERDICT_LABELS = {
  prompt: 'Stay with prompts',
  depends: 'It depends',
  'fine-tune': 'Fine-tune',
  never: 'Never pays',
};

function syncModes() {
  for (const section of form.querySelectorAll('[data-path]')) {
    const path = section.dataset.path;
    const mode = form.elements[`${path}_mode`].value;
    for (const group of section.querySelectorAll('[data-mode]')) {
      group.hidden = group.dataset.mode !== mode;
    }
  }
}

/** Visible fields as typed; hidden ones (the other mode) are left out. */
function readInput() {
  const input = {};
  for (const field of form.querySelectorAll('.field')) {
    if (field.closest('[hidden]') || field.hasAttribute('data-model-field')) continue;
    const name = field.dataset.field;
    input[name] = form.elements[name].value;
  }
  return input;
}

function clearErrors() {
  for (const field of form.querySelectorAll('.field')) {
    field.removeAttribute('data-invalid');
    field.querySelector('input, select').removeAttribute('aria-invalid');
    const box = field.querySelector('.error');
    if (box) box.textContent = '';
  }
  formError.hidden = true;
}

function showError(error) {
  const field = form.querySelector(`.field[data-field="${error.field}"]`);
  if (field && !field.closest('[hidden]')) {
    field.setAttribute('data-invalid', '');
    field.querySelector('input').setAttribute('aria-invalid', 'true');
    field.querySelector('.error').textContent = error.message;
  }
  formError.textContent = error.message;
  formError.hidden = false;
  results.hidden = true;
}

function render(llm, r) {
  const f = llm.format;
  results.hidden = false;
  const box = document.querySelector('[data-verdict-box]');
  box.dataset.verdict = r.verdict;
  document.querySelector('[data-verdict-label]').textContent = VERDICT_LABELS[r.verdict];
  document.querySelector('[data-explanation]').textContent = r.explanation;

  if (r.break_even_requests === null) {
    out('break_even').textContent = 'Never';
    out('break_even_sub').textContent = 'the tuned path saves nothing';
  } else {
    out('break_even').textContent = f.count(r.break_even_requests);
    out('break_even_sub').textContent =
      r.months_to_break_even === null ? 'requests' : `requests · after ${f.number(r.months_to_break_even, 1)} months`;
  }
  if (r.ratio !== null) {
    out('ratio').textContent = `${f.ratio(r.ratio)}×`;
  } else {
    out('ratio').textContent = '—';
  }
  out('volume_sub').textContent =
    r.volume === null
      ? 'enter requests per month'
      : `the break-even · ${f.count(r.volume)} requests in ${f.number(r.horizon_months, 1)} months`;
  out('net').textContent = r.net_savings === null ? '—' : f.usd(r.net_savings);
  out('net_sub').textContent = r.net_savings === null ? '' : 'over the horizon, training included';
  out('saving').textContent = f.usd(r.saving_per_request);
  out('saving_sub').textContent = `${f.usd(r.base_cost_per_request)} → ${f.usd(r.tuned_cost_per_request)}`;

  // The decision helper's last question, answered with these numbers.
  const decide = new URLSearchParams();
  if (r.volume !== null) decide.set('requests', String(r.volume));
  if (r.break_even_requests !== null) decide.set('break_even_requests', String(r.break_even_requests));
  document.querySelector('[data-decide-link]').href = `../decide/${decide.size ? `?${decide}` : ''}`;

  const notes = document.querySelector('[data-notes]');
  notes.replaceChildren(...r.notes.map((n) => Object.assign(document.createElement('li'), { textContent: n })));

  const crossing = r.break_even_requests !== null && r.series.find((p) => p.requests > 0 && Math.abs(p.base_cost - p.tuned_cost) <= 1e-9 * Math.max(1, p.base_cost));
  renderLineChart(document.querySelector('[data-chart]'), {
    title: 'Cumulative cost of both paths by number of requests',
    x: r.series.map((p) => p.requests),
    series: [
      { name: 'Prompt only', values: r.series.map((p) => p.base_cost), className: 'series-1' },
      { name: 'Fine-tuned (training included)', values: r.series.map((p) => p.tuned_cost), className: 'series-2' },
    ],
    marker: crossing ? { x: crossing.requests, y: crossing.base_cost, label: `break-even: ${f.count(r.break_even_requests)}` } : undefined,
    formatX: (n) => f.count(n),
    formatY: (n) => f.usd(n),
    xLabel: 'Requests',
  });
}

async function main() {
  syncModes();
  bindFormToUrl(form, { onRestore: syncModes });
  let llm;
  try {
    llm = await loadLlmcalc();
  } catch (e) {
    status.textContent = `The calculator could not load: ${e.message}`;
    return;
  }
  status.hidden = true;
  let last = null;
  const exportButtons = document.querySelectorAll('[data-export]');
  const compute = () => {
    syncModes();
    clearErrors();
    try {
      last = llm.breakEven(readInput());
      render(llm, last);
    } catch (e) {
      last = null;
      showError(e instanceof LlmcalcError ? e : { field: '', message: String(e.message ?? e) });
    }
    for (const button of exportButtons) button.disabled = !last;
  };
  form.addEventListener('input', compute);
  form.addEventListener('change', compute);
  compute();
  // The model lists need the price catalog: the page computes without it.
  bindCatalogPrices(llm, form).catch((e) => {
    for (const hint of form.querySelectorAll('[data-model-hint]')) hint.textContent = `The price catalog could not load: ${e.message}`;
  });
  const exporters = {
    csv: () => downloadCsv('break-even.csv', ['requests', 'months', 'base_cost', 'tuned_cost'], last.series),
    json: () => downloadJson('break-even.json', { input: readInput(), result: last }),
    png: () => downloadPng('break-even.png', document.querySelector('[data-chart]')),
    svg: () => downloadSvg('break-even.svg', document.querySelector('[data-chart]')),
  };
  for (const button of exportButtons) {
    button.addEventListener('click', () => last && exporters[button.dataset.export]());
  }
  document.querySelector('[data-copy-link]').addEventListener('click', async () => {
    document.querySelector('[data-copy-status]').textContent = await copyLink();
  });
}

main();
