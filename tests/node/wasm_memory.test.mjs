// Issue #10, wasm memory: a huge input grows the module's memory once and
// within its 2 GB maximum (wasm/CMakeLists.txt); its buffers are freed
// after the call, so the next huge input reuses that memory instead of
// growing it again (wasm memory itself never shrinks). An allocation that
// cannot succeed is an "Out of memory" LlmcalcError, and the module keeps
// working after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';

const llm = await loadLlmcalc();
const enc = await llm.loadEncoding('o200k_base');
const MB = 2 ** 20;
const heap = () => llm.module.HEAP8.buffer.byteLength;
const SENTENCE = 'The quick brown fox jumps over the lazy dog. ';
const big = SENTENCE.repeat(Math.ceil((100 * MB) / SENTENCE.length)); // 100 MiB of ASCII

const outOfMemory = (e) => e instanceof LlmcalcError && /^Out of memory: the input is too large to process here\.$/.test(e.message);

function stillWorks() {
  assert.equal(enc.count('Hello, world!'), 4);
  assert.deepEqual([...enc.decodeBytes(enc.encode('ok'))], [...Buffer.from('ok')]);
  assert.equal(llm.formatJson('[1, 2]', { minify: true }).output, '[1,2]');
  assert.equal(llm.breakEven({ training_cost: 1000, base_cost: 0.01, tuned_cost: 0.002 }).break_even_requests, 125000);
}

test('100 MB counted: memory grows by about the text, once; a second pass and other tools reuse it', () => {
  const before = heap();
  const tokens = enc.count(big);
  assert.equal(tokens, 10 * (big.length / SENTENCE.length) + 1); // and the last space
  const grown = heap();
  // The text's UTF-8 (one byte a character here) and the tokenizer's working
  // set, not 3 bytes a character sized up front.
  assert.ok(grown - before < 1.5 * big.length, `grew ${(grown - before) / MB} MiB`);
  assert.equal(enc.count(big), tokens);
  assert.equal(heap(), grown, 'the second 100 MB count grew memory again');
  // The count's buffer was freed: the formatter's input reuses it, and only
  // its output buffer (sized like the input) is new memory.
  assert.equal(llm.formatJson(big).errors[0].line, 1);
  const formatted = heap();
  assert.ok(formatted - grown < 1.5 * big.length, `the formatter grew ${(formatted - grown) / MB} MiB`);
  assert.equal(llm.formatJson(big).errors[0].line, 1);
  assert.equal(enc.count(big), tokens);
  assert.equal(heap(), formatted, 'a second round grew memory');
  stillWorks();
});

test('100 MB chunked: the core keeps chunk edges, not a span per token', async () => {
  const tokens = 10 * (big.length / SENTENCE.length) + 1;
  const before = heap();
  const result = await llm.chunkText('o200k_base', big, { size: 512, overlap: 64, texts: false });
  assert.equal(result.tokens, tokens);
  assert.equal(result.chunks, 1 + Math.ceil((tokens - 512) / 448));
  assert.equal(result.ranges.length, result.chunks);
  const last = result.ranges.at(-1);
  assert.deepEqual([last.end, last.byte_end], [tokens, big.length]);
  assert.equal(result.ranges[1].start, 448);
  // The text's bytes and the ranges' JSON: a span per token would be
  // 23 million × 20 bytes, about 450 MiB more.
  const grown = heap() - before;
  assert.ok(grown < 1.5 * big.length, `chunking grew memory by ${grown / MB} MiB`);
  stillWorks();
});

test('an input too large to allocate is "Out of memory", and the module keeps working', async () => {
  // 2 GiB cannot fit in a 2 GB memory that already holds the module. The
  // typed arrays are zero pages until touched, so these cost no real memory.
  assert.throws(() => llm.formatJson(new Uint8Array(2 ** 31)), outOfMemory);
  stillWorks();
  assert.throws(() => enc.decodeBytes(new Uint32Array(2 ** 29)), outOfMemory);
  stillWorks();
  const analyzer = llm.createDatasetAnalyzer();
  analyzer.feed('{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"yo"}]}\n');
  assert.equal(analyzer.finish().error_count, 0);
  assert.ok(heap() <= 2 ** 31, `memory ${heap() / MB} MiB is past its maximum`);
});
