// `llmcalc chunk`: token-exact chunk windows, their JSON shape and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get_encoding } from 'tiktoken';
import { run, runJson } from './cli.mjs';

const fixtures = new URL('../fixtures/text/', import.meta.url).pathname;
const prose = join(fixtures, 'prose_en.txt');
const cjk = join(fixtures, 'cjk.txt');
const emoji = join(fixtures, 'emoji.txt');
const dir = mkdtempSync(join(tmpdir(), 'llmcalc-chunk-'));

function expectedCount(d, s, o) {
  if (d === 0) return 0;
  return d <= s ? 1 : 1 + Math.ceil((d - s) / (s - o));
}

function tiktokenIds(name, text) {
  const enc = get_encoding(name);
  try {
    return [...enc.encode(text)];
  } finally {
    enc.free();
  }
}

function checkWindows(json, size, overlap) {
  assert.equal(json.chunks, expectedCount(json.tokens, size, overlap));
  assert.equal(json.ranges.length, json.chunks);
  assert.equal(json.size, size);
  assert.equal(json.overlap, overlap);
  // Windows of `size` stepping by size - overlap; the kept parts (each chunk
  // minus its overlap with the previous one) rebuild 0..tokens exactly.
  const kept = [];
  json.ranges.forEach((r, k) => {
    assert.equal(r.index, k);
    assert.equal(r.start, k * (size - overlap));
    assert.equal(r.end, Math.min(r.start + size, json.tokens));
    if (k > 0) assert.equal(json.ranges[k - 1].end - r.start, overlap); // only the last window is short
    const from = k === 0 ? r.start : json.ranges[k - 1].end;
    for (let t = from; t < r.end; ++t) kept.push(t);
  });
  assert.deepEqual(kept, [...Array(json.tokens).keys()]);
}

for (const [file, encoding] of [[prose, 'o200k_base'], [cjk, 'o200k_base'], [emoji, 'cl100k_base']]) {
  for (const [size, overlap] of [[64, 0], [50, 10], [7, 6], [1, 0]]) {
    test(`${file.split('/').pop()} ${encoding} size ${size} overlap ${overlap}: exact windows`, () => {
      const r = runJson(['chunk', file, '--size', String(size), '--overlap', String(overlap), '--encoding', encoding, '--text']);
      assert.equal(r.code, 0, r.stderr);
      const j = r.json;
      assert.equal(j.encoding, encoding);
      const counted = runJson(['count', '--encoding', encoding, file]).json.tokens;
      assert.equal(j.tokens, counted);
      checkWindows(j, size, overlap);
      assert.equal(j.embedded_tokens, j.ranges.reduce((n, x) => n + x.end - x.start, 0));
      const bytes = readFileSync(file);
      const ids = tiktokenIds(encoding, bytes.toString('utf8'));
      assert.equal(ids.length, j.tokens);
      const enc = get_encoding(encoding);
      try {
        j.ranges.forEach((x, k) => {
          const chunk = bytes.subarray(x.byte_start, x.byte_end);
          assert.equal(j.texts[k], chunk.toString('utf8'));
          // Unless an edge moved off a split character, the bytes are exactly
          // those of the chunk's tokens.
          if (!x.split_character) {
            assert.deepEqual(Buffer.from(enc.decode(Uint32Array.from(ids.slice(x.start, x.end)))), chunk);
          }
        });
      } finally {
        enc.free();
      }
      if (overlap === 0) assert.equal(j.texts.join(''), bytes.toString('utf8'));
    });
  }
}

test('split characters: emoji cut by 1-token chunks keep whole characters', () => {
  const r = runJson(['chunk', emoji, '--size', '1', '--text']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.json.ranges.some((x) => x.split_character), 'expected a split emoji');
  for (const t of r.json.texts) assert.ok(!t.includes('\uFFFD'), 'a chunk text holds a broken character');
});

test('human output: summary then one line per chunk', () => {
  const r = run(['chunk', prose, '--size', '100', '--overlap', '20']);
  assert.equal(r.code, 0, r.stderr);
  const j = runJson(['chunk', prose, '--size', '100', '--overlap', '20']).json;
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], new RegExp(`^${j.chunks.toLocaleString('en-US')} chunks of 100 tokens, overlap 20 \\(o200k_base\\)`));
  assert.match(r.stdout, /Overlap overhead: /);
  assert.equal(lines.filter((l) => l.startsWith('#')).length, j.chunks);
  assert.match(lines.find((l) => l.startsWith('#1 ')), /tokens 80-180/);
});

test('stdin with -, --model picks the encoding, texts only with --text', () => {
  const r = runJson(['chunk', '-', '--size', '4', '--model', 'gpt-4'], { input: 'one two three four five six seven' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.encoding, 'cl100k_base');
  assert.equal(r.json.texts, undefined);
  assert.equal(r.json.chunks, expectedCount(r.json.tokens, 4, 0));
});

test('invalid input exits 1 with the reason on stderr', () => {
  const cases = [
    [['--size', '10', '--overlap', '10'], /overlap/i],
    [['--size', '10', '--overlap', '11'], /overlap/i],
    [['--size', '0'], /size/i],
    [['--size', '-5'], /size/i],
    [['--size', 'abc'], /size/i],
    [['--size', '2.5'], /whole/i],
    [['--size', '1e12'], /size/i],
    [['--size', '10', '--encoding', 'nope'], /encoding/i],
  ];
  for (const [args, reason] of cases) {
    const r = run(['chunk', prose, ...args]);
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, reason);
  }
  const j = runJson(['chunk', prose, '--size', '5', '--overlap', '5']);
  assert.equal(j.code, 1);
  assert.equal(j.json.error.field, 'overlap');
});

test('empty file exits 1; missing file exits 1', () => {
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const r = run(['chunk', empty, '--size', '10']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /empty/);
  assert.equal(run(['chunk', join(dir, 'missing.txt'), '--size', '10']).code, 1);
});

test('usage errors exit 2', () => {
  assert.equal(run(['chunk', prose]).code, 2); // missing --size
  assert.equal(run(['chunk', '--size', '10']).code, 2); // missing FILE
  assert.equal(run(['chunk', prose, prose, '--size', '10']).code, 2);
  assert.equal(run(['chunk', prose, '--size', '10', '--bogus']).code, 2);
  assert.equal(run(['chunk', prose, '--size', '10', '--encoding', 'o200k_base', '--model', 'gpt-4o']).code, 2);
  assert.equal(run(['chunk', prose, '--size', '10', '--text']).code, 2);
  const help = run(['chunk', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /usage: llmcalc chunk/);
});

test('invalid UTF-8 is chunked without a crash', () => {
  const bad = join(dir, 'bad.bin');
  writeFileSync(bad, Buffer.from([0x61, 0xff, 0xfe, 0x80, 0x62, 0xe4, 0xb8, 0x20, 0xf0, 0x9f, 0x98, 0x80, 0x63, 0xc3]));
  const r = runJson(['chunk', bad, '--size', '2', '--overlap', '1']);
  assert.equal(r.code, 0, r.stderr);
  checkWindows(r.json, 2, 1);
  const last = r.json.ranges.at(-1);
  assert.equal(last.byte_end, 14);
  assert.equal(run(['chunk', bad, '--size', '3']).code, 0);
});
