// The tokenizers under comparison, each behind the same tiny interface:
//   const t = await loadLibrary(name, encoding); t.count(text) -> number
// Every peer counts text as ordinary text (no special tokens); the corpus
// holds none (data/corpus/build_corpus.py drops such lines).

import { pathToFileURL } from 'node:url';
import { FAMILY_NAMES, REFERENCE, loadReference } from './families.mjs';

export const OURS = 'llmcalc';
export const PEERS = ['tiktoken', 'js-tiktoken', 'gpt-tokenizer', 'ai-tokenizer'];
export const LIBRARIES = [OURS, ...PEERS];
export const ENCODINGS = ['cl100k_base', 'o200k_base'];

/** Thrown when our module or its tokenizer API is not there yet. */
export class NotBuilt extends Error {}

// Ours is the tokenizer-only entry "llmcalc/tokenizer" (js/tokenizer_node.js
// on js/core/llmcalc_tokenizer.*): what a program that counts tokens loads.
async function loadOurs(encoding) {
  let tok;
  try {
    // The bench runs on a copy of js/ taken when it starts (see
    // tokenizers.mjs), so a rebuild during a run cannot mix two builds.
    const entry = process.env.LLMCALC_BENCH_ENTRY;
    const { loadTokenizer } = entry ? await import(pathToFileURL(entry).href) : await import('llmcalc/tokenizer');
    tok = await loadTokenizer();
  } catch (e) {
    throw new NotBuilt(`the module does not load: ${e.message.split('\n')[0]}`);
  }
  const enc = await tok.loadEncoding(encoding);
  // The families' references match every added token (bench/lib/families.mjs).
  const opts = FAMILY_NAMES.includes(encoding) ? { allowedSpecial: 'all' } : undefined;
  return { count: (text) => enc.count(text, opts) };
}

export async function loadLibrary(name, encoding) {
  switch (name) {
    case OURS:
      return loadOurs(encoding);
    case REFERENCE: // a family's reference; `encoding` names the family
      return loadReference(encoding);
    case 'tiktoken': {
      // The package's main entry: Rust compiled to wasm, vocabularies inside.
      const { get_encoding } = await import('tiktoken');
      const enc = get_encoding(encoding);
      return { count: (text) => enc.encode_ordinary(text).length };
    }
    case 'js-tiktoken': {
      const { Tiktoken } = await import('js-tiktoken/lite');
      const ranks = (await import(`js-tiktoken/ranks/${encoding}`)).default;
      const enc = new Tiktoken(ranks);
      return { count: (text) => enc.encode(text, [], []).length };
    }
    case 'gpt-tokenizer': {
      const enc = await import(`gpt-tokenizer/encoding/${encoding}`);
      return { count: (text) => enc.countTokens(text) };
    }
    case 'ai-tokenizer': {
      const { Tokenizer } = await import('ai-tokenizer');
      const data = await import(`ai-tokenizer/encoding/${encoding}`);
      const enc = new Tokenizer(data);
      return { count: (text) => enc.count(text) };
    }
    default:
      throw new Error(`unknown library ${name}`);
  }
}

/** Whether our tokenizer wasm module is built (cheap; the API is probed by loading it). */
export async function oursBuilt() {
  const { access } = await import('node:fs/promises');
  try {
    await access(new URL('../../js/core/llmcalc_tokenizer.wasm', import.meta.url));
    return true;
  } catch {
    return false;
  }
}
