// Browser and worker entry of "llmcalc/tokenizer": token counting only, on
// the small tokenizer module (js/core/llmcalc_tokenizer.*). The wasm and
// vocabularies are fetched relative to this module's URL, as in browser.js.
import createLlmcalcTokenizer from './core/llmcalc_tokenizer.mjs';
import { createTokenizerOnlyApi } from './tokenizer.js';
import { earlyLoader, fetchAsset, vocabularyFile } from './assets.js';

export { LlmcalcError } from './api.js';

let ready;
const assets = earlyLoader(fetchAsset);

/**
 * Loads the tokenizer module once; later calls share the same instance.
 * `preload` names vocabularies (o200k_base, cl100k_base, p50k_base,
 * r50k_base) to download while the module compiles, so that the first
 * loadEncoding() of one of them does not wait for a second round trip.
 */
export function loadTokenizer({ preload = [] } = {}) {
  for (const name of preload) assets.prefetch(vocabularyFile(name));
  ready ??= createLlmcalcTokenizer().then((module) => createTokenizerOnlyApi(module, assets.load));
  return ready;
}
