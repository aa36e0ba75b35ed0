// The decision helper in Chromium: each answer as the core decides it, the
// steps and links shown, the break-even page's link carrying its numbers,
// bad input at the field, and screenshots at desktop and phone widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadLlmcalc } from 'llmcalc';
import { startSite, openTool, checkFieldErrors, SCREENSHOTS, DESKTOP, PHONE } from './browser.mjs';

let site;
let llm;
before(async () => {
  site = await startSite();
  llm = await loadLlmcalc();
});
after(async () => {
  await site?.close();
});

const openPage = (viewport = DESKTOP, query = '', options = {}) =>
  openTool(site, 'decide/', '[data-decision-results]', viewport, query, options);
const ready = { task_changing: false, good_examples: '500', goal: 'style', has_eval_set: true };

test('every answer changes the recommendation as the core decides', async () => {
  const page = await openPage();
  const expect = async (input) => {
    const r = llm.decide(input);
    await page.waitForFunction((want) => document.querySelector('[data-headline]').textContent === want, r.headline);
    assert.equal(await page.$$eval('[data-steps] li', (li) => li.length), r.steps.length);
    return r;
  };
  await expect(ready);
  await page.click('label[for="goal_knowledge"]');
  await expect({ ...ready, goal: 'knowledge' });
  assert.match(await page.textContent('[data-links]'), /RAG chunking/);
  await page.click('label[for="goal_style"]');
  await page.fill('#good_examples', '40');
  await expect({ ...ready, good_examples: '40' });
  await page.fill('#good_examples', '500');
  await page.fill('#requests', '2,000,000');
  await page.fill('#break_even_requests', '125,000');
  const r = await expect({ ...ready, requests: '2,000,000', break_even_requests: '125,000' });
  assert.equal(r.recommendation, 'fine-tune');
  assert.equal(await page.textContent('[data-badge]'), 'Fine-tune');
  assert.match(await page.getAttribute('[data-links] a', 'href'), /fine-tuning\/\?examples=500/);
  await page.screenshot({ path: `${SCREENSHOTS}/decide-desktop.png`, fullPage: true });
  await page.click('label[for="task_changing_yes"]');
  await expect({ ...ready, task_changing: true, requests: '2,000,000', break_even_requests: '125,000' });
  assert.deepEqual(site.pageErrors, []);
  await page.context().close();
});

test('the break-even page links here with its volume and break-even', async () => {
  const page = await site.newPage();
  await page.goto(`${site.url}break-even/`);
  await page.waitForSelector('[data-results]:not([hidden])');
  await page.click('[data-decide-link]');
  await page.waitForSelector('[data-decision-results]:not([hidden])');
  const be = Number((await page.inputValue('#break_even_requests')).replace(/,/g, ''));
  assert.ok(be > 0);
  assert.ok(Number(await page.inputValue('#requests')) > 0);
  assert.match(await page.textContent('[data-steps] li:last-child'), /the break-even of/);
  await page.context().close();
});

test('bad input at the field; phone and dark', async () => {
  const page = await openPage(PHONE, '', { colorScheme: 'dark' });
  await checkFieldErrors(page, [
    ['#good_examples', '-3', 'good_examples'],
    ['#good_examples', 'many', 'good_examples'],
    ['#requests', '1e308', 'requests'],
    ['#break_even_requests', '0', 'break_even_requests'],
  ], '[data-decision-results]');
  await page.screenshot({ path: `${SCREENSHOTS}/decide-phone-dark.png`, fullPage: true });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth), false);
  await page.context().close();
  assert.deepEqual(site.foreignRequests, []);
});
