// The embedding cost through the built wasm module (js/index.d.ts:
// embeddingCost, format.bytes), as the page and widgets use it, checked
// against hand-computed numbers and the catalog the module loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';

const llm = await loadLlmcalc();
const catalog = await llm.loadCatalog();
const DATE = '2026-11-30';
const close = (a, b) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

test('hand-computed costs and storage (text-embedding-3-small, $0.02 / 1M)', () => {
  const r = llm.embeddingCost({
    model: 'text-embedding-3-small', documents: '10,000', average_tokens: 500, reembeds_per_month: 2,
    queries_per_month: '1,000,000', query_tokens: 20, date: DATE,
  });
  assert.equal(r.model.id, 'text-embedding-3-small');
  assert.equal(r.model.provider, 'openai');
  assert.equal(r.price_per_million, 0.02);
  assert.equal(r.corpus_tokens, 5e6);
  assert.equal(r.vectors, 10000);
  assert.ok(close(r.one_time_cost, 0.1));
  assert.ok(close(r.monthly_reembed_cost, 0.2));
  assert.ok(close(r.monthly_query_cost, 0.4));
  assert.ok(close(r.monthly_cost, 0.6));
  assert.ok(close(r.first_year_cost, 7.3));
  assert.equal(r.dimensions, 1536);
  assert.equal(r.bytes_per_vector, 6144);
  assert.equal(r.storage_bytes, 61440000);
  assert.equal(llm.format.bytes(r.storage_bytes), '61.4 MB');
  assert.equal(r.tokens_exact, null);
  assert.equal(r.date, '2026-11-30T00:00:00Z');
  assert.ok(r.notes.some((n) => /index overhead/.test(n)));
});

test('every embedding model of the catalog prices at its listed input price and native dimensions', () => {
  const models = catalog.models.filter((m) => m.kind === 'embedding');
  assert.ok(models.length >= 5);
  for (const m of models) {
    const input = { model: `${m.provider}:${m.id}`, corpus_tokens: 1e6, vectors: 1000 };
    if (m.embedding_dimensions === null) {
      assert.throws(() => llm.embeddingCost(input), (e) => e instanceof LlmcalcError && e.field === 'dimensions', m.id);
      input.dimensions = 768;
    }
    const r = llm.embeddingCost(input);
    assert.equal(r.model.id, m.id);
    assert.equal(r.price_per_million, m.prices.input, m.id);
    assert.ok(close(r.one_time_cost, m.prices.input), m.id); // 1M tokens
    assert.equal(r.dimensions, m.embedding_dimensions ?? 768);
    assert.equal(r.source, m.source);
    assert.equal(r.as_of, m.as_of);
    // Batch where the provider offers it, an error on the batch field where not.
    if (m.batch_multiplier === null) {
      assert.throws(() => llm.embeddingCost({ ...input, batch: true }), (e) => e.field === 'batch', m.id);
    } else {
      assert.ok(close(llm.embeddingCost({ ...input, batch: true }).one_time_cost, m.prices.input * m.batch_multiplier));
    }
  }
});

test('the same price as llm.price for the corpus as input tokens', () => {
  const e = llm.embeddingCost({ model: 'text-embedding-3-large', corpus_tokens: 123456, vectors: 100, date: DATE });
  const p = llm.price({ model: 'text-embedding-3-large', input: 123456, output: 0, date: DATE });
  assert.equal(e.one_time_cost, p.cost_usd);
});

test('a count from text: exact with the model\'s encoding, an estimate otherwise', async () => {
  const text = readFileSync(new URL('../fixtures/text/prose_en.txt', import.meta.url), 'utf8');
  const cl100k = (await llm.loadEncoding('cl100k_base')).count(text);
  const exact = llm.embeddingCost({ model: 'text-embedding-3-small', corpus_tokens: cl100k, documents: 1, counted_with: 'cl100k_base' });
  assert.equal(exact.tokens_exact, true);
  assert.equal(exact.vectors, 1);
  const o200k = (await llm.loadEncoding('o200k_base')).count(text);
  const estimate = llm.embeddingCost({ model: 'gemini-embedding-001', corpus_tokens: o200k, documents: 1, counted_with: 'o200k_base' });
  assert.equal(estimate.tokens_exact, false);
  assert.ok(estimate.notes.some((n) => /^The token count is an estimate: llmcalc has no tokenizer for gemini-embedding-001, so the text was counted with o200k_base/.test(n)));
});

test('bad input throws LlmcalcError naming the field, never NaN or Infinity', () => {
  const base = { model: 'text-embedding-3-small', documents: 100, average_tokens: 500 };
  for (const [edit, field] of [
    [{ model: 'gpt-4o' }, 'model'],
    [{ model: 'text-embedding-4' }, 'model'],
    [{ model: '' }, 'model'],
    [{ documents: -1 }, 'documents'],
    [{ documents: 'abc' }, 'documents'],
    [{ documents: '1e308' }, 'documents'],
    [{ average_tokens: 'NaN' }, 'average_tokens'],
    [{ average_tokens: 'Infinity' }, 'average_tokens'],
    [{ average_tokens: 1e308 }, 'average_tokens'],
    [{ average_tokens: '' }, 'average_tokens'],
    [{ vectors: 1e308 }, 'vectors'],
    [{ vectors: 2.5 }, 'vectors'],
    [{ reembeds_per_month: -0.5 }, 'reembeds_per_month'],
    [{ queries_per_month: 10 }, 'query_tokens'],
    [{ queries_per_month: 'Infinity', query_tokens: 5 }, 'queries_per_month'],
    [{ dimensions: 0 }, 'dimensions'],
    [{ dimensions: '1e308' }, 'dimensions'],
    [{ precision: 'fp8' }, 'precision'],
    [{ batch: 'yes' }, 'batch'],
    [{ date: 'yesterday' }, 'date'],
  ]) {
    assert.throws(() => llm.embeddingCost({ ...base, ...edit }),
      (e) => e instanceof LlmcalcError && e.field === field && e.message.length > 10, JSON.stringify(edit));
  }
  const max = llm.embeddingCost({
    model: 'text-embedding-3-large', corpus_tokens: 1e15, vectors: 1e13, reembeds_per_month: 1000,
    queries_per_month: 1e13, query_tokens: 1e7, dimensions: 65536,
  });
  const walk = (v) => {
    if (typeof v === 'number') assert.ok(Number.isFinite(v), `non-finite ${v}`);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(max);
  assert.equal(llm.format.bytes(max.storage_bytes), '2.62 EB');
});

test('format.bytes follows the core rule', () => {
  assert.equal(llm.format.bytes(1), '1 byte');
  assert.equal(llm.format.bytes(999), '999 bytes');
  assert.equal(llm.format.bytes(999960), '1 MB');
  assert.equal(llm.format.bytes(1.5e9), '1.5 GB');
  assert.equal(llm.format.bytes(2e12), '2 TB');
});
