// Tokenizes off the main thread so typing never stutters; only the newest
// request is answered (serveLatest).
// Only tokenizes, so it loads the tokenizer-only module, not the full core.
import { loadTokenizer } from 'llmcalc/tokenizer';
import { serveLatest } from '../src/shell/latest-only.js';

const core = loadTokenizer();
// The default model's vocabulary (gpt-4o: o200k_base, which most current
// models use) is fetched while the page is still starting, not after its
// first request; the table loads every vocabulary anyway, so it is never
// wasted.
core.then((llm) => llm.loadEncoding('o200k_base')).catch(() => {});
serveLatest(handle);

// Pasted text is counted as text by default: "<|endoftext|>" in a prompt
// is characters, not a control token, unless the reader says otherwise.
const SPECIAL = { asText: { disallowedSpecial: [] }, asSpecial: { allowedSpecial: 'all' } };

async function handle({ id, text, encodings, visualize, specialTokens, chat }, superseded) {
  const llm = await core;
  const options = SPECIAL[specialTokens] ?? SPECIAL.asText;
  const reply = { id, counts: {} };
  const transfer = [];
  // The chosen encoding first: its count and tokens are answered at once
  // (a partial reply), and the other vocabularies load after that, so the
  // first count never waits for files it does not need.
  const ordered = [...new Set([visualize, ...encodings].filter((n) => n && encodings.includes(n)))];
  for (const [index, name] of ordered.entries()) {
    if (index === 1 && !chat) self.postMessage({ id, partial: true, counts: { ...reply.counts } });
    if (superseded()) break; // a newer request supersedes this one
    try {
      const enc = await llm.loadEncoding(name);
      reply.counts[name] = chat ? enc.countChat(chat.request, chat.model ?? '') : { tokens: enc.count(text, options) };
    } catch (e) {
      reply.counts[name] = { error: e.message ?? String(e) };
    }
  }
  if (visualize && !chat) {
    const enc = await llm.loadEncoding(visualize);
    const spans = enc.spans(text, options);
    reply.spans = { encoding: visualize, ids: spans.ids, start: spans.utf16Start, end: spans.utf16End };
    // The columns may share one buffer; each buffer is transferred once.
    transfer.push(...new Set([spans.ids.buffer, spans.utf16Start.buffer, spans.utf16End.buffer]));
  }
  return { reply, transfer };
}
