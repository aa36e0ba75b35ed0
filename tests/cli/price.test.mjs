// `llmcalc price` and `llmcalc models`, the native binary as people run it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';

const cli = resolve(process.env.LLMCALC_CLI ?? 'build/native/cli/llmcalc');

// Run from a temp folder: the catalog is built in, no data files needed.
function run(...args) {
  const r = spawnSync(cli, args, { encoding: 'utf8', cwd: tmpdir() });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const close = (a, b) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

test('a known model costs tokens x price (gpt-4o-mini $0.15/$0.60 per 1M)', () => {
  const r = run('price', '--model', 'gpt-4o-mini', '--input', '1,000,000', '--output', '500000',
    '--date', '2026-11-30', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.ok(close(j.cost_usd, 0.15 + 0.3), String(j.cost_usd));
  assert.deepEqual(j.lines.map((l) => l.kind), ['input', 'output']);
  const text = run('price', '--model', 'gpt-4o-mini', '--input', '1000000', '--output', '500000', '--date', '2026-11-30');
  assert.equal(text.code, 0);
  assert.match(text.out, /total\s+\$0\.45/);
  assert.match(text.out, /as of \d{4}-\d{2}-\d{2}/);
});

test('--json gives cost_usd and itemized lines; cached tokens are part of input', () => {
  const r = run('price', '--model', 'openai:gpt-4o', '--input', '10000', '--cached', '4000', '--output', '100',
    '--date', '2026-11-30', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  for (const key of ['cost_usd', 'lines', 'model', 'as_of', 'source']) assert.ok(key in j, key);
  const byKind = Object.fromEntries(j.lines.map((l) => [l.kind, l]));
  assert.equal(byKind.input.tokens, 6000);
  assert.equal(byKind.cache_read.tokens, 4000);
  for (const l of j.lines) {
    assert.deepEqual(Object.keys(l).sort(), ['cost_usd', 'kind', 'price_per_million', 'tokens']);
    assert.ok(close(l.cost_usd, (l.tokens * l.price_per_million) / 1e6));
  }
  assert.ok(close(j.cost_usd, j.lines.reduce((s, l) => s + l.cost_usd, 0)));
});

test('--batch applies the provider multiplier; a provider without batch is an error', () => {
  const plain = JSON.parse(run('price', '--model', 'gpt-4o', '--input', '1000', '--output', '1000', '--date', '2026-11-30', '--json').out);
  const batch = JSON.parse(run('price', '--model', 'gpt-4o', '--input', '1000', '--output', '1000', '--date', '2026-11-30', '--batch', '--json').out);
  assert.ok(close(batch.cost_usd, plain.cost_usd * 0.5));
  const r = run('price', '--model', 'deepseek-chat', '--input', '1000', '--output', '1000', '--batch');
  assert.equal(r.code, 1);
  assert.match(r.err, /does not offer a batch price/);
});

test('aliases and dated snapshots resolve to the same entry', () => {
  const id = (model) => JSON.parse(run('price', '--model', model, '--input', '1', '--output', '1', '--json').out).model;
  assert.equal(id('gpt-4o-2024-08-06').id, 'gpt-4o');
  assert.equal(id('GPT-4O').id, 'gpt-4o');
  assert.equal(id('claude-3-5-haiku-20241022').id, 'claude-3-5-haiku-latest');
  assert.equal(id('claude-3.5-haiku').id, 'claude-3-5-haiku-latest');
  // First-party wins for a bare id several providers serve.
  assert.equal(id('claude-opus-4-6').provider, 'anthropic');
  assert.equal(id('google:claude-opus-4-6').provider, 'google');
});

test('an unknown model exits 1 naming the closest ids', () => {
  const r = run('price', '--model', 'gpt-4oo', '--input', '1', '--output', '1');
  assert.equal(r.code, 1);
  assert.match(r.err, /Unknown model "gpt-4oo"\. Closest ids: [^,]+, [^,]+ or \S+/);
  assert.match(r.err, /gpt-4o\b/);
  assert.equal(r.out, '');
  const j = run('price', '--model', 'gpt-4oo', '--input', '1', '--output', '1', '--json');
  assert.equal(j.code, 1);
  assert.equal(JSON.parse(j.out).error.field, 'model');
});

test('bad token counts exit 1 and name the option', () => {
  for (const [args, option] of [
    [['--input', '-5', '--output', '1'], '--input'],
    [['--input', '1.5', '--output', '1'], '--input'],
    [['--input', 'abc', '--output', '1'], '--input'],
    [['--input', '10', '--output', '1e400'], '--output'],
    [['--input', '10', '--output', '2', '--cached', '20'], '--cached'],
    [['--input', '10', '--output', '2', '--reasoning', '3'], '--reasoning'],
    [['--input', '10', '--output', '2', '--date', '2026-02-30'], '--date'],
  ]) {
    const r = run('price', '--model', 'gpt-4o', ...args, '--json');
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.err}`);
    assert.notEqual(r.err, '');
    assert.equal(JSON.parse(r.out).error.option, option, args.join(' '));
  }
  const cached = run('price', '--model', 'gpt-4o', '--input', '10', '--output', '2', '--cached', '20');
  assert.match(cached.err, /cannot exceed the input tokens/);
});

test('a price the model does not offer is an error, never $0', () => {
  const r = run('price', '--model', 'text-embedding-3-small', '--input', '10', '--output', '5');
  assert.equal(r.code, 1);
  assert.match(r.err, /does not offer output tokens/);
});

test('missing or unknown flags are usage errors (exit 2)', () => {
  for (const args of [
    ['price', '--input', '1', '--output', '1'],
    ['price', '--model', 'gpt-4o', '--output', '1'],
    ['price', '--model', 'gpt-4o', '--input', '1'],
    ['price', '--model', 'gpt-4o', '--input', '1', '--output', '1', '--bogus'],
    ['price', '--model'],
    ['models', '--bogus'],
    ['models', 'extra'],
  ]) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, /usage: llmcalc (price|models)/);
  }
});

test('--help documents each command', () => {
  for (const cmd of ['price', 'models']) {
    const r = run(cmd, '--help');
    assert.equal(r.code, 0);
    assert.match(r.out, new RegExp(`usage: llmcalc ${cmd}`));
  }
  assert.match(run('--help').out, /price .*\n.*models/);
});

test('models lists one model per line and filters by provider', () => {
  const all = run('models');
  assert.equal(all.code, 0);
  const lines = all.out.trim().split('\n');
  assert.ok(lines.length > 300, String(lines.length));
  const groq = run('models', '--provider', 'groq');
  assert.equal(groq.code, 0);
  const rows = groq.out.trim().split('\n').slice(1);
  assert.ok(rows.length > 5);
  for (const row of rows) assert.match(row, /^\S+\s+groq\s/);
  const j = JSON.parse(run('models', '--provider', 'anthropic', '--json').out);
  assert.ok(j.models.every((m) => m.provider === 'anthropic'));
  assert.ok(j.models.find((m) => m.id === 'claude-sonnet-4-5').prices.input > 0);
  const bad = run('models', '--provider', 'openaii');
  assert.equal(bad.code, 1);
  assert.match(bad.err, /Unknown provider "openaii"/);
});

test('--batch says where the multiplier comes from, and when it is unconfirmed', () => {
  const openai = JSON.parse(run('price', '--model', 'gpt-4o', '--input', '1000', '--output', '100', '--batch', '--json').out);
  assert.deepEqual([openai.batch_multiplier, openai.batch_confirmed], [0.5, true]);
  assert.match(openai.batch_source, /^https:\/\//);
  assert.doesNotMatch(run('price', '--model', 'gpt-4o', '--input', '1000', '--output', '100', '--batch').out, /unconfirmed/);
  // Mistral's 50% is from a secondary source (data/catalog/overrides/batch.json).
  const mistral = JSON.parse(run('price', '--model', 'mistral-large-latest', '--input', '1000', '--output', '100', '--batch', '--json').out);
  assert.deepEqual([mistral.batch_multiplier, mistral.batch_confirmed], [0.5, false]);
  assert.match(run('price', '--model', 'mistral-large-latest', '--input', '1000', '--output', '100', '--batch').out,
    /Batch: prices x 0\.5 \(unconfirmed: from a secondary source; check https:\/\/docs\.mistral\.ai\/capabilities\/batch\/\)/);
  const plain = JSON.parse(run('price', '--model', 'gpt-4o', '--input', '1000', '--output', '100', '--json').out);
  assert.deepEqual([plain.batch_source, plain.batch_confirmed], [null, null]);
});
