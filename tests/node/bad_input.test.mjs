// Issue #10's bad-input matrix for the JavaScript API (docs/bad-input.md):
// every number field of every calculator gets the same bad values, and
// every text entry point gets lone surrogates, a BOM and CRLF. Bad input
// throws LlmcalcError naming the field; nothing else may escape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';

const llm = await loadLlmcalc();
await llm.loadCatalog();
const enc = await llm.loadEncoding('o200k_base');

// Always an error, whatever the field: JS's own non-numbers (as numbers and
// as typed text), text, a negative and values past every field's range.
const ALWAYS_BAD = [NaN, Infinity, -Infinity, 'NaN', 'Infinity', 'abc', '12abc', -5, '-5', 1e308, '1e308', '1e999', '1\uD800'];
// Empty and blank mean "not given" in the JSON API (src/util/number_input.h):
// fine for an optional field, "missing" for a required one. Zero is valid
// or out of range, per field. Either way: a result or a LlmcalcError.
const MAYBE = ['', '   ', 0, '0', -0];

const set = (path, value) => (input) => {
  const copy = structuredClone(input);
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path.at(-1)] = value;
  return copy;
};

// [name, call, valid input, field paths]; the error's field is the last key
// (the GPU's keys are named as the page's fields: tflops -> gpu_tflops).
const GPU_FIELDS = { tflops: 'gpu_tflops', hourly_usd: 'gpu_hourly_usd', memory_gb: 'gpu_memory_gb' };
const CALCULATORS = [
  ['breakEven', llm.breakEven, { training_cost: 1000, base_cost: 0.01, tuned_cost: 0.002, volume: 1e6 },
    ['training_cost', 'base_cost', 'tuned_cost', 'volume']],
  ['breakEven', llm.breakEven, { training_cost: 90, base_prompt_tokens: 3000, base_output_tokens: 300, base_input_price: 0.15, base_output_price: 0.6,
    tuned_prompt_tokens: 500, tuned_output_tokens: 300, tuned_input_price: 0.3, tuned_output_price: 1.2, monthly_volume: 1000, horizon_months: 12,
    tuned_monthly_cost: 5 },
  ['tuned_monthly_cost', 'base_prompt_tokens', 'base_output_tokens', 'base_input_price', 'base_output_price', 'tuned_prompt_tokens', 'tuned_output_tokens',
    'tuned_input_price', 'tuned_output_price', 'monthly_volume', 'horizon_months']],
  ['price', llm.price, { model: 'claude-sonnet-4-5', input: 1000, output: 100, cached: 10, cache_write_5m: 10, cache_write_1h: 10, reasoning: 10 },
    ['input', 'output', 'cached', 'cache_write_5m', 'cache_write_1h', 'reasoning']],
  ['budget', llm.budget, { sections: { system: 1, tools: 1, examples: 1, history: 1, context: 1, user: 1, output: 1 }, models: ['gpt-4o', { name: 'mine', context_window: 8000 }] },
    [...['system', 'tools', 'examples', 'history', 'context', 'user', 'output'].map((s) => ['sections', s]), ['models', 1, 'context_window']]],
  ['embeddingCost', llm.embeddingCost, { model: 'text-embedding-3-small', documents: 100, average_tokens: 500, vectors: 200, reembeds_per_month: 1,
    queries_per_month: 10, query_tokens: 5, dimensions: 512 },
  ['documents', 'average_tokens', 'vectors', 'reembeds_per_month', 'queries_per_month', 'query_tokens', 'dimensions']],
  ['trainingCost', llm.trainingCost, { examples: 100, tokens_per_example: 1000, epochs: 3, params_billions: 8, trainable_fraction: 0.01,
    validation_tokens: 10, evaluations: 2, rft_hours: 1, prompt_tokens: 10, output_tokens: 10,
    gpu: { tflops: 989, utilization: 0.4, hourly_usd: 2.5, memory_gb: 80 } },
  ['examples', 'tokens_per_example', 'epochs', 'params_billions', 'trainable_fraction', 'validation_tokens', 'evaluations', 'rft_hours',
    'prompt_tokens', 'output_tokens', ...['tflops', 'utilization', 'hourly_usd', 'memory_gb'].map((k) => ['gpu', k])]],
  ['chunkPlan', llm.chunkPlan, { document_tokens: 1000, size: 100, overlap: 10, context_window: 8000, reserved_tokens: 100 },
    ['document_tokens', 'size', 'overlap', 'context_window', 'reserved_tokens']],
  ['decide', llm.decide, { task_changing: false, good_examples: 500, goal: 'style', has_eval_set: true, requests: 1e6, break_even_requests: 1000 },
    ['good_examples', 'requests', 'break_even_requests']],
];

function isLlmcalcError(e, field, what) {
  assert.ok(e instanceof LlmcalcError, `${what}: ${e}`);
  assert.equal(e.field, field, `${what}: ${e.message}`);
  assert.match(e.message, /^[A-Z].*\.$/, what);
  assert.doesNotMatch(e.message, /undefined|not valid JSON|\[object/, what);
  return true;
}

test('every number field of every calculator: NaN, Infinity, text, negative, 1e308, lone surrogates', () => {
  let cases = 0;
  for (const [name, call, input, fields] of CALCULATORS) {
    assert.doesNotThrow(() => call(input), name);
    for (const path of fields.map((f) => [f].flat())) {
      const field = path[0] === 'gpu' ? GPU_FIELDS[path[1]] ?? path[1] : path.at(-1);
      for (const value of ALWAYS_BAD) {
        const what = `${name} ${path.join('.')}=${String(value)}`;
        assert.throws(() => call(set(path, value)(input)), (e) => isLlmcalcError(e, field, what), what);
        cases++;
      }
      for (const value of MAYBE) {
        const what = `${name} ${path.join('.')}=${JSON.stringify(value)}`;
        try {
          JSON.stringify(call(set(path, value)(input)), (_, v) => {
            assert.ok(typeof v !== 'number' || Number.isFinite(v), what);
            return v;
          });
        } catch (e) {
          // Usually this field; a field that needs it may speak instead
          // (no monthly volume: "A monthly cost needs the requests per month").
          isLlmcalcError(e, e.field || field, what);
          assert.ok(e.field, what);
          assert.match(e.message, /missing|at least|greater than|more than|between|cannot exceed|needs/, what);
        }
        cases++;
      }
    }
  }
  assert.ok(cases > 900, `${cases} cases`);
});

test('lone surrogates from JavaScript are U+FFFD everywhere, never "not valid JSON"', async () => {
  const lone = 'a\uD800b\uDC00c';
  const same = 'a\uFFFDb\uFFFDc';
  assert.equal(enc.count(lone), enc.count(same));
  assert.deepEqual([...enc.encode(lone)], [...enc.encode(same)]);
  assert.deepEqual([...enc.spans(lone).utf16End], [...enc.spans(same).utf16End]);
  assert.equal(enc.decode(enc.encode(lone)), same);
  const chat = (content) => llm.countChat({ model: 'gpt-4o', messages: [{ role: 'user', content }] });
  assert.equal((await chat(lone)).tokens, (await chat(same)).tokens);
  assert.deepEqual((await llm.chunkText('o200k_base', lone, { size: 2 })).texts, (await llm.chunkText('o200k_base', same, { size: 2 })).texts);
  assert.equal(llm.formatJson(`["${lone}"]`).output, `[\n  "${same}"\n]`);
  const analyzer = llm.createDatasetAnalyzer();
  // The line as typed, lone surrogates raw (JSON.stringify would escape them).
  analyzer.feed(`{"messages":[{"role":"user","content":"${lone}"},{"role":"assistant","content":"ok"}]}\n`);
  assert.equal(analyzer.finish().error_count, 0);
  assert.throws(() => llm.price({ model: 'gpt-4o\uD800', input: 1, output: 1 }), (e) => isLlmcalcError(e, 'model', 'price model') && /Unknown model/.test(e.message));
  assert.throws(() => llm.encodingForModel('\uDC00'), (e) => e instanceof LlmcalcError && e.field === 'model');
});

test('a BOM is text to the tokenizer and dropped with a note by the JSON tools; CRLF is kept', () => {
  assert.equal(enc.count('\uFEFFhello world\n'), enc.count('hello world\n') + 1);
  assert.equal(enc.decode(enc.encode('\uFEFFa\r\nb')), '\uFEFFa\r\nb');
  const r = llm.formatJson('\uFEFF{"a":\r\n1}\r\n', { minify: true });
  assert.deepEqual([r.output, r.bom, r.crlf, r.valid], ['{"a":1}', true, true, true]);
  const analyzer = llm.createDatasetAnalyzer();
  analyzer.feed('\uFEFF{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"yo"}]}\r\n');
  const d = analyzer.finish();
  assert.deepEqual([d.bom, d.crlf, d.error_count, d.examples], [true, true, 0, 1]);
});

test('empty and blank text: a count of 0, the JSON tools\' position, chunking\'s message', async () => {
  assert.equal(enc.count(''), 0);
  assert.equal(enc.count(' \n\t'), enc.encode(' \n\t').length);
  assert.equal(llm.formatJson('').errors[0].message, 'the input is empty');
  assert.equal(llm.formatJson(' \n ').errors[0].message, 'the input contains only whitespace');
  await assert.rejects(llm.chunkText('o200k_base', '', { size: 4 }), (e) => e.field === 'text' && /nothing to chunk/.test(e.message));
  const analyzer = llm.createDatasetAnalyzer();
  assert.equal(analyzer.finish().errors[0].type, 'empty_file');
});
