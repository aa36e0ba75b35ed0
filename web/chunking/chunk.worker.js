// Cuts a pasted or dropped document into token-exact chunks off the main
// thread (a book-length text stays responsive); only the newest request is
// answered (serveLatest). Chunking needs the full module (chunkText).
import { loadLlmcalc } from 'llmcalc';
import { serveLatest } from '../src/shell/latest-only.js';

const core = loadLlmcalc();

serveLatest(async ({ id, text, encoding, size, overlap }) => {
  const llm = await core;
  // Special-token text in a document is text, as embedding APIs treat it.
  const result = await llm.chunkText(encoding, text, { size, overlap, texts: true, disallowedSpecial: [] });
  return { reply: { id, result } };
});
