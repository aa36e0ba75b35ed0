// Browser and worker entry: the wasm and data files are fetched relative to
// this module's own URL, so the package works wherever it is served from
// (the site under /<repo>/, or widgets embedded on another origin).
import createLlmcalcCore from './core/llmcalc_core.mjs';
import { createApi } from './api.js';
import { fetchAsset } from './assets.js';

export { LlmcalcError } from './api.js';

let ready;

/** Loads the core once; later calls share the same instance. */
export function loadLlmcalc() {
  ready ??= createLlmcalcCore().then((module) => createApi(module, fetchAsset));
  return ready;
}
