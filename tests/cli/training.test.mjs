// `llmcalc training`: hosted quotes, the self-hosted estimate, exit codes;
// and `llmcalc dataset` priced from the catalog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, runJson } from './cli.mjs';

test('hosted quotes and the self-hosted estimate', () => {
  const { code, json } = runJson(['training', '--examples', '500', '--tokens-per-example', '1,000', '--params-b', '8',
    '--prompt-tokens', '3000', '--output-tokens', '300', '--date', '2026-11-30']);
  assert.equal(code, 0);
  assert.equal(json.dataset.training_tokens, 1500000);
  const mini = json.hosted.find((q) => q.model === 'gpt-4o-mini');
  assert.equal(mini.cost_usd, 4.5); // $3 per 1M × 1.5M
  assert.ok(json.hosted.some((q) => q.provider === 'together' && q.method === 'full'));
  assert.deepEqual(json.self_hosted.methods.map((m) => m.method), ['full', 'lora', 'qlora']);
  assert.equal(json.self_hosted.methods[0].flops, 6 * 8e9 * 1.5e6);
  const text = run(['training', '--examples', '500', '--tokens-per-example', '1000', '--params-b', '8']);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /GPU-hours/);
  assert.match(text.stdout, /FLOPs = 6 × 8B params × 1,500,000 tokens/);
  assert.match(text.stdout, /\(unconfirmed\)/);
});

test('bad input: exit 1 with the option at fault; usage errors exit 2', () => {
  const cases = [
    [['--examples', '-5', '--tokens-per-example', '10'], '--examples'],
    [['--examples', '10', '--tokens-per-example', 'x'], '--tokens-per-example'],
    [['--examples', '10', '--tokens-per-example', '10', '--epochs', '0'], '--epochs'],
    [['--examples', '10', '--tokens-per-example', '10', '--params-b', '7', '--utilization', '1.5'], '--utilization'],
    [['--examples', '10', '--tokens-per-example', '10', '--params-b', 'NaN'], '--params-b'],
    [['--examples', '10', '--dataset-tokens', '1e308'], '--dataset-tokens'],
  ];
  for (const [args, option] of cases) {
    const r = runJson(['training', ...args]);
    assert.equal(r.code, 1, args.join(' '));
    assert.equal(r.json.error.option, option, args.join(' '));
  }
  assert.equal(run(['training']).code, 2);
  assert.equal(run(['training', '--examples', '1', 'extra']).code, 2);
  assert.equal(run(['training', '--help']).code, 0);
});
