// Chunking through the wasm module (js/index.d.ts: chunkText, chunkPlan).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';

const llm = await loadLlmcalc();
const fixture = (name) => readFileSync(new URL(`../fixtures/text/${name}`, import.meta.url), 'utf8');

function expectedCount(d, s, o) {
  if (d === 0) return 0;
  return d <= s ? 1 : 1 + Math.ceil((d - s) / (s - o));
}

test('chunkPlan: the formula and its edge cases', () => {
  assert.equal(llm.chunkPlan({ document_tokens: 0, size: 10 }).chunks, 0);
  assert.equal(llm.chunkPlan({ document_tokens: 10, size: 10, overlap: 9 }).chunks, 1);
  assert.equal(llm.chunkPlan({ document_tokens: 11, size: 10, overlap: 9 }).chunks, 2);
  const r = llm.chunkPlan({ document_tokens: '1,000', size: 256, overlap: 32 });
  assert.deepEqual(r, {
    chunks: 5, document_tokens: 1000, size: 256, overlap: 32, embedded_tokens: 1128, overlap_overhead: 0.128,
  });
});

test('chunkPlan: how many chunks a retrieval budget holds', () => {
  const r = llm.chunkPlan({ document_tokens: 50000, size: 512, overlap: 64, context_window: '128,000', reserved_tokens: '8,000' });
  assert.deepEqual(r.retrieval, { context_window: 128000, reserved_tokens: 8000, budget_tokens: 120000, chunks_fit: 234, unused_tokens: 192 });
  assert.equal(llm.chunkPlan({ document_tokens: 1, size: 8 }).retrieval, undefined);
  assert.throws(() => llm.chunkPlan({ document_tokens: 1, size: 8, context_window: 100, reserved_tokens: 100 }), (e) => e.field === 'reserved_tokens' && /nothing is left/.test(e.message));
  assert.throws(() => llm.chunkPlan({ document_tokens: 1, size: 8, context_window: 'Infinity' }), (e) => e.field === 'context_window');
});

test('chunkPlan: errors name the field', () => {
  const cases = [
    [{ document_tokens: 100, size: 10, overlap: 10 }, 'overlap'],
    [{ document_tokens: 100, size: 0 }, 'size'],
    [{ document_tokens: 100, size: -5 }, 'size'],
    [{ document_tokens: 100, size: 'abc' }, 'size'],
    [{ document_tokens: 100, size: 2.5 }, 'size'],
    [{ document_tokens: 1e13, size: 10 }, 'document_tokens'],
    [{ size: 10 }, 'document_tokens'],
  ];
  for (const [input, field] of cases) {
    assert.throws(() => llm.chunkPlan(input), (e) => e instanceof LlmcalcError && e.field === field, JSON.stringify(input));
  }
});

test('chunkText: exact windows whose texts match the tokens', async () => {
  const enc = await llm.loadEncoding('o200k_base');
  for (const name of ['prose_en.txt', 'cjk.txt', 'emoji.txt']) {
    const text = fixture(name);
    const ids = enc.encode(text);
    for (const [size, overlap] of [[32, 0], [20, 5], [1, 0]]) {
      const r = await llm.chunkText('o200k_base', text, { size, overlap });
      assert.equal(r.tokens, ids.length);
      assert.equal(r.encoding, 'o200k_base');
      assert.equal(r.chunks, expectedCount(ids.length, size, overlap));
      assert.equal(r.ranges.length, r.chunks);
      assert.equal(r.texts.length, r.chunks);
      r.ranges.forEach((c, k) => {
        assert.equal(c.start, k * (size - overlap));
        assert.equal(c.end, Math.min(c.start + size, ids.length));
        if (!c.split_character) assert.equal(r.texts[k], enc.decode(ids.subarray(c.start, c.end)));
        assert.ok(!r.texts[k].includes('\uFFFD'));
      });
      if (overlap === 0) assert.equal(r.texts.join(''), text);
    }
  }
});

test('chunkText: split emoji marked; texts optional; errors', async () => {
  const r = await llm.chunkText('o200k_base', '🫠🫠🫠 東京', { size: 1 });
  assert.ok(r.ranges.some((c) => c.split_character));
  assert.equal(r.texts.join(''), '🫠🫠🫠 東京');
  const bare = await llm.chunkText('cl100k_base', 'one two three', { size: 2, texts: false });
  assert.equal(bare.texts, undefined);
  await assert.rejects(llm.chunkText('o200k_base', '', { size: 4 }), (e) => e.field === 'text');
  await assert.rejects(llm.chunkText('o200k_base', 'abc', { size: 4, overlap: 4 }), (e) => e.field === 'overlap');
  await assert.rejects(llm.chunkText('o200k_base', 'abc', {}), (e) => e.field === 'size');
  await assert.rejects(llm.chunkText('nope', 'abc', { size: 4 }), (e) => e.field === 'encoding');
});
