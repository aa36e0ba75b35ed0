// The Token Counter page. Counting runs in tokenize.worker.js; this file
// keeps the form, the model list, the per-encoding table, the cost and the
// token view in step with the newest answer. The tokenizer's wasm is
// compiled once here and handed to the worker with o200k_base (boot.js,
// asset-handover.js); the first request goes to the worker at once (it
// resolves the model to its encoding itself); this thread's small tokenizer
// module (the encoding list, the number format) is instantiated from the
// same compiled wasm, and the full core, for the catalog and the cost, loads
// after the first count.
import { wasmModule, worker } from './boot.js'; // first: see there
import '../src/styles/tool.css';
import '../src/styles/text-input.css';
import './token-counter.css';
import { loadLlmcalc } from 'llmcalc';
import { loadTokenizer } from 'llmcalc/tokenizer';
import { bindFormToUrl } from '../src/shell/url-state.js';
import { downloadCsv, downloadJson } from '../src/shell/export.js';
import { bindDropZone } from '../src/shell/drop-zone.js';
import { createMessagesEditor } from './messages-editor.js';
import { renderTokens } from './token-view.js';
import { countableModels, FALLBACK_MODELS } from './models.js';
import { bindEmbedButton } from '../src/shell/embed-dialog.js';

const form = document.getElementById('counter-form');
const textArea = document.getElementById('text');
const modelSelect = document.getElementById('model');
const status = document.querySelector('[data-status]');
const errorBox = document.querySelector('[data-error]');
const results = document.querySelector('[data-results]');
const out = (name) => document.querySelector(`[data-out="${name}"]`);

// Files larger than this are counted but not shown in the editor, which
// would make typing slow; the token view still shows their first tokens.
const EDITOR_LIMIT = 2 * 1024 * 1024;
const DEFAULT_MODEL = 'gpt-4o';

let latestId = 0;
let fileText = null; // a large file's text, when it is not in the editor
const tkReady = loadTokenizer({ wasmModule }); // this thread's: the encoding list and number format
let tk; // set once tkReady has resolved
let llm; // the full core, once loaded: catalog and prices
let catalogError = ''; // why prices are not shown, if they could not load
let encodings = []; // OpenAI's
let otherEncodings = []; // the other families' exact tokenizers (issue #4)
const usedBy = new Map(); // encoding → model ids in the model list
const messages = createMessagesEditor(document.querySelector('[data-messages]'), () => update());

const mode = () => form.elements.mode.value;

// Characters (code points) without [...text], which builds an array of one
// string per character: seconds and gigabytes on the main thread for a
// 100 MB file. Each surrogate pair is one character.
const characters = (text) => text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
const currentText = () => fileText?.text ?? textArea.value;

function selectedModel() {
  return modelSelect.value.startsWith('encoding:') ? null : modelSelect.value;
}

async function fillModels(core) {
  const add = (group, value, label) => group.append(new Option(label, value));
  const models = document.createElement('optgroup');
  models.label = 'OpenAI models';
  const gemini = document.createElement('optgroup');
  gemini.label = 'Gemini models (Gemma 3 tokenizer)';
  try {
    llm = await core;
    const catalog = await llm.loadCatalog();
    for (const [group, provider] of [[models, 'openai'], [gemini, 'google']]) {
      for (const { id, encoding } of countableModels(tk, catalog, provider)) {
        add(group, id, id);
        usedBy.set(encoding, [...(usedBy.get(encoding) ?? []), id]);
      }
    }
  } catch (e) {
    catalogError = `prices could not load: ${e.message ?? e}`;
    for (const id of FALLBACK_MODELS) add(models, id, id);
  }
  const raw = document.createElement('optgroup');
  raw.label = 'Encodings';
  for (const e of encodings) add(raw, `encoding:${e.name}`, e.name);
  const other = document.createElement('optgroup');
  other.label = 'Other families';
  for (const e of otherEncodings) add(other, `encoding:${e.name}`, e.name);
  modelSelect.replaceChildren(models, ...(gemini.children.length ? [gemini] : []), raw, ...(otherEncodings.length ? [other] : []));
  modelSelect.value = DEFAULT_MODEL;
  if (modelSelect.selectedIndex < 0) modelSelect.selectedIndex = 0;
  // The default as written in the HTML, so the URL leaves it out.
  for (const o of modelSelect.options) o.defaultSelected = o.value === modelSelect.value;
}

function chatRequest() {
  const request = { messages: messages.value() };
  const toolsText = form.elements.tools.value.trim();
  const toolsError = document.getElementById('tools-error');
  toolsError.textContent = '';
  if (toolsText) {
    try {
      request.tools = JSON.parse(toolsText);
    } catch (e) {
      toolsError.textContent = `The tools are not valid JSON: ${e.message}`;
      return null;
    }
  }
  return request;
}

function update() {
  const id = ++latestId;
  // The worker turns the selection (a model, or "encoding:NAME") into the
  // encoding to show, and names it in its reply.
  const selection = modelSelect.value;
  if (mode() === 'chat') {
    const request = chatRequest();
    if (!request) return;
    worker.postMessage({ id, selection, chat: { request, model: selectedModel() ?? '' } });
  } else {
    worker.postMessage({
      id,
      selection,
      text: currentText(),
      specialTokens: form.elements.special.checked ? 'asSpecial' : 'asText',
      families: form.elements.families.checked,
    });
  }
  results.setAttribute('data-pending', '');
  status.textContent = 'Counting…';
  status.hidden = false;
}

function showTextStats(text) {
  if (!tk) return; // shown with the first count
  const bytes = new TextEncoder().encode(text).length;
  const f = tk.format;
  const name = fileText ? `${fileText.name}: ` : '';
  document.querySelector('[data-text-stats]').textContent =
    `${name}${f.count(characters(text))} characters, ${f.count(bytes)} bytes (UTF-8)` +
    (fileText ? ' — too large to edit here, but counted in full' : '');
}

function renderCost(tokens) {
  const model = selectedModel();
  const f = tk.format;
  if (!llm || catalogError) {
    out('cost').textContent = catalogError ? '—' : '…';
    out('cost-sub').textContent = catalogError || 'loading the price catalog';
    return;
  }
  if (!model) {
    out('cost').textContent = '—';
    out('cost-sub').textContent = 'choose a model to price the tokens';
    return;
  }
  try {
    const p = llm.price({ model, input: tokens, output: 0 });
    out('cost').textContent = f.usd(p.cost_usd);
    out('cost-sub').textContent = `${model} at ${f.usd(p.lines[0]?.price_per_million ?? 0)} / 1M input · prices as of ${p.as_of}`;
  } catch (e) {
    out('cost').textContent = '—';
    out('cost-sub').textContent = e.message;
  }
}

let lastReply = null; // the newest full reply, for export
let countShown;
const firstCount = new Promise((resolve) => (countShown = resolve));
// For bench/site.mjs: when the first answer was on screen.
firstCount.then(() => performance.mark('llmcalc:first-count'));

const cell = (textContent, className = '') => Object.assign(document.createElement('td'), { textContent, className });

function countRows() {
  const chars = mode() === 'chat' ? null : characters(currentText());
  return [...encodings, ...otherEncodings]
    .filter((e) => lastReply.counts[e.name] && !lastReply.counts[e.name].error)
    .map((e) => {
      const c = lastReply.counts[e.name];
      return {
        encoding: e.name,
        family: e.family ?? 'OpenAI',
        tokens: c.tokens,
        estimate: Boolean(c.estimate),
        characters: chars,
        chars_per_token: chars && c.tokens ? chars / c.tokens : null,
        used_by: (usedBy.get(e.name) ?? []).join(' '),
      };
    });
}

function exportCounts(kind) {
  if (!lastReply) return;
  if (kind === 'csv') {
    downloadCsv('token-counts.csv', ['encoding', 'family', 'tokens', 'estimate', 'characters', 'chars_per_token', 'used_by'], countRows());
  } else if (kind === 'json') {
    downloadJson('token-counts.json', { mode: mode(), model: selectedModel(), counts: countRows() });
  } else if (lastReply.spans) {
    downloadJson('token-ids.json', { encoding: lastReply.spans.encoding, ids: [...lastReply.spans.ids] });
  }
}

function render(reply) {
  const f = tk.format;
  if (!reply.partial) lastReply = reply;
  // Tests and assistive tech can tell a complete answer from a partial one.
  results.toggleAttribute('data-pending', Boolean(reply.partial));
  results.setAttribute('aria-busy', reply.partial ? 'true' : 'false');
  const encodingName = reply.encoding;
  const main = reply.counts[encodingName];
  if (!main || main.error) {
    showError(main?.error ?? 'No count.');
    return;
  }
  errorBox.hidden = true;
  results.hidden = false;
  status.hidden = true;
  countShown();
  const chat = mode() === 'chat';
  out('main-label').textContent = chat ? 'Chat request tokens' : 'Tokens';
  out('tokens').textContent = f.count(main.tokens);
  out('tokens-sub').textContent = chat
    ? `${encodingName} · ${main.estimate ? 'estimate by OpenAI’s documented overhead' : 'exact'}`
    : `${encodingName} · exact`;
  renderCost(main.tokens);

  const text = chat ? '' : currentText();
  const chars = characters(text);
  const tbody = document.querySelector('[data-encodings-table] tbody');
  tbody.replaceChildren(
    ...encodings
      .filter((e) => !chat || reply.counts[e.name])
      .map((e) => {
        // Until the full reply, other encodings keep their last counts,
        // dimmed, so the table does not jump while one types.
        const c = reply.counts[e.name] ?? { ...lastReply?.counts[e.name], pending: true };
        const row = document.createElement('tr');
        if (e.name === encodingName) row.setAttribute('data-selected', '');
        row.append(
          Object.assign(document.createElement('th'), { scope: 'row', textContent: e.name }),
          cell(c.error ? c.error : c.tokens === undefined ? '…' : f.count(c.tokens), c.pending ? 'num stale' : 'num'),
          cell(c.pending || c.error || !c.tokens || chat ? '—' : f.number(chars / c.tokens, 2), 'num'),
          cell(usedList(e.name), 'used-by'),
        );
        return row;
      }),
  );
  renderFamilies(reply, chat, f);
  document.querySelector('[data-exactness]').textContent = chat
    ? 'Chat counts add OpenAI’s per-message overhead and reply priming to the exact token counts; OpenAI calls this method an estimate. Images and files are not counted.'
    : 'Counts are exact: the same ids as OpenAI’s tiktoken, checked against it on real text in every build.';

  const view = document.querySelector('[data-token-view]');
  if (reply.partial) return;
  view.hidden = chat || !reply.spans;
  if (reply.spans && !chat) {
    document.querySelector('[data-view-encoding]').textContent = `(${reply.spans.encoding})`;
    renderTokens(document.querySelector('[data-tokens]'), text, reply.spans, {
      more: document.querySelector('[data-more]'),
      status: document.querySelector('[data-view-status]'),
      format: f,
    });
  }
}

// The other families beside o200k_base, and the Claude 3+ estimate drawn
// from them: those models have no public tokenizer, so the page shows the
// range that similar public tokenizers give, never one number as exact.
function renderFamilies(reply, chat, f) {
  const section = document.querySelector('[data-families]');
  section.hidden = chat || !form.elements.families.checked || otherEncodings.length === 0;
  if (section.hidden) return;
  const base = reply.counts.o200k_base?.tokens ?? lastReply?.counts.o200k_base?.tokens;
  const exact = [];
  const rows = otherEncodings.map((e) => {
    const fresh = reply.counts[e.name];
    const c = fresh ?? { ...lastReply?.counts[e.name], pending: true };
    const row = document.createElement('tr');
    if (e.name === reply.encoding) row.setAttribute('data-selected', '');
    const ok = !c.error && c.tokens !== undefined;
    if (ok && fresh) exact.push(c.tokens);
    const diff = ok && base ? c.tokens - base : null;
    const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
    row.append(
      Object.assign(document.createElement('th'), { scope: 'row', textContent: e.family }),
      cell(c.error ? c.error : ok ? f.count(c.tokens) : '…', c.pending ? 'num stale' : 'num'),
      cell(diff === null ? '—' : `${sign}${f.count(Math.abs(diff))} (${diff ? sign : ''}${f.percent(Math.abs(diff) / base)})`, c.pending ? 'num stale' : 'num'),
      cell(ok ? 'exact' : '—'),
      cell(e.name),
      cell(f.count(e.vocabSize), 'num'),
    );
    return row;
  });
  const claude = document.createElement('tr');
  const all = base && exact.length === otherEncodings.length ? [base, ...exact] : null;
  const range = all ? `${f.count(Math.min(...all))}–${f.count(Math.max(...all))}` : '…';
  claude.append(
    Object.assign(document.createElement('th'), { scope: 'row', textContent: 'Claude 3 and later' }),
    cell(range, 'num'),
    cell('—', 'num'),
    cell('estimate'),
    cell('none public'),
    cell('—', 'num'),
  );
  document.querySelector('[data-families-table] tbody').replaceChildren(...rows, claude);
  document.querySelector('[data-claude-note]').textContent =
    'Claude 3 and later: Anthropic publishes no tokenizer for them, so no count here is exact. The range is the lowest ' +
    'to highest count of the exact tokenizers above (legacy Claude, o200k_base and the open families); Anthropic’s ' +
    'count_tokens API gives the exact number.';
}

function usedList(encoding) {
  const ids = usedBy.get(encoding) ?? [];
  return ids.length > 3 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', ');
}

function showError(message) {
  countShown(); // an answer all the same: the rest of the page may load
  errorBox.textContent = message;
  errorBox.hidden = false;
  results.hidden = true;
  status.hidden = true;
}

worker.onmessage = (event) => {
  const reply = event.data;
  // Shown with this thread's number format, which may still be loading.
  tkReady.then(() => {
    if (reply.id !== latestId) return; // an older answer; a newer one is coming
    // A partial reply has the chosen encoding only; the token view and the
    // other rows follow with the full reply.
    if (reply.error) showError(reply.error.message);
    else render(reply);
  }, () => {});
};
worker.onerror = (event) => showError(`The tokenizer stopped: ${event.message ?? 'unknown error'}`);

async function openFile(file) {
  if (!file) return;
  const text = await file.text(); // invalid UTF-8 becomes U+FFFD, as a browser shows it
  if (text.length > EDITOR_LIMIT) {
    fileText = { name: file.name, text };
    textArea.value = '';
    textArea.placeholder = `${file.name} is loaded (counted in full). Type here to replace it.`;
  } else {
    fileText = null;
    textArea.value = text;
  }
  showTextStats(text);
  update();
}

function syncMode() {
  for (const panel of document.querySelectorAll('[data-mode-panel]')) panel.hidden = panel.dataset.modePanel !== mode();
}

async function main() {
  syncMode();
  // Count the default text right away; the model list (which needs the
  // price catalog) fills in meanwhile.
  modelSelect.append(new Option(DEFAULT_MODEL, DEFAULT_MODEL, true, true));
  if (!textArea.value) textArea.value = 'Paste your prompt here. Tokens are the units models read and bill: about ¾ of an English word each.';
  update();
  try {
    tk = await tkReady;
  } catch (e) {
    status.textContent = `The tokenizer could not load: ${e.message}`;
    return;
  }
  encodings = tk.encodings;
  otherEncodings = tk.otherEncodings ?? [];
  // Typing, files and buttons work from the first count on, before the
  // model list and prices arrive.
  form.addEventListener('input', (event) => {
    if (event.target === textArea) {
      fileText = null;
      showTextStats(textArea.value);
    }
    syncMode();
    update();
  });
  form.addEventListener('change', (event) => {
    if (event.target.id === 'file') openFile(event.target.files[0]);
    // Text fields already answered their input events; a change on blur
    // would only recount the same text and shift the layout under a click.
    else if (!['TEXTAREA', 'INPUT'].includes(event.target.tagName) || ['checkbox', 'radio'].includes(event.target.type)) {
      syncMode();
      update();
    }
  });
  bindDropZone(document.querySelector('[data-drop-zone]'), openFile);
  document.querySelector('[data-add-message]').addEventListener('click', () => messages.add());
  for (const button of document.querySelectorAll('[data-export]')) {
    button.addEventListener('click', () => exportCounts(button.dataset.export));
  }
  bindEmbedButton({
    form,
    tool: 'token-counter',
    anchor: document.querySelector('[data-export="ids"]'),
    note: () => (mode() === 'chat' ? 'The widget counts text: chat requests stay on this page.' : textArea.value.length > 2000 || fileText ? 'Text over 2,000 characters stays out of the snippet; the widget starts with its example text.' : ''),
  });
  // The full core waits for the first count, so the two do not compete
  // for the network and the CPU while the page starts.
  await firstCount;
  await fillModels(loadLlmcalc());
  bindFormToUrl(form, { onRestore: syncMode });
  showTextStats(currentText());
  update();
}

main();
