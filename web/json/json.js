// The JSON formatter page. Formatting runs in json.worker.js; this file
// keeps the form, the source (typed text or an opened file's bytes) and the
// result panel in step with the newest answer.
import '../src/styles/tool.css';
import '../src/styles/text-input.css';
import './json.css';
import { bindFormToUrl } from '../src/shell/url-state.js';
import { downloadText } from '../src/shell/export.js';
import { bindDropZone } from '../src/shell/drop-zone.js';

const form = document.getElementById('json-form');
const input = document.getElementById('input');
const outputArea = document.getElementById('output');
const busy = document.querySelector('[data-busy]');
const status = document.querySelector('[data-status]');
const errorBox = document.querySelector('[data-error]');
const results = document.querySelector('[data-json-results]');
const actionStatus = document.querySelector('[data-action-status]');
const out = (name) => document.querySelector(`[data-out="${name}"]`);

// A file larger than this is formatted but not put in the editor, which
// would make the page slow; outputs larger than INLINE_LIMIT characters are
// shown as their first PREVIEW_CHARS and offered as a download.
const EDITOR_LIMIT = 2 * 1024 * 1024;
const INLINE_LIMIT = 2 * 1024 * 1024;
const PREVIEW_CHARS = 200 * 1024;
const TYPING_DELAY = 150;
const PLACEHOLDER = input.placeholder;

const worker = new Worker(new URL('./json.worker.js', import.meta.url), { type: 'module' });
let latestId = 0;
// The opened file, while the editor has not been changed since: its bytes
// are what is formatted (so invalid UTF-8 is reported as such), and
// inEditor says whether the editor shows it (for jumping to errors).
let file = null;
let last = null; // the newest reply shown

function bytesText(n) {
  if (n < 1000) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = n;
  let unit = -1;
  do {
    value /= 1000;
    unit++;
  } while (value >= 1000 && unit < units.length - 1);
  return `${value >= 100 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`;
}
const count = (n) => n.toLocaleString('en-US');

function options() {
  const e = form.elements;
  // JSONL output stays one value per line: the core minifies each line
  // when no indent is given.
  if (e.jsonl.checked) return { sortKeys: e.sort.checked, jsonl: true };
  const indent = e.indent.value === 'tab' ? 'tab' : Number(e.indent.value);
  return { indent, minify: e.minify.checked, sortKeys: e.sort.checked, jsonl: false };
}

function update() {
  form.elements.indent.disabled = form.elements.minify.checked || form.elements.jsonl.checked;
  form.elements.minify.disabled = form.elements.jsonl.checked;
  const id = ++latestId;
  const request = { id, options: options(), inlineLimit: INLINE_LIMIT, previewChars: PREVIEW_CHARS };
  let size;
  if (file) {
    // A copy is transferred; the page keeps the original for the next run.
    request.bytes = new Uint8Array(file.buffer.slice(0));
    size = file.buffer.byteLength;
    worker.postMessage(request, [request.bytes.buffer]);
  } else {
    request.text = input.value;
    size = input.value.length;
    worker.postMessage(request);
  }
  status.textContent = size > 100000 ? `Formatting ${bytesText(size)}…` : 'Formatting…';
  busy.hidden = false;
  document.querySelector('.json-results').setAttribute('aria-busy', 'true');
}

let typingTimer = 0;
function updateSoon() {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(update, TYPING_DELAY);
}

function showInputStats() {
  const stats = document.querySelector('[data-input-stats]');
  if (file) {
    stats.textContent = `${file.name}: ${bytesText(file.buffer.byteLength)}` +
      (file.inEditor ? '' : ' — too large to edit here, but formatted in full');
  } else {
    stats.textContent = `${count(input.value.length)} characters`;
  }
}

function showError(message) {
  document.querySelector('.json-results').removeAttribute('aria-busy');
  errorBox.textContent = message;
  errorBox.hidden = false;
  results.hidden = true;
  busy.hidden = true;
}

// The UTF-16 index of (line, column), both 1-based, in the editor's text.
function indexOf(text, line, column) {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return text.length;
    start = next + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return Math.min(start + column - 1, end);
}

function jumpTo(line, column) {
  const text = input.value;
  const at = indexOf(text, line, column);
  input.focus();
  input.setSelectionRange(at, at);
  // Scroll the line into view: the textarea has no API for it, so estimate.
  const lineHeight = parseFloat(getComputedStyle(input).lineHeight) || 20;
  input.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

function renderErrors(report) {
  const box = document.querySelector('[data-errors-box]');
  const list = document.querySelector('[data-errors]');
  box.hidden = report.errors.length === 0;
  if (box.hidden) {
    list.replaceChildren();
    return;
  }
  const canJump = !file || file.inEditor;
  document.querySelector('[data-errors-hint]').textContent = canJump
    ? 'Select an error to put the cursor on its line in the input.'
    : 'The file is too large to show in the editor; open it in a text editor at these lines.';
  out('error-count').textContent = report.error_count > report.errors.length
    ? `(first ${count(report.errors.length)} of ${count(report.error_count)})`
    : `(${count(report.error_count)})`;
  list.replaceChildren(
    ...report.errors.map((e) => {
      const item = document.createElement('li');
      const control = document.createElement(canJump ? 'button' : 'span');
      if (canJump) {
        control.type = 'button';
        control.dataset.line = e.line;
        control.dataset.column = e.column;
      }
      const pos = Object.assign(document.createElement('span'), { className: 'pos', textContent: `Line ${count(e.line)}, column ${count(e.column)}` });
      control.append(pos, `: ${e.message}`);
      item.append(control);
      return item;
    }),
  );
}

function render(reply) {
  last = reply;
  const { report } = reply;
  const jsonl = options().jsonl;
  errorBox.hidden = true;
  busy.hidden = true;
  document.querySelector('.json-results').removeAttribute('aria-busy');
  results.hidden = false;
  actionStatus.textContent = '';

  const box = document.querySelector('[data-verdict-box]');
  box.dataset.verdict = report.valid ? 'valid' : 'invalid';
  out('verdict').textContent = report.valid ? 'Valid' : 'Invalid';
  const first = report.errors[0];
  let text;
  if (jsonl) {
    const bad = report.records - report.valid_records;
    text = report.valid
      ? `All ${count(report.records)} ${report.records === 1 ? 'line is' : 'lines are'} valid JSON.`
      : report.records === 0 && first
        ? `${first.message[0].toUpperCase()}${first.message.slice(1)}.`
        : `${count(bad)} of ${count(report.records)} lines ${bad === 1 ? 'is' : 'are'} not valid JSON; they are copied unchanged.`;
  } else {
    text = report.valid
      ? 'The input is valid JSON.'
      : `Line ${count(first.line)}, column ${count(first.column)}: ${first.message}.`;
  }
  out('verdict-text').textContent = text;

  out('count-label').textContent = jsonl ? 'Values (lines)' : 'Lines';
  out('count').textContent = jsonl ? count(report.records) : count(reply.inputLines);
  out('count-sub').textContent = jsonl
    ? `${count(report.valid_records)} valid · ${count(report.blank_lines)} blank ${report.blank_lines === 1 ? 'line' : 'lines'}`
    : `input, ${bytesText(reply.inputBytes)}`;
  out('size').textContent = reply.outputBytes ? bytesText(reply.outputBytes) : '—';
  out('size-sub').textContent = !reply.outputBytes ? 'nothing to output'
    : reply.inputBytes
    ? `${reply.outputBytes >= reply.inputBytes ? '+' : '−'}${Math.abs(Math.round((reply.outputBytes / reply.inputBytes - 1) * 100))}% · ${reply.ms < 1000 ? `${Math.round(reply.ms)} ms` : `${(reply.ms / 1000).toFixed(1)} s`}`
    : '';

  const notes = [];
  if (report.bom) notes.push('A UTF-8 byte order mark (BOM) at the start was removed.');
  if (report.crlf) notes.push('The input has Windows (CRLF) line ends; the output uses LF.');
  if (!report.valid && !jsonl) notes.push('Invalid JSON is not formatted; fix the first error and the output appears.');
  document.querySelector('[data-notes]').replaceChildren(...notes.map((n) => Object.assign(document.createElement('li'), { textContent: n })));

  renderErrors(report);

  const hasOutput = reply.outputBytes > 0;
  const preview = document.querySelector('[data-preview]');
  const note = document.querySelector('[data-preview-note]');
  document.querySelector('[data-output-box]').hidden = !hasOutput;
  if (reply.blob) {
    outputArea.value = '';
    outputArea.hidden = true;
    preview.hidden = false;
    preview.textContent = reply.preview;
    note.hidden = false;
    note.textContent = `Showing the first ${bytesText(new Blob([reply.preview]).size)} of ${bytesText(reply.outputBytes)}. Download the full output.`;
  } else {
    outputArea.hidden = false;
    outputArea.value = reply.output;
    preview.hidden = true;
    preview.textContent = '';
    note.hidden = true;
  }
  document.querySelector('[data-copy]').hidden = !hasOutput || Boolean(reply.blob);
  document.querySelector('[data-download]').hidden = !hasOutput;
  document.querySelector('[data-download]').textContent = `Download (${bytesText(reply.outputBytes)})`;
}

worker.onmessage = (event) => {
  const reply = event.data;
  if (reply.id !== latestId) return; // an older answer; a newer one is coming
  if (reply.error) showError(reply.error.message);
  else render(reply);
};
worker.onerror = (event) => showError(`The formatter stopped: ${event.message ?? 'unknown error'}. Reload the page to try again.`);

async function openFile(picked) {
  if (!picked) return;
  status.textContent = `Reading ${picked.name}…`;
  busy.hidden = false;
  let buffer;
  try {
    buffer = await picked.arrayBuffer();
  } catch (e) {
    showError(`${picked.name} could not be read: ${e.message}`);
    return;
  }
  const inEditor = buffer.byteLength <= EDITOR_LIMIT;
  file = { name: picked.name, buffer, inEditor };
  if (inEditor) {
    // Shown as a browser shows it (invalid UTF-8 as U+FFFD), formatted as bytes.
    input.value = new TextDecoder().decode(buffer);
    input.placeholder = PLACEHOLDER;
  } else {
    input.value = '';
    input.placeholder = `${picked.name} (${bytesText(buffer.byteLength)}) is formatted in full,\nbut it is too large to edit here.\nType or paste to replace it.`;
  }
  showInputStats();
  update();
}

function outputName() {
  const ext = options().jsonl ? 'jsonl' : 'json';
  const base = file ? file.name.replace(/\.(json|jsonl|ndjson|txt)$/i, '') : 'formatted';
  return file ? `${base}.formatted.${ext}` : `${base}.${ext}`;
}

async function copyOutput() {
  try {
    await navigator.clipboard.writeText(outputArea.value);
    actionStatus.textContent = 'Copied.';
  } catch {
    outputArea.focus();
    outputArea.select();
    actionStatus.textContent = 'Press Ctrl+C (⌘C) to copy the selected output.';
  }
}

function main() {
  bindFormToUrl(form);
  form.addEventListener('input', (event) => {
    if (event.target === input) {
      file = null;
      input.placeholder = PLACEHOLDER;
      showInputStats();
      updateSoon();
    } else if (event.target.id !== 'file') {
      update();
    }
  });
  form.addEventListener('change', (event) => {
    if (event.target.id === 'file') {
      openFile(event.target.files[0]);
      event.target.value = '';
    }
  });
  bindDropZone(document.querySelector('[data-drop-zone]'), openFile);
  document.querySelector('[data-clear]').addEventListener('click', () => {
    file = null;
    input.value = '';
    input.placeholder = PLACEHOLDER;
    showInputStats();
    update();
    input.focus();
  });
  document.querySelector('[data-errors]').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-line]');
    if (button) jumpTo(Number(button.dataset.line), Number(button.dataset.column));
  });
  document.querySelector('[data-copy]').addEventListener('click', copyOutput);
  document.querySelector('[data-download]').addEventListener('click', () => {
    if (!last) return;
    downloadText(outputName(), last.blob ?? last.output, options().jsonl ? 'application/x-ndjson' : 'application/json');
  });
  showInputStats();
  update();
}

main();
