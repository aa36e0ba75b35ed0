// The price calculator in Chromium: pick a model and type tokens like a
// user, check the shown cost against the core run here in Node (the same
// wasm), the table's filter, sort and cost column, the comparison chart,
// the catalog date and sources, bad-input messages, the URL state, and
// save screenshots at desktop and phone widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadLlmcalc } from 'llmcalc';
import { startSite, shownText, SCREENSHOTS, DESKTOP, PHONE } from './browser.mjs';

const MONTH_DAYS = 365.25 / 12;
let site;
let llm;
let catalog;
before(async () => {
  site = await startSite();
  llm = await loadLlmcalc();
  catalog = await llm.loadCatalog();
});
after(async () => {
  await site?.close();
});

async function openPage(viewport = DESKTOP, query = '') {
  const page = await site.newPage(viewport);
  await page.goto(`${site.url}price/${query}`);
  await page.waitForSelector('[data-price-results]:not([hidden])');
  return page;
}

const tableReady = (page) => page.waitForSelector('[data-model-rows][data-priced]');

test('a known model and typed tokens: the exact cost of the core, itemized, per day and month', async () => {
  const page = await openPage();
  await page.fill('#model', 'gpt-4o-mini');
  await page.fill('#input', '12,345');
  await page.fill('#output', '678');
  await page.fill('#cached', '20');
  await page.fill('#requests', '2,500');
  const r = llm.price({ model: 'gpt-4o-mini', input: 12345, output: 678, cached: Math.round(12345 * 0.2) });
  const f = llm.format;
  assert.equal(await page.textContent('[data-out="per_request"]'), f.usd(r.cost_usd));
  assert.equal(await page.textContent('[data-out="total"]'), f.usd(r.cost_usd));
  assert.equal(await page.textContent('[data-out="per_day"]'), f.usd(r.cost_usd * 2500));
  assert.equal(await page.textContent('[data-out="per_month"]'), f.usd(r.cost_usd * 2500 * MONTH_DAYS));
  // One row per line of the core's result: tokens × price per 1M = cost.
  const rows = await page.$$eval('[data-lines] tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(
    rows,
    r.lines.map((l) => [{ input: 'Input', cache_read: 'Cached input (read)', output: 'Output' }[l.kind], f.count(l.tokens), f.usd(l.price_per_million), f.usd(l.cost_usd)]),
  );
  assert.deepEqual(rows.map((row) => row[1]), ['9,876', '2,469', '678']);
  // The price's source and date next to it.
  assert.equal(await page.getAttribute('[data-source] a', 'href'), r.source);
  assert.match(await page.textContent('[data-source]'), new RegExp(`as of ${r.as_of}`));

  // Per month instead of per day; batch halves OpenAI's prices.
  await page.click('label[for="per_month"]');
  assert.equal(await page.textContent('[data-out="per_month"]'), f.usd(r.cost_usd * 2500));
  await page.check('#batch');
  const rb = llm.price({ model: 'gpt-4o-mini', input: 12345, output: 678, cached: 2469, batch: true });
  assert.equal(await page.textContent('[data-out="per_request"]'), f.usd(rb.cost_usd));
  assert.match(await page.textContent('[data-batch-note]'), /batch: 50%/);
  await page.uncheck('#batch');
  await page.click('label[for="per_day"]');

  // A cached count typed as tokens.
  await page.click('label[for="cached_unit_tokens"]');
  await page.fill('#cached', '1,000');
  const rc = llm.price({ model: 'gpt-4o-mini', input: 12345, output: 678, cached: 1000 });
  assert.equal(await page.textContent('[data-out="per_request"]'), f.usd(rc.cost_usd));
  assert.doesNotMatch(await shownText(page), /NaN|Infinity|undefined|\[object/);
  await page.close();
});

test('the catalog date, its sources and the model prices are shown; a missing price says "not offered"', async () => {
  const page = await openPage();
  const info = await page.textContent('[data-catalog-info]');
  assert.match(info, new RegExp(`Prices as of ${catalog.asOf}`));
  assert.match(info, new RegExp(`catalog generated ${catalog.generated}`));
  const hrefs = await page.$$eval('[data-sources] a', (as) => as.map((a) => a.href));
  for (const s of catalog.sources.filter((s) => s.url)) assert.ok(hrefs.includes(s.url), s.url);
  for (const p of catalog.providers) assert.ok(hrefs.includes(p.source), p.source);

  // An embedding model has no output price: the field says so, never $0.
  await page.fill('#model', 'text-embedding-3-small');
  assert.match(await page.textContent('.field[data-field="output"] .error'), /does not offer output tokens/);
  await page.fill('#output', '0');
  assert.ok(await page.locator('[data-price-results]').isVisible());
  assert.match(await page.textContent('[data-prices]'), /Outputnot offered/);
  // A provider without batch: the switch is off, with a note.
  await page.fill('#model', 'deepseek-chat');
  assert.ok(await page.isDisabled('#batch'));
  assert.match(await page.textContent('[data-batch-note]'), /no batch price/);
  // A batch discount from a secondary source is labelled, with the page to check.
  await page.fill('#model', 'mistral-large-latest');
  assert.match(await page.textContent('[data-batch-note]'), /batch: 50% of the standard price\. Unconfirmed: from a secondary source; check the provider’s batch page\./);
  assert.equal(await page.getAttribute('[data-batch-note] a', 'href'), 'https://docs.mistral.ai/capabilities/batch/');
  await page.fill('#output', '100');
  await page.check('#batch');
  assert.match(await page.textContent('[data-resolved]'), /· batch \(unconfirmed discount\)/);
  assert.match(await page.textContent('[data-prices]'), /50% of these \(unconfirmed\)/);
  await page.close();
});

test('bad input: a clear message at the field, never NaN, Infinity or undefined', async () => {
  const page = await openPage();
  const cases = [
    ['#model', 'gpt-4o-mino', 'model', /Unknown model "gpt-4o-mino"\. Closest ids: gpt-4o-mini/],
    ['#input', '-5', 'input', /cannot be negative/],
    ['#input', '1.5', 'input', /whole number of tokens, not 1\.5/],
    ['#input', 'abc', 'input', /"abc" is not a number/],
    ['#input', '', 'input', /missing|empty/],
    ['#output', '1e400', 'output', /./],
    ['#output', 'NaN', 'output', /not a number/],
    ['#cached', '120', 'cached', /at most 100/],
    ['#cached', '-1', 'cached', /cannot be negative/],
    ['#requests', 'abc', 'requests', /not a number/],
    ['#requests', '-3', 'requests', /cannot be negative/],
  ];
  const good = { '#model': 'gpt-4o-mini', '#input': '3000', '#output': '500', '#cached': '0', '#requests': '1000' };
  for (const [selector, value, field, message] of cases) {
    await page.fill(selector, value);
    const error = page.locator(`.field[data-field="${field}"] .error`);
    assert.match(await error.textContent(), message, `${selector}=${value}`);
    assert.equal(await page.getAttribute(`.field[data-field="${field}"] input:not([type=radio])`, 'aria-invalid'), 'true');
    assert.ok(await page.locator('[data-price-results]').isHidden(), `${selector}=${value}`);
    assert.doesNotMatch(await shownText(page), /NaN|Infinity|undefined|\[object/, `${selector}=${value}`);
    await page.fill(selector, good[selector]);
    assert.ok(await page.locator('[data-price-results]').isVisible(), `recovers after ${selector}=${value}`);
  }
  // The closest ids are one click away.
  await page.fill('#model', 'gpt-4o-mino');
  await page.screenshot({ path: `${SCREENSHOTS}/price-unknown-model.png` });
  await page.click('[data-model-suggestions] button:text-is("gpt-4o-mini")');
  assert.equal(await page.inputValue('#model'), 'gpt-4o-mini');
  assert.ok(await page.locator('[data-price-results]').isVisible());
  assert.ok(await page.locator('[data-model-suggestions]').isHidden());
  // Cached tokens typed as a count can exceed the input.
  await page.click('label[for="cached_unit_tokens"]');
  await page.fill('#cached', '5000');
  assert.match(await page.textContent('.field[data-field="cached"] .error'), /Cached tokens \(5,?000\) cannot exceed the input tokens \(3,?000\)/);
  await tableReady(page);
  assert.doesNotMatch(await shownText(page), /NaN|Infinity|undefined|\[object/);
  await page.screenshot({ path: `${SCREENSHOTS}/price-bad-input.png` });
  await page.close();
});

test('the table: every model, filter by provider and text, sort by clicking headings, cost column', async () => {
  const page = await openPage();
  await tableReady(page);
  const rows = page.locator('[data-model-rows] tr:not([hidden])');
  assert.equal(await rows.count(), catalog.models.length);
  // The cost column is the core's price of the current tokens.
  const mini = page.locator('[data-model-rows] tr[data-key="openai:gpt-4o-mini"] td.cost');
  assert.equal(await mini.textContent(), llm.format.usd(llm.price({ model: 'openai:gpt-4o-mini', input: 3000, output: 500 }).cost_usd));

  await page.selectOption('[data-filter-provider]', 'anthropic');
  const providers = await rows.evaluateAll((trs) => [...new Set(trs.map((tr) => tr.children[1].textContent))]);
  assert.deepEqual(providers, ['Anthropic']);
  const anthropic = catalog.models.filter((m) => m.provider === 'anthropic').length;
  assert.equal(await rows.count(), anthropic);
  assert.match(await page.textContent('[data-models-count]'), new RegExp(`^${anthropic} of `));
  await page.fill('[data-filter-text]', 'haiku');
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.key));
  const haiku = catalog.models
    .filter((m) => m.provider === 'anthropic' && [m.id, m.name, ...m.aliases].some((s) => /haiku/i.test(s)))
    .map((m) => `anthropic:${m.id}`);
  assert.ok(haiku.length > 0);
  assert.deepEqual(ids, haiku);
  await page.selectOption('[data-filter-provider]', '');
  await page.fill('[data-filter-text]', 'gpt-4o-mini');
  assert.ok((await rows.count()) >= 1);
  await page.fill('[data-filter-text]', '');

  const costs = async () =>
    rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td.cost').textContent));
  const asNumber = (t) => (t.startsWith('$') ? Number(t.replace(/[$,*\s]/g, '')) : null);
  await page.click('th[data-sort="cost"] button');
  assert.equal(await page.getAttribute('th[data-sort="cost"]', 'aria-sort'), 'ascending');
  let values = (await costs()).map(asNumber);
  const priced = values.filter((v) => v !== null);
  assert.deepEqual(priced, [...priced].sort((a, b) => a - b));
  assert.ok(values.indexOf(null) === -1 || values.slice(values.indexOf(null)).every((v) => v === null), 'missing costs last');
  await page.click('th[data-sort="cost"] button');
  assert.equal(await page.getAttribute('th[data-sort="cost"]', 'aria-sort'), 'descending');
  values = (await costs()).map(asNumber).filter((v) => v !== null);
  assert.deepEqual(values, [...values].sort((a, b) => b - a));
  await page.click('th[data-sort="model"] button');
  assert.equal(await page.getAttribute('th[data-sort="cost"]', 'aria-sort'), 'none');
  const names = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('.model-id').textContent.toLowerCase()));
  assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

  // Typing new tokens re-prices the column.
  await page.fill('#input', '100,000');
  await tableReady(page);
  assert.equal(await mini.textContent(), llm.format.usd(llm.price({ model: 'openai:gpt-4o-mini', input: 100000, output: 500 }).cost_usd));
  // Batch prices every row as batch; a provider without batch says "not offered", never a price.
  await page.check('#batch');
  await tableReady(page);
  assert.equal(await mini.textContent(), llm.format.usd(llm.price({ model: 'openai:gpt-4o-mini', input: 100000, output: 500, batch: true }).cost_usd));
  assert.equal(await page.textContent('tr[data-key="deepseek:deepseek-chat"] td.cost'), 'not offered');
  await page.close();
});

test('comparison: picked models get a bar chart and a table; the URL keeps inputs and picks', async () => {
  const page = await openPage();
  await tableReady(page);
  assert.ok(await page.locator('[data-compare]').isHidden());
  const picks = ['openai:gpt-4o-mini', 'openai:gpt-4o', 'anthropic:claude-haiku-4-5', 'google:gemini-2.0-flash'].filter((k) =>
    catalog.models.some((m) => `${m.provider}:${m.id}` === k),
  );
  assert.ok(picks.length >= 3, 'known models to compare');
  for (const key of picks) await page.check(`tr[data-key="${key}"] input[type=checkbox]`);
  assert.ok(await page.locator('[data-compare]').isVisible());
  assert.equal(await page.locator('[data-compare-chart] rect.bar').count(), picks.length);
  assert.equal(await page.locator('[data-compare-rows] tr').count(), picks.length);
  const f = llm.format;
  const monthly = f.usd(llm.price({ model: 'openai:gpt-4o-mini', input: 3000, output: 500 }).cost_usd * 1000 * MONTH_DAYS);
  assert.match(await page.textContent('[data-compare-chart]'), new RegExp(`${monthly.replace(/[$.]/g, '\\$&')} / month`));

  await page.fill('#model', 'gpt-4o');
  await page.fill('#input', '4,200');
  await page.fill('#requests', '30000');
  await page.click('label[for="per_month"]');
  assert.match(page.url(), /input=4%2C200/);
  assert.match(page.url(), /compare=/);
  await page.screenshot({ path: `${SCREENSHOTS}/price-desktop.png`, fullPage: true });

  await page.reload();
  await page.waitForSelector('[data-price-results]:not([hidden])');
  assert.equal(await page.inputValue('#model'), 'gpt-4o');
  assert.equal(await page.inputValue('#input'), '4,200');
  assert.equal(await page.inputValue('#requests'), '30000');
  assert.ok(await page.isChecked('#per_month'));
  assert.equal(await page.locator('[data-compare-chart] rect.bar').count(), picks.length);
  for (const key of picks) assert.ok(await page.isChecked(`tr[data-key="${key}"] input[type=checkbox]`));
  const r = llm.price({ model: 'gpt-4o', input: 4200, output: 500 });
  assert.equal(await page.textContent('[data-out="per_month"]'), f.usd(r.cost_usd * 30000));

  // At most 6; removing one from the comparison unticks it in the table.
  await page.click(`[data-compare-rows] button[data-remove="${picks[0]}"]`);
  assert.equal(await page.locator('[data-compare-rows] tr').count(), picks.length - 1);
  assert.ok(!(await page.isChecked(`tr[data-key="${picks[0]}"] input[type=checkbox]`)));
  await page.click('[data-compare-clear]');
  assert.ok(await page.locator('[data-compare]').isHidden());
  assert.doesNotMatch(page.url(), /compare=/);

  await page.click('[data-copy-link]');
  await page.waitForFunction(() => document.querySelector('[data-copy-status]').textContent !== '');
  assert.match(await page.textContent('[data-copy-status]'), /Link copied|address bar/);
  await page.close();
});

test('count a prompt with the model\'s own tokenizer (when the package has one)', async (t) => {
  if (typeof llm.loadEncoding !== 'function') {
    t.skip('llm.loadEncoding is not in this build');
    return;
  }
  const page = await openPage();
  assert.ok(await page.locator('[data-prompt-count]').isVisible());
  await page.click('[data-prompt-count] summary');
  const text = 'Summarize the following support ticket in two sentences, then list the next steps. 日本語も少し。';
  await page.fill('#prompt-text', text);
  const enc = await llm.loadEncoding('o200k_base');
  const n = enc.count(text, { disallowedSpecial: [] });
  await page.waitForFunction((want) => document.querySelector('#input').value === want, llm.format.count(n));
  assert.match(await page.textContent('[data-prompt-status]'), new RegExp(`${n} tokens with o200k_base`));
  assert.equal(
    await page.textContent('[data-out="per_request"]'),
    llm.format.usd(llm.price({ model: 'gpt-4o-mini', input: n, output: 500 }).cost_usd),
  );
  // A model whose tokenizer is not in the page says so.
  const other = catalog.models.find((m) => m.tokenizer && !llm.encodings.some((e) => e.name === m.tokenizer));
  if (other) {
    await page.fill('#model', `${other.provider}:${other.id}`);
    assert.match(await page.textContent('[data-prompt-status]'), /No tokenizer for .* is available in this page/);
  }
  await page.close();
});

test('exports: the filtered table as CSV and JSON with raw numbers, the comparison chart as PNG and SVG', async () => {
  const page = await openPage();
  await tableReady(page);
  await page.fill('[data-filter-text]', 'gpt-4o-mini');
  const save = async (kind) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    return Buffer.concat(chunks);
  };
  const csv = (await save('csv')).toString().trim().split('\r\n');
  assert.equal(csv[0], 'provider,model,name,context_window,input_per_1m,cached_input_per_1m,output_per_1m,cost_per_request,as_of,source');
  const shownRows = await page.locator('[data-model-rows] tr:not([hidden])').count();
  assert.equal(csv.length - 1, shownRows);
  const json = JSON.parse(await save('json'));
  const mini = json.models.find((m) => m.provider === 'openai' && m.model === 'gpt-4o-mini');
  assert.equal(mini.input_per_1m, catalog.models.find((m) => m.provider === 'openai' && m.id === 'gpt-4o-mini').prices.input);
  assert.equal(json.as_of, catalog.asOf);
  await page.check('tr[data-key="openai:gpt-4o-mini"] input[type=checkbox]');
  const png = await save('png');
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.match((await save('svg')).toString(), /^<svg[^>]*xmlns=/);
  await page.close();
});

test('phone width: a single column, the table scrolls inside its own box', async () => {
  const page = await openPage(PHONE);
  await tableReady(page);
  await page.check('tr[data-key="openai:gpt-4o-mini"] input[type=checkbox]');
  await page.check('tr[data-key="openai:gpt-4o"] input[type=checkbox]');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `no horizontal page scroll (scrollWidth ${width})`);
  const tableScrolls = await page.evaluate(() => {
    const box = document.querySelector('.table-scroll--tall');
    return box.scrollWidth > box.clientWidth;
  });
  assert.ok(tableScrolls, 'the model table scrolls horizontally in its container');
  await page.screenshot({ path: `${SCREENSHOTS}/price-phone.png`, fullPage: true });
  await page.close();
});

test('dark theme screenshot', async () => {
  const page = await openPage(DESKTOP, '?compare=openai%3Agpt-4o-mini%2Copenai%3Agpt-4o');
  await page.click('[data-theme-toggle]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await tableReady(page);
  await page.screenshot({ path: `${SCREENSHOTS}/price-dark.png`, fullPage: true });
  await page.close();
});

test('nothing was requested from another origin and no script errors', () => {
  assert.deepEqual(site.foreignRequests, []);
  assert.deepEqual(site.pageErrors, []);
});
