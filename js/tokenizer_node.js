// Node 20 entry of "llmcalc/tokenizer": token counting only, on the small
// tokenizer module (js/core/llmcalc_tokenizer.*), not the full core. The
// API is the tokenizer part of loadLlmcalc()'s (js/tokenizer.js).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import createLlmcalcTokenizer from './core/llmcalc_tokenizer.mjs';
import { createTokenizerOnlyApi } from './tokenizer.js';
import { assetUrl, earlyLoader, vocabularyFile } from './assets.js';

export { LlmcalcError } from './api.js';

let ready;

async function readAsset(name) {
  const url = assetUrl(name);
  if (!url) throw new Error(`Unknown data file: ${name}`);
  return new Uint8Array(await readFile(fileURLToPath(url)));
}

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
