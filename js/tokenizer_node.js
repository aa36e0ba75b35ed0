// Node 20 entry of "llmcalc/tokenizer": token counting only, on the small
// tokenizer module (js/core/llmcalc_tokenizer.*), not the full core. The
// API is the tokenizer part of loadLlmcalc()'s (js/tokenizer.js).
import { readFile } from 'node:fs/promises';
import createLlmcalcTokenizer from './core/llmcalc_tokenizer.mjs';
import { createTokenizerOnlyApi } from './tokenizer.js';
import { earlyLoader, vocabularyFile } from './assets.js';
import { readAsset } from './node_assets.js';

export { LlmcalcError } from './api.js';

let ready;

const assets = earlyLoader(readAsset);

/**
 * Loads the tokenizer module once; later calls share the same instance.
 * `preload`: vocabularies to read while the module compiles.
 */
export function loadTokenizer({ preload = [] } = {}) {
  for (const name of preload) assets.prefetch(vocabularyFile(name));
  ready ??= readFile(new URL('./core/llmcalc_tokenizer.wasm', import.meta.url)).then((wasmBinary) =>
    createLlmcalcTokenizer({ wasmBinary }).then((module) => createTokenizerOnlyApi(module, assets.load)),
  );
  return ready;
}
