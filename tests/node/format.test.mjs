// The one rule for numbers shown to people (src/util/format.h,
// docs/bad-input.md) through the wasm module, as the pages call it: the
// same strings as the CLI, for the values that trip naive formatting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLlmcalc } from 'llmcalc';

const { format: f } = await loadLlmcalc();

test('binary noise, tiny and huge values, negative zero and non-numbers', () => {
  assert.deepEqual([f.number(0.1 + 0.2), f.usd(0.1 + 0.2), f.percent(0.1 + 0.2)], ['0.3', '$0.30', '30.0%']);
  assert.deepEqual([f.number(1.005), f.usd(1.005), f.count(2.5)], ['1.01', '$1.01', '3']);
  assert.deepEqual([f.number(5e-324), f.usd(0.000375), f.usd(1e-15), f.usd(-1e-9)], ['0', '$0.000375', '$0.00', '-$0.000000001']);
  assert.deepEqual([f.count(1e308), f.number(1e308), f.usd(1e308), f.percent(1e307), f.bytes(1e308), f.ratio(1e20)],
    ['1e308', '1e308', '$1e308', '1e309%', '1e284 YB', '1e20']);
  assert.deepEqual([f.count(-0), f.number(-0), f.usd(-0), f.ratio(-0), f.percent(-0), f.bytes(-0), f.number(-1e-9)],
    ['0', '0', '$0.00', '0.0', '0.0%', '0 bytes', '0']);
  for (const bad of [NaN, Infinity, -Infinity]) {
    assert.deepEqual([f.count(bad), f.number(bad), f.usd(bad), f.ratio(bad), f.percent(bad), f.bytes(bad)], Array(6).fill('—'));
  }
});
