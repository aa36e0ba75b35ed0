// The break-even calculation through the built wasm module, as the site
// and widgets use it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';

const llm = await loadLlmcalc();

test('break-even volume and verdict match the formula', () => {
  const r = llm.breakEven({ training_cost: 1000, base_cost: 0.01, tuned_cost: 0.002, volume: 1e6 });
  assert.equal(r.break_even_requests, 125000);
  assert.equal(r.ratio, 8);
  assert.equal(r.verdict, 'depends');
  assert.match(r.explanation, /8\.0× past the break-even of 125,000 requests/);
});

test('every verdict is reachable', () => {
  const verdict = (volume, tuned = 0.002) =>
    llm.breakEven({ training_cost: 1000, base_cost: 0.01, tuned_cost: tuned, volume }).verdict;
  assert.equal(verdict(100000), 'prompt');
  assert.equal(verdict(375000), 'depends');
  assert.equal(verdict(1250000), 'fine-tune');
  assert.equal(verdict(1e6, 0.01), 'never');
});

test('typed text with separators is accepted, garbage is a named error', () => {
  const r = llm.breakEven({ training_cost: '1,000', base_cost: '0.01', tuned_cost: '0.002' });
  assert.equal(r.break_even_requests, 125000);
  assert.equal(r.ratio, null);
  for (const [input, field] of [
    [{ training_cost: 'abc', base_cost: 1, tuned_cost: 0 }, 'training_cost'],
    [{ training_cost: -1, base_cost: 1, tuned_cost: 0 }, 'training_cost'],
    [{ training_cost: 1e300, base_cost: 1, tuned_cost: 0 }, 'training_cost'],
    [{ training_cost: 1, base_cost: 1, tuned_cost: 0, volume: 0 }, 'volume'],
    [{ training_cost: 1, base_cost: 'NaN', tuned_cost: 0 }, 'base_cost'],
    [{ training_cost: 1, base_cost: 1, tuned_cost: 'Infinity' }, 'tuned_cost'],
    [{ training_cost: '', base_cost: 1, tuned_cost: 0 }, 'training_cost'],
  ]) {
    assert.throws(() => llm.breakEven(input), (e) => e instanceof LlmcalcError && e.field === field,
      JSON.stringify(input));
  }
});

test('results hold no NaN or Infinity anywhere', () => {
  const r = llm.breakEven({ training_cost: 0, base_cost: 1e6, tuned_cost: 0, volume: 1e15 });
  const walk = (v) => {
    if (typeof v === 'number') assert.ok(Number.isFinite(v), `non-finite ${v}`);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(r);
  assert.equal(r.verdict, 'fine-tune');
});

test('the module is loaded once and shared', async () => {
  assert.equal(await loadLlmcalc(), llm);
});
