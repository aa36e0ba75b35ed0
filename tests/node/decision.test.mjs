// The decision helper through the wasm module (js/index.d.ts: decide).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';

const llm = await loadLlmcalc();
const ready = { task_changing: false, good_examples: 500, goal: 'style', has_eval_set: true };

test('each question can settle it, in order', () => {
  assert.equal(llm.decide({ ...ready, task_changing: true }).recommendation, 'prompt');
  assert.equal(llm.decide({ ...ready, good_examples: '40' }).recommendation, 'few-shot');
  assert.equal(llm.decide({ ...ready, goal: 'knowledge' }).recommendation, 'rag');
  assert.equal(llm.decide({ ...ready, goal: 'reasoning' }).recommendation, 'stronger-model');
  assert.equal(llm.decide({ ...ready, has_eval_set: false }).recommendation, 'build-eval');
  assert.equal(llm.decide(ready).recommendation, 'need-volume');
});

test('the volume step uses the break-even calculator\'s own answer and the 3×/10× rule', () => {
  const be = llm.breakEven({ training_cost: 1000, base_cost: 0.01, tuned_cost: 0.002, volume: 1e6 });
  const r = llm.decide({ ...ready, requests: 1e6, break_even_requests: be.break_even_requests });
  assert.equal(r.recommendation, be.verdict); // 8× the break-even: both say "depends"
  assert.equal(r.ratio, 1e6 / be.break_even_requests);
  assert.equal(r.steps.length, 5);
});

test('bad answers throw LlmcalcError naming the field', () => {
  assert.throws(() => llm.decide({ ...ready, goal: 'speed' }), (e) => e instanceof LlmcalcError && e.field === 'goal');
  assert.throws(() => llm.decide({ ...ready, good_examples: -3 }), (e) => e.field === 'good_examples');
  assert.throws(() => llm.decide({ ...ready, task_changing: 'yes' }), (e) => e.field === 'task_changing');
});
