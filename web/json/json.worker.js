// Formats JSON off the main thread, so a 50 MB file never freezes the page.
// Only the newest request matters (serveLatest: a one-slot queue).
// Input arrives as text (typed) or as transferred bytes (a file). A large
// output goes back as a Blob plus a short preview, never as one huge string
// the page would have to put in a textarea.
import { loadLlmcalc } from 'llmcalc';
import { serveLatest } from '../src/shell/latest-only.js';

const core = loadLlmcalc();
const encoder = new TextEncoder();

function countLines(bytes) {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) n++;
  return bytes.length && bytes[bytes.length - 1] !== 10 ? n + 1 : n;
}

async function handle({ id, text, bytes, options, inlineLimit, previewChars }) {
  const llm = await core;
  const input = bytes ?? encoder.encode(text ?? '');
  const started = performance.now();
  const result = llm.formatJson(input, options);
  const ms = performance.now() - started;
  const { output, ...report } = result;
  const blob = new Blob([output], { type: options.jsonl ? 'application/x-ndjson' : 'application/json' });
  const reply = { id, report, ms, inputBytes: input.length, inputLines: countLines(input), outputBytes: blob.size };
  if (output.length <= inlineLimit) {
    reply.output = output;
  } else {
    // Cut the preview at a line end (or a code point) near the limit.
    let end = output.lastIndexOf('\n', previewChars);
    if (end < previewChars / 2) end = previewChars;
    if (/[\uD800-\uDBFF]/.test(output[end - 1] ?? '')) end--;
    reply.preview = output.slice(0, end);
    reply.blob = blob;
  }
  return { reply };
}

serveLatest(handle);
