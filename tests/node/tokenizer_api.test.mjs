// The tokenizer's JS API as pages and widgets use it (js/index.d.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { get_encoding } from 'tiktoken';
import { loadLlmcalc, LlmcalcError } from 'llmcalc';

const llm = await loadLlmcalc();

test('encodings lists all six with their vocabulary sizes', () => {
  const sizes = Object.fromEntries(llm.encodings.map((e) => [e.name, e.vocabSize]));
  assert.deepEqual(sizes, {
    r50k_base: 50257, p50k_base: 50281, p50k_edit: 50284,
    cl100k_base: 100277, o200k_base: 200019, o200k_harmony: 201088,
  });
  // The other families are listed apart (pages counting with every encoding
  // would otherwise download them all) and load the same way.
  const others = Object.fromEntries(llm.otherEncodings.map((e) => [e.name, e.vocabSize]));
  assert.deepEqual(others, {
    llama3: 128256, qwen2_5: 151665, qwen3: 151669, deepseek_v3: 128815, mistral_nemo: 131072, gemma3: 262145, claude_legacy: 65000,
  });
});

test('loadEncoding loads once; count, encode, decode agree', async () => {
  const enc = await llm.loadEncoding('o200k_base');
  assert.equal(await llm.loadEncoding('o200k_base'), enc);
  assert.equal(enc.name, 'o200k_base');
  const ids = enc.encode('Hello world');
  assert.ok(ids instanceof Uint32Array);
  assert.deepEqual([...ids], [13225, 2375]);
  assert.equal(enc.count('Hello world'), 2);
  assert.equal(enc.decode(ids), 'Hello world');
  assert.deepEqual([...enc.decodeBytes(ids)], [...new TextEncoder().encode('Hello world')]);
  assert.equal(enc.count(''), 0);
});

test('spans give byte and UTF-16 ranges for highlighting', async () => {
  const enc = await llm.loadEncoding('cl100k_base');
  const text = 'naïve 😀 text';
  const s = enc.spans(text);
  assert.equal(s.ids.length, enc.count(text));
  const pieces = [...s.ids].map((_, i) => text.slice(s.utf16Start[i], s.utf16End[i]));
  assert.equal(pieces.join(''), text);
  assert.equal(s.byteEnd[s.ids.length - 1], new TextEncoder().encode(text).length);
});

test('special tokens: error by default, allowed on request, or plain text', async () => {
  const enc = await llm.loadEncoding('cl100k_base');
  assert.throws(() => enc.encode('x <|endoftext|>'),
    (e) => e instanceof LlmcalcError && e.field === 'text' && e.message.includes('<|endoftext|>'));
  assert.deepEqual([...enc.encode('<|endoftext|>', { allowedSpecial: 'all' })], [100257]);
  assert.deepEqual([...enc.encode('<|endoftext|>', { allowedSpecial: ['<|endoftext|>'] })], [100257]);
  assert.ok(enc.count('<|endoftext|>', { disallowedSpecial: [] }) > 1);
  assert.equal(enc.decode([100257]), '<|endoftext|>');
  assert.throws(() => enc.decode([999999]), LlmcalcError);
});

test('o200k_harmony shares o200k_base ranks and has the harmony tokens', async () => {
  const h = await llm.loadEncoding('o200k_harmony');
  const text = 'Same ranks, same ids.';
  assert.deepEqual([...h.encode(text)], [...(await llm.loadEncoding('o200k_base')).encode(text)]);
  assert.deepEqual([...h.encode('<|start|>assistant<|message|>', { allowedSpecial: 'all' })].length, 3);
  assert.equal(h.decode([200012]), '<|call|>');
});

test('encodingForModel resolves dated ids and names the closest for typos', () => {
  assert.equal(llm.encodingForModel('gpt-4o-2024-08-06'), 'o200k_base');
  assert.equal(llm.encodingForModel('gpt-3.5-turbo'), 'cl100k_base');
  assert.equal(llm.encodingForModel('gpt-oss-20b'), 'o200k_harmony');
  assert.throws(() => llm.encodingForModel('gpt-4p'),
    (e) => e instanceof LlmcalcError && e.field === 'model' && /gpt-4o/.test(e.message));
});

test('unknown encodings are named errors', async () => {
  await assert.rejects(llm.loadEncoding('o300k'), (e) => e instanceof LlmcalcError && e.field === 'encoding');
});

test('countChat follows the cookbook (124 tokens for gpt-4o)', async () => {
  const { messages } = JSON.parse(readFileSync(new URL('../fixtures/chat/cookbook_example.json', import.meta.url), 'utf8'));
  const r = await llm.countChat({ model: 'gpt-4o', messages });
  assert.equal(r.tokens, 124);
  assert.equal(r.estimate, true);
  assert.equal((await llm.countChat({ encoding: 'cl100k_base', messages })).tokens, 129);
  await assert.rejects(llm.countChat({ model: 'gpt-4o', messages: 'nope' }), LlmcalcError);
});

test('decode keeps a leading U+FEFF: it is text, not a byte-order mark', async () => {
  const enc = await llm.loadEncoding('o200k_base');
  for (const text of ['\uFEFFabc', '\uFEFF', 'a\uFEFF', '\uFEFF\uFEFFx']) {
    assert.equal(enc.decode(enc.encode(text)), text, JSON.stringify(text));
  }
});

test('nothing carries over between calls: kept input buffers, growth, special-token policies', async () => {
  // js/tokenizer.js keeps the input view up to 1 MiB and sends the allowed
  // special tokens only when they change. A stale view would write the text
  // where the core no longer reads it; the round trip and tiktoken's counts
  // of the short texts, after the long ones, would show it.
  const enc = await llm.loadEncoding('cl100k_base');
  const tiktoken = get_encoding('cl100k_base');
  const line = 'The café’s menu — 東京 🚀 costs $12.50.\n';
  // Over 1 MiB (not kept), over 16 MiB of UTF-8 (freed after its call), and
  // short ones between them.
  const texts = ['', 'a', line, line.repeat(40), 'x y '.repeat(1 << 19), line, 'é '.repeat(6 << 20), '', line.repeat(3), 'b'];
  for (const [i, t] of texts.entries()) {
    assert.equal(enc.decode(enc.encode(t)), t, `text ${i}`);
    if (t.length < 1e5) assert.equal(enc.count(t), tiktoken.encode(t).length, `text ${i}`);
  }
  // The same without the round trip's allocations, which grow memory (and so
  // detach every view) between calls: counts alone free the big buffer, and
  // the next text must not go into the freed one.
  const big = texts[6];
  const bigCount = enc.count(big);
  for (const t of [big, line, big, 'b', line.repeat(40)]) {
    assert.equal(enc.count(t), t === big ? bigCount : tiktoken.encode(t).length);
  }
  const special = 'a <|endoftext|> b';
  const withToken = tiktoken.encode(special, 'all').length; // 4
  tiktoken.free();
  assert.equal(enc.count(special, { allowedSpecial: ['<|endoftext|>'] }), withToken);
  assert.throws(() => enc.count(special), /<\|endoftext\|>/);
  assert.equal(enc.count(special, { allowedSpecial: 'all' }), withToken);
  assert.equal(enc.count(special, { disallowedSpecial: [] }), enc.encode(special, { disallowedSpecial: [] }).length);
  assert.throws(() => enc.count(special, { allowedSpecial: ['<|fim_prefix|>'] }), /<\|endoftext\|>/);
  assert.equal(enc.count(special, { allowedSpecial: ['<|endoftext|>'] }), withToken);
});
