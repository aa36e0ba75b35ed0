// Issue #10's bad-input matrix on the pages (docs/bad-input.md): every
// visible number field of every calculator page gets the same bad values;
// text boxes get lone surrogates; a huge file and a huge paste leave the
// page responsive and the typed text intact; an allocation failure is a
// message, after which the page still works. One browser for all of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadLlmcalc } from 'llmcalc';
import { startSite, shownText } from './browser.mjs';
import { tools } from '../../web/src/shell/tools.js';

let site;
let llm;
before(async () => {
  site = await startSite();
  llm = await loadLlmcalc();
});
after(() => site?.close());

const resultsOf = (path) => tools.find((t) => t.path === path)?.readySelector?.replace(':not([hidden])', '') ?? '[data-results]';

async function open(path) {
  const page = await site.newPage();
  await page.goto(`${site.url}${path}`);
  await page.waitForSelector(`${resultsOf(path)}:not([hidden])`);
  return page;
}

// Always errors at the field. The lone surrogate is written as an escape in
// the page (page.fill would send it through CDP's JSON, which replaces it).
const BAD = ['-5', 'NaN', 'Infinity', '1e308', 'abc', '1\uD800'];
// A result or a message at the field, per field; never NaN on the page.
const MAYBE = ['', '   ', '0'];

const PAGES = ['decide/', 'price/', 'break-even/', 'fine-tuning/', 'budget/', 'context-window/', 'embedding/', 'chunking/'];

// The page's visible number fields: inputs whose [data-field] has an error slot.
const numberFields = (page) => page.$$eval('main form input:not([type=radio]):not([type=checkbox]):not([type=file])', (inputs) =>
  // #own-window is an entry box for its "Add window" button: checked on the click (below).
  inputs.filter((i) => i.offsetParent && i.closest('[data-field]')?.querySelector('.error') && i.type !== 'search' && i.id !== 'own-window')
    .map((i) => ({ id: i.id, field: i.closest('[data-field]').dataset.field })));

const setValue = (page, id, value) => page.evaluate(([id, value]) => {
  const input = document.getElementById(id);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}, [id, value]);

const errorText = (page, field) => page.$eval(`[data-field="${field}"] .error`, (e) => e.textContent);

test('every number field of every calculator page: a message at the field, the results hidden, then restored', async () => {
  let cases = 0;
  for (const path of PAGES) {
    const page = await open(path);
    const results = resultsOf(path);
    const fields = await numberFields(page);
    assert.ok(fields.length >= 3, `${path}: ${fields.length} fields`);
    // Every field of every page, two bad values and one empty/zero each, in
    // turn, so each page sees every value; the full cross product runs in
    // the API and CLI tests (the pages send the typed text to the same core).
    for (const [k, { id, field }] of fields.entries()) {
      const before = await page.inputValue(`#${id}`);
      for (const value of [BAD[k % BAD.length], BAD[(k + 3) % BAD.length]]) {
        const what = `${path} #${id}=${JSON.stringify(value)}`;
        await setValue(page, id, value);
        await page.waitForFunction((f) => document.querySelector(`[data-field="${f}"] .error`).textContent !== '', field, { timeout: 5000 })
          .catch(() => assert.fail(`${what}: no message`));
        assert.match(await errorText(page, field), /^[A-Z].*\.$/, what);
        assert.doesNotMatch(await errorText(page, field), /not valid JSON|undefined|NaN is/, what);
        assert.equal(await page.getAttribute(`#${id}`, 'aria-invalid'), 'true', what);
        assert.equal(await page.isVisible(results), false, `${what}: results still shown`);
        // What was typed stays for the reader to fix.
        assert.equal(await page.evaluate((id) => document.getElementById(id).value, id), value, what);
        await setValue(page, id, before);
        await page.waitForSelector(`${results}:not([hidden])`);
        cases++;
      }
      for (const value of [MAYBE[k % MAYBE.length]]) {
        await setValue(page, id, value);
        await page.waitForFunction(([f, r]) => document.querySelector(`[data-field="${f}"] .error`).textContent !== '' ||
          !document.querySelector(r).hidden, [field, results]);
        assert.doesNotMatch(await shownText(page), /NaN|Infinity|undefined|\[object/, `${path} #${id}=${JSON.stringify(value)}`);
        await setValue(page, id, before);
        await page.waitForSelector(`${results}:not([hidden])`);
        cases++;
      }
    }
    if (await page.isVisible('#own-window')) {
      for (const value of [...BAD, ...MAYBE]) {
        await setValue(page, 'own-window', value);
        await page.click('text=Add window');
        assert.match(await page.textContent('#own-window-error'), /^A window is a whole number of tokens, 1 or more/, `${path} own window ${value}`);
        assert.equal(await page.getAttribute('#own-window', 'aria-invalid'), 'true');
        assert.equal(await page.evaluate(() => document.getElementById('own-window').value), value);
        cases++;
      }
    }
    await page.context().close();
  }
  assert.ok(cases > 150, `${cases} cases`);
  assert.deepEqual(site.pageErrors, []);
});

const typeText = (page, selector, text) => page.evaluate(([selector, text]) => {
  const area = document.querySelector(selector);
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
}, [selector, text]);

test('lone surrogates in text boxes count as U+FFFD, as the API counts them', async () => {
  const enc = await llm.loadEncoding('o200k_base');
  const lone = 'say \uD83D hi \uDC4B there';
  const expected = enc.count(lone.toWellFormed());
  assert.notEqual(expected, 0);

  const counter = await open('token-counter/');
  await typeText(counter, '#text', lone);
  await counter.waitForFunction((n) => document.querySelector('[data-out="tokens"]').textContent === n, String(expected));
  await counter.context().close();

  const json = await open('json/');
  await typeText(json, '#input', `["${lone}"]`);
  await json.waitForFunction((s) => document.querySelector('#output').value === s, `[\n  "${lone.toWellFormed()}"\n]`);
  await json.context().close();

  const budget = await open('budget/');
  await budget.click('label[for="user_mode_text"]');
  await typeText(budget, '#user_text', lone);
  await budget.waitForFunction((n) => new RegExp(`^${n} tokens`).test(document.querySelector('[data-count="user"]').textContent), String(expected));
  await budget.context().close();
  assert.deepEqual(site.pageErrors, []);
});

// 100 MB through a dropped file, and a large paste, on the pages that read
// text in a worker: while the worker runs, typing in another field is handled
// at once and what was typed stays.
const SENTENCE = 'The quick brown fox jumps over the lazy dog. ';
const BIG = 100 << 20;

async function dropFile(page, zone, name, size) {
  await page.evaluate(([zone, name, size, sentence]) => {
    const bytes = new TextEncoder().encode(sentence.repeat(Math.ceil(size / sentence.length)));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, { type: 'text/plain' }));
    document.querySelector(zone).dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, [zone, name, size, SENTENCE]);
}

// How long the main thread takes to run a task and paint a frame: it stays
// short while a worker does the heavy work.
async function responseTime(page) {
  const start = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  return Date.now() - start;
}

test('a 100 MB dropped file and a 1 MB paste: counted in a worker, the page answers meanwhile, nothing typed is lost', async () => {
  const page = await open('token-counter/');
  const tokens = 10 * Math.ceil(BIG / SENTENCE.length) + 1; // and the last space
  await dropFile(page, '[data-drop-zone]', 'big.txt', BIG);
  await page.waitForFunction(() => document.querySelector('[data-results]').hasAttribute('data-pending'));
  // The main thread is free while the worker counts.
  assert.ok(await responseTime(page) < 1000);
  await page.waitForFunction((n) => document.querySelector('[data-out="tokens"]').textContent === n,
    llm.format.count(tokens), { timeout: 120000 });
  assert.match(await page.textContent('[data-text-stats]'), /big\.txt: .* too large to edit here, but counted in full/);

  // The browser lays out a pasted text itself (about a second for 1 MB
  // here); the count runs in the worker.
  const paste = SENTENCE.repeat(Math.ceil((1 << 20) / SENTENCE.length));
  await typeText(page, '#text', paste);
  assert.ok(await responseTime(page) < 2000);
  await page.waitForFunction((n) => document.querySelector('[data-out="tokens"]').textContent === n,
    llm.format.count(10 * (paste.length / SENTENCE.length) + 1), { timeout: 60000 });
  assert.equal((await page.inputValue('#text')).length, paste.length);
  await page.context().close();

  const json = await open('json/');
  await dropFile(json, '[data-drop-zone]', 'big.json', BIG);
  assert.ok(await responseTime(json) < 1000);
  await json.waitForFunction(() => /unexpected word 'The'/.test(document.querySelector('[data-out="verdict-text"]').textContent), null, { timeout: 120000 });
  await json.context().close();
  assert.deepEqual(site.pageErrors, []);
});

test('an allocation failure in the worker is a message, and the page keeps working', async () => {
  const page = await open('json/');
  await page.selectOption('#indent', '8');
  // Tiny input, but every one of its 150,000 values is indented 999 levels
  // deep: over a gigabyte of output, more than wasm's 2 GB can double into.
  await typeText(page, '#input', '['.repeat(999) + '0,'.repeat(150000) + '0' + ']'.repeat(999));
  await page.waitForFunction(() => /Out of memory/.test(document.querySelector('[data-out="verdict-text"]').textContent + document.querySelector('[data-error]').textContent),
    null, { timeout: 120000 });
  await typeText(page, '#input', '{"b": 1, "a": [true]}');
  await page.waitForFunction(() => /"a": \[/.test(document.querySelector('#output').value));
  assert.equal(await page.textContent('[data-out="verdict"]'), 'Valid');
  await page.context().close();
  assert.deepEqual(site.pageErrors, []);
});
