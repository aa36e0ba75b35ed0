// `llmcalc embedding`: the embedding cost of a corpus given as numbers or as
// files counted with the model's tokenizer (checked against tiktoken), its
// JSON shape, the estimate label for tokenizers llmcalc cannot run, and the
// exit codes for bad input and bad usage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get_encoding } from 'tiktoken';
import { run, runJson } from './cli.mjs';

const fixtures = new URL('../fixtures/text/', import.meta.url).pathname;
const prose = join(fixtures, 'prose_en.txt');
const cjk = join(fixtures, 'cjk.txt');
const dir = mkdtempSync(join(tmpdir(), 'llmcalc-embedding-'));
const DATE = ['--date', '2026-11-30'];
const close = (a, b) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

function reference(name, text) {
  const enc = get_encoding(name);
  try {
    return enc.encode(text, [], []).length; // special-token text counts as text
  } finally {
    enc.free();
  }
}

const embedding = (...args) => runJson(['embedding', ...DATE, ...args]);

test('numbers: one-time, monthly and first-year cost by hand (text-embedding-3-small, $0.02 / 1M)', () => {
  const r = embedding('--model', 'text-embedding-3-small', '--documents', '10,000', '--average-tokens', '500',
    '--reembeds-per-month', '2', '--queries-per-month', '1,000,000', '--query-tokens', '20');
  assert.equal(r.code, 0, r.stderr);
  const j = r.json;
  assert.deepEqual(j.model, { id: 'text-embedding-3-small', provider: 'openai', name: j.model.name, resolved_from: 'text-embedding-3-small' });
  assert.equal(j.price_per_million, 0.02);
  assert.equal(j.corpus_tokens, 5e6);
  assert.equal(j.vectors, 10000);
  assert.ok(close(j.one_time_cost, 0.1));
  assert.ok(close(j.monthly_reembed_cost, 0.2));
  assert.ok(close(j.monthly_query_cost, 0.4));
  assert.ok(close(j.monthly_cost, 0.6));
  assert.ok(close(j.first_year_cost, 7.3));
  assert.equal(j.dimensions, 1536);
  assert.equal(j.precision, 'float32');
  assert.equal(j.bytes_per_vector, 6144);
  assert.equal(j.storage_bytes, 61440000);
  assert.equal(j.tokens_exact, null);
  assert.match(j.source, /^https:\/\//);
  assert.match(j.as_of, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(j.notes.some((n) => /index overhead \(HNSW graphs, metadata, replicas\) is not included/.test(n)));

  const text = run(['embedding', ...DATE, '--model', 'text-embedding-3-small', '--documents', '10000', '--average-tokens', '500',
    '--reembeds-per-month', '2', '--queries-per-month', '1000000', '--query-tokens', '20']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^openai:text-embedding-3-small .*\$0\.02 \/ 1M tokens, prices as of \d{4}-\d{2}-\d{2}/);
  assert.match(text.stdout, /Corpus: 5,000,000 tokens in 10,000 vectors \(500 tokens each\)\n/);
  assert.match(text.stdout, /one-time: embed the corpus\s+\$0\.10\n/);
  assert.match(text.stdout, /re-embedding: 2 x a month\s+\$0\.20 \/ month\n/);
  assert.match(text.stdout, /queries: 1,000,000 x 20 tokens a month\s+\$0\.40 \/ month\n/);
  assert.match(text.stdout, /first year \(one-time \+ 12 x monthly\)\s+\$7\.30\n/);
  assert.match(text.stdout, /Storage: 10,000 vectors x 1,536 dimensions, float32 \(6\.14 KB each\) = 61\.4 MB\n/);
  assert.match(text.stdout, /Source: https:\/\//);
});

test('files are counted exactly with the model\'s own encoding, one vector per file', () => {
  const r = embedding('--model', 'text-embedding-3-large', prose, cjk);
  assert.equal(r.code, 0, r.stderr);
  const expected = [prose, cjk].map((f) => reference('cl100k_base', readFileSync(f, 'utf8')));
  assert.deepEqual(r.json.files, [{ file: prose, tokens: expected[0] }, { file: cjk, tokens: expected[1] }]);
  assert.equal(r.json.corpus_tokens, expected[0] + expected[1]);
  assert.equal(r.json.vectors, 2);
  assert.equal(r.json.documents, 2);
  assert.equal(r.json.counted_with, 'cl100k_base');
  assert.equal(r.json.tokens_exact, true);
  assert.ok(!r.json.notes.some((n) => /estimate/.test(n)));
  assert.ok(close(r.json.one_time_cost, (0.13 * r.json.corpus_tokens) / 1e6));
  // Chunked: the chunk count as --vectors.
  assert.equal(embedding('--model', 'text-embedding-3-large', prose, '--vectors', '7').json.vectors, 7);
  // stdin, and special-token text counted as text.
  const text = 'An <|endoftext|> marker is only text here.';
  const stdin = runJson(['embedding', '--model', 'text-embedding-3-small', '-'], { input: text });
  assert.equal(stdin.code, 0, stdin.stderr);
  assert.equal(stdin.json.corpus_tokens, reference('cl100k_base', text));
  assert.equal(stdin.json.files[0].file, '<stdin>');
  const plain = run(['embedding', '--model', 'text-embedding-3-small', prose]);
  assert.match(plain.stdout, /counted exactly with cl100k_base/);
});

test('a model whose tokenizer llmcalc cannot run: counted with o200k_base and labelled an estimate', () => {
  for (const model of ['gemini-embedding-001', 'mistral-embed', 'embed-v4.0']) {
    const r = embedding('--model', model, prose);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json.counted_with, 'o200k_base', model);
    assert.equal(r.json.tokens_exact, false, model);
    assert.equal(r.json.corpus_tokens, reference('o200k_base', readFileSync(prose, 'utf8')));
    assert.ok(r.json.notes.some((n) => /^The token count is an estimate/.test(n)), model);
    const text = run(['embedding', '--model', model, prose]);
    assert.match(text.stdout, /an estimate counted with o200k_base/);
    assert.doesNotMatch(text.stdout, /exactly/);
  }
});

test('--batch halves the corpus price but not the queries; a provider without batch is an error', () => {
  const args = ['--model', 'text-embedding-3-small', '--tokens', '1000000', '--vectors', '1000',
    '--queries-per-month', '1000', '--query-tokens', '1000'];
  const plain = embedding(...args).json;
  const batch = embedding(...args, '--batch').json;
  assert.equal(batch.batch, true);
  assert.equal(batch.batch_multiplier, 0.5);
  assert.ok(close(batch.one_time_cost, plain.one_time_cost / 2));
  assert.ok(close(batch.monthly_query_cost, plain.monthly_query_cost));
  assert.ok(batch.notes.some((n) => /queries need an answer at once/.test(n)));
  const r = embedding('--model', 'embed-v4.0', '--tokens', '1000', '--vectors', '1', '--batch');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /cohere:embed-v4\.0 does not offer a batch price/);
  assert.deepEqual([r.json.error.field, r.json.error.option], ['batch', '--batch']);
});

test('dimensions and precision: storage per vector, notes for other sizes, required when the catalog has none', () => {
  const storage = (...more) => embedding('--model', 'text-embedding-3-large', '--tokens', '1e6', '--vectors', '1000', ...more).json;
  assert.equal(storage().bytes_per_vector, 3072 * 4);
  assert.equal(storage('--precision', 'float16').bytes_per_vector, 3072 * 2);
  assert.equal(storage('--precision', 'int8').bytes_per_vector, 3072);
  assert.equal(storage('--precision', 'binary').bytes_per_vector, 384);
  assert.equal(storage('--precision', 'binary', '--dimensions', '1001').bytes_per_vector, 126);
  const short = storage('--dimensions', '256');
  assert.equal(short.storage_bytes, 1000 * 256 * 4);
  assert.ok(short.notes.some((n) => /differ from the model's native 3,072/.test(n)));
  const missing = embedding('--model', 'gemini-embedding-2', '--tokens', '1e6', '--vectors', '1000');
  assert.equal(missing.code, 1);
  assert.deepEqual([missing.json.error.field, missing.json.error.option], ['dimensions', '--dimensions']);
  assert.match(missing.stderr, /enter the dimensions/);
  assert.equal(embedding('--model', 'gemini-embedding-2', '--tokens', '1e6', '--vectors', '1000', '--dimensions', '768').code, 0);
});

test('bad input exits 1 with the reason on stderr and names the option', () => {
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const invalid = join(dir, 'latin1.txt');
  writeFileSync(invalid, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])); // "café" in Latin-1
  const numbers = ['--model', 'text-embedding-3-small', '--documents', '100', '--average-tokens', '500'];
  for (const [args, option, message] of [
    [['--model', 'text-embedding-3-small', '--documents', '-5', '--average-tokens', '500'], '--documents', /cannot be negative/],
    [['--model', 'text-embedding-3-small', '--documents', 'many', '--average-tokens', '500'], '--documents', /"many" is not a number/],
    [['--model', 'text-embedding-3-small', '--documents', '1e308', '--average-tokens', '500'], '--documents', /out of range/],
    [['--model', 'text-embedding-3-small', '--documents', '100', '--average-tokens', 'NaN'], '--average-tokens', /not a number/],
    [['--model', 'text-embedding-3-small', '--documents', '100', '--average-tokens', 'Infinity'], '--average-tokens', /not a number/],
    [['--model', 'text-embedding-3-small', '--documents', '100', '--average-tokens', '1e999'], '--average-tokens', /too large/],
    [['--model', 'text-embedding-3-small', '--tokens', '1e308', '--vectors', '1'], '--tokens', /out of range/],
    [['--model', 'text-embedding-3-small', '--tokens', '12.5', '--vectors', '1'], '--tokens', /whole number/],
    [[...numbers, '--vectors', '-1'], '--vectors', /cannot be negative/],
    [[...numbers, '--vectors', '1e308'], '--vectors', /out of range/],
    [[...numbers, '--reembeds-per-month', 'weekly'], '--reembeds-per-month', /not a number/],
    [[...numbers, '--queries-per-month', '1e308', '--query-tokens', '5'], '--queries-per-month', /out of range/],
    [[...numbers, '--queries-per-month', '100'], '--query-tokens', /missing/],
    [[...numbers, '--dimensions', '0'], '--dimensions', /at least 1/],
    [[...numbers, '--dimensions', '1e308'], '--dimensions', /out of range/],
    [[...numbers, '--precision', 'float64'], '--precision', /use float32, float16, int8 or binary/],
    [[...numbers, '--date', 'soon'], '--date', /./],
    [[...numbers, '--vectors', ''], '--vectors', /empty/],
    [['--model', 'text-embedding-3-smal', '--tokens', '5', '--vectors', '1'], '--model', /Unknown embedding model "text-embedding-3-smal"\. Closest embedding models: text-embedding-3-small/],
    [['--model', 'gpt-4o', '--tokens', '5', '--vectors', '1'], '--model', /openai:gpt-4o is a chat model, not an embedding model\. Closest embedding models: text-embedding-3-/],
    [['--model', 'gpt-4o', prose], '--model', /not an embedding model/],
    [['--model', 'gemini-embedding-2', '--documents', '1', '--average-tokens', '5'], '--dimensions', /dimensions/],
    [['--model', 'text-embedding-3-small', empty], 'FILE', /empty\.txt is empty/],
    [['--model', 'text-embedding-3-small', invalid], 'FILE', /latin1\.txt is not UTF-8 text \(byte 0xE9 at offset 3\)/],
    [['--model', 'text-embedding-3-small', join(dir, 'missing.txt')], 'FILE', /cannot open/],
  ]) {
    const text = run(['embedding', ...args]);
    assert.equal(text.code, 1, `${args.join(' ')}: ${text.stderr}`);
    assert.match(text.stderr, /^llmcalc: /);
    assert.match(text.stderr, message, args.join(' '));
    assert.equal(text.stdout, '', args.join(' '));
    const json = runJson(['embedding', ...args]);
    assert.equal(json.code, 1);
    assert.equal(json.json.error.option, option, args.join(' '));
    assert.equal(json.json.error.message, text.stderr.replace(/^llmcalc: /, '').trim());
  }
});

test('usage errors exit 2 with the usage', () => {
  for (const args of [
    ['--tokens', '5', '--vectors', '1'], // no --model
    ['--model', 'text-embedding-3-small'], // no corpus
    ['--model', 'text-embedding-3-small', '--documents', '5'],
    ['--model', 'text-embedding-3-small', '--average-tokens', '5'],
    ['--model', 'text-embedding-3-small', '--tokens', '5', '--average-tokens', '5'],
    ['--model', 'text-embedding-3-small', '--tokens', '5', prose],
    ['--model', 'text-embedding-3-small', '--tokens', '5', '--frobnicate'],
    ['--model', 'text-embedding-3-small', '--tokens'],
  ]) {
    const r = run(['embedding', ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /usage: llmcalc embedding/);
  }
});

test('--help lists every option, the README shows the command, and its examples run', () => {
  const help = run(['embedding', '--help']);
  assert.equal(help.code, 0);
  for (const flag of ['--model', '--documents', '--average-tokens', '--tokens', 'FILE', '--vectors', '--reembeds-per-month',
    '--queries-per-month', '--query-tokens', '--dimensions', '--precision', '--batch', '--date', '--json']) {
    assert.ok(help.stdout.includes(flag), flag);
  }
  assert.match(run(['--help']).stdout, /embedding\s+embedding cost of a corpus/);
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const examples = readme.split('\n').filter((l) => /^llmcalc embedding /.test(l));
  assert.ok(examples.length >= 2, 'README examples of llmcalc embedding');
  for (const line of examples) {
    const args = line.replace(/\s+#.*$/, '').split(/\s+/).slice(1).filter((a) => a !== '\\');
    // Paths in the examples are relative to the repository root.
    const r = run(args.map((a) => (existsSync(new URL(`../../${a}`, import.meta.url)) ? new URL(`../../${a}`, import.meta.url).pathname : a)));
    assert.equal(r.code, 0, `${line}: ${r.stderr}`);
  }
});
