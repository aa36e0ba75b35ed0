// The fine-tuning cost estimator in Chromium: the core's quotes for the
// same numbers, the price sheet and its link into break-even (which then
// shows the carried-over numbers), the GPU estimate and presets, bad input
// at the field, URL state, and screenshots at desktop and phone widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadLlmcalc } from 'llmcalc';
import { startSite, openTool, checkFieldErrors, SCREENSHOTS, DESKTOP, PHONE } from './browser.mjs';

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
