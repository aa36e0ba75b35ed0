// The embedding cost page: the form as typed goes to the core (the same code
// as `llmcalc embedding`), which validates and computes; this file keeps the
// model list, the corpus counts and the results in step. Pasted text and
// files are counted in count.worker.js with the model's own encoding when
// this build runs it (OpenAI's), else with o200k_base as an estimate.
import '../src/styles/tool.css';
import '../src/styles/text-input.css';
import './embedding.css';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';
import { bindFormToUrl, copyLink } from '../src/shell/url-state.js';
import { clearFieldErrors, markFieldError } from '../src/shell/field-errors.js';
import { downloadCsv, downloadJson } from '../src/shell/export.js';
import { bindDropZone } from '../src/shell/drop-zone.js';
import { make, sourceHost, sourceLink } from '../src/shell/dom.js';

const DEFAULT_MODEL = 'openai:text-embedding-3-small';
// Re-embeddings a month: a month is 365.25 ÷ 12 days.
const REEMBEDS = {
  never: 0,
  yearly: 1 / 12,
  quarterly: 1 / 3,
  monthly: 1,
  weekly: 365.25 / 7 / 12,
  daily: 365.25 / 12,
};
const REEMBED_HINTS = {
  never: 'Embedded once, kept as it is.',
  yearly: 'All of it once a year: 1/12 a month.',
  quarterly: 'All of it every 3 months: 1/3 a month.',
  monthly: 'All of it once a month.',
  weekly: 'All of it every week: 4.35 times a month.',
  daily: 'All of it every day: 30.44 times a month.',
};
const PRECISION_HINTS = {
  float32: '4 bytes per dimension.',
  float16: '2 bytes per dimension.',
  int8: '1 byte per dimension.',
  binary: '1 bit per dimension, whole bytes per vector.',
};

const form = document.getElementById('embedding-form');
const $ = (selector) => document.querySelector(selector);
const out = (name) => $(`[data-out="${name}"]`);
const status = $('[data-status]');
const formError = $('[data-form-error]');
const results = $('[data-embedding-results]');
const textArea = document.getElementById('corpus-text');
const countStatus = $('[data-count-status]');

const worker = new Worker(new URL('./count.worker.js', import.meta.url), { type: 'module' });
let llm;
let f;
const models = new Map(); // "provider:id" → catalog entry (embedding models)
const providers = new Map();
let encodingNames = new Set();
let last = null; // the newest result, for export

// The corpus in text mode: the pasted text (one document when not empty)
// and the files (one each), with their counts per encoding.
const files = []; // { name, text, counts: { [encoding]: tokens } }
let fileProblems = []; // files left out, with the reason
let textCount = null; // { text, encoding, tokens } of the text area
let latestId = 0;
let requested = null; // { id, encoding, files } of the count in flight

const mode = () => form.elements.corpus.value;
const tokenCount = (n) => `${f.count(n)} token${n === 1 ? '' : 's'}`;
const providerName = (id) => providers.get(id)?.name ?? id;
const currentModel = () => models.get(form.elements.model.value) ?? null;

// The core's rule (src/catalog/model_tokenizer.h): the model's own encoding
// when llmcalc runs it, else o200k_base as an estimate.
const countingEncoding = (m) => (m ? llm.findModel(`${m.provider}:${m.id}`).counting.encoding : 'o200k_base');

function fillModels(catalog) {
  for (const p of catalog.providers) providers.set(p.id, p);
  const groups = new Map();
  for (const m of catalog.models.filter((m) => m.kind === 'embedding')) {
    const key = `${m.provider}:${m.id}`;
    models.set(key, m);
    const dims = m.embedding_dimensions ? `${f.count(m.embedding_dimensions)} dims` : 'dims not listed';
    const label = `${m.id} · ${f.usd(m.prices.input)} · ${dims}${m.deprecated ? ' · deprecated' : ''}`;
    if (!groups.has(m.provider)) groups.set(m.provider, make('optgroup', { label: providerName(m.provider) }));
    groups.get(m.provider).append(make('option', { value: key, textContent: label }));
  }
  const select = form.elements.model;
  select.replaceChildren(...groups.values());
  select.value = DEFAULT_MODEL;
  if (select.selectedIndex < 0) select.selectedIndex = 0;
  // The default as written in the HTML, so the URL leaves it out.
  for (const o of select.options) o.defaultSelected = o.value === select.value;
}

function syncForm() {
  for (const group of form.querySelectorAll('[data-corpus]')) group.hidden = group.dataset.corpus !== mode();
  $('[data-link-note]').hidden = mode() !== 'text';
  const m = currentModel();
  const hint = $('[data-model-hint]');
  if (!m) {
    hint.textContent = '';
    return;
  }
  hint.replaceChildren(
    `${providerName(m.provider)} · ${f.usd(m.prices.input)} per 1M tokens · `,
    m.embedding_dimensions ? `${f.count(m.embedding_dimensions)} dimensions` : 'dimensions not listed',
    m.context_window ? ` · inputs up to ${f.count(m.context_window)} tokens` : '',
    ' · price from ',
    sourceLink(m.source, sourceHost(m.source)),
    `, as of ${m.as_of}`,
    m.deprecated ? ` · deprecated${m.shutdown_date ? `, shuts down ${m.shutdown_date}` : ''}` : '',
    '.',
  );
  const dims = form.elements.dimensions;
  dims.placeholder = m.embedding_dimensions ? f.count(m.embedding_dimensions) : 'required';
  $('[data-dimensions-hint]').textContent = m.embedding_dimensions
    ? `Empty: the model’s own ${f.count(m.embedding_dimensions)}.`
    : 'The catalog lists no default for this model: enter its vector size.';
  const batch = form.elements.batch;
  const multiplier = m.batch_multiplier;
  batch.disabled = multiplier === null;
  $('[data-batch-note]').textContent =
    multiplier === null
      ? `${providerName(m.provider)} has no batch price in the catalog.`
      : `${providerName(m.provider)} batch: ${f.percent(multiplier, 0)} of the price, for the corpus (not queries).`;
  $('[data-reembed-hint]').textContent = REEMBED_HINTS[form.elements.reembed.value] ?? '';
  $('[data-precision-hint]').textContent = PRECISION_HINTS[form.elements.precision.value] ?? '';
}

// ---- counting the text and files -------------------------------------------

/** The text mode's corpus, or null while a count is still running. */
function countedCorpus() {
  const encoding = countingEncoding(currentModel());
  const text = textArea.value;
  const textTokens = text === '' ? 0 : textCount?.text === text && textCount.encoding === encoding ? textCount.tokens : undefined;
  const missing = files.filter((file) => file.counts[encoding] === undefined);
  if (textTokens === undefined || missing.length > 0) {
    if (requested?.encoding !== encoding || requested.text !== text || requested.files.length !== missing.length) {
      requested = { id: ++latestId, encoding, text, files: missing };
      worker.postMessage({ id: requested.id, encoding, texts: [text, ...missing.map((file) => file.text)] });
    }
    return null;
  }
  const tokens = textTokens + files.reduce((sum, file) => sum + file.counts[encoding], 0);
  return { encoding, tokens, documents: files.length + (text === '' ? 0 : 1) };
}

worker.onmessage = ({ data }) => {
  if (!requested || data.id !== requested.id) return; // an older answer; a newer one is coming
  if (data.error) {
    showError({ field: 'corpus_tokens', message: data.error.message });
    return;
  }
  const [textTokens, ...fileTokens] = data.counts;
  textCount = { text: requested.text, encoding: data.encoding, tokens: textTokens };
  requested.files.forEach((file, i) => {
    file.counts[data.encoding] = fileTokens[i];
  });
  requested = null;
  update();
};
worker.onerror = (event) => showError({ field: 'corpus_tokens', message: `The token counter stopped: ${event.message ?? 'unknown error'}` });

async function addFiles(list) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  fileProblems = [];
  for (const file of list) {
    let text;
    try {
      text = decoder.decode(await file.arrayBuffer());
    } catch {
      fileProblems.push(`${file.name} is not UTF-8 text: embedding APIs take text; convert it to UTF-8 first.`);
      continue;
    }
    if (text === '') {
      fileProblems.push(`${file.name} is empty: an embedding input needs at least one token.`);
      continue;
    }
    files.push({ name: file.name, text, counts: {} });
  }
  renderFiles();
  update();
}

function renderFiles() {
  const list = $('[data-file-list]');
  const encoding = countingEncoding(currentModel());
  list.hidden = files.length === 0;
  $('[data-clear-files]').hidden = files.length === 0;
  list.replaceChildren(
    ...files.map((file) =>
      make('li', {}, [
        make('span', { className: 'file-name', textContent: file.name }),
        make('span', { className: 'num', textContent: file.counts[encoding] === undefined ? 'counting…' : tokenCount(file.counts[encoding]) }),
      ]),
    ),
  );
}

function renderCountStatus(corpus) {
  const m = currentModel();
  if (!corpus) {
    countStatus.textContent = 'Counting…';
    return;
  }
  if (corpus.documents === 0) {
    countStatus.textContent = 'Nothing to count yet: paste a document or open files.';
    return;
  }
  const what = `${tokenCount(corpus.tokens)} in ${f.count(corpus.documents)} document${corpus.documents === 1 ? '' : 's'}`;
  countStatus.textContent =
    m && m.tokenizer === corpus.encoding
      ? `${what}, counted exactly with ${corpus.encoding}.`
      : `${what}: an estimate, counted with ${corpus.encoding} — ${m?.tokenizer ? `${m.id}’s tokenizer (${m.tokenizer})` : `a tokenizer for ${m?.id ?? 'this model'}`} cannot run here.`;
}

// ---- computing -------------------------------------------------------------

function readInput(corpus) {
  const el = form.elements;
  const input = {
    model: el.model.value,
    vectors: el.vectors.value,
    reembeds_per_month: REEMBEDS[el.reembed.value] ?? 0,
    queries_per_month: el.queries_per_month.value,
    query_tokens: el.query_tokens.value,
    dimensions: el.dimensions.value,
    precision: el.precision.value,
    batch: el.batch.checked && !el.batch.disabled,
  };
  if (mode() === 'numbers') {
    input.documents = el.documents.value;
    input.average_tokens = el.average_tokens.value;
  } else {
    input.corpus_tokens = corpus.tokens;
    input.documents = corpus.documents;
    input.counted_with = corpus.encoding;
  }
  return input;
}

function clearErrors() {
  clearFieldErrors(form);
  formError.hidden = true;
}

const showFieldError = (name, message) => markFieldError(form, name, message);

function showError(error) {
  const field = { counted_with: 'corpus_tokens' }[error.field] ?? error.field;
  showFieldError(field, error.message);
  formError.textContent = error.message;
  formError.hidden = false;
  results.hidden = true;
  status.hidden = true;
  last = null;
  syncExports();
}

function syncExports() {
  for (const button of document.querySelectorAll('[data-export]')) button.disabled = !last;
}

function update() {
  if (!llm) return;
  syncForm();
  clearErrors();
  let corpus = null;
  if (mode() === 'text') {
    corpus = countedCorpus();
    renderFiles();
    renderCountStatus(corpus);
    if (fileProblems.length) showFieldError('corpus_tokens', fileProblems.join(' '));
    if (!corpus) {
      results.toggleAttribute('data-pending', true);
      return; // the worker's answer calls update() again
    }
  }
  results.removeAttribute('data-pending');
  try {
    last = llm.embeddingCost(readInput(corpus));
    render(last);
  } catch (e) {
    showError(e instanceof LlmcalcError ? e : { field: '', message: String(e?.message ?? e) });
  }
  syncExports();
}

function render(r) {
  results.hidden = false;
  status.hidden = true;
  $('[data-resolved]').replaceChildren(
    make('strong', { textContent: `${providerName(r.model.provider)} — ${r.model.name}` }),
    ` (${r.model.id}) · ${f.usd(r.price_per_million)} / 1M tokens`,
    r.batch ? ` · batch (${f.percent(r.batch_multiplier, 0)})` : '',
  );
  out('one_time').textContent = f.usd(r.one_time_cost);
  out('one_time_sub').textContent = `${f.count(r.corpus_tokens)} tokens${r.tokens_exact === false ? ' (estimate)' : ''}`;
  out('monthly').textContent = f.usd(r.monthly_cost);
  out('monthly_sub').textContent = `re-embedding ${f.usd(r.monthly_reembed_cost)} + queries ${f.usd(r.monthly_query_cost)}`;
  out('first_year').textContent = f.usd(r.first_year_cost);
  out('first_year_sub').textContent = 'one-time + 12 × monthly';
  out('storage').textContent = f.bytes(r.storage_bytes);
  out('storage_sub').textContent = `${f.count(r.vectors)} vector${r.vectors === 1 ? '' : 's'} × ${f.bytes(r.bytes_per_vector)} (${f.count(r.dimensions)} × ${r.precision})`;

  const row = (label, tokens, price, cost) =>
    make('tr', {}, [
      make('th', { scope: 'row', textContent: label }),
      make('td', { className: 'num', textContent: tokens }),
      make('td', { className: 'num price', textContent: price }),
      make('td', { className: 'num', textContent: cost }),
    ]);
  // The monthly rows' tokens and costs are a month's, as their labels say.
  const reembedLabel = r.reembeds_per_month > 0 ? `Re-embed it, ${f.number(r.reembeds_per_month, 3)} × a month` : 'Re-embed it: never';
  const queryLabel = r.queries_per_month > 0 ? `${f.count(r.queries_per_month)} queries of ${f.number(r.query_tokens, 1)} tokens a month` : 'Queries: none';
  $('[data-breakdown]').replaceChildren(
    row('Embed the corpus once', f.count(r.corpus_tokens), f.usd(r.price_per_million), f.usd(r.one_time_cost)),
    row(reembedLabel, f.count(r.monthly_reembed_tokens), f.usd(r.price_per_million), f.usd(r.monthly_reembed_cost)),
    row(queryLabel, f.count(r.monthly_query_tokens), f.usd(r.query_price_per_million), f.usd(r.monthly_query_cost)),
  );
  out('monthly_total').textContent = f.usd(r.monthly_cost);
  out('first_year_total').textContent = f.usd(r.first_year_cost);
  $('[data-source]').replaceChildren(
    'Price from ',
    sourceLink(r.source, sourceHost(r.source)),
    ', as of ',
    make('span', { className: 'nowrap', textContent: r.as_of }),
    r.price_period !== 'standard' ? ` (${r.price_period})` : '',
    '.',
  );
  $('[data-notes]').replaceChildren(...r.notes.map((n) => make('li', { textContent: n })));
}

// ---- exports ----------------------------------------------------------------

function exportRows(r) {
  return [
    ['model', `${r.model.provider}:${r.model.id}`, ''],
    ['price_per_million', r.price_per_million, 'USD'],
    ['query_price_per_million', r.query_price_per_million, 'USD'],
    ['batch', r.batch, ''],
    ['corpus_tokens', r.corpus_tokens, 'tokens'],
    ['tokens_exact', r.tokens_exact, ''],
    ['counted_with', r.counted_with, ''],
    ['vectors', r.vectors, 'vectors'],
    ['one_time_cost', r.one_time_cost, 'USD'],
    ['reembeds_per_month', r.reembeds_per_month, 'per month'],
    ['monthly_reembed_cost', r.monthly_reembed_cost, 'USD per month'],
    ['queries_per_month', r.queries_per_month, 'per month'],
    ['query_tokens', r.query_tokens, 'tokens'],
    ['monthly_query_cost', r.monthly_query_cost, 'USD per month'],
    ['monthly_cost', r.monthly_cost, 'USD per month'],
    ['first_year_cost', r.first_year_cost, 'USD'],
    ['dimensions', r.dimensions, ''],
    ['precision', r.precision, ''],
    ['bytes_per_vector', r.bytes_per_vector, 'bytes'],
    ['storage_bytes', r.storage_bytes, 'bytes'],
    ['as_of', r.as_of, ''],
    ['source', r.source, ''],
  ].map(([quantity, value, unit]) => ({ quantity, value, unit }));
}

async function main() {
  syncExports();
  for (const group of form.querySelectorAll('[data-corpus]')) group.hidden = group.dataset.corpus !== mode();
  let catalog;
  try {
    llm = await loadLlmcalc();
    catalog = await llm.loadCatalog();
  } catch (e) {
    status.textContent = `The calculator could not load: ${e.message}`;
    return;
  }
  f = llm.format;
  encodingNames = new Set(llm.encodings.map((e) => e.name));
  fillModels(catalog);
  bindFormToUrl(form, {
    onRestore: () => {
      if (form.elements.model.selectedIndex < 0) form.elements.model.value = DEFAULT_MODEL;
    },
  });
  form.addEventListener('input', update);
  form.addEventListener('change', (event) => {
    if (event.target.id === 'corpus-files') {
      addFiles([...event.target.files]);
      event.target.value = ''; // the same file may be opened again
    } else if (!['TEXTAREA', 'INPUT'].includes(event.target.tagName) || ['checkbox', 'radio'].includes(event.target.type)) {
      update(); // text fields already answered their input events
    }
  });
  bindDropZone($('[data-drop-zone]'), (first, all) => addFiles(all ?? [first]));
  $('[data-clear-files]').addEventListener('click', () => {
    files.length = 0;
    fileProblems = [];
    update();
  });
  const exporters = {
    csv: () => downloadCsv('embedding-cost.csv', ['quantity', 'value', 'unit'], exportRows(last)),
    // The inputs as typed (the text itself left out), and the core's result.
    json: () => {
      const corpus = { tokens: last.corpus_tokens, documents: last.documents, encoding: last.counted_with };
      downloadJson('embedding-cost.json', { input: readInput(corpus), result: last });
    },
  };
  for (const button of document.querySelectorAll('[data-export]')) {
    button.addEventListener('click', () => last && exporters[button.dataset.export]());
  }
  $('[data-copy-link]').addEventListener('click', async () => {
    $('[data-copy-status]').textContent = await copyLink();
  });
  update();
}

main();
