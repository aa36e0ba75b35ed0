// Counts the corpus off the main thread (pasted text and dropped files can
// be megabytes), with the tokenizer-only module; only the newest request is
// answered (serveLatest). Special-token text such as <|endoftext|> in a
// document is text, as an embedding API reads it.
import { loadTokenizer } from 'llmcalc/tokenizer';
import { serveLatest } from '../src/shell/latest-only.js';

const core = loadTokenizer();
serveLatest(handle);

async function handle({ id, encoding, texts }, superseded) {
  const enc = await (await core).loadEncoding(encoding);
  const counts = [];
  for (const text of texts) {
    if (superseded()) break; // a newer request replaces this one
    counts.push(enc.count(text, { disallowedSpecial: [] }));
  }
  return { reply: { id, encoding, counts } };
}
