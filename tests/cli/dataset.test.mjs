// llmcalc dataset: the native CLI on the golden fixtures and on the bad
// inputs a real upload can be (issue #6).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtures, assertMatches } from '../fixtures/dataset/expect.mjs';

const CLI = process.env.LLMCALC_CLI ?? 'build/native/cli/llmcalc';
const MODEL = 'gpt-4o-mini-2024-07-18';
const dir = mkdtempSync(join(tmpdir(), 'llmcalc-dataset-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args, input) {
  const r = spawnSync(CLI, ['dataset', ...args], { input, maxBuffer: 1 << 28, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

function check(path) {
  const r = run([path, '--model', MODEL, '--json']);
  return { status: r.status, result: JSON.parse(r.stdout), stderr: r.stderr };
}

const good = '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]}';

test('every golden fixture gives its expected result and exit code', () => {
  const all = fixtures();
  assert.ok(all.length >= 10);
  for (const { name, path, expected } of all) {
    const { status, result } = check(path);
    assertMatches(result, expected, name);
    assert.equal(status, expected.error_count === 0 ? 0 : 1, name);
    assert.equal(result.model, MODEL);
  }
});

test('--json carries examples, errors with line and type, epochs, billed tokens', () => {
  const { result } = check(fixtures().find((f) => f.name === 'format_errors.jsonl').path);
  for (const key of ['examples', 'errors', 'billed_tokens', 'epochs', 'training_cost_usd']) {
    assert.ok(key in result, key);
  }
  assert.ok(result.errors.every((e) => Number.isInteger(e.line) && typeof e.type === 'string'));
  // One valid example, counted with o200k_base; 25 epochs for one example.
  assert.equal(result.tokens.examples, 1);
  assert.equal(result.epochs, 25);
  assert.equal(result.billed_tokens, 25 * result.tokens.total);
  // The catalog's training price of gpt-4o-mini ($3 per 1M), named in a note.
  assert.equal(result.training_cost_usd, (result.billed_tokens * 3) / 1e6);
  assert.ok(result.notes.some((n) => /Training price: \$3\.00 per 1M tokens/.test(n)), result.notes.join(' | '));
});

test('a model without a per-token training price: unknown, never zero', () => {
  const path = join(dir, 'plain.jsonl');
  writeFileSync(path, `${good}\n`);
  const r = JSON.parse(run([path, '--model', 'gpt-3.5-turbo', '--json']).stdout);
  assert.equal(r.training_cost_usd, null);
  assert.ok(r.notes.some((n) => /--training-price/.test(n)));
});

test('tokens per example follow the cookbook count; a price gives the cost', () => {
  const path = join(dir, 'one.jsonl');
  writeFileSync(path, `${good}\n`);
  const r = JSON.parse(run([path, '--model', MODEL, '--training-price', '3', '--json']).stdout);
  // 2 messages x (3 + role + content tokens) + 3 priming: "user","Hi","assistant","Hello" are 1 token each.
  assert.equal(r.tokens.total, 2 * 3 + 4 + 3);
  assert.equal(r.billed_tokens, 25 * 13);
  assert.equal(r.training_cost_usd, (25 * 13 * 3) / 1e6);
  const unknown = run([path, '--model', 'no-such-model']);
  assert.equal(unknown.status, 1);
});

test('--epochs overrides the default rule; text output names file:line:column', () => {
  const path = join(dir, 'two.jsonl');
  writeFileSync(path, `${good}\n{"messages":[]}\n`);
  const j = JSON.parse(run([path, '--model', MODEL, '--epochs', '4', '--json']).stdout);
  assert.equal(j.epochs, 4);
  assert.equal(j.epochs_source, 'given');
  const t = run([path, '--model', MODEL]);
  assert.equal(t.status, 1);
  assert.match(t.stdout, new RegExp(`${path}:2:1: missing_messages_list: `));
});

test('usage errors exit 2', () => {
  for (const args of [['x.jsonl'], ['--model', MODEL], ['a', 'b', '--model', MODEL], ['-', '--model', MODEL, '--bogus']]) {
    assert.equal(run(args, '').status, 2, args.join(' '));
  }
  assert.equal(run(['--help']).status, 0);
  assert.equal(run(['-', '--model', MODEL, '--epochs', 'x']).status, 1);
});

test('stdin works, and a missing file is exit 1', () => {
  const r = run(['-', '--model', MODEL, '--json'], `${good}\n`);
  assert.equal(r.status, 0);
  assert.equal(JSON.parse(r.stdout).valid_examples, 1);
  assert.equal(run([join(dir, 'nope.jsonl'), '--model', MODEL]).status, 1);
});

test('JSON nested 100,000 deep on a line is nested_too_deep, not a crash', () => {
  const path = join(dir, 'deep.jsonl');
  writeFileSync(path, `${good}\n{"messages":${'['.repeat(100000)}${']'.repeat(100000)}}\n${good}\n`);
  const { status, result } = check(path);
  assert.equal(status, 1);
  assert.deepEqual(result.errors.map((e) => [e.line, e.type]), [[2, 'nested_too_deep']]);
  assert.equal(result.valid_examples, 2);
});

test('a single 50 MB line is line_too_long, within bounded time', () => {
  const path = join(dir, 'long.jsonl');
  const filler = 'x'.repeat(50 * 1024 * 1024);
  writeFileSync(path, `${good}\n{"messages":[{"role":"user","content":"${filler}"}]}\n${good}\n`);
  const start = Date.now();
  const { status, result } = check(path);
  assert.ok(Date.now() - start < 20000);
  assert.equal(status, 1);
  assert.deepEqual(result.errors.map((e) => [e.line, e.type]), [[2, 'line_too_long']]);
  assert.match(result.errors[0].message, /50(\.0)? MiB/);
  assert.equal(result.valid_examples, 2);
});

test('a JSON array on one line (not JSONL) is not_jsonl with a hint', () => {
  const path = join(dir, 'array.json');
  const items = Array.from({ length: 1000 }, () => good).join(',');
  writeFileSync(path, `[${items}]`);
  const { result } = check(path);
  assert.equal(result.errors[0].type, 'not_jsonl');
  assert.match(result.errors[0].message, /jq -c/);
});

test('a Gemini model is counted with Gemma 3, one with no local tokenizer with o200k_base, both called estimates', () => {
  const path = join(dir, 'gemini.jsonl');
  writeFileSync(path, `${good}\n`.repeat(40));
  const gemini = JSON.parse(run([path, '--model', 'gemini-2.5-flash', '--json']).stdout);
  const later = JSON.parse(run([path, '--model', 'gemini-3.5-flash', '--json']).stdout);
  const openai = JSON.parse(run([path, '--model', 'gpt-4.1-mini', '--json']).stdout);
  // Google's SDK counts 2.5 Flash with Gemma 3; the chat framing is OpenAI's, hence an estimate.
  assert.ok(gemini.notes.some((n) => /counted with gemma3 .*an estimate/.test(n)), gemini.notes.join(' | '));
  assert.equal(later.tokens.total, openai.tokens.total);
  assert.ok(later.notes.some((n) => /gemini-3\.5-flash uses the gemma4 tokenizer.*o200k_base, an estimate/.test(n)), later.notes.join(' | '));
  assert.ok(!openai.notes.some((n) => /uses the .* tokenizer/.test(n)), openai.notes.join(' | '));
  // Vertex AI's price for 2.5 Flash ($5 per 1M), from the catalog.
  assert.equal(gemini.training_cost_usd, (gemini.billed_tokens * 5) / 1e6);
  // Unknown to the tokenizer and the catalog: an error naming close ids.
  const unknown = run([path, '--model', 'gemni-2.5-flash', '--json']);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stdout + unknown.stderr, /Unknown model.*gemini-2\.5-flash/);
});
