// The Token Counter page in Chromium: counts for every encoding match the
// reference tiktoken (run here in Node), the token view shows ids, chat
// mode counts a request, files can be dropped, and a 1 MB paste keeps the
// page responsive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { get_encoding } from 'tiktoken';
import { loadTokenizer } from 'llmcalc/tokenizer';
import { startSite, axeViolations, SCREENSHOTS, DESKTOP, PHONE } from './browser.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

const SAMPLE = 'Hello, world! Ceci est un test. Привет мир. 你好，世界。 🎉👍🏽\n\tdef f(x): return x**2  # 12345';

function reference(encoding, text) {
  const enc = get_encoding(encoding);
  try {
    return enc.encode(text, 'all').length;
  } finally {
    enc.free();
  }
}

async function openPage(viewport = DESKTOP) {
  const page = await site.newPage(viewport);
  await page.goto(`${site.url}token-counter/`);
  await page.waitForSelector('[data-results]:not([hidden]):not([data-pending])');
  return page;
}

async function countOf(page, encoding) {
  const row = page.locator('[data-encodings-table] tbody tr', { has: page.locator(`th:text-is("${encoding}")`) });
  return Number((await row.locator('td').first().textContent()).replace(/,/g, ''));
}

async function typeAndWait(page, text) {
  await page.fill('#text', text);
  await page.waitForFunction(
    (n) => document.querySelector('[data-text-stats]')?.textContent.includes(`${n.toLocaleString('en-US')} characters`)
      && document.querySelector('[data-status]').hidden
      && !document.querySelector('[data-results]').hasAttribute('data-pending'),
    [...text].length,
  );
}

test('counts for every encoding equal tiktoken’s', async () => {
  const page = await openPage();
  await typeAndWait(page, SAMPLE);
  for (const encoding of ['r50k_base', 'p50k_base', 'cl100k_base', 'o200k_base']) {
    assert.equal(await countOf(page, encoding), reference(encoding, SAMPLE), encoding);
  }
  assert.equal(await page.textContent('[data-out="tokens"]'), String(reference('o200k_base', SAMPLE)));
  assert.match(await page.textContent('[data-out="tokens-sub"]'), /o200k_base · exact/);
  await page.screenshot({ path: `${SCREENSHOTS}/token-counter-desktop.png`, fullPage: true });
  await page.close();
});

test('the tokenizer wasm and o200k_base are downloaded once, for the page and its worker', async () => {
  const page = await site.newPage(DESKTOP);
  const fetched = [];
  page.on('request', (req) => fetched.push(new URL(req.url()).pathname.split('/').pop()));
  await page.goto(`${site.url}token-counter/`);
  await page.waitForSelector('[data-results]:not([hidden]):not([data-pending])');
  const times = (prefix) => fetched.filter((f) => f.startsWith(prefix)).length;
  assert.equal(times('llmcalc_tokenizer-'), 1);
  assert.equal(times('o200k_base-'), 1);
  await page.close();
});

test('when the page cannot hand its worker the wasm or the vocabulary, each thread fetches its own', async () => {
  const page = await site.newPage(DESKTOP);
  const requests = { wasm: 0, vocabulary: 0 };
  const refuseFirst = (kind) => (route) => (requests[kind]++ === 0 ? route.abort() : route.continue());
  await page.route(/llmcalc_tokenizer-[\w-]+\.wasm$/, refuseFirst('wasm'));
  await page.route(/o200k_base-[\w-]+\.bin$/, refuseFirst('vocabulary'));
  await page.goto(`${site.url}token-counter/`);
  await typeAndWait(page, SAMPLE);
  // The page's own wasm fetch failed: the page and the worker each fetch it again.
  assert.deepEqual(requests, { wasm: 3, vocabulary: 2 });
  // The two refused requests, logged as such; no other error.
  const others = site.pageErrors.splice(0).filter((e) => e !== 'Failed to load resource: net::ERR_FAILED');
  assert.deepEqual(others, []);
  assert.equal(await countOf(page, 'o200k_base'), reference('o200k_base', SAMPLE));
  await page.close();
});

test('choosing a model switches the encoding; the token view shows ids', async () => {
  const page = await openPage();
  await typeAndWait(page, 'Tokens, tokens everywhere.');
  await page.selectOption('#model', 'gpt-4');
  await page.waitForFunction(() => document.querySelector('[data-out="tokens-sub"]').textContent.startsWith('cl100k_base'));
  const tokens = page.locator('[data-tokens] .tok');
  assert.equal(await tokens.count(), reference('cl100k_base', 'Tokens, tokens everywhere.'));
  assert.match(await tokens.first().getAttribute('title'), /^token 1 · id \d+$/);
  assert.equal(await page.textContent('[data-view-encoding]'), '(cl100k_base)');
  // The cost of those tokens for gpt-4 comes from the catalog with its date.
  assert.match(await page.textContent('[data-out="cost-sub"]'), /gpt-4 at \$[\d.]+ \/ 1M input · prices as of \d{4}-\d{2}-\d{2}/);
  await page.close();
});

test('special-token text counts as text unless asked', async () => {
  const page = await openPage();
  await typeAndWait(page, 'a<|endoftext|>b');
  const asText = await countOf(page, 'cl100k_base');
  await page.check('#special');
  await page.waitForFunction((n) => {
    const row = [...document.querySelectorAll('[data-encodings-table] tbody tr')].find((r) => r.querySelector('th').textContent === 'cl100k_base');
    return row && Number(row.querySelector('td').textContent) !== n;
  }, asText);
  assert.equal(await countOf(page, 'cl100k_base'), 3);
  await page.close();
});

test('chat mode counts a request as an estimate', async () => {
  const page = await openPage();
  await page.click('label[for="mode_chat"]');
  await page.waitForFunction(() => document.querySelector('[data-out="main-label"]').textContent === 'Chat request tokens');
  assert.match(await page.textContent('[data-out="tokens-sub"]'), /estimate/);
  const before = Number(await page.textContent('[data-out="tokens"]'));
  assert.ok(before > 10);
  await page.fill('#tools', '[not json');
  assert.match(await page.textContent('#tools-error'), /not valid JSON/);
  await page.fill('#tools', '');
  await page.click('[data-add-message]');
  await page.keyboard.type('One more message.');
  await page.waitForFunction((n) => Number(document.querySelector('[data-out="tokens"]').textContent) > n, before);
  await page.screenshot({ path: `${SCREENSHOTS}/token-counter-chat.png`, fullPage: true });
  await page.close();
});

test('a dropped file is counted; a 1 MB one stays responsive', async () => {
  const page = await openPage();
  const big = 'The quick brown fox jumps over the lazy dog. '.repeat(23302); // ~1 MB
  await page.setInputFiles('#file', { name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from(big) });
  await page.waitForFunction(() => document.querySelector('[data-view-status]').textContent.includes('Showing'), null, { timeout: 30000 });
  assert.equal(await countOf(page, 'o200k_base'), reference('o200k_base', big));
  // The page still answers while the view holds the first page of tokens.
  const t0 = Date.now();
  await page.evaluate(() => 1 + 1);
  assert.ok(Date.now() - t0 < 2000);
  assert.ok((await page.locator('[data-tokens] .tok').count()) <= 3000);
  await page.click('[data-more]');
  assert.ok((await page.locator('[data-tokens] .tok').count()) > 3000);
  await page.close();
});

test('exports the counts as CSV and JSON, and the token ids', async () => {
  const page = await openPage();
  await typeAndWait(page, SAMPLE);
  const save = async (kind) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    return Buffer.concat(chunks).toString();
  };
  const csv = (await save('csv')).trim().split('\r\n');
  assert.equal(csv[0], 'encoding,family,tokens,estimate,characters,chars_per_token,used_by');
  const o200k = csv.find((line) => line.startsWith('o200k_base,'));
  assert.equal(Number(o200k.split(',')[2]), reference('o200k_base', SAMPLE));
  const json = JSON.parse(await save('json'));
  assert.equal(json.counts.find((c) => c.encoding === 'cl100k_base').tokens, reference('cl100k_base', SAMPLE));
  const ids = JSON.parse(await save('ids'));
  const enc = get_encoding('o200k_base');
  assert.deepEqual(ids.ids, [...enc.encode(SAMPLE, 'all')]);
  enc.free();
  await page.close();
});

test('other families: downloaded only when asked, each count exact, Claude 3+ a labelled range', async () => {
  const page = await openPage();
  const vocabularies = [];
  page.on('request', (req) => {
    const m = /\/([a-z0-9_]+)-[\w-]+\.bin$/.exec(new URL(req.url()).pathname);
    if (m) vocabularies.push(m[1]);
  });
  await typeAndWait(page, SAMPLE);
  assert.equal(await page.isHidden('[data-families]'), true);
  const tk = await loadTokenizer();
  const others = tk.otherEncodings;
  assert.deepEqual(others.map((e) => e.vocabulary).sort(), ['claude_legacy', 'deepseek_v3', 'gemma3', 'llama3', 'mistral_nemo', 'qwen2_5', 'qwen3']);
  assert.deepEqual(others.map((e) => e.name).filter((n) => vocabularies.includes(n)), [], 'a family vocabulary was fetched unasked');

  await page.check('#families');
  await page.waitForFunction(() => {
    const body = document.querySelector('[data-families-table] tbody');
    return !document.querySelector('[data-families]').hidden && body.rows.length > 1 && !/…/.test(body.textContent);
  }, null, { timeout: 60000 });
  assert.match(page.url(), /[?&]families=1/);
  const expected = [];
  for (const e of others) {
    const tokens = (await tk.loadEncoding(e.name)).count(SAMPLE, { disallowedSpecial: [] });
    expected.push(tokens);
    const row = page.locator('[data-families-table] tbody tr', { has: page.locator(`td:text-is("${e.name}")`) });
    const cells = await row.locator('td').allTextContents();
    assert.equal(Number(cells[0].replace(/,/g, '')), tokens, e.name);
    assert.equal(cells[2], 'exact', e.name);
    assert.equal(cells[4], e.vocabSize.toLocaleString('en-US'), e.name);
  }
  assert.equal(await page.locator('[data-families-table] tbody tr').count(), others.length + 1);
  const o200k = reference('o200k_base', SAMPLE);
  const claude = await page.locator('[data-families-table] tbody tr', { has: page.locator('th:text-is("Claude 3 and later")') }).locator('td').allTextContents();
  assert.equal(claude[0], `${Math.min(o200k, ...expected)}–${Math.max(o200k, ...expected)}`);
  assert.equal(claude[2], 'estimate');
  assert.match(await page.textContent('[data-claude-note]'), /no count here is exact.*count_tokens/);
  assert.deepEqual(await axeViolations(page), []);

  // The notices the Llama 3 and Gemma terms ask for, beside their counts.
  assert.match((await page.textContent('[data-model-terms]')).replace(/\s+/g, ' '), /Built with Meta Llama 3\. Gemma is provided under and subject to the Gemma Terms of Use/);
  assert.match(await page.textContent('[data-families-table]'), /Gemma 3 \(Gemini 2\.0, 2\.5, 3 preview\)/);

  // A family's tokenizer can be chosen for the token view.
  await page.selectOption('#model', 'encoding:qwen2_5');
  await page.waitForFunction(() => /qwen2_5 · exact/.test(document.querySelector('[data-out="tokens-sub"]').textContent)
    && !document.querySelector('[data-results]').hasAttribute('data-pending'));
  assert.equal(await page.textContent('[data-view-encoding]'), '(qwen2_5)');
  // A Gemini model is counted with Gemma 3, exactly, and priced from the catalog.
  await page.selectOption('#model', 'gemini-2.5-pro');
  await page.waitForFunction(() => /^gemma3 · exact/.test(document.querySelector('[data-out="tokens-sub"]').textContent)
    && !document.querySelector('[data-results]').hasAttribute('data-pending'));
  const gemma = (await tk.loadEncoding('gemma3')).count(SAMPLE, { disallowedSpecial: [] });
  assert.equal(await page.textContent('[data-out="tokens"]'), String(gemma));
  assert.match(await page.textContent('[data-out="cost-sub"]'), /gemini-2\.5-pro at \$[\d.]+ \/ 1M input/);
  assert.ok(vocabularies.includes('gemma3') && vocabularies.includes('llama3'));
  await page.screenshot({ path: `${SCREENSHOTS}/token-counter-families.png`, fullPage: true });
  await page.close();
});

test('phone width: no horizontal scroll', async () => {
  const page = await openPage(PHONE);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `scrollWidth ${width}`);
  await page.screenshot({ path: `${SCREENSHOTS}/token-counter-phone.png`, fullPage: true });
  await page.close();
});

test('nothing was requested from another origin and no script errors', () => {
  assert.deepEqual(site.foreignRequests, []);
  assert.deepEqual(site.pageErrors, []);
});
