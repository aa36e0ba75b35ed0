// <llmcalc-price>: one request of a model priced by the core, per request,
// day and month, itemized, with the price's source and date. The inputs
// are read as on the price page (price-input.js); the core validates them.
import { LlmcalcError } from 'llmcalc';
import { make, priceSource } from '../src/shell/dom.js';
import { DAYS_PER_MONTH, lineRows, priceOn, requestsPerDay, tokenInput } from '../price/price-input.js';
import { createFrame, field, segmented, tiles } from './frame.js';

export async function mount(host, root, placeholder) {
  const frame = createFrame(host, root, placeholder, { tool: 'price' });
  const { form, results, initial } = frame;
  const models = make('datalist', { id: 'models' });
  const model = make('input', { id: 'model', name: 'model', value: initial('model'), spellcheck: false, autocapitalize: 'off', attrs: { list: 'models', 'aria-describedby': 'model-error' } });
  const cachedField = field({ name: 'cached', label: 'Cached input', value: initial('cached'), affix: '%' });
  cachedField.querySelector('label').after(segmented('cached_unit', 'Cached input as', [['percent', '%'], ['tokens', 'tokens']], initial('cached-unit')));
  const requestsField = field({ name: 'requests', label: 'Requests', value: initial('requests'), inputMode: 'numeric' });
  requestsField.querySelector('label').after(segmented('per', 'Requests counted per', [['day', 'per day'], ['month', 'per month']], initial('per')));
  const batch = make('input', { type: 'checkbox', id: 'batch', name: 'batch' });
  form.append(
    make('div', { className: 'fields' }, [
      field({ name: 'model', label: 'Model', full: true, control: model }),
      field({ name: 'input', label: 'Input tokens', value: initial('input'), inputMode: 'numeric' }),
      field({ name: 'output', label: 'Output tokens', value: initial('output'), inputMode: 'numeric' }),
      cachedField,
      requestsField,
    ]),
    models,
    make('label', { className: 'check', attrs: { 'data-detail': '' } }, [batch, 'Use the batch API']),
  );
  frame.applyAttributes();

  const [box, out] = tiles([
    ['request', 'Per request'],
    ['day', 'Per day', true],
    ['month', 'Per month'],
  ]);
  const lines = make('tbody');
  const source = make('p', { className: 'source' });
  results.append(
    make('p', { className: 'resolved' }),
    box,
    make('div', { className: 'table-scroll', tabIndex: 0, attrs: { 'data-detail': '', role: 'region', 'aria-label': 'One request, itemized' } }, [
      make('table', { className: 'data-table' }, [
        make('caption', { className: 'visually-hidden', textContent: 'One request, itemized' }),
        make('thead', {}, [make('tr', {}, ['Item', 'Tokens', '× price / 1M', 'Cost'].map((t, i) => make('th', { scope: 'col', className: i ? 'num' : '', textContent: t })))]),
        lines,
      ]),
    ]),
    source,
  );

  const core = await frame.loadCore({ catalog: true });
  if (!core) return;
  const { llm, catalog } = core;
  const f = llm.format;
  const providers = new Map(catalog.providers.map((p) => [p.id, p.name]));
  models.replaceChildren(...catalog.models.map((m) => make('option', { value: m.id, label: `${providers.get(m.provider) ?? m.provider} — ${m.name}` })));

  const compute = () => {
    const e = form.elements;
    cachedField.querySelector('.affix').textContent = e.cached_unit.value === 'tokens' ? 'tokens' : '%';
    frame.clearErrors();
    frame.setOpenLink({ model: e.model.value, input: e.input.value, output: e.output.value, cached: e.cached.value, cached_unit: e.cached_unit.value, requests: e.requests.value, per: e.per.value, batch: e.batch.checked ? '1' : '' });
    try {
      const tokens = tokenInput(e);
      const daily = requestsPerDay(e);
      const r = priceOn(llm, e.model.value, tokens, e.batch.checked);
      results.querySelector('.resolved').textContent = `${providers.get(r.model.provider) ?? r.model.provider} — ${r.model.name}${r.batch ? ' · batch' : ''}`;
      out.request.textContent = f.usd(r.cost_usd);
      out.request_sub.textContent = `${f.count(r.lines.reduce((s, l) => s + l.tokens, 0))} tokens`;
      out.day.textContent = f.usd(r.cost_usd * daily);
      out.day_sub.textContent = `${f.number(daily, 1)} requests`;
      out.month.textContent = f.usd(r.cost_usd * daily * DAYS_PER_MONTH);
      out.month_sub.textContent = `${f.number(daily * DAYS_PER_MONTH, 1)} requests`;
      lines.replaceChildren(...lineRows(f, r));
      source.replaceChildren(...priceSource(r));
      frame.showResults();
    } catch (err) {
      frame.showError(err instanceof LlmcalcError ? err : { message: String(err?.message ?? err) }, (name) => (name === 'cached_share' ? 'cached' : name));
    }
  };
  form.addEventListener('input', compute);
  form.addEventListener('change', compute);
  compute();
}
