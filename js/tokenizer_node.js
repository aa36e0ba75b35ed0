// Node 20 entry of "llmcalc/tokenizer": token counting only, on the small
// tokenizer module (js/core/llmcalc_tokenizer.*), not the full core. The
// API is the tokenizer part of loadLlmcalc()'s (js/tokenizer.js).
import { readFile } from 'node:fs/promises';
import createLlmcalcTokenizer from './core/llmcalc_tokenizer.mjs';
import { createTokenizerOnlyApi } from './tokenizer.js';
import { earlyLoader, vocabularyFile } from './assets.js';
import { instantiateFrom } from './instantiate.js';
import { assetPath, readAsset } from './node_assets.js';

export { LlmcalcError } from './api.js';

let ready;

const assets = earlyLoader(readAsset);

const wasmFile = new URL('./core/llmcalc_tokenizer.wasm', import.meta.url);

/** The tokenizer module's wasm, compiled: for a worker thread, say. */
export async function compileTokenizer() {
  return WebAssembly.compile(await readFile(wasmFile));
}

/** A vocabulary file's bytes (an unknown name throws at once). */
export function fetchVocabulary(name) {
  return readFile(assetPath(vocabularyFile(name))).then((bytes) => new Uint8Array(bytes));
}

/**
 * Loads the tokenizer module once; later calls share the same instance.
 * `preload`: vocabularies to read while the module compiles; `wasmModule`
 * and `vocabularies`: a compiled module and files loaded elsewhere (see the
 * browser entry).
 */
export function loadTokenizer({ preload = [], wasmModule, vocabularies = {} } = {}) {
  for (const [name, bytes] of Object.entries(vocabularies)) assets.provide(vocabularyFile(name), bytes);
  for (const name of preload) assets.prefetch(vocabularyFile(name));
  ready ??= instantiateFrom(createLlmcalcTokenizer, wasmModule, async () => ({ wasmBinary: await readFile(wasmFile) })).then(
    (module) => createTokenizerOnlyApi(module, assets.load),
  );
  return ready;
}
