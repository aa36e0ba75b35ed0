// Differential test: our cost engine (through the built wasm module, as the
// page uses it) against genai-prices' own calcPrice() on the same catalog
// data, for seeded random (model, usage, date) triples. Dates are drawn
// around every dated price change and across UTC off-peak windows, input
// sizes across every long-context tier start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calcPrice } from '@pydantic/genai-prices';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';

const CASES = 1500;
const llm = await loadLlmcalc();
const catalog = await llm.loadCatalog();

// mulberry32: small, seedable, good enough to spread cases.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261130);
const int = (max) => Math.floor(random() * (max + 1));
const pick = (list) => list[Math.floor(random() * list.length)];

// The full entries (all price sets), to know what each model offers.
const entries = catalog.models.map((m) => llm.findModel(`${m.provider}:${m.id}`));

// genai-prices resolves names by its match rules (Fireworks ids only as
// "accounts/fireworks/models/…"); compare under the first of the model's id
// and aliases that it resolves to the same entry.
const genaiName = (m) =>
  [m.id, ...m.aliases].find(
    (name) => calcPrice({ input_tokens: 1, output_tokens: 1 }, name, { providerId: m.provider })?.model.id === m.id,
  );
const comparable = entries.filter((m) => genaiName(m) !== undefined);

// The price set in force at `iso` (last matching entry wins, the first is
// the fallback): what the usage may draw on.
function setAt(model, iso) {
  const t = new Date(iso);
  const secs = t.getUTCHours() * 3600 + t.getUTCMinutes() * 60 + t.getUTCSeconds();
  const hms = (s) => s.split(':').reduce((a, x) => a * 60 + Number(x), 0);
  for (let i = model.prices.length - 1; i >= 0; i--) {
    const { when } = model.prices[i];
    if (!when) return model.prices[i];
    if (when.from && t >= new Date(`${when.from}T00:00:00Z`)) return model.prices[i];
    if (when.utc_start) {
      const [a, b] = [hms(when.utc_start), hms(when.utc_end)];
      if (b < a ? secs >= a || secs < b : secs >= a && secs < b) return model.prices[i];
    }
  }
  return model.prices[0];
}

function offered(model, key) {
  return model.prices.some((set) => set[key] !== undefined);
}

function tierStarts(model) {
  const starts = new Set();
  for (const set of model.prices) {
    for (const v of Object.values(set)) if (v && typeof v === 'object' && Array.isArray(v.tiers)) v.tiers.forEach((t) => starts.add(t.start));
  }
  return [...starts];
}

function randomDate(model) {
  const changes = model.prices.filter((s) => s.when?.from).map((s) => Date.parse(`${s.when.from}T00:00:00Z`));
  const anchors = [Date.parse('2025-01-15T00:00:00Z'), Date.parse('2026-11-30T00:00:00Z'), ...changes, ...changes.map((t) => t - 1000)];
  const base = pick(anchors);
  // Random time of day so UTC windows (DeepSeek off-peak) are hit both ways.
  const withTime = random() < 0.3 ? base : Math.floor(base / 86400000) * 86400000 + int(86399) * 1000;
  return new Date(withTime).toISOString();
}

function randomUsage(model, date) {
  const set = setAt(model, date);
  const has = (key) => set[key] !== undefined;
  const starts = tierStarts(model);
  const sizes = [int(5000), int(200000), int(2000000), 0];
  for (const s of starts) sizes.push(s, s + 1, s + int(100000));
  const input = has('input') ? pick(sizes) : 0;
  const cached = has('cache_read') && random() < 0.6 ? int(input) : 0;
  const w5 = has('cache_write_5m') && random() < 0.5 ? int(input - cached) : 0;
  const w1h = has('cache_write_1h') && random() < 0.5 ? int(input - cached - w5) : 0;
  const output = has('output') ? pick([0, int(1000), int(100000)]) : 0;
  const reasoning = random() < 0.4 ? int(output) : 0;
  return { input, cached, cache_write_5m: w5, cache_write_1h: w1h, output, reasoning };
}

test('enough models are comparable with genai-prices', () => {
  assert.ok(comparable.length >= 0.9 * entries.length, `${comparable.length} of ${entries.length}`);
});

test(`our cost equals genai-prices' calcPrice within 1e-9 on ${CASES} seeded cases`, () => {
  let tiered = 0;
  let dated = 0;
  for (let i = 0; i < CASES; i++) {
    const model = pick(comparable);
    const date = randomDate(model);
    const usage = randomUsage(model, date);
    const ours = llm.price({ model: `${model.provider}:${model.id}`, ...usage, date });
    const theirs = calcPrice(
      {
        input_tokens: usage.input,
        cache_read_tokens: usage.cached,
        cache_write_tokens: usage.cache_write_5m + usage.cache_write_1h,
        cache_write_1h_tokens: usage.cache_write_1h,
        output_tokens: usage.output,
        output_reasoning_tokens: usage.reasoning,
      },
      genaiName(model),
      { providerId: model.provider, timestamp: new Date(date) },
    );
    const what = `${model.provider}:${model.id} ${JSON.stringify(usage)} at ${date}`;
    assert.equal(theirs.model.id, model.id, what);
    const tolerance = 1e-9 * Math.max(Math.abs(theirs.total_price), 1e-12);
    assert.ok(Math.abs(ours.cost_usd - theirs.total_price) <= tolerance,
      `${what}: ours ${ours.cost_usd}, genai-prices ${theirs.total_price}`);
    const lineSum = ours.lines.reduce((s, l) => s + l.cost_usd, 0);
    assert.ok(Math.abs(lineSum - ours.cost_usd) <= 1e-12 * Math.max(1, ours.cost_usd), what);
    if (ours.long_context) tiered++;
    if (ours.price_period !== 'standard') dated++;
  }
  // The draw must actually exercise the tier and date rules.
  console.log(`# ${CASES} cases over ${comparable.length} models: ${tiered} long-context, ${dated} dated or windowed`);
  assert.ok(tiered > 20, `only ${tiered} long-context cases`);
  assert.ok(dated > 20, `only ${dated} cases with a dated or windowed price`);
});

test('every alias resolves to its own entry, as in genai-prices', () => {
  let checked = 0;
  for (const m of entries) {
    for (const alias of m.aliases) {
      const found = llm.findModel(`${m.provider}:${alias}`);
      assert.equal(`${found.provider}:${found.id}`, `${m.provider}:${m.id}`, alias);
      checked++;
    }
  }
  assert.ok(checked > 200, `only ${checked} aliases`);
});

test('usage a model has no price for is an error, never $0', () => {
  const embedding = entries.find((m) => m.kind === 'embedding' && !offered(m, 'output'));
  assert.throws(() => llm.price({ model: `${embedding.provider}:${embedding.id}`, input: 10, output: 5 }),
    (e) => e instanceof LlmcalcError && e.field === 'output');
  const noCache = comparable.find((m) => !offered(m, 'cache_read') && offered(m, 'input'));
  assert.throws(() => llm.price({ model: `${noCache.provider}:${noCache.id}`, input: 10, output: 5, cached: 5 }),
    (e) => e instanceof LlmcalcError && e.field === 'cached');
});

test('batch terms: the multiplier, its source, and whether it is confirmed', () => {
  const summary = (id) => catalog.models.find((m) => m.id === id);
  assert.equal(summary('gpt-4o').batch_confirmed, true);
  assert.equal(summary('deepseek-chat').batch_confirmed, null); // no batch price
  const mistral = catalog.providers.find((p) => p.id === 'mistral');
  assert.deepEqual([mistral.batch_confirmed, mistral.batch_source], [false, 'https://docs.mistral.ai/capabilities/batch/']);
  const r = llm.price({ model: 'mistral-large-latest', input: 1000, output: 100, batch: true });
  assert.deepEqual([r.batch_multiplier, r.batch_confirmed, r.batch_source], [0.5, false, mistral.batch_source]);
  assert.equal(llm.findModel('mistral-large-latest').batch_confirmed, false);
});
