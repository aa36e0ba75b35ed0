// The tokenizer-only entry "llmcalc/tokenizer" (js/core/llmcalc_tokenizer.*):
// the same API as the full module's tokenizer part, and the same ids as
// tiktoken (the full differential test runs on the full module; the C++ is
// the same, so here a shorter run checks the build and the wiring).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { get_encoding } from 'tiktoken';
import { compileTokenizer, fetchVocabulary, loadTokenizer, LlmcalcError } from 'llmcalc/tokenizer';
import { loadLlmcalc } from 'llmcalc';
import { earlyLoader } from '../../js/assets.js';
import { instantiateFrom } from '../../js/instantiate.js';
import createLlmcalcTokenizer from '../../js/core/llmcalc_tokenizer.mjs';

const tok = await loadTokenizer();
const corpus = new URL('../../build/corpus/test/', import.meta.url);
const fixtures = new URL('../fixtures/text/', import.meta.url);

function texts() {
  const out = ['', 'Hello, world!', "I'm   here\n\n  don't", '日本語のテキスト 👩‍👩‍👧 🇪🇸', 'a'.repeat(5000)];
  for (const dir of [fixtures, corpus]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith('.txt')) out.push(...readFileSync(new URL(f, dir), 'utf8').slice(0, 20_000).split(/(?<=\n\n)/));
    }
  }
  return out;
}

test('preload: a vocabulary loaded early is handed over once; unknown names are errors', async () => {
  const calls = [];
  const loader = earlyLoader(async (name) => {
    calls.push(name);
    if (name === 'bad') throw new Error('HTTP 404');
    return `bytes of ${name}`;
  });
  loader.prefetch('a');
  loader.prefetch('a'); // one download, not two
  assert.deepEqual(calls, ['a']);
  assert.equal(await loader.load('a'), 'bytes of a');
  assert.equal(await loader.load('a'), 'bytes of a'); // not kept: loaded again
  assert.deepEqual(calls, ['a', 'a']);
  loader.prefetch('bad'); // no unhandled rejection; the error goes to whoever asks
  await new Promise((r) => setTimeout(r, 10));
  await assert.rejects(loader.load('bad'), /HTTP 404/);
  assert.throws(() => loadTokenizer({ preload: ['o300k_base'] }), (e) => e instanceof LlmcalcError && e.field === 'preload' && /Known: r50k_base, p50k_base, cl100k_base, o200k_base/.test(e.message));
  assert.equal(await loadTokenizer({ preload: ['cl100k_base'] }), tok);
  assert.equal((await tok.loadEncoding('cl100k_base')).count('Hello, world!'), 4);
});

test('provide: bytes fetched elsewhere stand for the file; if they fail, it is loaded here', async () => {
  const calls = [];
  const loader = earlyLoader(async (name) => {
    calls.push(name);
    return new Uint8Array([9]);
  });
  loader.provide('a', Promise.resolve(new Uint8Array([1, 2]).buffer));
  loader.provide('b', Promise.reject(new Error('the page could not fetch it')));
  assert.deepEqual([...(await loader.load('a'))], [1, 2]);
  assert.deepEqual([...(await loader.load('b'))], [9]);
  assert.deepEqual(calls, ['b']);
});

test('a module compiled once instantiates again (as in a worker); a failed one falls back to the file', async () => {
  const compiled = await compileTokenizer();
  assert.ok(compiled instanceof WebAssembly.Module);
  const fromModule = await instantiateFrom(createLlmcalcTokenizer, compiled);
  const fromFile = await instantiateFrom(createLlmcalcTokenizer, Promise.reject(new Error('not handed over')), () => ({
    wasmBinary: readFileSync(new URL('../../js/core/llmcalc_tokenizer.wasm', import.meta.url)),
  }));
  assert.notEqual(fromModule, fromFile);
  assert.deepEqual(JSON.parse(fromModule.encodingsList()), JSON.parse(fromFile.encodingsList()));
  const bytes = await fetchVocabulary('o200k_base');
  assert.equal(new TextDecoder().decode(bytes.subarray(0, 7)), 'LLMCVOC');
  assert.throws(() => fetchVocabulary('o300k_base'), (e) => e instanceof LlmcalcError && e.field === 'preload');
});

test('loadTokenizer is shared and has the tokenizer API', async () => {
  assert.equal(await loadTokenizer(), tok);
  assert.deepEqual(Object.keys(tok).sort(), ['countChat', 'encodingForModel', 'encodings', 'format', 'loadEncoding', 'otherEncodings']);
  const full = await loadLlmcalc();
  assert.deepEqual(tok.encodings, full.encodings);
  assert.deepEqual(tok.otherEncodings, full.otherEncodings);
  // The same number format as the full core, so a page can show a count before that loads.
  for (const n of [0, 7, 1234567, 0.1 + 0.2, 1e15, -0]) {
    for (const kind of ['count', 'usd', 'number', 'ratio', 'percent', 'bytes']) assert.equal(tok.format[kind](n), full.format[kind](n), `${kind}(${n})`);
  }
  assert.equal(tok.format.count(1234567), '1,234,567');
  assert.equal(tok.encodingForModel('gpt-4o'), 'o200k_base');
  assert.throws(() => tok.encodingForModel('gpt-4p'), (e) => e instanceof LlmcalcError && e.field === 'model');
  await assert.rejects(tok.loadEncoding('o300k'), (e) => e instanceof LlmcalcError && e.field === 'encoding');
  const { messages } = JSON.parse(readFileSync(new URL('../fixtures/chat/cookbook_example.json', import.meta.url), 'utf8'));
  assert.equal((await tok.countChat({ model: 'gpt-4o', messages })).tokens, 124);
});

for (const name of ['cl100k_base', 'o200k_base', 'p50k_base']) {
  test(`${name}: llmcalc/tokenizer gives tiktoken's ids`, async () => {
    const enc = await tok.loadEncoding(name);
    const ref = get_encoding(name);
    try {
      let mismatches = 0;
      for (const text of texts()) {
        const ours = enc.encode(text);
        const theirs = ref.encode(text);
        if (ours.length !== theirs.length || !ours.every((v, i) => v === theirs[i])) mismatches++;
      }
      assert.equal(mismatches, 0);
      assert.throws(() => enc.count('<|endoftext|>'), (e) => e instanceof LlmcalcError && e.field === 'text');
      assert.equal(enc.count('<|endoftext|>', { allowedSpecial: 'all' }), 1);
    } finally {
      ref.free();
    }
  });
}

test('the idle warm-up after a load runs for every encoding in a fresh instance', async () => {
  // A fresh instance: its encodings are new, so each schedules a warm-up.
  // A warm-up that threw (a missing binding, an error in the core) would be
  // an uncaught exception in a timer, which fails this test; the count
  // after it checks that the encoding still answers.
  const fresh = await loadTokenizer();
  const sample = 'Hello, world! café ｆｕｌｌ 日本語 12345 ' + 'x'.repeat(40);
  for (const { name } of [...fresh.encodings, ...fresh.otherEncodings]) {
    const enc = await fresh.loadEncoding(name);
    await new Promise((resolve) => setTimeout(resolve, 0)); // the warm-up's turn
    const reference = await tok.loadEncoding(name);
    assert.equal(enc.count(sample, { allowedSpecial: 'all' }), reference.count(sample, { allowedSpecial: 'all' }), name);
  }
});
