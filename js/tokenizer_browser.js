// Browser and worker entry of "llmcalc/tokenizer": token counting only, on
// the small tokenizer module (js/core/llmcalc_tokenizer.*). The wasm and
// vocabularies are fetched relative to this module's URL, as in browser.js.
import createLlmcalcTokenizer from './core/llmcalc_tokenizer.mjs';
import { createTokenizerOnlyApi } from './tokenizer.js';
import { assetUrl, earlyLoader, fetchAsset, vocabularyFile } from './assets.js';
import { instantiateFrom } from './instantiate.js';

export { LlmcalcError } from './api.js';

let ready;
const assets = earlyLoader(fetchAsset);

/**
 * Compiles the tokenizer module's wasm (streaming where the server sends
 * application/wasm). A page can use the result itself and post it to a
 * worker, so that the wasm is downloaded and compiled once, not per thread.
 * @returns {Promise<WebAssembly.Module>}
 */
export async function compileTokenizer() {
  const response = await fetch(assetUrl('core/llmcalc_tokenizer.wasm'), { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Could not load the tokenizer: HTTP ${response.status}`);
  if (response.headers.get('content-type')?.startsWith('application/wasm')) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

/** A vocabulary file's bytes, e.g. for a page to transfer to its worker. */
export function fetchVocabulary(name) {
  return fetchAsset(vocabularyFile(name));
}

/**
 * Loads the tokenizer module once; later calls share the same instance.
 * - `preload` names vocabularies (o200k_base, cl100k_base, p50k_base,
 *   r50k_base) to download while the module compiles, so that the first
 *   loadEncoding() of one of them does not wait for a second round trip.
 * - `wasmModule`: a (promised) compiled module, from compileTokenizer().
 * - `vocabularies`: {name: (promised) bytes} fetched elsewhere, used as
 *   those files; a rejected promise falls back to fetching them here.
 */
export function loadTokenizer({ preload = [], wasmModule, vocabularies = {} } = {}) {
  for (const [name, bytes] of Object.entries(vocabularies)) assets.provide(vocabularyFile(name), bytes);
  for (const name of preload) assets.prefetch(vocabularyFile(name));
  ready ??= instantiateFrom(createLlmcalcTokenizer, wasmModule).then((module) => createTokenizerOnlyApi(module, assets.load));
  return ready;
}
