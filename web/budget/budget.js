// The prompt token budget: the sections of one request against each chosen
// model's context window, computed by the core (the same code as `llmcalc
// budget`) on every keystroke. Pasted sections are counted per model in a
// worker; the results show what fits, what is left, what to cut, the cost
// per request with its price source, a share-of-window chart and a table.
import '../src/styles/tool.css';
import '../src/styles/text-input.css';
import '../src/charts/chart.css';
import '../src/charts/stacked-bars.css';
import '../src/budget/budget.css';
import './budget-page.css';
import { startBudgetPage, sectionRows, SECTION_COLUMNS } from '../src/budget/page.js';
import { renderStackedBars } from '../src/charts/stacked-bars.js';
import { stackRows } from '../src/budget/render.js';
import { downloadCsv, downloadJson, downloadPng, downloadSvg } from '../src/shell/export.js';
import { make, sourceHost, sourceLink } from '../src/shell/dom.js';

const $ = (selector) => document.querySelector(selector);

function badge(m, f) {
  if (m.fits === null) return make('span', { className: 'fit-badge fit-badge--muted', textContent: 'Window unknown' });
  if (m.fits) return make('span', { className: 'fit-badge fit-badge--good', textContent: `Fits · ${f.count(m.tokens_left)} left` });
  return make('span', { className: 'fit-badge fit-badge--bad', textContent: `Over by ${f.count(m.overflow_tokens)}` });
}

function modelItem(llm, m, providerName) {
  const f = llm.format;
  const window = m.context_window === null ? 'window unknown' : `${f.count(m.context_window)}-token window`;
  const provider = m.model ? `${providerName.get(m.model.provider) ?? m.model.provider} · ` : '';
  const used =
    m.share === null
      ? `${f.count(m.total_tokens)} tokens`
      : `${f.count(m.total_tokens)} of ${f.count(m.context_window)} tokens (${f.percent(m.share)})`;
  const cost = m.cost_usd === null ? 'cost not offered' : `${f.usd(m.cost_usd)} per request`;
  const lines = [make('p', { className: 'budget-model__numbers', textContent: `${used} · ${cost}` })];
  if (m.counting) {
    const counted = m.counting.exact
      ? `Text counted exactly with ${m.counting.encoding}.`
      : `Estimate: ${m.counting.note}`;
    lines.push(make('p', { className: 'hint', textContent: counted }));
  }
  if (m.price_source) {
    lines.push(
      make('p', { className: 'hint' }, [
        'Prices: ',
        sourceLink(m.price_source, sourceHost(m.price_source)),
        `, as of ${m.as_of}. The output reserve is billed as output (a ceiling).`,
      ]),
    );
  }
  if (m.cost_usd === null && m.cost_note) lines.push(make('p', { className: 'hint', textContent: m.cost_note }));
  const warnings = m.warnings.map((w) => make('li', { textContent: w }));
  return make('li', { className: 'budget-model' }, [
    make('div', { className: 'budget-model__head' }, [
      make('strong', { textContent: m.name }),
      make('span', { className: 'muted small', textContent: `${provider}${window}` }),
      badge(m, f),
    ]),
    ...lines,
    ...(warnings.length ? [make('ul', { className: 'budget-model__warnings' }, warnings)] : []),
  ]);
}

function renderTable(llm, r) {
  const f = llm.format;
  $('[data-table-head]').replaceChildren(
    make('tr', {}, [make('th', { textContent: 'Section', scope: 'col' }), ...r.models.map((m) => make('th', { className: 'num', textContent: m.name, scope: 'col' }))]),
  );
  const row = (label, cells, className = '') =>
    make('tr', { className }, [make('th', { textContent: label, scope: 'row' }), ...cells.map((c) => make('td', { className: 'num', textContent: c }))]);
  const rows = r.sections.map((s, i) => row(s.label, r.models.map((m) => f.count(m.sections[i].tokens))));
  rows.push(row('Total', r.models.map((m) => f.count(m.total_tokens)), 'total'));
  rows.push(row('Share of window', r.models.map((m) => (m.share === null ? '—' : f.percent(m.share)))));
  rows.push(row('Tokens left', r.models.map((m) => (m.tokens_left === null ? '—' : f.count(m.tokens_left)))));
  rows.push(row('Cost per request', r.models.map((m) => (m.cost_usd === null ? 'not offered' : f.usd(m.cost_usd)))));
  $('[data-table-body]').replaceChildren(...rows);
}

function render(llm, r, { providerName }) {
  $('[data-budget-models]').replaceChildren(...r.models.map((m) => modelItem(llm, m, providerName)));
  renderStackedBars($('[data-chart]'), {
    title: 'Share of each model\'s context window, by section',
    scale: 'share',
    rows: stackRows(llm, r),
    formatTokens: (n) => llm.format.count(n),
    formatShare: (x) => llm.format.percent(x, 0),
  });
  renderTable(llm, r);
}

startBudgetPage({
  form: document.getElementById('budget-form'),
  results: $('[data-budget-results]'),
  chart: $('[data-chart]'),
  maxModels: 6,
  render,
  exporters: {
    csv: (last) => downloadCsv('prompt-budget.csv', SECTION_COLUMNS, sectionRows(last.result)),
    json: (last) => downloadJson('prompt-budget.json', last),
    png: () => downloadPng('prompt-budget.png', $('[data-chart]')),
    svg: () => downloadSvg('prompt-budget.svg', $('[data-chart]')),
  },
});
