// Differential test: the wasm tokenizer against the official tiktoken
// (npm `tiktoken`, OpenAI's Rust core compiled to wasm), id for id, on real
// text and on thousands of seeded random strings of assigned Unicode 15.0
// code points mixing scripts, whitespace runs, digits, punctuation,
// contractions and emoji. The reference is quadratic on long pieces without
// whitespace, so inputs stay short or naturally spaced, but for a few pieces
// of some kilobytes: ours merges those a chunk at a time and mends the
// seams (src/tokenizer/bpe.cpp), which must change no id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get_encoding } from 'tiktoken';
import { loadLlmcalc } from 'llmcalc';
import { realTexts, randomStrings, rng } from './tokenizer_texts.mjs';

const llm = await loadLlmcalc();

const texts = realTexts();
// "'ſ": tiktoken's (?i) contractions fold U+017F (the OpenAI scanners follow it).
const randoms = randomStrings(4000, 20261130, { words: ["'ſ"] });
// Pieces of 3-12 KB without a break: many chunk seams each.
const longPieces = (() => {
  const r = rng(7);
  const from = (alphabet, n) => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
  const runs = Array.from({ length: 60 }, () => 'a=-_ '[Math.floor(r() * 5)].repeat(1 + Math.floor(r() * 200))).join('');
  return [
    from('abcdefghijklmnopqrstuvwxyz', 12_000),
    from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 8_000),
    from('ab', 6_000),
    runs,
    'x'.repeat(5_000),
    ' '.repeat(3_000),
    from('的一是不了人我在有他这中大来上个国', 3_000),
  ];
})();
const names = ['r50k_base', 'p50k_base', 'p50k_edit', 'cl100k_base', 'o200k_base', 'o200k_harmony'];

for (const name of names) {
  test(`${name}: ids equal tiktoken's on real and random text`, async () => {
    const enc = await llm.loadEncoding(name);
    // npm tiktoken has no o200k_harmony; its ordinary text encodes as o200k_base.
    const ref = get_encoding(name === 'o200k_harmony' ? 'o200k_base' : name);
    try {
      let mismatches = 0;
      const report = [];
      const all = [...texts.map((t) => t.text), ...randoms, ...longPieces];
      for (const text of all) {
        const ours = enc.encode(text);
        const theirs = ref.encode(text);
        const same = ours.length === theirs.length && ours.every((v, i) => v === theirs[i]);
        if (!same) {
          mismatches++;
          if (report.length < 5) report.push(`${JSON.stringify(text)}\n  ours ${[...ours]}\n  ref  ${[...theirs]}`);
          continue;
        }
        assert.equal(enc.count(text), ours.length);
        assert.equal(enc.decode(ours), text);
      }
      assert.equal(mismatches, 0, `${mismatches} of ${all.length} differ, e.g.\n${report.join('\n')}`);
    } finally {
      ref.free();
    }
  });
}

test('spans cover the text and agree with encode', async () => {
  const enc = await llm.loadEncoding('o200k_base');
  for (const text of [...texts.slice(0, 50).map((t) => t.text), ...randoms.slice(0, 300)]) {
    const s = enc.spans(text);
    assert.deepEqual([...s.ids], [...enc.encode(text)]);
    const bytes = new TextEncoder().encode(text);
    if (s.ids.length) {
      assert.equal(s.byteStart[0], 0);
      assert.equal(s.byteEnd[s.ids.length - 1], bytes.length);
      assert.equal(s.utf16End[s.ids.length - 1], text.length);
    }
    let joined = '';
    for (let i = 0; i < s.ids.length; i++) {
      if (i > 0) assert.equal(s.byteStart[i], s.byteEnd[i - 1]);
      joined += text.slice(s.utf16Start[i], s.utf16End[i]);
    }
    assert.equal(joined, text);
  }
});
