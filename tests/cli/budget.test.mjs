// `llmcalc budget`: sections against each model's window, text counted per
// model (exact for OpenAI encodings, labelled estimate otherwise), exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get_encoding } from 'tiktoken';
import { run, runJson } from './cli.mjs';

const fixtures = new URL('../fixtures/text/', import.meta.url).pathname;
const prose = join(fixtures, 'prose_en.txt');
const dir = mkdtempSync(join(tmpdir(), 'llmcalc-budget-'));

function tiktokenCount(name, text) {
  const enc = get_encoding(name, { '<|endoftext|>': 100257 });
  try {
    // disallowed_special = () : special-token text is ordinary text.
    return enc.encode(text, [], []).length;
  } finally {
    enc.free();
  }
}

test('numbers: shares, tokens left, cost from the catalog', () => {
  const { code, json } = runJson(['budget', '--model', 'gpt-4o', '--system', '1,000', '--context', '20000',
    '--user', '500', '--output', '4000', '--date', '2026-11-30']);
  assert.equal(code, 0);
  const m = json.models[0];
  assert.equal(m.model.id, 'gpt-4o');
  assert.equal(m.context_window, 128000);
  assert.equal(m.input_tokens, 21500);
  assert.equal(m.output_reserve, 4000);
  assert.equal(m.total_tokens, 25500);
  assert.equal(m.tokens_left, 102500);
  assert.equal(m.fits, true);
  assert.deepEqual(m.sections.map((s) => s.id), ['system', 'tools', 'examples', 'history', 'context', 'user', 'output']);
  // Whole numbers print as integers ("tokens": 1000, not 1000.0).
  const raw = run(['budget', '--model', 'gpt-4o', '--system', '1000', '--json']).stdout;
  assert.match(raw, /"tokens": 1000\n/);
  assert.doesNotMatch(raw, /\d\.0[,\n]/);
  const price = runJson(['price', '--model', 'gpt-4o', '--input', '21500', '--output', '4000', '--date', '2026-11-30']).json;
  assert.equal(m.cost_usd, price.cost_usd);
});

test('files are counted with each model\'s tokenizer; estimates are labelled', () => {
  const text = readFileSync(prose, 'utf8');
  const { code, json } = runJson(['budget', '--model', 'gpt-4o,gpt-4,claude-sonnet-4-5', '--context', `@${prose}`, '--output', '100']);
  assert.equal(code, 0);
  const [o200k, cl100k, claude] = json.models;
  assert.equal(o200k.sections[4].tokens, tiktokenCount('o200k_base', text));
  assert.deepEqual(o200k.counting, { encoding: 'o200k_base', exact: true, note: '' });
  assert.equal(cl100k.sections[4].tokens, tiktokenCount('cl100k_base', text));
  assert.equal(cl100k.counting.exact, true);
  assert.equal(claude.counting.exact, false);
  assert.match(claude.counting.note, /estimate/);
  const plain = run(['budget', '--model', 'claude-sonnet-4-5', '--context', `@${prose}`]);
  assert.match(plain.stdout, /Text counted with o200k_base \(estimate\)/);
});

test('special-token text in a file counts as text, as the APIs treat it', () => {
  const file = join(dir, 'special.txt');
  writeFileSync(file, 'say <|endoftext|> now');
  const { code, json } = runJson(['budget', '--model', 'gpt-4', '--user', `@${file}`]);
  assert.equal(code, 0);
  assert.equal(json.models[0].sections[5].tokens, tiktokenCount('cl100k_base', 'say <|endoftext|> now'));
});

test('stdin through @-, invalid UTF-8 counted without error', () => {
  const r = runJson(['budget', '--model', 'gpt-4o', '--history', '@-'], { input: 'hello there' });
  assert.equal(r.code, 0);
  assert.equal(r.json.models[0].sections[3].tokens, tiktokenCount('o200k_base', 'hello there'));
  const bad = join(dir, 'bad.txt');
  writeFileSync(bad, Buffer.from([0x68, 0x69, 0xff, 0xfe, 0xc3]));
  const b = runJson(['budget', '--model', 'gpt-4o', '--user', `@${bad}`]);
  assert.equal(b.code, 0);
  assert.ok(b.json.models[0].sections[5].tokens >= 3);
});

test('overflow names the section to cut; the text output says so', () => {
  const r = run(['budget', '--model', 'gpt-4o', '--history', '30000', '--context', '100000', '--output', '8000']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /over by 10,000/);
  assert.match(r.stdout, /cut the retrieved context \(100,000 tokens\) by at least 10,000/);
  const j = runJson(['budget', '--model', 'gpt-4o', '--history', '30000', '--context', '100000', '--output', '8000']).json;
  assert.equal(j.models[0].fits, false);
  assert.equal(j.models[0].overflow_tokens, 10000);
  assert.deepEqual(j.models[0].cut, { section: 'context', label: 'Retrieved context', tokens: 100000, enough: true });
});

test('a window of your own compares beside catalog models', () => {
  const { code, json } = runJson(['budget', '--model', 'gpt-4o', '--window', '4096', '--user', '5000']);
  assert.equal(code, 0);
  assert.equal(json.models.length, 2);
  assert.equal(json.models[1].context_window, 4096);
  assert.equal(json.models[1].cost_usd, null);
  assert.equal(json.models[1].fits, false);
  assert.equal(runJson(['budget', '--window', '4096', '--user', '10']).code, 0);
});

test('bad input: exit 1 with the option at fault; usage errors: exit 2', () => {
  const cases = [
    [['--model', 'gpt-4o', '--history', '-5'], '--history'],
    [['--model', 'gpt-4o', '--context', 'lots'], '--context'],
    [['--model', 'gpt-4o', '--user', '1e308'], '--user'],
    [['--model', 'gpt-4o', '--output', 'NaN'], '--output'],
    [['--model', 'gpt-4o', '--output', 'Infinity'], '--output'],
    [['--model', 'gpt-4o', '--system', '2.5'], '--system'],
    [['--model', 'no-such-model'], '--model'],
    [['--window', '0'], '--window'],
  ];
  for (const [args, option] of cases) {
    const r = runJson(['budget', ...args]);
    assert.equal(r.code, 1, args.join(' '));
    assert.equal(r.json.error.option, option, args.join(' '));
    assert.ok(r.stderr.startsWith('llmcalc: '), r.stderr);
  }
  const missing = run(['budget', '--model', 'gpt-4o', '--system', `@${join(dir, 'missing.txt')}`]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /missing\.txt/);
  const unknownModel = run(['budget', '--model', 'gpt-4oo']);
  assert.match(unknownModel.stderr, /gpt-4o/);
  for (const args of [[], ['--model', ','], ['--model', 'gpt-4o', '--output', '@x'], ['--model', 'gpt-4o', 'extra'],
    ['--model', 'gpt-4o', '--user', '@-', '--system', '@-'], ['--window', '100', '--user', `@${prose}`]]) {
    assert.equal(run(['budget', ...args]).code, 2, args.join(' '));
  }
  const many = Array.from({ length: 13 }, () => 'gpt-4o').join(',');
  assert.equal(run(['budget', '--model', many]).code, 1);
});

test('--help documents the options', () => {
  const r = run(['budget', '--help']);
  assert.equal(r.code, 0);
  for (const flag of ['--model', '--system', '--tools', '--examples', '--history', '--context', '--user', '--output', '--window', '--json']) {
    assert.ok(r.stdout.includes(flag), flag);
  }
});
