// Browser and worker entry of "llmcalc/tokenizer": token counting only, on
// the small tokenizer module (js/core/llmcalc_tokenizer.*). The wasm and
// vocabularies are fetched relative to this module's URL, as in browser.js.
import createLlmcalcTokenizer from './core/llmcalc_tokenizer.mjs';
import { createTokenizerApi } from './tokenizer.js';
import { fetchAsset } from './assets.js';

export { LlmcalcError } from './api.js';

let ready;

// Only what this module's bindings provide (js/tokenizer.js may offer more
// on the full module).
const tokenizerOnly = ({ encodings, loadEncoding, encodingForModel, countChat }) => ({
  encodings, loadEncoding, encodingForModel, countChat,
});

/** Loads the tokenizer module once; later calls share the same instance. */
export function loadTokenizer() {
  ready ??= createLlmcalcTokenizer().then((module) => tokenizerOnly(createTokenizerApi(module, fetchAsset)));
  return ready;
}
