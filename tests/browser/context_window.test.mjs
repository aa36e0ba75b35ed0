// The context-window visualizer in Chromium: one bar per model with the
// request's sections stacked inside, the three scales, windows of one's
// own, hover and keyboard details, exports, bad input, URL state, and
// screenshots at desktop and phone widths in both themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadLlmcalc } from 'llmcalc';
import { startSite, openTool, SCREENSHOTS, DESKTOP, PHONE } from './browser.mjs';
import { SECTIONS } from '../../web/src/budget/sections.js';

const DEFAULT_MODELS = ['openai:gpt-4o', 'anthropic:claude-sonnet-4-5', 'google:gemini-2.5-flash', 'x-ai:grok-4-fast-reasoning', { name: 'Your window (8.2K)', context_window: '8192' }];
const DEFAULT_SECTIONS = Object.fromEntries(SECTIONS.map((s) => [s.id, s.value]));
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
  openTool(site, 'context-window/', '[data-window-results]', viewport, query, options);

/** x, width of each bar's track (the window) in the chart. */
const tracks = (page) =>
  page.$$eval('[data-chart] .stack-track', (rects) => rects.map((r) => ({ x: Number(r.getAttribute('x')), width: Number(r.getAttribute('width')) })));

test('one bar per model, from 8K to 2M, with the core\'s numbers', async () => {
  const page = await openPage();
  const r = llm.budget({ sections: DEFAULT_SECTIONS, models: DEFAULT_MODELS });
  const f = llm.format;
  const rows = await page.$$eval('[data-table-body] tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows.map((row) => row[0]), r.models.map((m) => m.name));
  assert.deepEqual(rows.map((row) => row[1]), r.models.map((m) => f.count(m.context_window)));
  assert.deepEqual(rows.map((row) => row[3]), r.models.map((m) => f.percent(m.share)));
  assert.deepEqual(rows.map((row) => row[4]), r.models.map((m) => f.count(m.tokens_left)));
  assert.equal(r.models[3].context_window, 2000000);
  // The 8K window is over: the core's advice is listed, the overflow outlined.
  assert.equal(r.models[4].fits, false);
  assert.ok((await page.textContent('[data-warnings]')).includes(r.models[4].warnings[0]));
  assert.equal(await page.$$eval('[data-chart] .stack-overflow', (s) => s.length), 1);
  // Each window: every track is the same length.
  const share = await tracks(page);
  assert.equal(share.length, 5);
  assert.ok(share.every((t) => Math.abs(t.width - share[0].width) < 0.2), JSON.stringify(share));
  await page.screenshot({ path: `${SCREENSHOTS}/context-window-desktop.png`, fullPage: true });

  // Linear: lengths in proportion to the windows.
  await page.click('label[for="scale_linear"]');
  await page.waitForFunction(() => /^One token axis/.test(document.querySelector('[data-scale-note]').textContent));
  const linear = await tracks(page);
  const ratio = linear[3].width / linear[0].width;
  assert.ok(Math.abs(ratio - 2000000 / 128000) < 0.1, `2M/128K drawn as ${ratio}`);
  assert.match(page.url(), /scale=linear/);
  // Log: one decade is one fixed step, so 8K is still a visible bar.
  await page.click('label[for="scale_log"]');
  await page.waitForFunction(() => /^A log token axis/.test(document.querySelector('[data-scale-note]').textContent));
  const log = await tracks(page);
  assert.ok(log[4].width > 0.3 * log[3].width, JSON.stringify(log));
  const ticks = await page.$$eval('[data-chart] .chart-grid text', (t) => t.map((x) => x.textContent));
  assert.deepEqual(ticks, ['100', '1K', '10K', '100K', '1M', '10M']);
  await page.screenshot({ path: `${SCREENSHOTS}/context-window-log-desktop.png`, fullPage: true });
  assert.deepEqual(site.pageErrors, []);
  await page.context().close();
});

test('hover and keyboard focus show a segment\'s numbers', async () => {
  const page = await openPage();
  const segment = page.locator('[data-chart] .stack-segment.seg-context').first();
  await segment.hover();
  await page.waitForSelector('[data-chart-tip]:not([hidden])');
  const f = llm.format;
  const expected = `gpt-4o · Retrieved context: 24,000 tokens (${f.percent(24000 / 128000)} of the window)`;
  assert.equal(await page.textContent('[data-chart-tip]'), expected);
  await page.mouse.move(0, 0);
  await page.waitForSelector('[data-chart-tip]', { state: 'hidden' });
  await segment.focus();
  await page.waitForSelector('[data-chart-tip]:not([hidden])');
  assert.equal(await page.textContent('[data-chart-tip]'), expected);
  await page.keyboard.press('Tab');
  assert.match(await page.textContent('[data-chart-tip]'), /gpt-4o · User message: 300 tokens/);
  await page.context().close();
});

test('a window of one\'s own: added, checked, removed; exports', async () => {
  const page = await openPage(DESKTOP, '', { acceptDownloads: true });
  await page.fill('#own-window', '4,096');
  await page.click('text=Add window');
  await page.waitForFunction(() => document.querySelectorAll('[data-table-body] tr').length === 6);
  assert.match(decodeURIComponent(page.url()), /window:4096/);
  await page.fill('#own-window', 'big');
  await page.click('text=Add window');
  assert.match(await page.textContent('#own-window-error'), /whole number of tokens/);
  assert.equal(await page.getAttribute('#own-window', 'aria-invalid'), 'true');
  await page.click('[aria-label^="Remove Your window · 4.1K"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-table-body] tr').length === 5);

  const svg = page.waitForEvent('download');
  await page.click('[data-export="svg"]');
  const svgText = readFileSync(await (await svg).path(), 'utf8');
  assert.match(svgText, /^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svgText, /Retrieved context/);
  const png = page.waitForEvent('download');
  await page.click('[data-export="png"]');
  const pngBytes = readFileSync(await (await png).path());
  assert.deepEqual([...pngBytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  const csv = page.waitForEvent('download');
  await page.click('[data-export="csv"]');
  const lines = readFileSync(await (await csv).path(), 'utf8').trim().split(/\r?\n/);
  assert.equal(lines[0], 'model,context_window,section,tokens,share_of_window');
  assert.equal(lines.length, 1 + 5 * 7);
  await page.context().close();
});

test('bad input at the field; the link restores; phone and dark', async () => {
  const page = await openPage(PHONE, '?models=openai:gpt-3.5-turbo,window:4096&context=9000&scale=log', { colorScheme: 'dark' });
  assert.equal(await page.isChecked('#scale_log'), true);
  const r = llm.budget({ sections: { ...DEFAULT_SECTIONS, context: '9000' }, models: ['openai:gpt-3.5-turbo', { context_window: 4096 }] });
  const rows = await page.$$eval('[data-table-body] tr', (trs) => trs.map((tr) => tr.children[2].textContent));
  assert.deepEqual(rows, r.models.map((m) => llm.format.count(m.total_tokens)));
  await page.screenshot({ path: `${SCREENSHOTS}/context-window-phone-dark.png`, fullPage: true });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth), false);
  await page.fill('#history', '-1');
  await page.waitForFunction(() => document.querySelector('[data-field="history"] .error').textContent !== '');
  assert.equal(await page.textContent('[data-field="history"] .error'), 'Conversation history cannot be negative.');
  assert.equal(await page.isVisible('[data-window-results]'), false);
  await page.context().close();
  const light = await openPage(PHONE);
  await light.screenshot({ path: `${SCREENSHOTS}/context-window-phone.png`, fullPage: true });
  await light.context().close();
  assert.deepEqual(site.foreignRequests, []);
  assert.deepEqual(site.pageErrors, []);
});
