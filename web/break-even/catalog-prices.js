// Break-even on real prices: a model picked on either path fills its price
// fields from the catalog (the base model's prices in force now; on the
// tuned path a fine-tuned model's tuned prices, or any model that would
// replace the base as is, e.g. a smaller one). The fields stay editable;
// typing a price switches the picker back to "typed". The choice is in the
// URL with the other inputs, and restored once the catalog has loaded.
import { make, sourceHost, sourceLink } from '../src/shell/dom.js';

const CHOOSABLE = new Set(['chat', 'reasoning']);

/** Prices per 1M for every option value: "provider:id" and "tuned:provider:id". */
function priceTable(llm, catalog) {
  const table = new Map();
  for (const m of catalog.models) {
    if (!CHOOSABLE.has(m.kind) || m.deprecated || m.prices.input === null || m.prices.output === null) continue;
    table.set(`${m.provider}:${m.id}`, { label: m.id, input: m.prices.input, output: m.prices.output, source: m.source, as_of: m.as_of, provider: m.provider });
  }
  // Tuned prices come with the training quotes (src/training/): one quote per tunable model.
  const quotes = llm.trainingCost({ examples: 1, tokens_per_example: 1 }).hosted;
  for (const q of quotes) {
    if (!q.model || !q.tuned || q.tuned.input === null || q.tuned.output === null) continue;
    table.set(`tuned:${q.provider}:${q.model}`, {
      label: `${q.model}, fine-tuned`, input: q.tuned.input, output: q.tuned.output, source: q.source, as_of: q.as_of, provider: q.provider, tuned: true,
    });
  }
  return table;
}

function fillSelect(select, table, catalog, withTuned) {
  const providers = new Map(catalog.providers.map((p) => [p.id, p.name]));
  const groups = [];
  if (withTuned) {
    const tuned = make('optgroup', { label: 'Fine-tuned (tuned prices)' });
    for (const [key, p] of table) if (p.tuned) tuned.append(new Option(p.label, key));
    groups.push(tuned);
  }
  for (const [id, name] of providers) {
    const group = make('optgroup', { label: withTuned ? `${name}, as is` : name });
    for (const [key, p] of table) if (!p.tuned && p.provider === id) group.append(new Option(p.label, key));
    if (group.children.length) groups.push(group);
  }
  select.append(...groups);
}

export async function bindCatalogPrices(llm, form) {
  // The URL's choice, kept before the options exist to take it.
  const wanted = new URLSearchParams(location.search);
  const catalog = await llm.loadCatalog();
  const table = priceTable(llm, catalog);
  for (const path of ['base', 'tuned']) {
    const select = form.elements[`${path}_model`];
    const hint = form.querySelector(`[data-model-hint="${path}"]`);
    const defaultHint = hint.textContent;
    fillSelect(select, table, catalog, path === 'tuned');
    const describe = () => {
      const p = table.get(select.value);
      hint.replaceChildren();
      if (!p) {
        hint.textContent = defaultHint;
        return;
      }
      hint.append(`${p.label}: ${llm.format.usd(p.input)} in, ${llm.format.usd(p.output)} out per 1M, as of ${p.as_of} (`, sourceLink(p.source, sourceHost(p.source)), ').');
    };
    const fill = () => {
      const p = table.get(select.value);
      if (p) {
        form.elements[`${path}_input_price`].value = String(p.input);
        form.elements[`${path}_output_price`].value = String(p.output);
        form.dispatchEvent(new Event('input')); // recompute and write the URL
      }
      describe();
    };
    if (wanted.has(`${path}_model`) && table.has(wanted.get(`${path}_model`))) {
      select.value = wanted.get(`${path}_model`);
      // Prices in the link win (they may have been edited); otherwise fill.
      if (!wanted.has(`${path}_input_price`)) fill();
      else describe();
    }
    select.addEventListener('change', fill);
    for (const name of [`${path}_input_price`, `${path}_output_price`]) {
      form.elements[name].addEventListener('input', () => {
        select.value = '';
        describe();
      });
    }
  }
}
