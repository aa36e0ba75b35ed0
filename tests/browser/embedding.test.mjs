// The embedding cost page in Chromium: typed numbers give the core's results
// (run here in Node, the same wasm), bad input shows at its field, the URL
// restores the inputs, pasted text and files are counted as tiktoken counts
// them (labelled an estimate for models llmcalc has no tokenizer for), the
// exports carry the numbers, and screenshots at desktop and phone widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { get_encoding } from 'tiktoken';
import { loadLlmcalc } from 'llmcalc';
import { startSite, shownText, SCREENSHOTS, DESKTOP, PHONE } from './browser.mjs';

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

const SAMPLE = 'Embeddings map text to vectors. Ceci est un test. Привет мир. 你好，世界。 🎉\n\tdef f(x): return x**2';
const READY = '[data-embedding-results]:not([hidden]):not([data-pending])';

function reference(encoding, text) {
  const enc = get_encoding(encoding);
  try {
    return enc.encode(text, [], []).length;
  } finally {
    enc.free();
  }
}

async function openPage(viewport = DESKTOP, query = '', options = {}) {
  const page = await site.newPage(viewport, options);
  await page.goto(`${site.url}embedding/${query}`);
  await page.waitForSelector(READY);
  return page;
}

async function fillNumbers(page) {
  await page.selectOption('#model', 'openai:text-embedding-3-large');
  await page.fill('#documents', '25,000');
  await page.fill('#average_tokens', '812');
  await page.fill('#vectors', '60,000');
  await page.selectOption('#reembed', 'monthly');
  await page.fill('#queries_per_month', '2,500,000');
  await page.fill('#query_tokens', '18');
  await page.fill('#dimensions', '1024');
  await page.selectOption('#precision', 'int8');
  await page.waitForSelector(READY);
}

const INPUT = {
  model: 'openai:text-embedding-3-large', documents: 25000, average_tokens: 812, vectors: 60000, reembeds_per_month: 1,
  queries_per_month: 2500000, query_tokens: 18, dimensions: 1024, precision: 'int8',
};

test('typed numbers give the core\'s costs and storage, with the price\'s source and date', async () => {
  const page = await openPage();
  // The default model is listed with its price and dimensions; only embedding models are offered.
  const options = await page.$$eval('#model option', (os) => os.map((o) => o.value));
  const catalog = await llm.loadCatalog();
  assert.deepEqual(options.sort(), catalog.models.filter((m) => m.kind === 'embedding').map((m) => `${m.provider}:${m.id}`).sort());
  assert.match(await page.textContent('#model option:checked'), /^text-embedding-3-small · \$0\.02 · 1,536 dims$/);
  assert.match(await page.textContent('[data-model-hint]'), /OpenAI · \$0\.02 per 1M tokens · 1,536 dimensions · inputs up to 8,192 tokens · price from openai\.com, as of \d{4}-\d{2}-\d{2}/);

  await fillNumbers(page);
  const r = llm.embeddingCost(INPUT);
  const f = llm.format;
  assert.equal(await page.textContent('[data-out="one_time"]'), f.usd(r.one_time_cost));
  assert.equal(await page.textContent('[data-out="monthly"]'), f.usd(r.monthly_cost));
  assert.equal(await page.textContent('[data-out="first_year"]'), f.usd(r.first_year_cost));
  assert.equal(await page.textContent('[data-out="storage"]'), f.bytes(r.storage_bytes));
  assert.equal(await page.textContent('[data-out="storage"]'), '61.4 MB'); // 60,000 × 1,024 bytes
  assert.equal(await page.textContent('[data-out="one_time_sub"]'), '20,300,000 tokens');
  const rows = await page.$$eval('[data-breakdown] tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows, [
    ['Embed the corpus once', f.count(r.corpus_tokens), f.usd(r.price_per_million), f.usd(r.one_time_cost)],
    ['Re-embed it, 1 × a month', f.count(r.monthly_reembed_tokens), f.usd(r.price_per_million), f.usd(r.monthly_reembed_cost)],
    ['2,500,000 queries of 18 tokens a month', f.count(r.monthly_query_tokens), f.usd(r.query_price_per_million), f.usd(r.monthly_query_cost)],
  ]);
  assert.equal(await page.textContent('[data-out="first_year_total"]'), f.usd(r.first_year_cost));
  assert.equal(await page.getAttribute('[data-source] a', 'href'), r.source);
  assert.match(await page.textContent('[data-source]'), new RegExp(`as of ${r.as_of}`));
  const notes = await page.$$eval('[data-notes] li', (lis) => lis.map((li) => li.textContent));
  assert.deepEqual(notes, r.notes);
  assert.ok(notes.some((n) => /differ from the model's native 3,072/.test(n)));

  // Batch halves the corpus, not the queries; a provider without batch disables the box.
  await page.check('#batch');
  const rb = llm.embeddingCost({ ...INPUT, batch: true });
  assert.equal(await page.textContent('[data-out="one_time"]'), f.usd(rb.one_time_cost));
  assert.equal(await page.textContent('[data-out="first_year"]'), f.usd(rb.first_year_cost));
  await page.selectOption('#model', 'cohere:embed-v4.0');
  assert.equal(await page.isDisabled('#batch'), true);
  assert.match(await page.textContent('[data-batch-note]'), /no batch price/);
  await page.screenshot({ path: `${SCREENSHOTS}/embedding-desktop.png`, fullPage: true });
  await page.close();
});

test('bad input: a clear message at the field at fault, never NaN, Infinity or undefined', async () => {
  const page = await openPage();
  for (const [selector, value, field, message] of [
    ['#documents', '-5', 'documents', /cannot be negative/],
    ['#documents', 'lots', 'documents', /"lots" is not a number/],
    ['#average_tokens', '1e308', 'average_tokens', /out of range/],
    ['#average_tokens', 'NaN', 'average_tokens', /not a number/],
    ['#vectors', '2.5', 'vectors', /whole number/],
    ['#queries_per_month', 'Infinity', 'queries_per_month', /not a number/],
    ['#query_tokens', '', 'query_tokens', /missing/],
    ['#dimensions', '0', 'dimensions', /at least 1/],
    ['#dimensions', '70000', 'dimensions', /at most 65,536/],
  ]) {
    await page.fill(selector, value);
    const error = page.locator(`.field[data-field="${field}"] .error`);
    assert.match(await error.textContent(), message, `${selector} = ${value}`);
    assert.equal(await page.getAttribute(selector, 'aria-invalid'), 'true');
    assert.equal(await page.isHidden('[data-embedding-results]'), true);
    assert.doesNotMatch(await shownText(page), /NaN|Infinity|undefined/);
    await page.screenshot({ path: `${SCREENSHOTS}/embedding-bad-input.png` });
    await page.goto(`${site.url}embedding/`);
    await page.waitForSelector(READY);
  }
  // A model without a default dimension count asks for one at the field.
  await page.selectOption('#model', 'google:gemini-embedding-2');
  assert.match(await page.textContent('.field[data-field="dimensions"] .error'), /enter the dimensions/);
  assert.match(await page.textContent('[data-dimensions-hint]'), /no default/);
  await page.fill('#dimensions', '768');
  await page.waitForSelector(READY);
  await page.close();
});

test('the URL keeps the inputs: a reload or a shared link restores them', async () => {
  const page = await openPage();
  await fillNumbers(page);
  const url = page.url();
  assert.match(url, /model=openai%3Atext-embedding-3-large/);
  assert.match(url, /reembed=monthly/);
  const copy = await openPage(DESKTOP, new URL(url).search);
  assert.equal(await copy.inputValue('#model'), 'openai:text-embedding-3-large');
  assert.equal(await copy.inputValue('#documents'), '25,000');
  assert.equal(await copy.inputValue('#precision'), 'int8');
  assert.equal(await copy.textContent('[data-out="first_year"]'), llm.format.usd(llm.embeddingCost(INPUT).first_year_cost));
  await copy.close();
  await page.close();
});

test('pasted text and files are counted exactly with the model\'s tokenizer, others as an estimate', async () => {
  const page = await openPage();
  await page.click('label[for="corpus_text"]');
  assert.equal(await page.isVisible('[data-link-note]'), true);
  await page.fill('#corpus-text', SAMPLE);
  const exact = reference('cl100k_base', SAMPLE);
  await page.waitForFunction((n) => document.querySelector('[data-count-status]').textContent.startsWith(`${n} tokens in 1 document`), exact.toLocaleString('en-US'));
  await page.waitForSelector(READY);
  assert.match(await page.textContent('[data-count-status]'), /counted exactly with cl100k_base\.$/);
  const r = llm.embeddingCost({ model: 'text-embedding-3-small', corpus_tokens: exact, documents: 1, counted_with: 'cl100k_base', queries_per_month: 100000, query_tokens: 20 });
  assert.equal(await page.textContent('[data-out="one_time"]'), llm.format.usd(r.one_time_cost));
  assert.equal(await page.textContent('[data-out="one_time_sub"]'), `${exact.toLocaleString('en-US')} tokens`);

  // Two files: one document each, beside the pasted text; a Latin-1 file is refused by name.
  await page.setInputFiles('#corpus-files', [
    { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('First file. <|endoftext|> is text here.') },
    { name: 'b.md', mimeType: 'text/markdown', buffer: Buffer.from('# Second\n\nWith a heading.') },
    { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9]) },
  ]);
  const total = exact + reference('cl100k_base', 'First file. <|endoftext|> is text here.') + reference('cl100k_base', '# Second\n\nWith a heading.');
  await page.waitForFunction((n) => document.querySelector('[data-count-status]').textContent.startsWith(`${n} tokens in 3 documents`), total.toLocaleString('en-US'));
  assert.match(await page.textContent('.field[data-field="corpus_tokens"] .error'), /latin1\.txt is not UTF-8 text/);
  assert.equal(await page.locator('[data-file-list] li').count(), 2);
  assert.match(await page.textContent('[data-out="storage_sub"]'), /^3 vectors × /);
  await page.screenshot({ path: `${SCREENSHOTS}/embedding-text.png`, fullPage: true });

  // A model whose tokenizer cannot run here: o200k_base, labelled an estimate.
  await page.selectOption('#model', 'google:gemini-embedding-001');
  const o200k = reference('o200k_base', SAMPLE) + reference('o200k_base', 'First file. <|endoftext|> is text here.') + reference('o200k_base', '# Second\n\nWith a heading.');
  await page.waitForFunction((n) => document.querySelector('[data-count-status]').textContent.startsWith(`${n} tokens in 3 documents: an estimate`), o200k.toLocaleString('en-US'));
  await page.waitForSelector(READY);
  assert.match(await page.textContent('[data-count-status]'), /counted with o200k_base — a tokenizer for gemini-embedding-001 cannot run here/);
  assert.match(await page.textContent('[data-out="one_time_sub"]'), /\(estimate\)$/);
  const notes = await page.$$eval('[data-notes] li', (lis) => lis.map((li) => li.textContent));
  assert.ok(notes.some((n) => /^The token count is an estimate/.test(n)));

  // Removing the files leaves the pasted text.
  await page.click('[data-clear-files]');
  await page.waitForFunction(() => / in 1 document:/.test(document.querySelector('[data-count-status]').textContent));
  await page.close();
});

test('exports: CSV of quantities and JSON of the inputs and the core\'s result', async () => {
  const page = await openPage();
  await fillNumbers(page);
  const save = async (kind) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    return Buffer.concat(chunks).toString();
  };
  const r = llm.embeddingCost(INPUT);
  const csv = (await save('csv')).trim().split('\r\n');
  assert.equal(csv[0], 'quantity,value,unit');
  const value = (name) => csv.find((line) => line.startsWith(`${name},`)).split(',')[1];
  assert.equal(Number(value('first_year_cost')), r.first_year_cost);
  assert.equal(Number(value('storage_bytes')), r.storage_bytes);
  const json = JSON.parse(await save('json'));
  assert.equal(json.result.one_time_cost, r.one_time_cost);
  assert.equal(json.input.documents, '25,000');
  await page.close();
});

test('phone width and dark theme: one column, no horizontal scroll', async () => {
  const page = await openPage(PHONE);
  await fillNumbers(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `no horizontal page scroll (scrollWidth ${width})`);
  const tableFits = await page.evaluate(() => {
    const box = document.querySelector('.table-scroll');
    return box.scrollWidth <= box.clientWidth;
  });
  assert.ok(tableFits, 'the breakdown fits without scrolling sideways');
  await page.screenshot({ path: `${SCREENSHOTS}/embedding-phone.png`, fullPage: true });
  await page.click('[data-theme-toggle]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await page.screenshot({ path: `${SCREENSHOTS}/embedding-phone-dark.png`, fullPage: true });
  await page.close();
  const desktop = await openPage(DESKTOP);
  await desktop.click('[data-theme-toggle]');
  await desktop.screenshot({ path: `${SCREENSHOTS}/embedding-dark.png`, fullPage: true });
  await desktop.close();
});

test('nothing was requested from another origin and no script errors', () => {
  assert.deepEqual(site.foreignRequests, []);
  assert.deepEqual(site.pageErrors, []);
});
