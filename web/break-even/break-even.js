// The break-even page: reads the form as typed text, lets the core validate
// and compute (the same code as `llmcalc break-even`), and renders the
// verdict, the tiles and the cumulative-cost chart on every keystroke.
import '../src/styles/tool.css';
import '../src/charts/chart.css';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';
import { renderLineChart } from '../src/charts/line-chart.js';
import { bindFormToUrl, copyLink } from '../src/shell/url-state.js';
import { clearFieldErrors, markFieldError } from '../src/shell/field-errors.js';
import { downloadCsv, downloadJson, downloadPng, downloadSvg } from '../src/shell/export.js';
import { bindCatalogPrices } from './catalog-prices.js';
import { bindEmbedButton } from '../src/shell/embed-dialog.js';
import { VERDICT_LABELS, chartSpec, describeTiles, readInput as readForm, syncModes as syncPathModes } from './describe.js';

const form = document.getElementById('break-even-form');
const results = document.querySelector('[data-results]');
const status = document.querySelector('[data-status]');
const formError = document.querySelector('[data-form-error]');
const out = (name) => document.querySelector(`[data-out="${name}"]`);

const syncModes = () => syncPathModes(form);
const readInput = () => readForm(form);

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

function render(llm, r) {
  const f = llm.format;
  results.hidden = false;
  const box = document.querySelector('[data-verdict-box]');
  box.dataset.verdict = r.verdict;
  document.querySelector('[data-verdict-label]').textContent = VERDICT_LABELS[r.verdict];
  document.querySelector('[data-explanation]').textContent = r.explanation;

  const text = describeTiles(f, r);
  for (const name of ['break_even', 'ratio', 'net', 'saving']) out(name).textContent = text[name];
  for (const name of ['break_even_sub', 'net_sub', 'saving_sub']) out(name).textContent = text[name];
  out('volume_sub').textContent = text.ratio_sub;

  // The decision helper's last question, answered with these numbers.
  const decide = new URLSearchParams();
  if (r.volume !== null) decide.set('requests', String(r.volume));
  if (r.break_even_requests !== null) decide.set('break_even_requests', String(r.break_even_requests));
  document.querySelector('[data-decide-link]').href = `../decide/${decide.size ? `?${decide}` : ''}`;

  const notes = document.querySelector('[data-notes]');
  notes.replaceChildren(...r.notes.map((n) => Object.assign(document.createElement('li'), { textContent: n })));

  renderLineChart(document.querySelector('[data-chart]'), chartSpec(f, r));
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
  bindEmbedButton({ form, tool: 'break-even', anchor: document.querySelector('[data-copy-link]') });
}

main();
