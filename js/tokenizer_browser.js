// Browser and worker entry of "llmcalc/tokenizer": token counting only, on
// the small tokenizer module (js/core/llmcalc_tokenizer.*). The wasm and
// vocabularies are fetched relative to this module's URL, as in browser.js.
import createLlmcalcTokenizer from './core/llmcalc_tokenizer.mjs';
import { createTokenizerOnlyApi } from './tokenizer.js';
import { fetchAsset } from './assets.js';

export { LlmcalcError } from './api.js';

let ready;

/** Loads the tokenizer module once; later calls share the same instance. */
export function loadTokenizer() {
  ready ??= createLlmcalcTokenizer().then((module) => createTokenizerOnlyApi(module, fetchAsset));
  return ready;
}
