// Node 20 entry of "llmcalc/tokenizer": token counting only, on the small
// tokenizer module (js/core/llmcalc_tokenizer.*), not the full core. The
// API is the tokenizer part of loadLlmcalc()'s (js/tokenizer.js).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import createLlmcalcTokenizer from './core/llmcalc_tokenizer.mjs';
import { createTokenizerOnlyApi } from './tokenizer.js';
import { assetUrl } from './assets.js';

export { LlmcalcError } from './api.js';

let ready;

async function readAsset(name) {
  const url = assetUrl(name);
  if (!url) throw new Error(`Unknown data file: ${name}`);
  return new Uint8Array(await readFile(fileURLToPath(url)));
}

/** Loads the tokenizer module once; later calls share the same instance. */
export function loadTokenizer() {
  ready ??= readFile(new URL('./core/llmcalc_tokenizer.wasm', import.meta.url)).then((wasmBinary) =>
    createLlmcalcTokenizer({ wasmBinary }).then((module) => createTokenizerOnlyApi(module, readAsset)),
  );
  return ready;
}
