// The price calculator: one request of a model priced by the core (the
// same code as `llmcalc price`), itemized, scaled to a day, a month and a
// year; a table of every catalog model priced with the same tokens; and a
// side-by-side bar chart of a few picked models. Token counts are passed to
// the core as typed, so its messages (negative, fractional, not a number,
// unknown model with the closest ids) are the ones shown at the fields.
import '../src/styles/tool.css';
import '../src/charts/chart.css';
import '../src/charts/bar-chart.css';
import './price.css';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';
import { DAYS_PER_MONTH, lineRows, tokenInput as readTokens, requestsPerDay as readRequests, priceOn as priceWith } from './price-input.js';
import { downloadCsv, downloadJson, downloadPng, downloadSvg } from '../src/shell/export.js';
import { clearFieldErrors, markFieldError } from '../src/shell/field-errors.js';
import { renderBarChart } from '../src/charts/bar-chart.js';
import { bindFormToUrl, copyLink } from '../src/shell/url-state.js';
import { make, priceSource, sourceLink } from '../src/shell/dom.js';
import { bindEmbedButton } from '../src/shell/embed-dialog.js';

const MAX_COMPARE = 6;
const TOKEN_FIELDS = new Set(['input', 'output', 'cached']);

const form = document.getElementById('price-form');
const $ = (selector) => document.querySelector(selector);
const out = (name) => $(`[data-out="${name}"]`);
const status = $('[data-status]');
const formError = $('[data-form-error]');
const results = $('[data-price-results]');
const compareField = $('[data-compare-field]');

async function main() {
  const compareState = new Set();
  const writeUrl = bindFormToUrl(form, {
    onRestore: () => {
      for (const key of compareField.value.split(',').filter(Boolean).slice(0, MAX_COMPARE)) compareState.add(key);
    },
  });
  syncUnits();

  let llm;
  let catalog;
  try {
    llm = await loadLlmcalc();
    catalog = await llm.loadCatalog();
  } catch (e) {
    status.textContent = `The calculator could not load: ${e.message}`;
    $('[data-catalog-info]').textContent = 'The price catalog could not load.';
    return;
  }
  const f = llm.format;
  const usdOrDash = (n) => (Number.isFinite(n) ? f.usd(n) : '—');
  const providers = new Map(catalog.providers.map((p) => [p.id, p]));
  const providerName = (id) => providers.get(id)?.name ?? id;
  const keyOf = (m) => `${m.provider}:${m.id}`;
  const models = new Map(catalog.models.map((m) => [keyOf(m), m]));
  for (const key of [...compareState]) if (!models.has(key)) compareState.delete(key);
  compareField.value = [...compareState].join(',');
  status.hidden = true;

  renderCatalogInfo(llm, catalog, providerName);
  fillModelList(catalog, providerName);

  // ---- the main calculation ------------------------------------------------
  const tokenInput = () => readTokens(form.elements);
  const requestsPerDay = () => readRequests(form.elements);
  const priceOn = (model, tokens, batch, options) => priceWith(llm, model, tokens, batch, options);

  function clearErrors() {
    clearFieldErrors(form);
    formError.hidden = true;
    suggestions.hidden = true;
  }

  function showError(error) {
    const name = error.field === 'cached_share' ? 'cached' : error.field;
    markFieldError(form, name, error.message);
    formError.textContent = error.message;
    formError.hidden = false;
    results.hidden = true;
    if (name === 'model') suggest(error.message);
  }

  /** The core names the closest ids of an unknown model: offer them as one-click picks. */
  const suggestions = $('[data-model-suggestions]');
  function suggest(message) {
    const list = /Closest ids: (.+)\.$/.exec(message)?.[1].split(/, | or /) ?? [];
    suggestions.hidden = list.length === 0;
    // Unchanged (e.g. the field's change event on leaving it for a click here): keep the same buttons.
    if (suggestions.dataset.ids === list.join(' ')) return;
    suggestions.dataset.ids = list.join(' ');
    suggestions.replaceChildren(
      ...(list.length ? ['Did you mean '] : []),
      ...list.flatMap((id, i) => {
        const button = make('button', { type: 'button', className: 'button button--small', textContent: id });
        button.addEventListener('click', () => {
          form.elements.model.value = id;
          form.elements.model.dispatchEvent(new Event('input', { bubbles: true }));
          form.elements.model.focus();
        });
        return [i ? ' ' : '', button];
      }),
    );
  }

  /** The catalog entry the typed model resolves to, or null. */
  function typedModel() {
    try {
      const m = llm.findModel(form.elements.model.value);
      return models.get(keyOf(m)) ?? null;
    } catch {
      return null;
    }
  }

  let current = null; // catalog entry of the typed model
  let tokensOk = false;
  let perDay = null;

  function update() {
    syncUnits();
    clearErrors();
    current = typedModel();
    syncBatch(current);
    const hint = $('[data-model-hint]');
    hint.textContent = current
      ? `${providerName(current.provider)} — ${current.name} · ${current.context_window ? `${f.count(current.context_window)} tokens of context` : 'context window not listed'}`
      : '';
    tokensOk = false;
    perDay = null;
    let tokens;
    try {
      tokens = tokenInput();
      perDay = requestsPerDay();
      const batch = form.elements.batch.checked && !form.elements.batch.disabled;
      const r = priceOn(form.elements.model.value, tokens, batch);
      tokensOk = true;
      render(r, perDay);
    } catch (e) {
      const error = e instanceof LlmcalcError ? e : { field: '', message: String(e?.message ?? e) };
      // Token counts are fine when the fault is the model's, a missing price, or the volume.
      tokensOk = !TOKEN_FIELDS.has(error.field) || /does not offer/.test(error.message);
      if (error.field === 'requests') perDay = null;
      showError(error);
    }
    promptCounter.modelChanged(current);
    table.markCurrent(current ? keyOf(current) : null);
    table.schedule(tokensOk ? tokens : null);
    comparison.render();
  }

  function syncBatch(model) {
    const box = form.elements.batch;
    const note = $('[data-batch-note]');
    if (!model) {
      box.disabled = false;
      note.textContent = '';
      return;
    }
    const multiplier = model.batch_multiplier;
    box.disabled = multiplier === null;
    note.textContent =
      multiplier === null
        ? `${providerName(model.provider)} has no batch price in the catalog.`
        : `${providerName(model.provider)} batch: ${f.percent(multiplier, 0)} of the standard price.`;
    if (multiplier !== null && model.batch_confirmed === false) {
      // Taken from a secondary source: say so, and link the page to check.
      const source = providers.get(model.provider)?.batch_source;
      const link = Object.assign(document.createElement('a'), { href: source ?? '#', textContent: 'the provider’s batch page', rel: 'noopener' });
      note.append(' Unconfirmed: from a secondary source; check ', link, '.');
    }
  }

  function render(r, daily) {
    results.hidden = false;
    const m = models.get(`${r.model.provider}:${r.model.id}`);
    $('[data-resolved]').replaceChildren(
      make('strong', { textContent: `${providerName(r.model.provider)} — ${r.model.name}` }),
      ` (${r.model.id})`,
      // An alias or dated snapshot typed: say which entry it resolved to.
      r.model.resolved_from.toLowerCase().replace(`${r.model.provider}:`, '') !== r.model.id.toLowerCase() ? ` · for “${r.model.resolved_from}”` : '',
      r.batch ? (r.batch_confirmed === false ? ' · batch (unconfirmed discount)' : ' · batch') : '',
    );
    out('per_request').textContent = f.usd(r.cost_usd);
    out('per_request_sub').textContent = `${f.count(r.lines.reduce((s, l) => s + l.tokens, 0))} tokens`;
    const monthly = daily * DAYS_PER_MONTH;
    out('per_day').textContent = f.usd(r.cost_usd * daily);
    out('per_day_sub').textContent = `${f.number(daily, 1)} requests`;
    out('per_month').textContent = f.usd(r.cost_usd * monthly);
    out('per_month_sub').textContent = `${f.number(monthly, 1)} requests`;
    out('per_year').textContent = f.usd(r.cost_usd * daily * 365.25);
    out('per_year_sub').textContent = `${f.number(daily * 365.25, 0)} requests`;

    const rows = lineRows(f, r);
    $('[data-lines]').replaceChildren(...rows);
    out('total').textContent = f.usd(r.cost_usd);

    const p = m?.prices ?? {};
    const priceItem = (label, value) => [
      make('dt', { textContent: label }),
      make('dd', { textContent: value === null || value === undefined ? 'not offered' : f.usd(value), className: value === null || value === undefined ? 'missing' : '' }),
    ];
    $('[data-prices]').replaceChildren(
      ...priceItem('Input', p.input),
      ...priceItem('Cached read', p.cache_read),
      ...(p.cache_write_5m !== null && p.cache_write_5m !== undefined ? priceItem('Cache write', p.cache_write_5m) : []),
      ...priceItem('Output', p.output),
      make('dt', { textContent: 'Batch' }),
      make('dd', {
        textContent: m?.batch_multiplier
          ? `${f.percent(m.batch_multiplier, 0)} of these${m.batch_confirmed === false ? ' (unconfirmed)' : ''}`
          : 'not offered',
        className: m?.batch_multiplier ? '' : 'missing',
      }),
    );
    $('[data-source]').replaceChildren(...priceSource(r));
    const notes = [];
    if (r.long_context) notes.push('This request is long enough for the model’s long-context prices; they are applied above.');
    else if (m?.long_context_tiers) notes.push('This model charges more above a context length; a longer request would cost more per token.');
    if (m?.deprecated) notes.push(`This model is deprecated${m.shutdown_date ? `; shutdown ${m.shutdown_date}` : ''}.`);
    if (m?.price_changes) notes.push('This model’s price changed over time; the price in force today is used.');
    $('[data-notes]').replaceChildren(...notes.map((n) => make('li', { textContent: n })));
  }

  // ---- the table of all models -------------------------------------------
  const table = createTable({ llm, catalog, providerName, keyOf, priceOn, compareState, onCompareChange });
  // ---- side-by-side comparison ---------------------------------------------
  const columns = ['provider', 'model', 'name', 'context_window', 'input_per_1m', 'cached_input_per_1m', 'output_per_1m', 'cost_per_request', 'as_of', 'source'];
  const exporters = {
    csv: () => downloadCsv('llm-prices.csv', columns, table.exportRows()),
    json: () => downloadJson('llm-prices.json', { as_of: catalog.asOf, generated: catalog.generated, models: table.exportRows() }),
    png: () => downloadPng('llm-cost-comparison.png', $('[data-compare-chart]')),
    svg: () => downloadSvg('llm-cost-comparison.svg', $('[data-compare-chart]')),
  };
  for (const button of document.querySelectorAll('[data-export]')) {
    button.addEventListener('click', () => exporters[button.dataset.export]());
  }
  const comparison = createComparison({ llm, models, providerName, keyOf, priceOn, compareState, tokenInput, requestsPerDay, onCompareChange, current: () => current });
  const promptCounter = createPromptCounter(llm, form.elements.input);

  function onCompareChange() {
    compareField.value = [...compareState].join(',');
    writeUrl();
    table.syncChecks();
    comparison.render();
  }

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
  $('[data-copy-link]').addEventListener('click', async () => {
    $('[data-copy-status]').textContent = await copyLink();
  });
  bindEmbedButton({ form, tool: 'price', anchor: $('[data-copy-link]') });
}

function syncUnits() {
  const e = form.elements;
  $('[data-cached-affix]').textContent = e.cached_unit.value === 'tokens' ? 'tokens' : '% of input';
  $('[data-requests-affix]').textContent = e.per.value === 'month' ? '/ month' : '/ day';
}

function renderCatalogInfo(llm, catalog, providerName) {
  const genai = catalog.sources.find((s) => s.url);
  $('[data-catalog-info]').replaceChildren(
    'Prices as of ',
    make('strong', { textContent: catalog.asOf }),
    ' · catalog generated ',
    make('strong', { textContent: catalog.generated }),
    ` · ${llm.format.count(catalog.models.length)} models from ${catalog.providers.length} providers`,
    genai ? ' · from ' : '',
    genai ? sourceLink(genai.url, `${genai.name}${genai.version ? ` ${genai.version}` : ''}`) : '',
    ' and the providers’ pages (',
    make('a', { href: '#sources-heading', textContent: 'sources' }),
    ').',
  );
  const items = catalog.sources.map((s) =>
    make('li', {}, [
      s.url ? sourceLink(s.url, s.name) : make('code', { textContent: s.name }),
      `${s.version ? ` ${s.version}` : ''} (${s.license}), as of ${s.as_of}: ${s.covers}.`,
    ]),
  );
  items.push(
    make('li', {}, [
      'Each provider’s price page: ',
      ...catalog.providers.flatMap((p, i) => [i ? ', ' : '', sourceLink(p.source, providerName(p.id))]),
      '.',
    ]),
  );
  $('[data-sources]').replaceChildren(...items);
}

function fillModelList(catalog, providerName) {
  const counts = new Map();
  for (const m of catalog.models) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  const options = catalog.models.map((m) =>
    make('option', {
      // An id several providers serve is written provider:id, so each option picks one entry.
      value: counts.get(m.id) > 1 ? `${m.provider}:${m.id}` : m.id,
      label: `${providerName(m.provider)} — ${m.name}`,
    }),
  );
  $('#model-list').replaceChildren(...options);
  const select = $('[data-filter-provider]');
  select.append(...catalog.providers.map((p) => make('option', { value: p.id, textContent: p.name })));
}

/**
 * The table: rows built once; filtering toggles `hidden`, sorting re-appends
 * the same rows, and the cost column is priced by the core in small slices
 * between frames, so typing stays responsive with a thousand models.
 */
function createTable({ llm, catalog, providerName, keyOf, priceOn, compareState, onCompareChange }) {
  const f = llm.format;
  const tbody = $('[data-model-rows]');
  const count = $('[data-models-count]');
  const price = (v) => (v === null ? make('span', { className: 'missing', textContent: 'not offered' }) : f.usd(v));
  const rows = catalog.models.map((m, index) => {
    const key = keyOf(m);
    const check = make('input', { type: 'checkbox', value: key });
    check.setAttribute('aria-label', `Compare ${providerName(m.provider)} ${m.id}`);
    const costCell = make('td', { className: 'n cost', textContent: '…' });
    const modelCell = make('td', { className: 'model-cell' }, [make('span', { className: 'model-id', textContent: m.id })]);
    if (m.name && m.name.toLowerCase() !== m.id.toLowerCase()) modelCell.append(make('span', { className: 'model-name', textContent: m.name }));
    if (m.deprecated) modelCell.append(make('span', { className: 'badge', textContent: 'deprecated' }));
    const tr = make('tr', {}, [
      make('td', { className: 'pick' }, [check]),
      make('td', { textContent: providerName(m.provider) }),
      modelCell,
      make('td', { className: 'n', textContent: m.context_window ? f.count(m.context_window) : '—' }),
      make('td', { className: 'n' }, [price(m.prices.input)]),
      make('td', { className: 'n' }, [price(m.prices.cache_read)]),
      make('td', { className: 'n' }, [price(m.prices.output)]),
      costCell,
      make('td', { className: 'as-of' }, [sourceLink(m.source, m.as_of)]),
    ]);
    tr.dataset.key = key;
    const haystack = [m.provider, providerName(m.provider), m.id, m.name, ...(m.aliases ?? [])].join(' ').toLowerCase();
    return { m, key, tr, check, costCell, index, haystack, cost: null };
  });
  tbody.append(...rows.map((r) => r.tr));
  const byKey = new Map(rows.map((r) => [r.key, r]));

  // Filtering.
  const providerSelect = $('[data-filter-provider]');
  const textInput = $('[data-filter-text]');
  function filter() {
    const provider = providerSelect.value;
    const words = textInput.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const r of rows) {
      const visible = (!provider || r.m.provider === provider) && words.every((w) => r.haystack.includes(w));
      r.tr.hidden = !visible;
      if (visible) shown += 1;
    }
    count.replaceChildren(`${f.count(shown)} of ${f.count(rows.length)} models`);
    if (compareState.size) {
      count.append(' · ', make('a', { href: '#compare-heading', textContent: `${f.count(compareState.size)} compared above` }));
    }
  }
  providerSelect.addEventListener('change', filter);
  textInput.addEventListener('input', filter);
  filter();

  // Sorting: click a heading for ascending, again for descending. Missing values sort last either way.
  const keys = {
    provider: (r) => providerName(r.m.provider).toLowerCase(),
    model: (r) => r.m.id.toLowerCase(),
    context: (r) => r.m.context_window,
    input: (r) => r.m.prices.input,
    cached: (r) => r.m.prices.cache_read,
    output: (r) => r.m.prices.output,
    cost: (r) => r.cost,
    as_of: (r) => r.m.as_of,
  };
  let sort = { column: null, dir: 1 };
  const headers = [...document.querySelectorAll('[data-model-table] th[data-sort]')];
  function applySort() {
    const order = rows.slice();
    if (sort.column) {
      const get = keys[sort.column];
      order.sort((a, b) => {
        const x = get(a);
        const y = get(b);
        const xMissing = x === null || x === undefined;
        const yMissing = y === null || y === undefined;
        if (xMissing || yMissing) return xMissing - yMissing || a.index - b.index;
        const c = x < y ? -1 : x > y ? 1 : 0;
        return c * sort.dir || a.index - b.index;
      });
    }
    tbody.append(...order.map((r) => r.tr));
    for (const th of headers) {
      th.setAttribute('aria-sort', th.dataset.sort === sort.column ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none');
    }
  }
  for (const th of headers) {
    th.querySelector('button').addEventListener('click', () => {
      sort = { column: th.dataset.sort, dir: sort.column === th.dataset.sort ? -sort.dir : 1 };
      applySort();
    });
  }

  // Comparison picks.
  function syncChecks() {
    const full = compareState.size >= MAX_COMPARE;
    for (const r of rows) {
      r.check.checked = compareState.has(r.key);
      r.check.disabled = full && !r.check.checked;
      r.tr.classList.toggle('picked', r.check.checked);
    }
    filter();
  }
  tbody.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
    if (box.checked && compareState.size < MAX_COMPARE) compareState.add(box.value);
    else compareState.delete(box.value);
    onCompareChange();
  });
  syncChecks();

  // The cost column, priced in slices.
  let job = 0;
  let timer = 0;
  function schedule(tokens) {
    const batch = form.elements.batch.checked;
    // Same tokens (e.g. the change event after input): let a running pass finish.
    const signature = JSON.stringify([tokens, batch]);
    if (signature === schedule.last) return;
    schedule.last = signature;
    job += 1;
    clearTimeout(timer);
    if (!tokens) {
      for (const r of rows) {
        r.cost = null;
        r.costCell.textContent = '—';
        r.costCell.title = 'Enter valid token counts above.';
      }
      if (sort.column === 'cost') applySort();
      tbody.dataset.priced = '';
      return;
    }
    const mine = job;
    let i = 0;
    // Rows in their current order, so what is on screen is priced first.
    const order = [...tbody.children].map((tr) => byKey.get(tr.dataset.key));
    const step = () => {
      if (mine !== job) return;
      const until = performance.now() + 12;
      while (i < order.length && performance.now() < until) {
        const r = order[i++];
        try {
          // Batch ticked prices every row as batch: where a provider has none, the core says so ("not offered").
          const result = priceOn(r.key, tokens, batch, { validate: false });
          r.cost = result.cost_usd;
          r.costCell.textContent = f.usd(result.cost_usd);
          r.costCell.title = '';
          r.costCell.classList.remove('missing');
        } catch (e) {
          r.cost = null;
          const offered = !/does not offer/.test(e.message);
          r.costCell.textContent = offered ? '—' : 'not offered';
          r.costCell.classList.toggle('missing', !offered);
          r.costCell.title = e.message;
        }
      }
      if (i < order.length) {
        timer = setTimeout(step, 0);
      } else {
        if (sort.column === 'cost') applySort();
        tbody.dataset.priced = '';
      }
    };
    delete tbody.dataset.priced;
    // A short pause first: while someone types, only the last value is priced.
    timer = setTimeout(step, 60);
  }

  let marked = null;
  function markCurrent(key) {
    marked?.tr.classList.remove('current');
    marked = byKey.get(key) ?? null;
    marked?.tr.classList.add('current');
  }

  /** The visible rows in their shown order, as plain values for export. */
  function exportRows() {
    return [...tbody.children]
      .filter((tr) => !tr.hidden)
      .map((tr) => {
        const { m, cost } = byKey.get(tr.dataset.key);
        return {
          provider: m.provider,
          model: m.id,
          name: m.name,
          context_window: m.context_window,
          input_per_1m: m.prices.input,
          cached_input_per_1m: m.prices.cache_read,
          output_per_1m: m.prices.output,
          cost_per_request: cost,
          as_of: m.as_of,
          source: m.source,
        };
      });
  }

  return { schedule, syncChecks, markCurrent, exportRows };
}

function createComparison({ llm, models, providerName, priceOn, compareState, tokenInput, requestsPerDay, onCompareChange, current }) {
  const f = llm.format;
  const section = $('[data-compare]');
  const svg = $('[data-compare-chart]');
  const tbody = $('[data-compare-rows]');
  $('[data-compare-clear]').addEventListener('click', () => {
    compareState.clear();
    onCompareChange();
  });
  tbody.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('button[data-remove]');
    if (!button) return;
    compareState.delete(button.dataset.remove);
    onCompareChange();
  });

  let last = null;
  function render() {
    section.hidden = compareState.size === 0;
    if (section.hidden) return;
    let tokens = null;
    let daily = null;
    try {
      tokens = tokenInput();
      daily = requestsPerDay();
    } catch {
      /* the fields show the message; the comparison shows dashes */
    }
    const batch = form.elements.batch.checked;
    const entries = [...compareState].map((key) => {
      const m = models.get(key);
      let cost = null;
      let note = '';
      if (tokens) {
        try {
          cost = priceOn(key, tokens, batch, { validate: false }).cost_usd;
        } catch (e) {
          note = /does not offer/.test(e.message) ? 'not offered' : '—';
        }
      }
      const monthly = cost !== null && daily !== null ? cost * daily * DAYS_PER_MONTH : null;
      return { key, m, cost, monthly, note };
    });
    const cur = current();
    $('[data-compare-hint]').textContent =
      daily === null || tokens === null
        ? 'Fix the inputs above to compare.'
        : `${f.count(entries.length)} of at most ${MAX_COMPARE} models · ${f.number(daily * DAYS_PER_MONTH, 0)} requests a month${batch ? ' · batch' : ''}.`;
    last = entries.map((e) => ({
      label: `${providerName(e.m.provider)} — ${e.m.id}${cur && cur.provider === e.m.provider && cur.id === e.m.id ? ' (the model above)' : ''}`,
      value: e.monthly,
      valueLabel: e.monthly === null ? e.note || '—' : `${f.usd(e.monthly)} / month`,
      className: cur && cur.provider === e.m.provider && cur.id === e.m.id ? 'bar-row--current' : '',
    }));
    draw();
    tbody.replaceChildren(
      ...entries.map((e) => {
        const remove = make('button', { type: 'button', className: 'button button--small', textContent: '✕', title: 'Remove from the comparison' });
        remove.dataset.remove = e.key;
        remove.setAttribute('aria-label', `Remove ${e.m.id} from the comparison`);
        return make('tr', {}, [
          make('th', { scope: 'row' }, [make('span', { className: 'model-id', textContent: e.m.id }), make('span', { className: 'model-name', textContent: providerName(e.m.provider) })]),
          make('td', { className: 'n', textContent: e.cost === null ? e.note || '—' : f.usd(e.cost) }),
          make('td', { className: 'n', textContent: e.monthly === null ? e.note || '—' : f.usd(e.monthly) }),
          make('td', { className: 'n' }, [remove]),
        ]);
      }),
    );
  }
  function draw() {
    if (!last || section.hidden) return;
    renderBarChart(svg, {
      title: 'Monthly cost of the same requests on each compared model',
      bars: last,
      formatTick: (n) => f.usd(n),
    });
  }
  let width = 0;
  new ResizeObserver(() => {
    if (svg.clientWidth !== width) {
      width = svg.clientWidth;
      draw();
    }
  }).observe(section);
  return { render };
}

/**
 * "Count a prompt": offered only when the package has the tokenizer
 * (llm.loadEncoding); counts with the model's own encoding and fills the
 * input-token field, or says plainly when that encoding is not local.
 */
function createPromptCounter(llm, inputField) {
  const box = $('[data-prompt-count]');
  const none = { modelChanged() {} };
  if (typeof llm.loadEncoding !== 'function') return none;
  box.hidden = false;
  const text = $('#prompt-text');
  const note = $('[data-prompt-status]');
  const local = new Set((llm.encodings ?? []).map((e) => e.name));
  let model = null;
  let timer = 0;
  let run = 0;

  async function count() {
    const mine = ++run;
    if (!model) {
      note.textContent = 'Choose a known model first: the count depends on its tokenizer.';
      return;
    }
    const name = model.tokenizer;
    if (!name || !local.has(name)) {
      note.textContent = `No tokenizer for ${model.id} is available in this page${name ? ` (${name})` : ''}: count with the provider's tools and type the number.`;
      return;
    }
    if (text.value === '') {
      note.textContent = `Counts with ${name}, ${model.id}'s tokenizer.`;
      return;
    }
    note.textContent = `Loading the ${name} tokenizer…`;
    try {
      const enc = await llm.loadEncoding(name);
      if (mine !== run) return;
      const n = enc.count(text.value, { disallowedSpecial: [] });
      inputField.value = llm.format.count(n);
      inputField.dispatchEvent(new Event('input', { bubbles: true }));
      note.textContent = `${llm.format.count(n)} tokens with ${name}, filled in as input tokens.`;
    } catch (e) {
      if (mine === run) note.textContent = `The prompt could not be counted: ${e.message}`;
    }
  }
  text.addEventListener('input', (event) => {
    event.stopPropagation(); // not a form field: no recalculation until the count is filled in
    clearTimeout(timer);
    timer = setTimeout(count, 150);
  });
  return {
    modelChanged(m) {
      if (m === model) return;
      model = m;
      count();
    },
  };
}

main();
