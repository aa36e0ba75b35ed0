// The context-window visualizer: each chosen model's window as a bar with
// the request's sections stacked inside it (the core's budget, the same
// code as `llmcalc budget`), on one of three scales – each bar its own
// window, one linear token axis, or a log axis so a 4K window reads beside
// a 2M one. Hover or keyboard focus shows a segment's numbers.
import '../src/styles/tool.css';
import '../src/styles/text-input.css';
import '../src/charts/chart.css';
import '../src/charts/stacked-bars.css';
import '../src/budget/budget.css';
import { startBudgetPage, sectionRows, SECTION_COLUMNS } from '../src/budget/page.js';
import { renderStackedBars } from '../src/charts/stacked-bars.js';
import { stackRows } from '../src/budget/render.js';
import { downloadCsv, downloadJson, downloadPng, downloadSvg } from '../src/shell/export.js';
import { make } from '../src/shell/dom.js';
import { bindEmbedButton } from '../src/shell/embed-dialog.js';
import { SECTIONS } from '../src/budget/sections.js';

const $ = (selector) => document.querySelector(selector);
const form = document.getElementById('window-form');
const SCALE_NOTES = {
  share: 'Each bar is its own window (100 %); a dashed red outline shows a request running past it.',
  linear: 'One token axis for every model: bar lengths compare the windows themselves.',
  log: 'A log token axis from 100 tokens: small windows and sections stay visible beside 2M ones.',
};

function render(llm, r) {
  const f = llm.format;
  const scale = form.elements.scale.value;
  $('[data-scale-note]').textContent = SCALE_NOTES[scale];
  renderStackedBars($('[data-chart]'), {
    title: 'What fills each model\'s context window, by section',
    scale,
    rows: stackRows(llm, r),
    formatTokens: (n) => (n >= 1e6 ? `${f.number(n / 1e6, 1)}M` : n >= 1e3 ? `${f.number(n / 1e3, 1)}K` : f.count(n)),
    formatShare: (x) => f.percent(x, 0),
  });
  $('[data-table-body]').replaceChildren(
    ...r.models.map((m) => {
      const row = make('tr');
      const counted = m.counting ? `${m.counting.encoding}${m.counting.exact ? ' (exact)' : ' (estimate)'}` : 'o200k_base (estimate)';
      row.append(
        make('th', { scope: 'row', textContent: m.name }),
        make('td', { className: 'num', textContent: m.context_window === null ? 'unknown' : f.count(m.context_window) }),
        make('td', { className: 'num', textContent: f.count(m.total_tokens) }),
        make('td', { className: 'num', textContent: m.share === null ? '—' : f.percent(m.share) }),
        make('td', { className: 'num', textContent: m.tokens_left === null ? '—' : f.count(m.tokens_left) }),
        make('td', { textContent: counted }),
      );
      return row;
    }),
  );
  const warnings = r.models.flatMap((m) => m.warnings);
  $('[data-warnings]').replaceChildren(...warnings.map((w) => make('li', { textContent: w })));
}

// The scale switch sits in the results (form="window-form"), so its events
// do not bubble through the form: pass them on, for the URL and a redraw.
for (const radio of document.querySelectorAll('input[name="scale"]')) {
  radio.addEventListener('change', () => form.dispatchEvent(new Event('change')));
}

startBudgetPage({
  form,
  results: $('[data-window-results]'),
  chart: $('[data-chart]'),
  maxModels: 8,
  allowCustom: true,
  render,
  exporters: {
    png: () => downloadPng('context-windows.png', $('[data-chart]')),
    svg: () => downloadSvg('context-windows.svg', $('[data-chart]')),
    csv: (last) => downloadCsv('context-windows.csv', SECTION_COLUMNS, sectionRows(last.result)),
    json: (last) => downloadJson('context-windows.json', last),
  },
});
bindEmbedButton({
  form,
  tool: 'context-window',
  anchor: $('[data-copy-link]'),
  note: () =>
    SECTIONS.some((s) => form.elements[`${s.id}_mode`]?.value === 'text')
      ? 'Sections pasted as text go into the snippet as their typed token counts: your text stays on this page.'
      : '',
});
