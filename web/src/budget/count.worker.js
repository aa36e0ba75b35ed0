// Counts the pasted sections of the budget and context-window pages with
// each encoding the chosen models need, off the main thread; only the
// newest request is answered (serveLatest). Tokenizer-only module.
import { loadTokenizer } from 'llmcalc/tokenizer';
import { serveLatest } from '../shell/latest-only.js';

const core = loadTokenizer();
// Pasted text is text: "<|endoftext|>" in a prompt is characters, as the
// APIs treat message content.
const AS_TEXT = { disallowedSpecial: [] };

serveLatest(async ({ id, texts, encodings }, superseded) => {
  const llm = await core;
  const counts = {};
  for (const name of encodings) {
    if (superseded()) break;
    const enc = await llm.loadEncoding(name);
    counts[name] = {};
    for (const [section, text] of Object.entries(texts)) counts[name][section] = enc.count(text, AS_TEXT);
  }
  return { reply: { id, counts } };
});
