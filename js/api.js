// The JavaScript face of the core, shared by browsers and Node. The raw
// wasm module speaks JSON strings (see wasm/); this file turns them into
// objects and turns {"error": …} replies into thrown LlmcalcError.

import { createFormatApi } from './format.js';
import { createJsonToolsApi } from './json_tools.js';

import { createTokenizerApi } from './tokenizer.js';

export class LlmcalcError extends Error {
  /** @param {string} message @param {string} [field] the input at fault */
  constructor(message, field = '') {
    super(message);
    this.name = 'LlmcalcError';
    this.field = field;
  }
}

/**
 * JSON text for the core. A lone surrogate (a string cut inside an emoji,
 * say) has no UTF-8 form and the core's parser rejects its \ud800 escape,
 * so it becomes U+FFFD – as TextEncoder turns it into U+FFFD in text: one
 * rule for every input from JavaScript. NaN and ±Infinity, which JSON
 * cannot hold (JSON.stringify writes null, "not given"), go as text, so
 * the core answers that they are not numbers.
 */
export const toCoreJson = (value) =>
  JSON.stringify(value ?? {}, (_, v) => {
    if (typeof v === 'string') return v.toWellFormed();
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    return v;
  });

/** Calls a JSON-in/JSON-out export and unwraps its reply. */
export function callJson(fn, input) {
  return callText(fn, toCoreJson(input));
}

/** The error for an input buffer the module could not allocate (a null view). */
export function outOfMemory(field = '') {
  return new LlmcalcError('Out of memory: the input is too large to process here.', field);
}

/** A view of a wasm input buffer; null (no memory for it) throws outOfMemory(). */
export function need(view, field) {
  if (view === null) throw outOfMemory(field);
  return view;
}

/** Calls an export with a text argument as it is (e.g. a whole data file) and unwraps its reply. */
export function callText(fn, argument) {
  let text;
  try {
    text = fn(argument);
  } catch (e) {
    // Only an allocation failure or a bug reaches here; the core reports
    // bad input as data. Keep the message readable either way.
    throw new LlmcalcError(`The calculation failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const reply = JSON.parse(text);
  if (reply && typeof reply === 'object' && 'error' in reply && !Array.isArray(reply)) {
    throw new LlmcalcError(reply.error.message, reply.error.field || '');
  }
  return reply;
}

/**
 * Wraps an instantiated module.
 * @param {any} module the Emscripten module
 * @param {(name: string) => Promise<Uint8Array | {size: number, readInto(view: Uint8Array): void}>} loadAsset
 *   fetches a data file (vocabulary) by name; browsers fetch, Node hands a
 *   vocabulary over as a file to read into wasm memory (js/node_assets.js).
 */
export function createApi(module, loadAsset) {
  const now = () => new Date().toISOString();
  // The catalog is fetched once, on first use; a failed fetch may be retried.
  let catalog;
  const loadCatalog = () =>
    (catalog ??= loadAsset('catalog.json')
      .then((bytes) => {
        callText(module.loadCatalog, new TextDecoder().decode(bytes));
        // Listed with the prices in force now, not at the generation date.
        const list = callJson(module.listModels, { date: now() });
        return { asOf: list.as_of, generated: list.generated, sources: list.sources,
          providers: list.providers, models: list.models };
      })
      .catch((e) => {
        catalog = undefined;
        throw e;
      }));
  return {
    module,
    loadAsset,
    breakEven: (input) => callJson(module.breakEven, input),
    ...createTokenizerApi(module, loadAsset),
    // JSON formatter and dataset checker (src/json/, src/dataset/).
    ...createJsonToolsApi(module),
    // Model catalog and cost engine (src/catalog/, src/cost/); findModel and
    // price need `await loadCatalog()` first. price() defaults to now.
    loadCatalog,
    findModel: (id) => callJson(module.findModel, { model: id }),
    listModels: (input = {}) => callJson(module.listModels, { date: now(), ...input }),
    price: (input) => callJson(module.price, { ...input, date: input?.date ?? now() }),
    // "Prompt or fine-tune?" (src/decision/): the helper's rules, step by step.
    decide: (input) => callJson(module.decide, input),
    // Fine-tuning cost (src/training/): hosted quotes, price sheets, GPUs; needs loadCatalog().
    trainingCost: (input) => callJson(module.trainingCost, { ...input, date: input?.date ?? now() }),
    // Prompt token budget (src/budget/); catalog model ids need loadCatalog().
    budget: (input) => callJson(module.budget, { ...input, date: input?.date ?? now() }),
    // Embedding cost (src/embedding/); needs `await loadCatalog()` first, defaults to now.
    embeddingCost: (input) => callJson(module.embeddingCost, { ...input, date: input?.date ?? now() }),
    // One formatting rule for the CLI and the page (src/util/format.h).
    format: createFormatApi(module),
  };
}
