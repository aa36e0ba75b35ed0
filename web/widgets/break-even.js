// <llmcalc-break-even>: when fine-tuning pays for itself. The same fields as
// the break-even page (each path as tokens and prices, or a cost per
// request), read and described by the page's own describe.js; the core's
// breakEven computes the verdict, the break-even volume and the chart.
import { LlmcalcError } from 'llmcalc';
import chartCss from '../src/charts/chart.css?inline';
import { make } from '../src/shell/dom.js';
import { renderLineChart } from '../src/charts/line-chart.js';
import { VERDICT_LABELS, chartSpec, describeTiles, readInput, syncModes } from '../break-even/describe.js';
import { createFrame, field, segmented, tiles } from './frame.js';

const PATHS = [
  ['base', 'Prompt-only path'],
  ['tuned', 'Fine-tuned path'],
];

function pathSection(path, title, initial) {
  const value = (name) => initial(`${path}-${name}`);
  const mode = `${path}_mode`;
  return make('div', { className: 'widget-group', attrs: { 'data-path': path } }, [
    make('div', { className: 'widget-group-title' }, [title, segmented(mode, `How to enter the ${title.toLowerCase()}`, [['tokens', 'From tokens'], ['cost', 'Per request']], initial(`${path}-mode`))]),
    make('div', { className: 'fields', attrs: { 'data-mode': 'tokens' } }, [
      field({ name: `${path}_prompt_tokens`, label: 'Prompt tokens', value: value('prompt-tokens'), inputMode: 'numeric' }),
      field({ name: `${path}_output_tokens`, label: 'Output tokens', value: value('output-tokens'), inputMode: 'numeric' }),
      field({ name: `${path}_input_price`, label: 'Input price', value: value('input-price'), prefix: '$', affix: '/ 1M' }),
      field({ name: `${path}_output_price`, label: 'Output price', value: value('output-price'), prefix: '$', affix: '/ 1M' }),
    ]),
    make('div', { className: 'fields', attrs: { 'data-mode': 'cost' } }, [field({ name: `${path}_cost`, label: 'Cost per request', value: value('cost'), prefix: '$' })]),
  ]);
}

export async function mount(host, root, placeholder) {
  const frame = createFrame(host, root, placeholder, { tool: 'break-even', css: [chartCss] });
  const { form, results, initial } = frame;
  form.append(
    make('div', { className: 'fields' }, [
      field({ name: 'training_cost', label: 'Training cost (one-time)', value: initial('training-cost'), prefix: '$' }),
      field({ name: 'monthly_volume', label: 'Requests per month', value: initial('monthly-volume'), inputMode: 'numeric' }),
    ]),
    ...PATHS.map(([path, title]) => pathSection(path, title, initial)),
    make('div', { className: 'fields', attrs: { 'data-detail': '' } }, [
      field({ name: 'horizon_months', label: 'Horizon', value: initial('horizon-months'), affix: 'months', inputMode: 'numeric' }),
      field({ name: 'tuned_monthly_cost', label: 'Recurring cost, tuned', value: initial('tuned-monthly-cost'), prefix: '$', affix: '/ month', hint: 'Hosting, dataset upkeep, re-evaluation.' }),
    ]),
  );
  frame.applyAttributes();

  const verdict = make('div', { className: 'verdict' }, [make('span', { className: 'verdict__badge' }), make('p')]);
  const [box, out] = tiles([
    ['break_even', 'Break-even'],
    ['ratio', 'Your volume'],
    ['net', 'Net savings'],
    ['saving', 'Per request', true],
  ]);
  const chart = make('div', { attrs: { 'data-detail': '' } });
  const notes = make('ul', { className: 'notes', attrs: { 'data-detail': '' } });
  results.append(verdict, box, chart, notes);

  const core = await frame.loadCore();
  if (!core) return;
  const { llm } = core;
  const f = llm.format;
  const compute = () => {
    syncModes(form);
    frame.clearErrors();
    const input = readInput(form);
    const modes = Object.fromEntries(PATHS.map(([path]) => [`${path}_mode`, form.elements[`${path}_mode`].value]));
    frame.setOpenLink({ ...modes, ...input });
    try {
      const r = llm.breakEven(input);
      verdict.dataset.verdict = r.verdict;
      verdict.firstChild.textContent = VERDICT_LABELS[r.verdict];
      verdict.lastChild.textContent = r.explanation;
      const text = describeTiles(f, r);
      for (const name of Object.keys(text)) out[name].textContent = text[name];
      // An <svg> made here: the chart module draws into one it is given.
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('class', 'chart');
      renderLineChart(svg, chartSpec(f, r));
      chart.replaceChildren(svg);
      notes.replaceChildren(...r.notes.map((n) => make('li', { textContent: n })));
      frame.showResults();
    } catch (e) {
      frame.showError(e instanceof LlmcalcError ? e : { message: String(e?.message ?? e) });
    }
  };
  form.addEventListener('input', compute);
  form.addEventListener('change', compute);
  compute();
}
