// Tokenizes off the main thread so typing never stutters; only the newest
// request is answered (serveLatest).
// Only tokenizes, so it loads the tokenizer-only module, not the full core.
import { loadTokenizer } from 'llmcalc/tokenizer';
import { serveLatest } from '../src/shell/latest-only.js';
import { isHandover, receiveHandover } from './asset-handover.js';

// The page hands over the compiled wasm and the default model's vocabulary
// (gpt-4o: o200k_base, which most current models use), fetched as the page
// loaded; it is loaded before the page's first request is answered. The
// table loads every vocabulary anyway, so it is never wasted.
const handover = receiveHandover();
const core = loadTokenizer({ wasmModule: handover.wasmModule, vocabularies: { o200k_base: handover.vocabulary('o200k_base') } });
core.then((llm) => llm.loadEncoding('o200k_base')).catch(() => {});
serveLatest(handle, { skip: isHandover });

// Pasted text is counted as text by default: "<|endoftext|>" in a prompt
// is characters, not a control token, unless the reader says otherwise.
const SPECIAL = { asText: { disallowedSpecial: [] }, asSpecial: { allowedSpecial: 'all' } };

// The encoding a selection shows: "encoding:NAME", or a model's own
// (o200k_base, which most current models use, when the model is unknown).
function encodingOf(llm, selection) {
  if (selection?.startsWith('encoding:')) return selection.slice('encoding:'.length);
  try {
    return llm.encodingForModel(selection);
  } catch {
    return 'o200k_base';
  }
}

async function handle({ id, selection, text, specialTokens, chat, families }, superseded) {
  const llm = await core;
  const options = SPECIAL[specialTokens] ?? SPECIAL.asText;
  const visualize = encodingOf(llm, selection);
  const reply = { id, encoding: visualize, counts: {} };
  const transfer = [];
  // The chosen encoding first: its count and tokens are answered at once
  // (a partial reply); then OpenAI's others, answered again before the
  // other families, whose larger vocabularies may still be downloading. A
  // chat request is counted with the chosen encoding only.
  const openai = llm.encodings.map((e) => e.name);
  const others = families && !chat ? (llm.otherEncodings ?? []).map((e) => e.name) : [];
  const ordered = [...new Set(chat ? [visualize] : [visualize, ...openai, ...others])];
  const firstOther = ordered.findIndex((name, i) => i > 0 && !openai.includes(name));
  const answerAt = new Set([1, firstOther]);
  for (const [index, name] of ordered.entries()) {
    if (answerAt.has(index) && !chat) {
      self.postMessage({ id, encoding: visualize, partial: true, counts: { ...reply.counts } });
    }
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
