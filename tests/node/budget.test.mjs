// The prompt token budget through the wasm module (js/index.d.ts: budget).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';

const llm = await loadLlmcalc();
await llm.loadCatalog();
const date = '2026-11-30';

test('shares, tokens left and the cost per request, as the cost engine prices it', () => {
  const r = llm.budget({ sections: { system: '1,000', context: 20000, user: 500, output: 4000 }, models: ['gpt-4o'], date });
  const m = r.models[0];
  assert.equal(m.context_window, 128000);
  assert.equal(m.input_tokens, 21500);
  assert.equal(m.total_tokens, 25500);
  assert.equal(m.tokens_left, 102500);
  assert.equal(m.share, 25500 / 128000);
  assert.equal(m.fits, true);
  assert.equal(m.cut, null);
  assert.deepEqual(m.warnings, []);
  assert.equal(m.cost_usd, llm.price({ model: 'gpt-4o', input: 21500, output: 4000, date }).cost_usd);
  assert.deepEqual(r.sections.map((s) => s.id), ['system', 'tools', 'examples', 'history', 'context', 'user', 'output']);
});

test('overflow: the section to cut and a sentence saying so', () => {
  const m = llm.budget({ sections: { history: 30000, context: 100000, output: 8000 }, models: ['gpt-4o'], date }).models[0];
  assert.equal(m.fits, false);
  assert.equal(m.overflow_tokens, 10000);
  assert.equal(m.tokens_left, -10000);
  assert.deepEqual(m.cut, { section: 'context', label: 'Retrieved context', tokens: 100000, enough: true });
  assert.match(m.warnings[0], /cut the retrieved context \(100,000 tokens\) by at least 10,000/);
});

test('per-model counts, estimates labelled, windows of one\'s own', () => {
  const r = llm.budget({
    sections: { output: 100 },
    models: [{ model: 'gpt-4', sections: { user: 12 } }, { model: 'claude-sonnet-4-5', sections: { user: 13 } }, { name: 'Tiny', context_window: '4,096' }],
    date,
  });
  assert.equal(r.models[0].input_tokens, 12);
  assert.deepEqual(r.models[0].counting, { encoding: 'cl100k_base', exact: true, note: '' });
  assert.equal(r.models[1].input_tokens, 13);
  assert.equal(r.models[1].counting.exact, false);
  assert.match(r.models[1].counting.note, /estimate/);
  assert.equal(r.models[2].name, 'Tiny');
  assert.equal(r.models[2].model, null);
  assert.equal(r.models[2].cost_usd, null);
  assert.equal(r.models[2].total_tokens, 100);
});

test('a price the model does not offer is null with a reason, never $0', () => {
  const m = llm.budget({ sections: { user: 10, output: 10 }, models: ['text-embedding-3-small'], date }).models[0];
  assert.equal(m.cost_usd, null);
  assert.ok(m.cost_note.length > 0);
});

test('bad input throws LlmcalcError naming the field', () => {
  const cases = [
    [{ sections: { history: -1 }, models: ['gpt-4o'] }, 'history'],
    [{ sections: { context: 'many' }, models: ['gpt-4o'] }, 'context'],
    [{ sections: { user: '1e308' }, models: ['gpt-4o'] }, 'user'],
    [{ sections: { output: 'Infinity' }, models: ['gpt-4o'] }, 'output'],
    [{ sections: { output: 'NaN' }, models: ['gpt-4o'] }, 'output'],
    [{ sections: { system: 0.5 }, models: ['gpt-4o'] }, 'system'],
    [{ models: [] }, 'model'],
    [{ models: ['gpt-4oo'] }, 'model'],
    [{ models: [{ context_window: -5 }] }, 'context_window'],
  ];
  for (const [input, field] of cases) {
    assert.throws(() => llm.budget(input), (e) => e instanceof LlmcalcError && e.field === field, JSON.stringify(input));
  }
  assert.throws(() => llm.budget({ models: ['gpt-4oo'] }), /gpt-4o/);
});
