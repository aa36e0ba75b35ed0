// Browser and worker entry: the wasm and data files are fetched relative to
// this module's own URL, so the package works wherever it is served from
// (the site under /<repo>/, or widgets embedded on another origin).
import createLlmcalcCore from './core/llmcalc_core.mjs';
import { createApi } from './api.js';
import { assetUrl } from './assets.js';

export { LlmcalcError } from './api.js';

let ready;

async function fetchAsset(name) {
  const url = assetUrl(name);
  if (!url) throw new Error(`Unknown data file: ${name}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${name}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Loads the core once; later calls share the same instance. */
export function loadLlmcalc() {
  ready ??= createLlmcalcCore().then((module) => createApi(module, fetchAsset));
  return ready;
}
