// Node 20 entry. Emscripten 3.1.6's ES-module glue cannot fetch a file URL
// in Node, so the wasm bytes are read here and handed over as wasmBinary.
import { readFile } from 'node:fs/promises';
import createLlmcalcCore from './core/llmcalc_core.mjs';
import { createApi } from './api.js';
import { readAsset } from './node_assets.js';

export { LlmcalcError } from './api.js';

let ready;

/** Loads the core once; later calls share the same instance. */
export function loadLlmcalc() {
  ready ??= readFile(new URL('./core/llmcalc_core.wasm', import.meta.url)).then((wasmBinary) =>
    createLlmcalcCore({ wasmBinary }).then((module) => createApi(module, readAsset)),
  );
  return ready;
}
