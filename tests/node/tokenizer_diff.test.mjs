// Differential test: the wasm tokenizer against the official tiktoken
// (npm `tiktoken`, OpenAI's Rust core compiled to wasm), id for id, on real
// text and on thousands of seeded random strings of assigned Unicode 15.0
// code points mixing scripts, whitespace runs, digits, punctuation,
// contractions and emoji. The reference is quadratic on long pieces without
// whitespace, so inputs stay short or naturally spaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { get_encoding } from 'tiktoken';
import { loadLlmcalc } from 'llmcalc';

const root = new URL('../../', import.meta.url).pathname;
const llm = await loadLlmcalc();

// --- text ----------------------------------------------------------------
const MAX_FILE = 100_000; // characters per corpus file
const MAX_CORPUS = 1_000_000; // characters in all: the reference is slow
function realTexts() {
  const texts = [];
  const dirs = [join(root, 'tests/fixtures/text'), join(root, 'build/corpus')];
  let total = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.txt') && !f.endsWith('.json')) continue;
      if (total >= MAX_CORPUS) break;
      const text = readFileSync(join(dir, f), 'utf8').slice(0, MAX_FILE);
      total += text.length;
      // Paragraph-sized chunks: a mismatch message stays readable.
      for (const chunk of text.split(/(?<=\n\n)/)) texts.push({ name: f, text: chunk });
    }
  }
  return texts;
}

// mulberry32: small, seeded, reproducible.
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Assigned code points of Unicode 15.0 (Debian's unicode-data), without
// surrogates and private use.
function assignedCodePoints() {
  const cps = [];
  let first = null;
  for (const line of readFileSync('/usr/share/unicode/UnicodeData.txt', 'utf8').split('\n')) {
    if (!line) continue;
    const [hex, name, cat] = line.split(';');
    const cp = parseInt(hex, 16);
    if (name.endsWith(', First>')) { first = cp; continue; }
    const from = name.endsWith(', Last>') ? first : cp;
    if (cat === 'Cs' || cat === 'Co') continue;
    for (let c = from; c <= cp; c += from === cp ? 1 : 97) cps.push(c); // sample big ranges
  }
  return cps;
}

function randomStrings(count, seed) {
  const r = rng(seed);
  const cps = assignedCodePoints();
  const pick = (a) => a[Math.floor(r() * a.length)];
  const spaces = [' ', '  ', '   ', '\t', '\n', '\n\n', '\r\n', ' \n ', '\u00a0', '\u3000', '\u2028', ' \t\n  '];
  const words = ['hello', 'World', 'HELLO', "don't", "I'M", "it'S", "we'll", "they'RE", "'ſ", "x'd", 'ǅemal',
    'naïve', 'café', 'e\u0301', 'Ⅻ', 'straße', 'ΑΒΓ', 'αβγ', 'Привет', 'МИР', 'مرحبا', 'नमस्ते', '日本語', '한국어', 'ไทย'];
  const puncts = ['.', ',', '!?', '...', '--', '/', '//', '/*', '"', "'", '(', ')', '{}', '<|', '|>', '#', '@', '\u00bf', '\u00a1'];
  const emoji = ['🎉', '👩‍👩‍👧', '🇪🇸', '👍🏽', '1️⃣', '🏳️‍🌈', '😀😀'];
  const digits = () => String(Math.floor(r() * 10 ** (1 + Math.floor(r() * 8))));
  const out = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const parts = 1 + Math.floor(r() * 12);
    for (let k = 0; k < parts; k++) {
      const kind = r();
      if (kind < 0.3) s += String.fromCodePoint(...Array.from({ length: 1 + Math.floor(r() * 5) }, () => pick(cps)));
      else if (kind < 0.5) s += pick(words);
      else if (kind < 0.65) s += pick(spaces);
      else if (kind < 0.75) s += digits();
      else if (kind < 0.9) s += pick(puncts);
      else s += pick(emoji);
    }
    out.push(s);
  }
  return out;
}

// --- comparison ------------------------------------------------------------
const texts = realTexts();
const randoms = randomStrings(4000, 20261130);
const names = ['r50k_base', 'p50k_base', 'p50k_edit', 'cl100k_base', 'o200k_base', 'o200k_harmony'];

for (const name of names) {
  test(`${name}: ids equal tiktoken's on real and random text`, async () => {
    const enc = await llm.loadEncoding(name);
    // npm tiktoken has no o200k_harmony; its ordinary text encodes as o200k_base.
    const ref = get_encoding(name === 'o200k_harmony' ? 'o200k_base' : name);
    try {
      let mismatches = 0;
      const report = [];
      const all = [...texts.map((t) => t.text), ...randoms];
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
