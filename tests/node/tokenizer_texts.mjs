// Texts for the tokenizer differential tests: real text (tests/fixtures/text
// and the corpus in build/corpus, built by data/corpus/build_corpus.py) in
// paragraph-sized chunks, and seeded random strings of assigned Unicode 15.0
// code points mixed with words, whitespace runs, digits, punctuation,
// contractions, emoji and whatever extra pieces a test adds. Not a test
// file itself (node --test runs only *.test.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

export function realTexts({ maxFile = 100_000, maxTotal = 1_000_000 } = {}) {
  const texts = [];
  const dirs = [join(root, 'tests/fixtures/text'), join(root, 'build/corpus/test'), join(root, 'build/corpus')];
  let total = 0;
  const seen = new Set();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.txt') && !f.endsWith('.json')) continue;
      if (seen.has(f) || total >= maxTotal) continue;
      seen.add(f);
      const text = readFileSync(join(dir, f), 'utf8').slice(0, maxFile);
      total += text.length;
      for (const chunk of text.split(/(?<=\n\n)/)) texts.push({ name: f, text: chunk });
    }
  }
  return texts;
}

// mulberry32: small, seeded, reproducible.
export function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Assigned code points of Unicode 15.0 (Debian's unicode-data), without
// surrogates, private use and `skip`.
export function assignedCodePoints(skip = new Set()) {
  const cps = [];
  let first = null;
  for (const line of readFileSync('/usr/share/unicode/UnicodeData.txt', 'utf8').split('\n')) {
    if (!line) continue;
    const [hex, name, cat] = line.split(';');
    const cp = parseInt(hex, 16);
    if (name.endsWith(', First>')) {
      first = cp;
      continue;
    }
    const from = name.endsWith(', Last>') ? first : cp;
    if (cat === 'Cs' || cat === 'Co') continue;
    for (let c = from; c <= cp; c += from === cp ? 1 : 97) if (!skip.has(c)) cps.push(c);
  }
  return cps;
}

export function randomStrings(count, seed, { extra = [], skip = new Set(), words: moreWords = [] } = {}) {
  const r = rng(seed);
  const cps = assignedCodePoints(skip);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const spaces = [' ', '  ', '   ', '\t', '\n', '\n\n', '\r\n', ' \n ', '\u00a0', '\u3000', '\u2028', ' \t\n  '];
  const words = ['hello', 'World', 'HELLO', "don't", "I'M", "it'S", "we'll", "they'RE", "x'd", 'ǅemal',
    'naïve', 'café', 'e\u0301', 'Ⅻ', 'straße', 'ΑΒΓ', 'αβγ', 'Привет', 'МИР', 'مرحبا', 'नमस्ते', '日本語', '한국어', 'ไทย',
    ...moreWords];
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
      else if (kind < 0.62) s += pick(spaces);
      else if (kind < 0.72) s += digits();
      else if (kind < 0.84) s += pick(puncts);
      else if (kind < 0.92 && extra.length) s += pick(extra);
      else s += pick(emoji);
    }
    out.push(s);
  }
  return out;
}
