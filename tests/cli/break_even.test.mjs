// `llmcalc break-even`: its flags, JSON fields and exit codes are a public
// interface people script against.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, runJson } from './cli.mjs';

const BASE = ['break-even', '--training-cost', '1000', '--base-cost', '0.01', '--tuned-cost', '0.002'];

test('--json gives break_even_requests, ratio and verdict', () => {
  const r = runJson([...BASE, '--volume', '1000000']);
  assert.equal(r.code, 0);
  assert.equal(r.json.break_even_requests, 125000);
  assert.equal(r.json.ratio, 8);
  assert.equal(r.json.verdict, 'depends');
});

test('verdicts by the rule of thumb', () => {
  const verdict = (volume, tuned = '0.002') =>
    runJson(['break-even', '--training-cost', '1000', '--base-cost', '0.01', '--tuned-cost', tuned, '--volume', volume]).json.verdict;
  assert.equal(verdict('100000'), 'prompt');
  assert.equal(verdict('374999'), 'prompt');
  assert.equal(verdict('375000'), 'depends');
  assert.equal(verdict('1250000'), 'fine-tune');
  assert.equal(verdict('1000000', '0.01'), 'never');
  assert.equal(verdict('1000000', '0.05'), 'never');
});

test('never breaking even gives null, without a volume the ratio is null', () => {
  let r = runJson(['break-even', '--training-cost', '1', '--base-cost', '0.001', '--tuned-cost', '0.002']);
  assert.equal(r.code, 0);
  assert.equal(r.json.break_even_requests, null);
  assert.equal(r.json.verdict, 'never');
  r = runJson(BASE);
  assert.equal(r.json.ratio, null);
  assert.equal(r.json.break_even_requests, 125000);
});

test('human output names the break-even and the verdict, and notes a missing volume', () => {
  const r = run(BASE);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Break-even: +125,000 requests/);
  assert.match(r.stdout, /No volume given/);
  assert.doesNotMatch(r.stdout, /NaN|inf/i);
});

test('tokens and prices instead of costs; monthly volume and recurring cost', () => {
  const r = runJson([
    'break-even', '--training-cost', '90',
    '--base-prompt-tokens', '3,000', '--base-output-tokens', '200', '--base-input-price', '0.15', '--base-output-price', '0.60',
    '--tuned-prompt-tokens', '500', '--tuned-output-tokens', '200', '--tuned-input-price', '0.30', '--tuned-output-price', '1.20',
  ]);
  assert.equal(r.code, 0);
  assert.equal(r.json.break_even_requests, 500000);
  const m = runJson([...BASE, '--monthly-volume', '50000', '--months', '24', '--monthly-cost', '100']);
  assert.equal(m.code, 0);
  assert.equal(m.json.months_to_break_even, 1000 / 300);
});

test('invalid input: exit 1 with the reason on stderr', () => {
  for (const [flag, value, reason] of [
    ['--training-cost', '-5', /cannot be negative/],
    ['--training-cost', 'abc', /not a number/],
    ['--training-cost', '1e300', /out of range/],
    ['--training-cost', '', /empty/],
    ['--base-cost', 'nan', /not a number/],
    ['--tuned-cost', 'inf', /not a number/],
  ]) {
    const args = [...BASE];
    args[args.indexOf(flag) + 1] = value;
    const r = run(args);
    assert.equal(r.code, 1, `${flag} ${value}: ${r.stderr}`);
    assert.match(r.stderr, reason);
    assert.equal(r.stdout, '');
  }
  for (const volume of ['0', '-1', 'many']) {
    const r = run([...BASE, '--volume', volume]);
    assert.equal(r.code, 1, volume);
    assert.match(r.stderr, /volume/i);
  }
  const j = runJson([...BASE, '--volume', '0']);
  assert.equal(j.code, 1);
  assert.equal(j.json.error.field, 'volume');
  assert.equal(j.json.error.option, '--volume');
});

test('usage errors: exit 2', () => {
  assert.equal(run(['break-even', '--base-cost', '1', '--tuned-cost', '0']).code, 2);
  assert.equal(run([...BASE, '--bogus', '1']).code, 2);
  assert.equal(run([...BASE, '--volume']).code, 2);
  assert.equal(run([...BASE, 'extra']).code, 2);
  assert.equal(run([...BASE, '--training-cost', '5']).code, 2);
  assert.equal(run(['no-such-command']).code, 2);
  assert.equal(run([]).code, 2);
});

test('--help documents the flags and exits 0', () => {
  const r = run(['break-even', '--help']);
  assert.equal(r.code, 0);
  for (const flag of ['--training-cost', '--base-cost', '--tuned-cost', '--volume', '--json']) {
    assert.ok(r.stdout.includes(flag), flag);
  }
  assert.equal(run(['--help']).code, 0);
});
