// What the budget and context-window pages share beyond their results:
// the section fields and model picker, loading the core and the catalog,
// recomputing on every input (only the newest computation is shown),
// errors at the field at fault, exports and the copy-link button. Each page
// passes its own render() and export files.
import { loadLlmcalc, LlmcalcError } from 'llmcalc';
import { renderSectionFields, syncSectionModes, readSections, markSectionError, clearSectionErrors, SECTIONS } from './sections.js';
import { createModelPicker } from './model-picker.js';
import { createTextCounter } from './text-counts.js';
import { computeBudget, describeCounts } from './compute.js';
import { renderLegend } from './render.js';
import { bindTooltip } from '../charts/stacked-bars.js';
import { bindFormToUrl, copyLink } from '../shell/url-state.js';

/**
 * @param {{form: HTMLFormElement, results: HTMLElement, chart: SVGSVGElement, maxModels: number,
 *   allowCustom?: boolean, render: (llm, result, context) => void,
 *   exporters: Record<string, (last) => void>}} page
 */
export async function startBudgetPage({ form, results, chart, maxModels, allowCustom = false, render, exporters }) {
  const $ = (selector) => document.querySelector(selector);
  const status = $('[data-status]');
  const formError = $('[data-form-error]');
  renderSectionFields($('[data-sections]'));
  renderLegend($('[data-legend]'));
  bindFormToUrl(form, { onRestore: () => syncSectionModes(form) });
  let llm;
  let catalog;
  try {
    llm = await loadLlmcalc();
    catalog = await llm.loadCatalog();
  } catch (e) {
    status.textContent = `The calculator could not load: ${e.message}`;
    return;
  }
  status.hidden = true;
  const context = { providerName: new Map(catalog.providers.map((p) => [p.id, p.name])) };
  const counter = createTextCounter();
  const exportButtons = document.querySelectorAll('[data-export]');
  let last = null;
  let sequence = 0;

  const clearErrors = () => {
    clearSectionErrors(form);
    for (const box of form.querySelectorAll('[data-field="model"] .error')) box.textContent = '';
    formError.hidden = true;
  };
  const showError = (error) => {
    if (!markSectionError(form, error)) {
      const box = form.querySelector(`.field[data-field="${error.field}"] .error`);
      if (box) box.textContent = error.message;
    }
    formError.textContent = error.message;
    formError.hidden = false;
    results.hidden = true;
    last = null;
  };
  const draw = () => {
    results.hidden = false;
    render(llm, last.result, context);
  };
  const compute = async () => {
    const mine = ++sequence;
    syncSectionModes(form);
    const entered = readSections(form);
    try {
      const reply = await computeBudget(llm, counter, entered, picker.entries());
      if (!reply || mine !== sequence) return; // a newer input is being computed
      clearErrors();
      last = { input: { sections: entered.numbers, models: picker.items() }, result: reply.result };
      for (const section of SECTIONS) {
        const box = form.querySelector(`[data-count="${section.id}"]`);
        if (box) box.textContent = entered.texts[section.id] ? describeCounts(llm, reply.counts, section.id) : '';
      }
      draw();
    } catch (e) {
      if (mine !== sequence) return;
      clearErrors();
      showError(e instanceof LlmcalcError ? e : { field: '', message: String(e.message ?? e) });
    }
    for (const button of exportButtons) button.disabled = !last;
  };
  const picker = createModelPicker({ root: $('[data-model-picker]'), field: form.elements.models, catalog, max: maxModels, allowCustom, onChange: compute });
  bindTooltip(chart, $('[data-chart-tip]'));
  form.addEventListener('input', compute);
  form.addEventListener('change', compute);
  addEventListener('resize', () => last && draw());
  compute();

  for (const button of exportButtons) button.addEventListener('click', () => last && exporters[button.dataset.export](last));
  $('[data-copy-link]').addEventListener('click', async () => {
    $('[data-copy-status]').textContent = await copyLink();
  });
  return { redraw: () => last && draw() };
}

/** The rows of a CSV export: one per model and section. */
export function sectionRows(result) {
  return result.models.flatMap((m) =>
    m.sections.map((s) => ({ model: m.name, context_window: m.context_window ?? '', section: s.id, tokens: s.tokens, share_of_window: s.share ?? '' })),
  );
}
export const SECTION_COLUMNS = ['model', 'context_window', 'section', 'tokens', 'share_of_window'];
