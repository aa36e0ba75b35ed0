// Fine-tuning cost through the wasm module (js/index.d.ts: trainingCost),
// against the catalog's own figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';

const llm = await loadLlmcalc();
await llm.loadCatalog();
const date = '2026-11-30';

test('OpenAI per-token quotes and the tuned price sheet, from the catalog', () => {
  const r = llm.trainingCost({ examples: 500, tokens_per_example: 1000, prompt_tokens: 3000, output_tokens: 300, date });
  assert.equal(r.dataset.epochs, 3);
  assert.equal(r.dataset.default_epochs, true);
  assert.equal(r.dataset.training_tokens, 1500000);
  const mini = r.hosted.find((q) => q.model === 'gpt-4o-mini');
  const entry = llm.findModel('openai:gpt-4o-mini');
  assert.equal(mini.price_per_million, entry.fine_tuning.training_per_1m);
  assert.equal(mini.cost_usd, (1500000 * entry.fine_tuning.training_per_1m) / 1e6);
  assert.deepEqual(mini.tuned, { input: 0.3, cached: 0.15, output: 1.2 });
  assert.equal(mini.per_request.tuned, (3000 * 0.3 + 300 * 1.2) / 1e6);
  const base = llm.price({ model: 'openai:gpt-4o-mini', input: 3000, output: 300, date });
  assert.ok(Math.abs(mini.per_request.base - base.cost_usd) < 1e-15);
  assert.equal(mini.new_jobs_until, '2027-01-06');
  assert.equal(mini.available, true);
  // Reinforcement fine-tuning is priced per hour: no hours, no cost (never $0).
  const rft = r.hosted.find((q) => q.method === 'reinforcement');
  assert.equal(rft.cost_usd, null);
  assert.equal(llm.trainingCost({ examples: 500, tokens_per_example: 1000, rft_hours: 3, date }).hosted.find((q) => q.method === 'reinforcement').cost_usd, 300);
  // Vertex AI's figures are marked as unconfirmed.
  assert.ok(r.hosted.some((q) => q.provider === 'google' && q.confirmed === false));
  assert.equal(r.self_hosted, null);
});

test('after OpenAI\'s wind-down date its quotes are marked unavailable', () => {
  const r = llm.trainingCost({ examples: 500, tokens_per_example: 1000, date: '2027-02-01' });
  assert.ok(r.hosted.filter((q) => q.provider === 'openai').every((q) => q.available === false));
});

test('Together AI by model size with the validation term; self-hosted GPUs', () => {
  const r = llm.trainingCost({ examples: 1000, dataset_tokens: '2,000,000', epochs: 2, params_billions: 8, validation_tokens: 50000, evaluations: 4, date });
  const lora = r.hosted.find((q) => q.provider === 'together' && q.method === 'lora');
  assert.equal(lora.billed_tokens, 2 * 2000000 + 4 * 50000);
  assert.equal(lora.cost_usd, (4200000 * lora.price_per_million) / 1e6);
  assert.match(lora.label, /up to 16B/);
  const [full, loraGpu, qlora] = r.self_hosted.methods;
  assert.equal(full.flops, 6 * 8e9 * 4e6);
  assert.equal(full.gpu_hours, full.flops / (989e12 * 0.4) / 3600);
  assert.equal(full.cost_usd, full.gpu_hours * 2.5);
  assert.equal(full.memory_gb, 128);
  assert.equal(full.gpus, 2);
  assert.ok(loraGpu.flops < full.flops && qlora.memory_gb < loraGpu.memory_gb);
  const edited = llm.trainingCost({ examples: 1000, dataset_tokens: 2e6, epochs: 2, params_billions: 8, gpu: { tflops: 312, utilization: 0.5, hourly_usd: 1.2, memory_gb: 40 }, date });
  assert.equal(edited.self_hosted.methods[0].gpus, 4);
  assert.equal(edited.self_hosted.gpu.tflops, 312);
});

test('bad input throws LlmcalcError naming the field', () => {
  const cases = [
    [{ examples: -1, tokens_per_example: 10 }, 'examples'],
    [{ examples: 'many', tokens_per_example: 10 }, 'examples'],
    [{ examples: 10 }, 'tokens_per_example'],
    [{ examples: 10, tokens_per_example: '1e308' }, 'tokens_per_example'],
    [{ examples: 10, tokens_per_example: 10, epochs: 0 }, 'epochs'],
    [{ examples: 10, tokens_per_example: 10, epochs: 'NaN' }, 'epochs'],
    [{ examples: 10, tokens_per_example: 10, params_billions: 'Infinity' }, 'params_billions'],
    [{ examples: 10, tokens_per_example: 10, params_billions: 7, gpu: { utilization: 2 } }, 'utilization'],
    [{ examples: 10, tokens_per_example: 10, params_billions: 7, trainable_fraction: 0 }, 'trainable_fraction'],
  ];
  for (const [input, field] of cases) {
    assert.throws(() => llm.trainingCost(input), (e) => e instanceof LlmcalcError && e.field === field, JSON.stringify(input));
  }
});
