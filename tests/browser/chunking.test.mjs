// The RAG chunking page in Chromium: the plan and the embedding cost the
// core gives for the same numbers, the retrieval budget, a pasted document
// cut token-exactly (tiktoken decides the ranges) with its overlaps shown,
// the JSONL export, bad input at the field, a large file, URL state, and
// screenshots at desktop and phone widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get_encoding } from 'tiktoken';
import { loadLlmcalc } from 'llmcalc';
import { startSite, openTool, checkFieldErrors, SCREENSHOTS, DESKTOP, PHONE } from './browser.mjs';

const prose = readFileSync(new URL('../fixtures/text/prose_en.txt', import.meta.url), 'utf8');
const doc = prose.repeat(3); // several chunks of 200 tokens
let site;
let llm;
before(async () => {
  site = await startSite();
  llm = await loadLlmcalc();
  await llm.loadCatalog();
});
after(async () => {
  await site?.close();
});

const openPage = (viewport = DESKTOP, query = '', options = {}) =>
  openTool(site, 'chunking/', '[data-chunk-results]', viewport, query, options);

const tile = (page, name) => page.textContent(`[data-out="${name}"]`);

test('numbers: the plan, embedding cost, storage and chunks per request of the core', async () => {
  const page = await openPage();
  const f = llm.format;
  const plan = llm.chunkPlan({ document_tokens: '250,000', size: 512, overlap: 64, context_window: 128000, reserved_tokens: '8,000' });
  const e = llm.embeddingCost({ model: 'openai:text-embedding-3-small', corpus_tokens: plan.embedded_tokens, vectors: plan.chunks, precision: 'float32' });
  assert.equal(await tile(page, 'chunks'), f.count(plan.chunks));
  assert.equal(plan.chunks, 1 + Math.ceil((250000 - 512) / 448));
  assert.equal(await tile(page, 'embedded'), f.count(plan.embedded_tokens));
  assert.equal(await tile(page, 'cost'), f.usd(e.one_time_cost));
  assert.equal(await tile(page, 'storage'), f.bytes(e.storage_bytes));
  assert.equal(await tile(page, 'fit'), f.count(plan.retrieval.chunks_fit));
  assert.match(await page.textContent('[data-notes]'), new RegExp(`as of ${e.as_of}`));
  // Another precision and chunk size.
  await page.selectOption('#precision', 'int8');
  await page.fill('#size', '1,000');
  await page.fill('#overlap', '0');
  const plan2 = llm.chunkPlan({ document_tokens: 250000, size: 1000, overlap: 0 });
  const e2 = llm.embeddingCost({ model: 'openai:text-embedding-3-small', corpus_tokens: plan2.embedded_tokens, vectors: plan2.chunks, precision: 'int8' });
  await page.waitForFunction((want) => document.querySelector('[data-out="storage"]').textContent === want, f.bytes(e2.storage_bytes));
  assert.equal(await tile(page, 'chunks'), '250');
  assert.match(page.url(), /precision=int8/);
  await page.screenshot({ path: `${SCREENSHOTS}/chunking-desktop.png`, fullPage: true });
  assert.deepEqual(site.pageErrors, []);
  await page.context().close();
});

test('text: the chunks are tiktoken\'s tokens, cut and shown with their overlaps; JSONL export', async () => {
  const page = await openPage(DESKTOP, '?size=200&overlap=50', { acceptDownloads: true });
  await page.click('label[for="doc_mode_text"]');
  await page.fill('#text', doc);
  const enc = get_encoding('cl100k_base'); // text-embedding-3-small's tokenizer
  const ids = [...enc.encode(doc)];
  enc.free();
  const expected = ids.length <= 200 ? 1 : 1 + Math.ceil((ids.length - 200) / 150);
  await page.waitForFunction((n) => document.querySelectorAll('.chunk').length === Math.min(n, 100), expected);
  assert.equal(await tile(page, 'chunks'), llm.format.count(expected));
  assert.match(await page.textContent('[data-encoding-hint]'), /cl100k_base, exact/);
  const heads = await page.$$eval('.chunk__head', (h) => h.map((x) => x.textContent));
  assert.equal(heads[1], 'Chunk 2 · tokens 150–350 (200)');
  // The second chunk starts with the 50 tokens it shares with the first.
  const marked = await page.textContent('.chunk:nth-child(2) mark');
  const enc2 = get_encoding('cl100k_base');
  const sharedText = new TextDecoder().decode(enc2.decode(new Uint32Array(ids.slice(150, 200))));
  enc2.free();
  assert.equal(marked, sharedText);
  assert.ok(!page.url().includes('Retrieval'), 'pasted text stays out of the link');

  const download = page.waitForEvent('download');
  await page.click('[data-export="jsonl"]');
  const lines = readFileSync(await (await download).path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, expected);
  assert.deepEqual(lines.map((l) => [l.start, l.end]), lines.map((_, k) => [k * 150, Math.min(k * 150 + 200, ids.length)]));
  // Without overlap the texts rebuild the document exactly.
  await page.fill('#overlap', '0');
  await page.waitForFunction((n) => document.querySelector('[data-out="chunks"]').textContent === String(n), Math.ceil(ids.length / 200));
  const again = page.waitForEvent('download');
  await page.click('[data-export="jsonl"]');
  const parts = readFileSync(await (await again).path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l).text);
  assert.equal(parts.join(''), doc);
  await page.screenshot({ path: `${SCREENSHOTS}/chunking-text-desktop.png`, fullPage: true });
  await page.context().close();
});

test('bad input: the core\'s message at the field, never NaN', async () => {
  const page = await openPage();
  const cases = [
    ['#size', '0', 'size'],
    ['#size', '-5', 'size'],
    ['#overlap', '600', 'overlap'],
    ['#document_tokens', '1e308', 'document_tokens'],
    ['#document_tokens', 'lots', 'document_tokens'],
    ['#reserved_tokens', '200,000', 'reserved_tokens'],
    ['#dimensions', '0', 'dimensions'],
  ];
  await checkFieldErrors(page, cases, '[data-chunk-results]');
  assert.equal(await page.textContent('[data-field="overlap"] .error'), '');
  // Empty text in text mode.
  await page.click('label[for="doc_mode_text"]');
  await page.fill('#text', '');
  await page.waitForFunction(() => /empty/.test(document.querySelector('[data-field="text"] .error').textContent));
  assert.equal(await page.isVisible('[data-chunk-results]'), false);
  await page.context().close();
});

test('a large file is chunked in the worker; the page stays responsive', async () => {
  const page = await openPage();
  const dir = mkdtempSync(join(tmpdir(), 'llmcalc-chunking-'));
  const file = join(dir, 'book.txt');
  writeFileSync(file, prose.repeat(Math.ceil(3_000_000 / prose.length)));
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => /book\.txt is loaded/.test(document.querySelector('[data-text-hint]').textContent));
  // Typing elsewhere is answered while the worker cuts.
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  assert.ok(Date.now() - t0 < 2000);
  await page.waitForFunction(() => document.querySelectorAll('.chunk').length === 100, null, { timeout: 120000 });
  assert.match(await page.textContent('[data-chunk-list-note]'), /The first 100 of/);
  assert.equal(await page.inputValue('#text'), '');
  assert.deepEqual(site.pageErrors, []);
  await page.context().close();
});

test('phone and dark; the link restores the numbers', async () => {
  const page = await openPage(PHONE, '?document_tokens=1,000,000&size=256&overlap=32', { colorScheme: 'dark' });
  assert.equal(await tile(page, 'chunks'), llm.format.count(llm.chunkPlan({ document_tokens: 1e6, size: 256, overlap: 32 }).chunks));
  await page.screenshot({ path: `${SCREENSHOTS}/chunking-phone-dark.png`, fullPage: true });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth), false);
  await page.context().close();
  const light = await openPage(PHONE);
  await light.click('label[for="doc_mode_text"]');
  await light.waitForSelector('.chunk');
  await light.screenshot({ path: `${SCREENSHOTS}/chunking-phone.png`, fullPage: true });
  await light.context().close();
  assert.deepEqual(site.foreignRequests, []);
});
