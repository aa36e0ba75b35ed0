// The fine-tuning cost estimator in Chromium: the core's quotes for the
// same numbers, the price sheet and its link into break-even (which then
// shows the carried-over numbers), the GPU estimate and presets, bad input
// at the field, URL state, and screenshots at desktop and phone widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadLlmcalc } from 'llmcalc';
import { startSite, openTool, checkFieldErrors, axeViolations, SCREENSHOTS, DESKTOP, PHONE } from './browser.mjs';

const DEFAULTS = {
  examples: '500', tokens_per_example: '1,000', prompt_tokens: '3,000', output_tokens: '300', validation_tokens: '0', evaluations: '0',
  params_billions: '8', trainable_fraction: '0.01', gpu: { name: 'H100 SXM', tflops: '989', utilization: '0.4', hourly_usd: '2.50', memory_gb: '80' },
};
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
  openTool(site, 'fine-tuning/', '[data-tuning-results]', viewport, query, options);

const rows = (page, selector) => page.$$eval(`${selector} tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));

test('the defaults: every quote, the price sheet and the GPU estimate of the core', async () => {
  const page = await openPage();
  const r = llm.trainingCost(DEFAULTS);
  const f = llm.format;
  const hosted = await rows(page, '[data-hosted]');
  assert.deepEqual(hosted.map((row) => row[0].startsWith(r.hosted[hosted.indexOf(row)].model ?? r.hosted[hosted.indexOf(row)].label)), r.hosted.map(() => true));
  assert.deepEqual(hosted.map((row) => row[2]), r.hosted.map((q) => (q.cost_usd === null ? 'enter hours' : f.usd(q.cost_usd))));
  assert.ok(hosted.some((row) => /new jobs until 2027-01-06/.test(row[3])));
  assert.ok(hosted.some((row) => /unconfirmed figure/.test(row[3])));
  const mini = r.hosted.find((q) => q.model === 'gpt-4o-mini');
  const sheet = await rows(page, '[data-sheet]');
  const miniRow = sheet.find((row) => row[0] === 'gpt-4o-mini');
  assert.equal(miniRow[3], `${f.usd(mini.per_request.base)} → ${f.usd(mini.per_request.tuned)}`);
  const self = await rows(page, '[data-self]');
  assert.deepEqual(self.map((row) => row[2]), r.self_hosted.methods.map((m) => f.usd(m.cost_usd)));
  assert.match(await page.textContent('[data-formulas]'), /FLOPs = 6 × 8B params × 1,500,000 tokens/);
  await page.screenshot({ path: `${SCREENSHOTS}/fine-tuning-desktop.png`, fullPage: true });
  assert.deepEqual(site.pageErrors, []);
  await page.context().close();
});

test('one click carries a quote into the break-even page', async () => {
  const page = await openPage();
  const mini = llm.trainingCost(DEFAULTS).hosted.find((q) => q.model === 'gpt-4o-mini');
  await page.click('[data-sheet] tr:has(th:text-is("gpt-4o-mini")) a');
  await page.waitForSelector('[data-results]:not([hidden])');
  assert.match(page.url(), /break-even\//);
  assert.equal(await page.inputValue('#training_cost'), String(mini.cost_usd));
  assert.equal(await page.inputValue('#tuned_input_price'), String(mini.tuned.input));
  assert.equal(await page.inputValue('#base_output_price'), String(mini.base.output));
  await page.context().close();
});

test('GPU presets, edits and bad input at the field', async () => {
  const page = await openPage();
  await page.selectOption('#gpu_preset', 'a100');
  assert.equal(await page.inputValue('#gpu_tflops'), '312');
  const r = llm.trainingCost({ ...DEFAULTS, gpu: { ...DEFAULTS.gpu, tflops: '312', hourly_usd: '1.50' } });
  await page.waitForFunction((want) => document.querySelector('[data-self] tr td:nth-child(3)').textContent === want, llm.format.usd(r.self_hosted.methods[0].cost_usd));
  assert.match(page.url(), /gpu_tflops=312/);
  const cases = [
    ['#examples', '-5', 'examples'],
    ['#tokens_per_example', 'lots', 'tokens_per_example'],
    ['#tokens_per_example', '1e308', 'tokens_per_example'],
    ['#epochs', '0', 'epochs'],
    ['#params_billions', 'NaN', 'params_billions'],
    ['#utilization', '1.5', 'utilization'],
    ['#gpu_hourly_usd', 'Infinity', 'gpu_hourly_usd'],
  ];
  await checkFieldErrors(page, cases, '[data-tuning-results]');
  // No model size: no Together quotes, no GPU table.
  await page.fill('#params_billions', '');
  await page.waitForSelector('[data-self-box]', { state: 'hidden' });
  await page.context().close();
});

test('phone and dark; the link restores', async () => {
  const page = await openPage(PHONE, '?examples=20&tokens_per_example=2000', { colorScheme: 'dark' });
  assert.match(await page.textContent('[data-out="tokens_sub"]'), /× 5 epochs \(OpenAI's rule\)/);
  await page.screenshot({ path: `${SCREENSHOTS}/fine-tuning-phone-dark.png`, fullPage: true });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth), false);
  await page.context().close();
  assert.deepEqual(site.foreignRequests, []);
});

// ---- "JSONL file" mode: a training file checked and counted in a worker.

async function expectedCheck(path, tokenLimit) {
  const encoding = await llm.loadEncoding('o200k_base');
  const a = llm.createDatasetAnalyzer({ encoding, model: 'gpt-4.1-mini', tokenLimit });
  a.feed(new Uint8Array(readFileSync(path)));
  return a.finish();
}

// In file mode the costs wait for a file; the file panel shows at once.
const openFileMode = () => openTool(site, 'fine-tuning/', '[data-source="file"]', DESKTOP, '?source=file');

const waitForCheck = (page) => page.waitForSelector('[data-dataset-check]:not([hidden])', { timeout: 60_000 });

/** Drops a file made in the page ({name, text, repeat}) on the drop target, as a user would. */
const dropInPage = (page, file) =>
  page.evaluate(({ name, text, repeat }) => {
    const part = text.repeat(1000);
    const data = new DataTransfer();
    data.items.add(new File(Array.from({ length: Math.ceil(repeat / 1000) }, () => part), name));
    document.querySelector('[data-drop-zone]').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, file);

test('a chosen JSONL file: its errors, tokens and costs are the core\'s, and the link keeps its counts', async () => {
  const path = 'tests/fixtures/dataset/format_errors.jsonl';
  const page = await openPage(DESKTOP, '', { bypassCSP: true });
  await page.click('label[for=source_file]');
  assert.match(await page.textContent('[data-status]'), /Drop a JSONL training file/);
  await page.setInputFiles('#dataset_file', path);
  await waitForCheck(page);
  const want = await expectedCheck(path);
  const f = llm.format;
  assert.match(await page.textContent('[data-check-summary]'), new RegExp(`${want.examples} examples, ${want.valid_examples} valid · ${want.error_count} errors`));
  const errors = await rows(page, '[data-errors]');
  assert.deepEqual(errors.map((row) => [row[0].split(':')[0], row[1]]), want.errors.map((e) => [String(e.line), e.type]));
  assert.deepEqual(await page.$$eval('[data-stats] dd', (dds) => dds.map((d) => d.textContent)),
    [want.tokens.min, want.tokens.p10, want.tokens.median, want.tokens.mean, want.tokens.p90, want.tokens.max].map((v) => f.number(v, 1)));
  assert.equal(await page.locator('[data-histogram] rect').count(), want.tokens.histogram.length);
  assert.match(await page.textContent('[data-check-verdict]'), /OpenAI rejects a file with format errors/);
  assert.deepEqual(await axeViolations(page), [], 'light');
  await page.click('[data-theme-toggle]');
  assert.deepEqual(await axeViolations(page), [], 'dark');
  // The costs price the valid examples' tokens, each capped at the limit.
  const r = llm.trainingCost({ ...DEFAULTS, tokens_per_example: undefined, examples: want.valid_examples, dataset_tokens: want.tokens.trained_per_epoch });
  const hosted = await rows(page, '[data-hosted]');
  assert.deepEqual(hosted.map((row) => row[2]), r.hosted.map((q) => (q.cost_usd === null ? 'enter hours' : f.usd(q.cost_usd))));
  assert.equal(await page.textContent('[data-out="tokens"]'), f.count(r.dataset.training_tokens));
  // The link carries the counts, not the file, and says so when reopened.
  const link = page.url();
  assert.match(link, new RegExp(`file_examples=${want.valid_examples}&file_tokens=${want.tokens.trained_per_epoch}`));
  const again = await site.newPage();
  await again.goto(link);
  await again.waitForSelector('[data-tuning-results]:not([hidden])');
  assert.match(await again.textContent('[data-file-summary]'), /counted earlier\. The link keeps these counts, not the file/);
  assert.equal(await again.textContent('[data-out="tokens"]'), f.count(r.dataset.training_tokens));
  assert.equal(await again.isHidden('[data-dataset-check]'), true);
  await again.context().close();
  await page.context().close();
});

test('a dropped file re-checks when the model or token limit changes; bad files and limits get clear messages', async () => {
  const path = 'tests/fixtures/dataset/valid.jsonl';
  const page = await openFileMode();
  await page.setInputFiles('#dataset_file', path);
  await waitForCheck(page);
  await page.fill('#token_limit', '40');
  const want = await expectedCheck(path, 40);
  assert.ok(want.tokens.over_limit > 0);
  await page.waitForFunction((n) => document.querySelector('[data-token-notes]')?.textContent.includes(`${n} examples are over the 40-token limit`), want.tokens.over_limit);
  assert.match(page.url(), new RegExp(`file_tokens=${want.tokens.trained_per_epoch}`));
  await page.selectOption('#count_model', 'gpt-4o-mini');
  await page.waitForFunction(() => /gpt-4o-mini/.test(document.querySelector('[data-token-notes]')?.textContent));
  // A limit that is not a whole number: the field says so; the last check stays.
  for (const bad of ['0', '1.5', 'many', '1e308']) {
    await page.fill('#token_limit', bad);
    assert.match(await page.textContent('#token_limit-error'), /token limit/i, bad);
    assert.equal(await page.isVisible('[data-dataset-check]'), true);
  }
  await page.fill('#token_limit', '16,385');
  // Empty, binary and pretty-printed files: a file-level error, nothing priced.
  for (const [name, type] of [['empty.jsonl', 'empty_file'], ['binary.jsonl', 'binary_file'], ['pretty_printed.json', 'not_jsonl']]) {
    await page.setInputFiles('#dataset_file', `tests/fixtures/dataset/${name}`);
    await page.waitForFunction((t) => document.querySelector('[data-errors]')?.textContent.includes(t) && !document.querySelector('[data-dataset-check]').hidden, type);
    assert.match(await page.textContent('[data-form-error]'), /no valid examples to price/, name);
    assert.equal(await page.isHidden('[data-tuning-results]'), true, name);
  }
  assert.deepEqual(site.pageErrors, []);
  await page.context().close();
});

test('a 100 MB file: progress, cancel, typing stays responsive, then a full check', async () => {
  const line = `${JSON.stringify({ messages: [{ role: 'system', content: 'You are terse.' }, { role: 'user', content: 'Summarise: '.concat('the cost of a token is small but the volume is large; '.repeat(12)) }, { role: 'assistant', content: 'Tokens are cheap; volume is not. '.repeat(8) }] })}\n`;
  const repeat = Math.ceil(100e6 / line.length);
  const page = await openFileMode();
  await dropInPage(page, { name: 'big.jsonl', text: line, repeat });
  await page.waitForFunction(() => document.querySelector('[data-progress] progress').value > 0);
  // The main thread answers while the worker reads: another field updates the URL at once.
  const t0 = Date.now();
  await page.fill('#prompt_tokens', '2,500');
  await page.waitForFunction(() => location.search.includes('prompt_tokens=2%2C500'));
  assert.ok(Date.now() - t0 < 2000, `typing took ${Date.now() - t0} ms`);
  await page.click('[data-cancel]');
  await page.waitForFunction(() => /Stopped\. big\.jsonl was not counted/.test(document.querySelector('[data-file-summary]').textContent));
  assert.equal(await page.isHidden('[data-progress]'), true);
  assert.equal(await page.inputValue('#prompt_tokens'), '2,500');
  // Again, to the end: every example counted, bounded memory in the worker.
  await dropInPage(page, { name: 'big.jsonl', text: line, repeat });
  await page.waitForSelector('[data-dataset-check]:not([hidden])', { timeout: 240_000 });
  const examples = Math.ceil(repeat / 1000) * 1000;
  assert.match(await page.textContent('[data-check-summary]'), new RegExp(`${llm.format.count(examples)} examples, ${llm.format.count(examples)} valid · no format errors`));
  assert.equal(await page.isVisible('[data-tuning-results]'), true);
  await page.screenshot({ path: `${SCREENSHOTS}/fine-tuning-file-desktop.png`, fullPage: true });
  assert.deepEqual(site.pageErrors, []);
  await page.context().close();
});
