// <llmcalc-context-window>: each chosen model's context window as a bar,
// the sections of one request stacked inside it. Built from the same
// pieces as the context-window page (src/budget/: section fields, model
// picker, the core's budget, stacked bars). Pasted sections are counted on
// the main thread with each model's encoding (no worker: it would have to
// come from the host page's origin).
import { LlmcalcError } from 'llmcalc';
import chartCss from '../src/charts/chart.css?inline';
import stackCss from '../src/charts/stacked-bars.css?inline';
import budgetCss from '../src/budget/budget.css?inline';
import { make } from '../src/shell/dom.js';
import { renderSectionFields, syncSectionModes, readSections, markSectionError, clearSectionErrors } from '../src/budget/sections.js';
import { createModelPicker } from '../src/budget/model-picker.js';
import { computeBudget } from '../src/budget/compute.js';
import { renderLegend, stackRows } from '../src/budget/render.js';
import { renderStackedBars, bindTooltip } from '../src/charts/stacked-bars.js';
import { createFrame, segmented } from './frame.js';

const MAX_MODELS = 8;
// Pasted text is text, as the APIs treat message content.
const AS_TEXT = { disallowedSpecial: [] };

/** computeBudget's counter, on the main thread: {encoding: {section: tokens}}. */
function mainThreadCounter(llm) {
  return {
    async count(texts, encodings) {
      const counts = {};
      for (const name of encodings) {
        const enc = await llm.loadEncoding(name);
        counts[name] = Object.fromEntries(Object.entries(texts).map(([section, text]) => [section, text ? enc.count(text, AS_TEXT) : 0]));
      }
      return counts;
    },
  };
}

export async function mount(host, root, placeholder) {
  const frame = createFrame(host, root, placeholder, { tool: 'context-window', css: [chartCss, stackCss, budgetCss] });
  const { form, results, initial } = frame;
  const modelsField = make('input', { name: 'models', value: initial('models'), hidden: true });
  const pickerBox = make('div', { className: 'picker-fields' });
  const sections = make('div', { className: 'sections-grid' });
  renderSectionFields(sections);
  form.append(
    modelsField,
    make('details', { attrs: { 'data-detail': '' } }, [make('summary', { textContent: 'Models and windows' }), pickerBox]),
    make('details', { open: true, attrs: { 'data-detail': '' } }, [make('summary', { textContent: 'Sections of one request (tokens)' }), sections]),
  );
  const scale = segmented('scale', 'Scale of the bars', [['share', 'Each window'], ['linear', 'Linear'], ['log', 'Log']], initial('scale'));
  const legend = make('ul', { className: 'stack-legend' });
  renderLegend(legend);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'stack-chart');
  const tip = make('div', { className: 'chart-tip', hidden: true });
  const warnings = make('ul', { className: 'notes', attrs: { 'data-detail': '' } });
  results.append(
    make('div', { className: 'widget-group-title' }, ['What fills each window', scale]),
    legend,
    make('div', { className: 'chart-wrap' }, [svg, tip]),
    make('p', { className: 'small', attrs: { 'data-counting': '' } }),
    warnings,
  );
  // The scale switch sits in the results; it belongs to the form (for the
  // scale attribute) through form="…", as on the page.
  for (const radio of scale.querySelectorAll('input')) radio.setAttribute('form', form.id);
  bindTooltip(svg, tip);

  const core = await frame.loadCore({ catalog: true });
  if (!core) return;
  const { llm, catalog } = core;
  const f = llm.format;
  const counter = mainThreadCounter(llm);
  frame.applyAttributes();
  let last = null;
  let sequence = 0;
  const scaleValue = () => form.elements.scale.value || 'share';
  const draw = () => {
    renderStackedBars(svg, {
      title: "What fills each model's context window, by section",
      scale: scaleValue(),
      rows: stackRows(llm, last),
      formatTokens: (n) => (n >= 1e6 ? `${f.number(n / 1e6, 1)}M` : n >= 1e3 ? `${f.number(n / 1e3, 1)}K` : f.count(n)),
      formatShare: (x) => f.percent(x, 0),
    });
    const estimated = last.models.filter((m) => m.counting && !m.counting.exact).map((m) => m.name);
    results.querySelector('[data-counting]').textContent = estimated.length
      ? `Typed token counts are used as given; pasted text is counted exactly for OpenAI models and estimated with o200k_base for ${estimated.join(', ')}.`
      : 'Typed token counts are used as given; pasted text is counted with each model\'s own tokenizer.';
    warnings.replaceChildren(...last.models.flatMap((m) => m.warnings).map((w) => make('li', { textContent: w })));
  };
  const compute = async () => {
    const mine = ++sequence;
    syncSectionModes(form);
    const entered = readSections(form);
    frame.setOpenLink({ models: modelsField.value, scale: scaleValue(), ...entered.numbers });
    try {
      const reply = await computeBudget(llm, counter, entered, picker.entries());
      if (!reply || mine !== sequence) return;
      clearSectionErrors(form);
      frame.clearErrors();
      last = reply.result;
      frame.showResults();
      draw();
    } catch (e) {
      if (mine !== sequence) return;
      clearSectionErrors(form);
      frame.clearErrors();
      markSectionError(form, e);
      frame.showError(e instanceof LlmcalcError ? e : { message: String(e?.message ?? e) });
    }
  };
  const picker = createModelPicker({ root: pickerBox, field: modelsField, catalog, max: MAX_MODELS, allowCustom: true, onChange: compute });
  form.addEventListener('input', compute);
  form.addEventListener('change', () => {
    picker.refresh(); // the models attribute may have changed
    compute();
  });
  scale.addEventListener('change', () => {
    frame.setOpenLink({ models: modelsField.value, scale: scaleValue(), ...readSections(form).numbers });
    if (last) draw();
  });
  new ResizeObserver(() => last && !results.hidden && draw()).observe(svg.parentElement);
  compute();
}
