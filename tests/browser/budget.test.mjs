// The prompt token budget page in Chromium: the numbers the core gives for
// the same input (computed here in Node with the same wasm), pasted text
// counted per model (exact for OpenAI, labelled estimate otherwise), the
// overflow advice, the model picker, bad input at the field, URL state,
// and screenshots at desktop and phone widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadLlmcalc } from 'llmcalc';
import { startSite, openTool, SCREENSHOTS, DESKTOP, PHONE } from './browser.mjs';
import { SECTIONS } from '../../web/src/budget/sections.js';

const DEFAULT_MODELS = ['openai:gpt-4o', 'anthropic:claude-sonnet-4-5', 'google:gemini-2.5-flash'];
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
  openTool(site, 'budget/', '[data-budget-results]', viewport, query, options);

/** The page's text without error messages (they quote what was typed). */
const shownText = (page) =>
  page.evaluate(() => {
    const copy = document.querySelector('main').cloneNode(true);
    copy.querySelectorAll('.error, [data-form-error], textarea, select').forEach((e) => e.remove());
    return copy.textContent;
  });

const tableRows = (page) =>
  page.$$eval('[data-table-body] tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));

/** Waits until the table's Total row reads `expected` (results update as you type). */
async function waitForTotals(page, expected) {
  await page.waitForFunction(
    (want) => {
      const row = [...document.querySelectorAll('[data-table-body] tr')].find((tr) => tr.firstChild.textContent === 'Total');
      return row && [...row.children].slice(1).map((c) => c.textContent).join('|') === want.join('|');
    },
    expected,
  );
}

test('the defaults: every number the core gives for the same input', async () => {
  const page = await openPage();
  const r = llm.budget({ sections: DEFAULT_SECTIONS, models: DEFAULT_MODELS });
  const f = llm.format;
  const rows = await tableRows(page);
  assert.deepEqual(rows.slice(0, 7).map((row) => row[0]), r.sections.map((s) => s.label));
  rows.slice(0, 7).forEach((row, i) => assert.deepEqual(row.slice(1), r.models.map((m) => f.count(m.sections[i].tokens))));
  const tail = Object.fromEntries(rows.slice(7).map((row) => [row[0], row.slice(1)]));
  assert.deepEqual(tail.Total, r.models.map((m) => f.count(m.total_tokens)));
  assert.deepEqual(tail['Share of window'], r.models.map((m) => f.percent(m.share)));
  assert.deepEqual(tail['Tokens left'], r.models.map((m) => f.count(m.tokens_left)));
  assert.deepEqual(tail['Cost per request'], r.models.map((m) => f.usd(m.cost_usd)));
  const cards = await page.$$eval('.budget-model', (items) => items.map((i) => i.textContent));
  assert.equal(cards.length, 3);
  assert.match(cards[0], new RegExp(`Fits · ${f.count(r.models[0].tokens_left)} left`));
  assert.match(cards[0], /Prices: openai\.com/);
  assert.match(cards[0], new RegExp(`as of ${r.models[0].as_of}`));
  // Pasted text is what the encodings differ on; numbers are the same for every model.
  assert.match(cards[1], /Estimate: Anthropic publishes no tokenizer/);
  // One bar segment per non-empty section and model, each with its details.
  assert.equal(await page.$$eval('[data-chart] .stack-segment', (s) => s.length), 21);
  const tip = await page.getAttribute('[data-chart] .stack-segment.seg-context', 'data-tip');
  assert.equal(tip, `gpt-4o · Retrieved context: 24,000 tokens (${f.percent(24000 / 128000)} of the window)`);
  await page.screenshot({ path: `${SCREENSHOTS}/budget-desktop.png`, fullPage: true });
  assert.deepEqual(site.pageErrors, []);
  await page.context().close();
});

test('overflow: the badge, the section to cut, and the same sentence as the core', async () => {
  const page = await openPage();
  await page.fill('#context', '150,000');
  const r = llm.budget({ sections: { ...DEFAULT_SECTIONS, context: '150,000' }, models: DEFAULT_MODELS });
  await waitForTotals(page, r.models.map((m) => llm.format.count(m.total_tokens)));
  const first = await page.textContent('.budget-model');
  assert.match(first, new RegExp(`Over by ${llm.format.count(r.models[0].overflow_tokens)}`));
  assert.ok(first.includes(r.models[0].warnings[0]), first);
  assert.match(r.models[0].warnings[0], /cut the retrieved context/);
  // Only gpt-4o's 128K window overflows; the 200K and 1M windows fit.
  assert.equal(await page.$$eval('[data-chart] .stack-overflow', (s) => s.length), 1);
  await page.context().close();
});

test('pasted text is counted with each model\'s tokenizer; estimates say so', async () => {
  const page = await openPage();
  const text = 'You are a careful assistant. Answer in French, briefly. <|endoftext|> is just text here. 東京 🚀';
  await page.click('label[for="system_mode_text"]');
  await page.fill('#system_text', text);
  const o200k = await llm.loadEncoding('o200k_base');
  const tokens = o200k.count(text, { disallowedSpecial: [] });
  // Gemini 2.5 Flash: Gemma 3's tokenizer, as Google's SDK counts it.
  const gemma = (await llm.loadEncoding('gemma3')).count(text, { disallowedSpecial: [] });
  const counts = [tokens, tokens, gemma];
  const sections = { ...DEFAULT_SECTIONS, system: 0 };
  const r = llm.budget({ sections, models: DEFAULT_MODELS.map((model, i) => ({ model, sections: { system: counts[i] } })) });
  await waitForTotals(page, r.models.map((m) => llm.format.count(m.total_tokens)));
  const rows = await tableRows(page);
  assert.deepEqual(rows[0].slice(1), counts.map((n) => llm.format.count(n)));
  const both = `${llm.format.count(tokens)} tokens with o200k_base · ${llm.format.count(gemma)} with gemma3`;
  assert.equal(await page.textContent('[data-count="system"]'), both);
  // Pasted text stays out of the link.
  assert.ok(!page.url().includes('careful'), page.url());
  assert.match(page.url(), /system_mode=text/);
  // gpt-4 (cl100k_base) counts the same text differently, exactly.
  await page.selectOption('#model-select', 'openai:gpt-4');
  await page.click('text=Add model');
  const cl100k = await llm.loadEncoding('cl100k_base');
  await page.waitForFunction(() => document.querySelectorAll('.budget-model').length === 4);
  await page.waitForFunction(() => /cl100k_base/.test(document.querySelector('[data-count="system"]').textContent));
  assert.equal(
    await page.textContent('[data-count="system"]'),
    `${both} · ${llm.format.count(cl100k.count(text, { disallowedSpecial: [] }))} with cl100k_base`,
  );
  assert.match(await page.textContent('.budget-model:nth-child(4)'), /Text counted exactly with cl100k_base/);
  await page.screenshot({ path: `${SCREENSHOTS}/budget-text-desktop.png`, fullPage: true });
  await page.context().close();
});

test('the model picker: remove and add, kept in the link', async () => {
  const page = await openPage();
  await page.click('[aria-label^="Remove claude-sonnet-4-5"]');
  await page.waitForFunction(() => document.querySelectorAll('.budget-model').length === 2);
  assert.match(decodeURIComponent(page.url()), /models=openai:gpt-4o,google:gemini-2\.5-flash/);
  await page.selectOption('#model-select', 'openai:gpt-4.1');
  await page.click('text=Add model');
  await page.waitForFunction(() => document.querySelectorAll('.budget-model').length === 3);
  const names = await page.$$eval('.budget-model strong', (s) => s.map((x) => x.textContent));
  assert.deepEqual(names, ['gpt-4o', 'gemini-2.5-flash', 'gpt-4.1']);
  await page.context().close();
});

test('bad input: the core\'s message at the field, never NaN, work kept', async () => {
  const page = await openPage();
  const cases = [
    ['#history', '-5', 'history'],
    ['#context', 'lots', 'context'],
    ['#user', '1e308', 'user'],
    ['#output', 'NaN', 'output'],
    ['#tools', 'Infinity', 'tools'],
    ['#examples', '2.5', 'examples'],
  ];
  for (const [selector, value, field] of cases) {
    await page.fill(selector, value);
    let expected;
    try {
      llm.budget({ sections: { ...DEFAULT_SECTIONS, [field]: value }, models: DEFAULT_MODELS });
    } catch (e) {
      expected = e.message;
    }
    assert.ok(expected, `${field}=${value} should be an error`);
    await page.waitForFunction((f) => document.querySelector(`[data-field="${f}"] .error`).textContent !== '', field);
    assert.equal(await page.textContent(`[data-field="${field}"] .error`), expected);
    assert.equal(await page.getAttribute(selector, 'aria-invalid'), 'true');
    assert.equal(await page.isVisible('[data-budget-results]'), false);
    assert.doesNotMatch(await shownText(page), /NaN|undefined|Infinity/);
    await page.fill(selector, '100');
    await page.waitForSelector('[data-budget-results]:not([hidden])');
  }
  // A window that cannot be a window; a huge paste stays responsive.
  await page.click('label[for="context_mode_text"]');
  const big = 'The quick brown fox jumps over the lazy dog. '.repeat(40000);
  await page.fill('#context_text', big);
  await page.waitForFunction(() => /tokens with o200k_base/.test(document.querySelector('[data-count="context"]').textContent), null, { timeout: 60000 });
  assert.equal(await page.inputValue('#context_text'), big);
  assert.deepEqual(site.pageErrors, []);
  await page.context().close();
});

test('Llama 3 and Gemini 2.5 are counted with their own tokenizers; Gemini 3.5 as a labelled estimate', async () => {
  const page = await openPage(DESKTOP, '?models=together:meta-llama/Llama-3.3-70B-Instruct-Turbo,google:gemini-2.5-pro,google:gemini-3.5-flash');
  await page.waitForFunction(() => /gemma4/.test(document.querySelector('[data-budget-results]').textContent), null, { timeout: 60000 });
  const results = await page.textContent('[data-budget-results]');
  assert.match(results, /Estimate: gemini-3\.5-flash uses the gemma4 tokenizer, which llmcalc cannot run yet/);
  assert.doesNotMatch(results, /Estimate: (meta-llama|gemini-2\.5)/);
  await page.context().close();
});

test('the link restores the inputs; phone and dark screenshots', async () => {
  const query = '?models=openai:gpt-4o-mini,anthropic:claude-haiku-4-5&history=50,000&output=8000';
  const page = await openPage(PHONE, query, { colorScheme: 'dark' });
  const r = llm.budget({ sections: { ...DEFAULT_SECTIONS, history: '50,000', output: '8000' }, models: ['openai:gpt-4o-mini', 'anthropic:claude-haiku-4-5'] });
  await waitForTotals(page, r.models.map((m) => llm.format.count(m.total_tokens)));
  assert.equal(await page.inputValue('#history'), '50,000');
  await page.screenshot({ path: `${SCREENSHOTS}/budget-phone-dark.png`, fullPage: true });
  const overflowX = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
  assert.equal(overflowX, false);
  await page.context().close();
  const light = await openPage(PHONE);
  await light.screenshot({ path: `${SCREENSHOTS}/budget-phone.png`, fullPage: true });
  await light.context().close();
  assert.deepEqual(site.foreignRequests, []);
});
