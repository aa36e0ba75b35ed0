// Reading the price calculator's inputs and itemizing a price, shared by
// the page and the embeddable widget: token counts go to the core as typed (its messages
// name the field at fault); the cached share and the request volume,
// which the core has no field for, are read here by the core's rule.
import { LlmcalcError } from 'llmcalc';
import { make } from '../src/shell/dom.js';

export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Reads a typed count that the core has no field for (requests, the cached
 * share) by the core's rule (src/util/number_input.h): a finite decimal,
 * "1,000" and "1_000" allowed; same wording as its messages.
 */
export function readNumber(text, field, label, { max = Infinity, maxText = String(max) } = {}) {
  const t = String(text).trim();
  const fail = (message) => {
    throw new LlmcalcError(message, field);
  };
  const quoted = `"${t.length > 40 ? `${t.slice(0, 40)}...` : t}"`;
  if (t === '') fail(`${label} is empty: enter a number.`);
  if (!/^[+-]?(\d+([,_]\d+)*)?(\.\d*)?([eE][+-]?\d+)?$/.test(t) || !/\d/.test(t)) fail(`${label} ${quoted} is not a number.`);
  const value = Number(t.replace(/[,_]/g, ''));
  if (!Number.isFinite(value)) fail(`${label} ${quoted} is too large to be a useful number.`);
  if (value < 0) fail(`${label} cannot be negative.`);
  if (value > max) fail(`${label} ${quoted} is out of range: at most ${maxText}.`);
  return value === 0 ? 0 : value;
}

/** The core accepted `text` as a token count: read it the same way. */
const acceptedCount = (text) => Number(String(text).trim().replace(/[,_]/g, '')) || 0;

/** Token counts as typed (form.elements), with a cached share turned into tokens once the core accepted the input count. */
export function tokenInput(e) {
  const input = { input: e.input.value, output: e.output.value };
  if (e.cached_unit.value === 'tokens') {
    input.cached = e.cached.value;
  } else {
    const share = readNumber(e.cached.value, 'cached', 'The cached share', { max: 100 });
    input.cachedShare = share / 100;
  }
  return input;
}

/** Requests per day from the requests field and its per day / per month switch. */
export function requestsPerDay(e) {
  const label = e.per.value === 'month' ? 'Requests per month' : 'Requests per day';
  // The core's limit for request volumes (break-even's volume), so 1e308
  // is an error here too rather than a cost of $1e306.
  const n = readNumber(e.requests.value, 'requests', label, { max: 1e15, maxText: '1e15 requests' });
  return e.per.value === 'month' ? n / DAYS_PER_MONTH : n;
}

/** Prices `tokens` on `model` (an id as typed or provider:id); the core validates everything. */
export function priceOn(llm, model, tokens, batch, { validate = true } = {}) {
  const request = { model, input: tokens.input, output: tokens.output, batch };
  if ('cached' in tokens) {
    request.cached = tokens.cached;
  } else if (tokens.cachedShare > 0) {
    // Validate the input count first so its message wins over the share's
    // (the table skips this: a bad count still fails the real call).
    if (validate) llm.price({ ...request, cached: 0, batch: false });
    request.cached = Math.round(acceptedCount(tokens.input) * tokens.cachedShare);
  }
  return llm.price(request);
}

const LINE_LABELS = {
  input: 'Input',
  cache_read: 'Cached input (read)',
  cache_write_5m: 'Cache write (5 min)',
  cache_write_1h: 'Cache write (1 h)',
  output: 'Output',
  reasoning: 'Reasoning',
};

/** The itemized lines of a price result as table rows (item, tokens, price per 1M, cost). */
export function lineRows(f, r) {
  const rows = r.lines.map((l) =>
    make('tr', {}, [
      make('th', { scope: 'row', textContent: LINE_LABELS[l.kind] ?? l.kind }),
      make('td', { className: 'n', textContent: f.count(l.tokens) }),
      make('td', { className: 'n', textContent: f.usd(l.price_per_million) }),
      make('td', { className: 'n', textContent: f.usd(l.cost_usd) }),
    ]),
  );
  if (rows.length === 0) rows.push(make('tr', {}, [make('td', { colSpan: 4, className: 'muted', textContent: 'No tokens: nothing to pay.' })]));
  return rows;
}
