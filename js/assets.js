// Data files that ship with the package, by name. Each URL is written out
// literally so that Vite sees it, emits the file as a hashed asset and
// fetches it only when a page asks for it (a page loads only the
// vocabularies it uses).
import { LlmcalcError } from './api.js';

const urls = {
  // Tokenizer vocabularies (built into js/vocab/ by data/vocab/build_vocab.mjs).
  // OpenAI's in the format made for downloading (js/vocab/web/, 18% smaller
  // under brotli); Node reads js/vocab/ itself, which loads faster
  // (node_assets.js).
  'vocab/r50k_base.bin': new URL('./vocab/web/r50k_base.bin', import.meta.url),
  'vocab/p50k_base.bin': new URL('./vocab/web/p50k_base.bin', import.meta.url),
  'vocab/cl100k_base.bin': new URL('./vocab/web/cl100k_base.bin', import.meta.url),
  'vocab/o200k_base.bin': new URL('./vocab/web/o200k_base.bin', import.meta.url),
  // Hugging Face families and the legacy Claude tokenizer (data/vocab/build_hf_vocab.mjs).
  'vocab/llama3.bin': new URL('./vocab/llama3.bin', import.meta.url),
  'vocab/qwen2_5.bin': new URL('./vocab/qwen2_5.bin', import.meta.url),
  'vocab/qwen3.bin': new URL('./vocab/qwen3.bin', import.meta.url),
  'vocab/deepseek_v3.bin': new URL('./vocab/deepseek_v3.bin', import.meta.url),
  'vocab/mistral_nemo.bin': new URL('./vocab/mistral_nemo.bin', import.meta.url),
  'vocab/gemma3.bin': new URL('./vocab/gemma3.bin', import.meta.url),
  'vocab/claude_legacy.bin': new URL('./vocab/claude_legacy.bin', import.meta.url),
  // The tokenizer-only module's wasm, for a page that compiles it once and
  // hands the compiled module to its worker (compileTokenizer()).
  'core/llmcalc_tokenizer.wasm': new URL('./core/llmcalc_tokenizer.wasm', import.meta.url),
  // Model and price catalog (data/catalog/catalog.json, copied here by the wasm build).
  'catalog.json': new URL('./data/catalog.json', import.meta.url),
};

/** @returns {URL | undefined} */
export function assetUrl(name) {
  return urls[name];
}

/** Fetches a data file (browsers and workers), relative to this module's URL. */
export async function fetchAsset(name) {
  const url = assetUrl(name);
  if (!url) throw new Error(`Unknown data file: ${name}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${name}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The data file of a vocabulary; an unknown name is an LlmcalcError (field "preload"). */
export function vocabularyFile(name) {
  const file = `vocab/${name}.bin`;
  if (!urls[file]) {
    const known = Object.keys(urls).filter((f) => f.startsWith('vocab/')).map((f) => f.slice(6, -4));
    throw new LlmcalcError(`Unknown vocabulary '${name}' to preload. Known: ${known.join(', ')}.`, 'preload');
  }
  return file;
}

/**
 * Wraps an asset loader so that a file can be requested early: prefetch(name)
 * starts loading it now (while the wasm module compiles, say), and the next
 * load(name) takes that result instead of starting again (provide(name, bytes)
 * gives it bytes fetched elsewhere). The early result
 * is handed over once, then forgotten, so it is not kept in memory.
 */
export function earlyLoader(loadNow) {
  const early = new Map();
  return {
    prefetch(name) {
      if (early.has(name)) return;
      const promise = loadNow(name);
      promise.catch(() => {}); // reported by load(), if anyone asks for it
      early.set(name, promise);
    },
    // Bytes someone else is loading (a page, for its worker): taken as the
    // file's contents; if they never come, the file is loaded here after all.
    provide(name, bytes) {
      early.set(name, Promise.resolve(bytes).then((b) => new Uint8Array(b), () => loadNow(name)));
    },
    load(name) {
      const promise = early.get(name);
      early.delete(name);
      return promise ?? loadNow(name);
    },
  };
}
