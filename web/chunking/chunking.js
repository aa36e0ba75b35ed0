// RAG chunking: the chunk arithmetic (the core's chunkPlan, the same rule
// as `llmcalc chunk`), what the chunks cost to embed and store (the core's
// embeddingCost), how many fit a chat model's window, and – for a pasted or
// dropped document – the real token-exact chunks, cut in a worker, shown
// with their boundaries and overlaps and exported as JSONL.
import '../src/styles/tool.css';
import '../src/styles/text-input.css';
import './chunking.css';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';
import { bindFormToUrl, copyLink } from '../src/shell/url-state.js';
import { clearFieldErrors, markFieldError } from '../src/shell/field-errors.js';
import { bindDropZone } from '../src/shell/drop-zone.js';
import { downloadCsv, downloadJson, downloadText } from '../src/shell/export.js';
import { make, sourceHost, sourceLink } from '../src/shell/dom.js';

const SHOWN_CHUNKS = 100; // chunks drawn in the page; the export has them all
const EDITOR_LIMIT = 2_000_000; // characters; a larger file is chunked without filling the editor

const form = document.getElementById('chunk-form');
const $ = (selector) => document.querySelector(selector);
const out = (name) => $(`[data-out="${name}"]`);
const status = $('[data-status]');
const formError = $('[data-form-error]');
const results = $('[data-chunk-results]');
const textArea = form.elements.text;

let llm;
let catalog;
let fileText = null; // { name, text } of a large file kept out of the editor
let chunked = null; // { request, result } of the last text chunked
let last = null; // what the exports write
let latestId = 0;
let pending = null; // { id, request, what } sent to the worker last
const worker = new Worker(new URL('./chunk.worker.js', import.meta.url), { type: 'module' });

const mode = () => form.elements.doc_mode.value;
const currentText = () => fileText?.text ?? textArea.value;

function syncMode() {
  for (const box of form.querySelectorAll('[data-mode]')) box.hidden = box.dataset.mode !== mode();
}

/** The encoding text is cut with: chosen, or the embedding model's (exact or an o200k_base estimate). */
function encodingChoice() {
  const chosen = form.elements.encoding.value;
  if (chosen !== 'auto') return { encoding: chosen, note: `Cut with ${chosen}.` };
  const counting = llm.findModel(form.elements.model.value).counting;
  return {
    encoding: counting.encoding,
    note: counting.exact ? `The embedding model's tokenizer: ${counting.encoding}, exact.` : `Estimate: ${counting.note}`,
  };
}

function clearErrors() {
  clearFieldErrors(form);
  formError.hidden = true;
}

// The core's field names for inputs this page derives or renames.
const FIELD_OF = { context_window: 'chat_model', corpus_tokens: 'document_tokens', vectors: 'document_tokens' };

function showError(error) {
  const name = FIELD_OF[error.field] ?? error.field;
  markFieldError(form, name, error.message);
  formError.textContent = error.message;
  formError.hidden = false;
  results.hidden = true;
  last = null;
  syncExports();
}

function syncExports() {
  for (const button of document.querySelectorAll('[data-export]')) {
    const needsChunks = button.dataset.export !== 'json';
    button.disabled = !last || (needsChunks && !last.chunks);
  }
}

/** The chat model's window, for the retrieval budget; null when the catalog has none. */
function chatWindow() {
  const [provider, id] = form.elements.chat_model.value.split(/:(.*)/);
  return catalog.models.find((m) => m.provider === provider && m.id === id)?.context_window ?? null;
}

function compute() {
  syncMode();
  clearErrors();
  const textMode = mode() === 'text';
  if (textMode && !isCurrent(chunked?.request)) return; // the worker's answer is on its way
  try {
    const window = chatWindow();
    const plan = llm.chunkPlan({
      document_tokens: textMode ? chunked.result.tokens : form.elements.document_tokens.value,
      size: form.elements.size.value,
      overlap: form.elements.overlap.value,
      ...(window ? { context_window: window, reserved_tokens: form.elements.reserved_tokens.value } : {}),
    });
    const embedding = llm.embeddingCost({
      model: form.elements.model.value,
      corpus_tokens: plan.embedded_tokens,
      vectors: plan.chunks,
      dimensions: form.elements.dimensions.value,
      precision: form.elements.precision.value,
      ...(textMode ? { counted_with: chunked.result.encoding } : {}),
    });
    last = { plan, embedding, chunks: textMode ? chunked.result : null };
    render(plan, embedding, window);
  } catch (e) {
    showError(e instanceof LlmcalcError ? e : { field: '', message: String(e.message ?? e) });
  }
  syncExports();
}

function render(plan, e, window) {
  const f = llm.format;
  results.hidden = false;
  out('chunks').textContent = f.count(plan.chunks);
  out('chunks_sub').textContent = `of ${f.count(plan.size)} tokens, ${f.count(plan.overlap)} overlapping`;
  out('embedded').textContent = f.count(plan.embedded_tokens);
  out('embedded_sub').textContent = `${f.count(plan.document_tokens)} in the document · overlap adds ${f.percent(plan.overlap_overhead)}`;
  out('cost').textContent = f.usd(e.one_time_cost);
  out('cost_sub').textContent = `once, at ${f.usd(e.price_per_million)} per 1M tokens`;
  out('storage').textContent = f.bytes(e.storage_bytes);
  out('storage_sub').textContent = `${f.count(e.vectors)} vectors × ${f.count(e.dimensions)} dims, ${e.precision} (${f.bytes(e.bytes_per_vector)} each)`;
  if (plan.retrieval) {
    out('fit').textContent = f.count(plan.retrieval.chunks_fit);
    out('fit_sub').textContent = `in ${f.count(plan.retrieval.budget_tokens)} tokens left of ${form.elements.chat_model.value.split(':')[1]}'s ${f.count(window)}`;
  } else {
    out('fit').textContent = '—';
    out('fit_sub').textContent = 'the catalog has no window for this model';
  }
  const notes = [
    make('li', {}, [
      `Embedding price: ${e.model.id}, `,
      sourceLink(e.source, sourceHost(e.source)),
      `, as of ${e.as_of}.`,
    ]),
    ...e.notes.map((n) => make('li', { textContent: n })),
  ];
  $('[data-notes]').replaceChildren(...notes);
  renderChunkList(mode() === 'text' ? chunked.result : null);
}

/** The overlap at the start of chunk k (k > 0): the text it shares with chunk k − 1. */
function overlapLength(result, k, text) {
  if (k === 0) return 0;
  const bytes = result.ranges[k - 1].byte_end - result.ranges[k].byte_start;
  if (bytes <= 0) return 0;
  const encoded = new TextEncoder().encode(text);
  return new TextDecoder().decode(encoded.subarray(0, bytes)).length;
}

function renderChunkList(result) {
  const box = $('[data-chunk-list-box]');
  box.hidden = !result;
  if (!result) return;
  const f = llm.format;
  const shown = result.ranges.slice(0, SHOWN_CHUNKS);
  $('[data-chunk-list-note]').textContent =
    (result.ranges.length > SHOWN_CHUNKS ? `The first ${SHOWN_CHUNKS} of ${f.count(result.ranges.length)} chunks; the JSONL export has them all. ` : '') +
    `Cut with ${result.encoding}. Highlighted: the overlap each chunk repeats from the one before.`;
  $('[data-chunk-list]').replaceChildren(
    ...shown.map((r, k) => {
      const text = result.texts[k];
      const shared = overlapLength(result, k, text);
      const body = make('pre', { className: 'chunk__text' });
      if (shared > 0) body.append(make('mark', { textContent: text.slice(0, shared) }));
      body.append(text.slice(shared));
      const split = r.split_character ? ' · split character' : '';
      return make('li', { className: 'chunk' }, [
        make('div', { className: 'chunk__head', textContent: `Chunk ${f.count(r.index + 1)} · tokens ${f.count(r.start)}–${f.count(r.end)} (${f.count(r.end - r.start)})${split}` }),
        body,
      ]);
    }),
  );
}

/** What the worker is asked to cut: the text, the encoding and the sizes as typed. */
function chunkRequest() {
  return { text: currentText(), encoding: encodingChoice().encoding, size: form.elements.size.value, overlap: form.elements.overlap.value };
}

function isCurrent(request) {
  if (!request) return false;
  const now = chunkRequest();
  return request.text === now.text && request.encoding === now.encoding && request.size === now.size && request.overlap === now.overlap;
}

/** Sends the document to the worker; compute() runs on its answer. */
function requestChunks() {
  syncMode();
  if (mode() !== 'text') return compute();
  const text = currentText();
  const hint = $('[data-text-hint]');
  let encoding;
  try {
    encoding = encodingChoice();
  } catch (e) {
    return showError(e);
  }
  $('[data-encoding-hint]').textContent = encoding.note;
  if (!text) {
    chunked = null;
    clearErrors();
    return showError({ field: 'text', message: 'The document is empty: paste text or drop a file to chunk it.' });
  }
  if (isCurrent(chunked?.request)) return compute(); // e.g. another embedding model: same chunks
  const what = fileText ? `${fileText.name} is loaded (${llm.format.count(text.length)} characters, chunked in full). Type here to replace it.` : 'Pasted text stays in this page and is not kept in the link.';
  // Progress goes in the form's hint line, which is always there, so the
  // results below do not move while the worker cuts.
  hint.textContent = `${what} Chunking…`;
  pending = { id: ++latestId, request: chunkRequest(), what };
  worker.postMessage({ id: pending.id, ...pending.request });
}

worker.onmessage = ({ data }) => {
  if (data.id !== latestId) return; // an older document; a newer answer is coming
  $('[data-text-hint]').textContent = pending.what;
  if (data.error) {
    chunked = null;
    clearErrors();
    return showError(data.error);
  }
  chunked = { request: pending.request, result: data.result };
  compute();
};

async function openFile(file) {
  if (!file) return;
  const text = await file.text(); // invalid UTF-8 becomes U+FFFD, as a browser shows it
  if (text.length > EDITOR_LIMIT) {
    fileText = { name: file.name, text };
    textArea.value = '';
  } else {
    fileText = null;
    textArea.value = text;
  }
  form.elements.doc_mode.value = 'text';
  requestChunks();
}

function fillSelect(select, models, wanted) {
  select.replaceChildren(
    ...catalog.providers
      .map((p) => {
        const group = make('optgroup', { label: p.name });
        group.append(...models.filter((m) => m.provider === p.id).map((m) => new Option(m.id, `${m.provider}:${m.id}`)));
        return group;
      })
      .filter((g) => g.children.length),
  );
  select.value = wanted;
  if (select.selectedIndex < 0) select.selectedIndex = 0;
}

async function main() {
  syncMode();
  bindFormToUrl(form, { onRestore: syncMode });
  const wanted = { model: form.elements.model.value, chat: form.elements.chat_model.value };
  try {
    llm = await loadLlmcalc();
    catalog = await llm.loadCatalog();
  } catch (e) {
    status.textContent = `The calculator could not load: ${e.message}`;
    return;
  }
  status.hidden = true;
  const current = catalog.models.filter((m) => !m.deprecated);
  fillSelect(form.elements.model, current.filter((m) => m.kind === 'embedding'), wanted.model);
  fillSelect(form.elements.chat_model, current.filter((m) => m.kind === 'chat' || m.kind === 'reasoning'), wanted.chat);
  if (!textArea.value) {
    textArea.value =
      'Retrieval-augmented generation splits documents into chunks, embeds each chunk, and retrieves the closest ones for a question. ' +
      'Chunk size trades context against precision; overlap keeps sentences that straddle a boundary whole in at least one chunk.\n\n' +
      'Paste your own document here, or drop a file.';
  }
  form.addEventListener('input', (event) => {
    if (event.target === textArea) fileText = null;
    requestChunks();
  });
  form.addEventListener('change', (event) => {
    if (event.target.id === 'file') openFile(event.target.files[0]);
    else requestChunks();
  });
  bindDropZone($('[data-drop-zone]'), openFile);
  requestChunks();

  const exporters = {
    jsonl: () =>
      downloadText(
        'chunks.jsonl',
        `${last.chunks.ranges
          .map((r, k) => JSON.stringify({ index: r.index, start: r.start, end: r.end, tokens: r.end - r.start, byte_start: r.byte_start, byte_end: r.byte_end, text: last.chunks.texts[k] }))
          .join('\n')}\n`,
        'application/jsonl;charset=utf-8',
      ),
    csv: () =>
      downloadCsv('chunk-ranges.csv', ['index', 'start', 'end', 'tokens', 'byte_start', 'byte_end', 'split_character'],
        last.chunks.ranges.map((r) => ({ ...r, tokens: r.end - r.start }))),
    json: () => downloadJson('chunking.json', { plan: last.plan, embedding: last.embedding, encoding: last.chunks?.encoding ?? null }),
  };
  for (const button of document.querySelectorAll('[data-export]')) {
    button.addEventListener('click', () => last && exporters[button.dataset.export]());
  }
  $('[data-copy-link]').addEventListener('click', async () => {
    $('[data-copy-status]').textContent = await copyLink();
  });
}

main();
