// The JSON formatter and the dataset checker through the built wasm
// module, as the page uses them: deep nesting and multi-MB inputs must not
// overflow wasm's stack or fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';
import { fixtures, assertMatches } from '../fixtures/dataset/expect.mjs';

const llm = await loadLlmcalc();

const good = '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]}';

test('formatJson pretty-prints, minifies, sorts keys and keeps numbers verbatim', () => {
  const text = '{"b":[1.10,12345678901234567890123,{}],"a":"é"}';
  assert.equal(llm.formatJson(text).output, '{\n  "b": [\n    1.10,\n    12345678901234567890123,\n    {}\n  ],\n  "a": "é"\n}');
  assert.equal(llm.formatJson(text, { minify: true, sortKeys: true }).output,
    '{"a":"é","b":[1.10,12345678901234567890123,{}]}');
  assert.equal(llm.formatJson('[1]', { indent: 'tab' }).output, '[\n\t1\n]');
  const r = llm.formatJson(text);
  assert.equal(r.valid, true);
  assert.deepEqual(r.errors, []);
});

test('error columns are UTF-16 code units, as String indices + 1', () => {
  const text = '{"😀é": tru}';
  const r = llm.formatJson(text);
  assert.equal(r.valid, false);
  assert.equal(r.output, '');
  const [e] = r.errors;
  assert.equal(e.line, 1);
  assert.equal(e.column, text.indexOf('tru') + 1);
});

test('bytes with invalid UTF-8, a BOM and CRLF', () => {
  const bad = new Uint8Array([0x5b, 0x22, 0x61, 0xff, 0x22, 0x5d]); // ["a\xFF"]
  assert.deepEqual(llm.formatJson(bad).errors.map((e) => [e.line, e.column]), [[1, 4]]);
  const bom = llm.formatJson('\ufeff[1,\r\n2]', { minify: true });
  assert.equal(bom.output, '[1,2]');
  assert.equal(bom.bom, true);
  assert.equal(bom.crlf, true);
});

test('JSONL: per-line errors with line numbers and counts', () => {
  const r = llm.formatJson('{"a":1}\n\n[1,\n2\n', { jsonl: true });
  assert.equal(r.records, 3);
  assert.equal(r.valid_records, 2);
  assert.equal(r.blank_lines, 1);
  assert.deepEqual(r.errors.map((e) => e.line), [3]);
  // One record per line unless an indent is asked for; bad lines pass through.
  assert.equal(r.output, '{"a":1}\n[1,\n2');
  assert.equal(llm.formatJson('{"a": 1}', { jsonl: true, indent: 2 }).output, '{\n  "a": 1\n}');
});

test('1,000,000 levels of nesting give a clear error under wasm, in every mode', () => {
  const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
  for (const options of [{}, { sortKeys: true }, { jsonl: true }, { minify: true }]) {
    const r = llm.formatJson(deep, options);
    assert.equal(r.errors[0].message, 'nested too deeply (limit 1000)', JSON.stringify(options));
    assert.equal(r.errors[0].column, 1001);
  }
  const ok = '['.repeat(1000) + ']'.repeat(1000);
  assert.equal(llm.formatJson(ok, { sortKeys: true, minify: true }).output, ok);
});

test('a few MB format and sort under wasm', () => {
  const items = Array.from({ length: 40000 }, (_, i) => `{"z":${i},"y":[1.50,"text ${i}"],"x":null}`);
  const text = `[${items.join(',')}]`;
  assert.ok(text.length > 1.5e6);
  const r = llm.formatJson(text, { sortKeys: true, minify: true });
  assert.equal(r.valid, true);
  assert.equal(r.output.length, text.length);
  assert.ok(r.output.startsWith('[{"x":null,"y":[1.50,"text 0"],"z":0}'));
  assert.equal(JSON.parse(llm.formatJson(text, { indent: 4 }).output).length, 40000);
});

test('bad formatter options are LlmcalcError with the field', () => {
  assert.throws(() => llm.formatJson('1', { indent: 9 }), (e) => e instanceof LlmcalcError && e.field === 'indent');
});

function analyze(bytes, chunk, options) {
  const a = llm.createDatasetAnalyzer(options);
  for (let i = 0; i < bytes.length; i += chunk) a.feed(bytes.subarray(i, i + chunk));
  return a.finish();
}

test('dataset analyzer matches every golden fixture, fed in chunks, with and without counting', async () => {
  const encoding = await llm.loadEncoding('o200k_base');
  let counted = 0;
  for (const { name, path, expected } of fixtures()) {
    const bytes = new Uint8Array(readFileSync(path));
    for (const chunk of [5, 4096]) assertMatches(analyze(bytes, chunk), expected, `${name} / ${chunk}`);
    const r = analyze(bytes, 4096, { encoding, model: 'gpt-4o-mini' });
    assertMatches(r, expected, `${name} / counted`);
    if (expected.tokens_o200k) counted += 1;
  }
  assert.ok(counted >= 1);
});

test('dataset analyzer: deep nesting and long lines under wasm', () => {
  const deep = `{"messages":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
  const text = new TextEncoder().encode(`${good}\n${deep}\n${'x'.repeat(3_000_000)}\n${good}\n`);
  const r = analyze(text, 1 << 20, { maxLineBytes: 2_500_000 });
  assert.deepEqual(r.errors.map((e) => [e.line, e.type]), [[2, 'nested_too_deep'], [3, 'line_too_long']]);
  assert.equal(r.valid_examples, 2);
  assert.equal(r.tokens, null);
  assert.equal(r.billed_tokens, null);
});

test('dataset analyzer: progress, cancel, finish once, bad options', () => {
  const a = llm.createDatasetAnalyzer({ epochs: 2 });
  a.feed(`${good}\n`);
  assert.equal(a.bytesFed, good.length + 1);
  const r = a.finish();
  assert.equal(r.epochs, 2);
  assert.throws(() => a.finish(), LlmcalcError);
  const b = llm.createDatasetAnalyzer();
  b.feed(good);
  b.cancel();
  assert.throws(() => b.feed(good), LlmcalcError);
  assert.throws(() => llm.createDatasetAnalyzer({ epochs: 0 }), (e) => e instanceof LlmcalcError && e.field === 'epochs');
});

test('dataset analyzer counts tokens with a loaded encoding, as the CLI does', async () => {
  const text = readFileSync(new URL('../fixtures/dataset/valid.jsonl', import.meta.url));
  assert.throws(() => llm.createDatasetAnalyzer({ encoding: 'cl100k_base' }),
    (e) => e instanceof LlmcalcError && e.field === 'encoding' && /not loaded/.test(e.message));
  assert.throws(() => llm.createDatasetAnalyzer({ encoding: 'o300k' }), (e) => e instanceof LlmcalcError && e.field === 'encoding');
  const encoding = await llm.loadEncoding('o200k_base');
  const r = analyze(new Uint8Array(text), 7, { encoding, model: 'gpt-4o-mini', tokenLimit: 40 });
  // Each example counted on its own through countChat gives the same numbers.
  const lines = text.toString('utf8').split('\n').filter((l) => l.trim());
  const counts = [];
  for (const line of lines) counts.push((await llm.countChat({ encoding: 'o200k_base', model: 'gpt-4o-mini', ...JSON.parse(line) })).tokens);
  assert.equal(r.tokens.examples, counts.length);
  assert.equal(r.tokens.total, counts.reduce((a, b) => a + b, 0));
  assert.equal(r.tokens.trained_per_epoch, counts.reduce((a, b) => a + Math.min(40, b), 0));
  assert.equal(r.tokens.max, Math.max(...counts));
  assert.equal(r.tokens.over_limit, counts.filter((c) => c > 40).length);
  assert.equal(r.billed_tokens, r.epochs * r.tokens.trained_per_epoch);
  // The name works too once the vocabulary is loaded.
  assert.equal(analyze(new Uint8Array(text), 1 << 20, { encoding: 'o200k_base' }).tokens.total, r.tokens.total);
});
