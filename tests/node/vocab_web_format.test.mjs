// The vocabularies browsers download (js/vocab/web/, format version 4,
// data/vocab/merge_coder.mjs) give the wasm module the same tokens as the
// files Node reads (js/vocab/, version 2), and the encoder refuses what the
// format cannot hold. The C++ side: tests/unit/tokenizer_merge_format_test.cpp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compileTokenizer } from 'llmcalc/tokenizer';
import { bucketOf, encodeMerges, quantize } from '../../data/vocab/merge_coder.mjs';
import { createTokenizerOnlyApi } from '../../js/tokenizer.js';
import { instantiateFrom } from '../../js/instantiate.js';
import createLlmcalcTokenizer from '../../js/core/llmcalc_tokenizer.mjs';

const vocab = (path) => readFileSync(new URL(`../../js/vocab/${path}`, import.meta.url));
const text = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const compiled = await compileTokenizer();

/** A tokenizer on a module of its own (loadTokenizer() shares one), whose vocabulary files are `files`. */
async function tokenizerWith(files) {
  const module = await instantiateFrom(createLlmcalcTokenizer, compiled);
  return createTokenizerOnlyApi(module, async (file) => files[file]);
}

for (const name of ['r50k_base', 'p50k_base', 'cl100k_base', 'o200k_base']) {
  test(`${name}: the web file decodes in wasm to the tokens of the Node file`, async () => {
    const web = vocab(`web/${name}.bin`);
    const disk = vocab(`${name}.bin`);
    assert.equal(web[7], 4, 'format version 4');
    assert.equal(disk[7], 2, 'format version 2');
    const file = `vocab/${name}.bin`;
    const fromWeb = await (await tokenizerWith({ [file]: web })).loadEncoding(name);
    const fromDisk = await (await tokenizerWith({ [file]: disk })).loadEncoding(name);
    assert.equal(fromWeb.vocabSize, fromDisk.vocabSize);
    assert.deepEqual(fromWeb.encode(text), fromDisk.encode(text));
    for (let r = 0; r < fromDisk.vocabSize; r++) {
      let expected;
      try {
        expected = fromDisk.decodeBytes([r]);
      } catch {
        assert.throws(() => fromWeb.decodeBytes([r]), `rank ${r} is a hole in both`);
        continue;
      }
      assert.deepEqual(fromWeb.decodeBytes([r]), expected, `rank ${r}`);
    }
  });
}

test('a damaged web file is a clear error naming the vocabulary file', async () => {
  const web = vocab('web/r50k_base.bin');
  const tok = await tokenizerWith({ 'vocab/r50k_base.bin': web.subarray(0, web.length - 3) });
  await assert.rejects(tok.loadEncoding('r50k_base'), (e) => e.field === 'vocabulary' && /not usable/.test(e.message));
});

test('encodeMerges: ranks 0-255 must be the bytes, and every longer token a merge', () => {
  const bytes = Array.from({ length: 256 }, (_, b) => Buffer.from([b]));
  const ok = encodeMerges('tiny', [...bytes, Buffer.from('ab'), Buffer.from('abc')]);
  assert.equal(ok[7], 4);
  // 'xyz' cannot be split into two tokens of lower rank.
  assert.equal(encodeMerges('tiny', [...bytes, Buffer.from('ab'), Buffer.from('xyz')]), null);
  // A rank below 256 that is not a single byte.
  assert.equal(encodeMerges('tiny', [Buffer.from('ab'), ...bytes.slice(1)]), null);
  // A byte missing from the first 256 ranks.
  assert.equal(encodeMerges('tiny', [...bytes.slice(0, 255), Buffer.from('ab')]), null);
});

test('quantize: frequencies sum to 4096 and keep every seen symbol', () => {
  for (const counts of [[1], [5, 0, 3], [1_000_000, 1, 1, 1], Array.from({ length: 256 }, (_, i) => i % 7)]) {
    const f = quantize(counts);
    assert.equal(f.reduce((s, x) => s + x, 0), 4096, String(counts));
    counts.forEach((c, i) => assert.equal(c > 0, (f[i] ?? 0) > 0, `symbol ${i}`));
  }
  assert.deepEqual(quantize([0, 0]), []);
});

test('bucketOf: every position comes back from its bucket and low bits', () => {
  for (const pos of [0, 1, 6, 7, 8, 100, 4095, 4096, 199_999, (1 << 24) - 1]) {
    const [bucket, extra, low] = bucketOf(pos);
    const v = bucket < 7 ? bucket + 1 : ((4 | ((bucket - 7) & 3)) << extra) | low;
    assert.equal(v - 1, pos);
    assert.ok(low < 2 ** extra);
  }
});
