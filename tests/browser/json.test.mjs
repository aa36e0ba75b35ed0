// The JSON formatter page in Chromium: its outputs equal llm.formatJson run
// here in Node, JSONL errors name their lines and jump the caret there, a
// 50 MB file is formatted in the worker while the page keeps answering and
// downloads in full, and bad input (empty, whitespace, invalid UTF-8,
// 1,000,000 levels of nesting) gets the core's message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLlmcalc } from 'llmcalc';
import { startSite, SCREENSHOTS, DESKTOP, PHONE } from './browser.mjs';

let site;
let llm;
before(async () => {
  site = await startSite();
  llm = await loadLlmcalc();
});
after(async () => {
  await site?.close();
});

const SAMPLE = '{"zeta": [1, 2.50, -0, 1e400], "alpha": {"b": "ü\\u00e9 🎉", "a": null}, "mid": true,\r\n "big": 123456789012345678901234567890}';

async function openPage(viewport = DESKTOP, query = '') {
  const page = await site.newPage(viewport);
  await page.goto(`${site.url}json/${query}`);
  await page.waitForSelector('[data-json-results]:not([hidden])');
  return page;
}

// Waits until the result shown is for the newest request, then reads it.
async function settled(page, predicate = () => true, arg = null, timeout = 15000) {
  await page.waitForFunction(predicate, arg, { timeout });
  await page.waitForFunction(() => document.querySelector('[data-busy]').hidden, null, { timeout });
}

async function outputAfter(page, expected) {
  try {
    await page.waitForFunction((e) => document.getElementById('output').value === e, expected, { timeout: 10000 });
  } catch {
    // fall through: the assertion below shows the difference
  }
  return page.inputValue('#output');
}

async function download(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-download]')]);
  const chunks = [];
  for await (const c of await file.createReadStream()) chunks.push(c);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

test('pretty, minified, sorted and tab output equal llm.formatJson in Node', async () => {
  const page = await openPage();
  assert.equal(await page.textContent('[data-out="verdict"]'), 'Valid');
  const example = await page.inputValue('#input');
  assert.equal(await page.inputValue('#output'), llm.formatJson(example, { indent: 2 }).output);

  await page.fill('#input', SAMPLE);
  assert.equal(await outputAfter(page, llm.formatJson(SAMPLE, { indent: 2 }).output), llm.formatJson(SAMPLE, { indent: 2 }).output);

  await page.check('#sort');
  let expected = llm.formatJson(SAMPLE, { indent: 2, sortKeys: true }).output;
  assert.equal(await outputAfter(page, expected), expected);

  await page.selectOption('#indent', 'tab');
  expected = llm.formatJson(SAMPLE, { indent: 'tab', sortKeys: true }).output;
  assert.equal(await outputAfter(page, expected), expected);

  await page.check('#minify');
  expected = llm.formatJson(SAMPLE, { indent: 'tab', minify: true, sortKeys: true }).output;
  assert.equal(await outputAfter(page, expected), expected);
  assert.ok(!expected.includes('\n'));

  // The options are in the link, the text is not; a reload restores them.
  const search = new URL(page.url()).searchParams;
  assert.equal(search.get('sort'), '1');
  assert.equal(search.get('minify'), '1');
  assert.equal(search.get('indent'), 'tab');
  assert.ok(!page.url().includes('zeta'));
  await page.reload();
  await page.waitForSelector('[data-json-results]:not([hidden])');
  assert.equal(await page.isChecked('#sort'), true);
  assert.equal(await page.isChecked('#minify'), true);

  const { name, bytes } = await download(page);
  assert.equal(name, 'formatted.json');
  const example2 = await page.inputValue('#input');
  assert.equal(bytes.toString(), llm.formatJson(example2, { indent: 'tab', minify: true, sortKeys: true }).output);
  await page.close();
});

test('JSONL: each bad line is listed; selecting one puts the caret on it', async () => {
  const page = await openPage();
  const text = '{"a": 1}\n{"b": oops}\n\n[1, 2]\n{"c": 3,}\n"ok"';
  await page.check('#jsonl');
  await page.fill('#input', text);
  await settled(page, () => document.querySelectorAll('[data-errors] button').length === 2);
  const expected = llm.formatJson(text, { jsonl: true });
  assert.ok(await page.isDisabled('#indent'));
  assert.deepEqual(expected.errors.map((e) => e.line), [2, 5]);
  const items = await page.locator('[data-errors] button').allTextContents();
  assert.equal(items.length, 2);
  assert.match(items[0], new RegExp(`^Line 2, column ${expected.errors[0].column}: `));
  assert.match(items[1], new RegExp(`^Line 5, column ${expected.errors[1].column}: `));
  assert.equal(await page.textContent('[data-out="verdict"]'), 'Invalid');
  assert.equal(await page.textContent('[data-out="count"]'), '5');
  assert.match(await page.textContent('[data-out="count-sub"]'), /3 valid · 1 blank line/);
  assert.equal(await page.inputValue('#output'), expected.output);

  await page.locator('[data-errors] button').nth(1).click();
  const caret = await page.evaluate(() => ({
    start: document.getElementById('input').selectionStart,
    end: document.getElementById('input').selectionEnd,
    focused: document.activeElement.id,
  }));
  const lineStart = text.split('\n').slice(0, 4).join('\n').length + 1;
  assert.deepEqual(caret, { start: lineStart + expected.errors[1].column - 1, end: lineStart + expected.errors[1].column - 1, focused: 'input' });
  await page.screenshot({ path: `${SCREENSHOTS}/json-jsonl-errors.png`, fullPage: true });
  await page.close();
});

test('empty, whitespace, invalid UTF-8 and 1,000,000-deep input get clear messages', async () => {
  const page = await openPage();
  const verdict = () => page.textContent('[data-out="verdict-text"]');

  await page.fill('#input', '');
  await settled(page, () => document.querySelector('[data-out="verdict"]').textContent === 'Invalid');
  assert.match(await verdict(), /the input is empty/);

  await page.fill('#input', '  \n\t ');
  await settled(page, () => /whitespace/.test(document.querySelector('[data-out="verdict-text"]').textContent));
  assert.match(await verdict(), /Line 2, column \d+: the input contains only whitespace/);

  await page.setInputFiles('#file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0x22, 0x61, 0xff, 0x22, 0x3a, 0x31, 0x7d]) });
  await settled(page, () => /UTF-8/.test(document.querySelector('[data-out="verdict-text"]').textContent));
  assert.match(await verdict(), /Line 1, column 4: invalid UTF-8 \(byte 0xFF\)/);

  await page.setInputFiles('#file', { name: 'deep.json', mimeType: 'application/json', buffer: Buffer.alloc(1_000_000, '[') });
  await settled(page, () => /nested/.test(document.querySelector('[data-out="verdict-text"]').textContent), null, 30000);
  assert.match(await verdict(), /nested too deeply \(limit 1000\)/);

  await page.setInputFiles('#file', { name: 'bom.json', mimeType: 'application/json', buffer: Buffer.from('\ufeff{"a": [1]}\r\n') });
  await settled(page, () => /BOM/.test(document.querySelector('[data-notes]').textContent));
  assert.match(await page.textContent('[data-notes]'), /CRLF/); // a textarea turns CRLF into LF; a file keeps it
  assert.equal(await page.textContent('[data-out="verdict"]'), 'Valid');
  assert.equal(await page.inputValue('#output'), '{\n  "a": [\n    1\n  ]\n}');
  await page.close();
});

test('a 50 MB file is formatted in the worker, the page keeps answering, the download is complete', async () => {
  const page = await openPage();
  const row = (i) => `{"id": ${i}, "name": "item ${i}", "tags": ["a", "b", "c"], "value": ${i * 1.5}, "nested": {"ok": true, "text": "lorem ipsum dolor sit amet"}}`;
  const rows = [];
  let size = 2;
  for (let i = 0; size < 50_000_000; i++) {
    const r = row(i);
    rows.push(r);
    size += r.length + 2;
  }
  const big = Buffer.from(`[${rows.join(', ')}]`);
  const expected = llm.formatJson(big, { indent: 2 });
  const expectedBytes = Buffer.byteLength(expected.output);
  assert.ok(expected.valid);

  // The page is watched from before the file is given, so a fast machine
  // cannot finish before the test looks: the status it showed, and the
  // gaps between frames while the worker was busy.
  await page.evaluate(() => {
    const status = document.querySelector('[data-status]');
    const busy = document.querySelector('[data-busy]');
    const probe = (window.__probe = { statuses: [], gaps: [] });
    new MutationObserver(() => probe.statuses.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
    let last = null;
    const frame = (t) => {
      if (!busy.hidden && last !== null) probe.gaps.push(t - last);
      last = busy.hidden ? null : t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  // From a file on disk: a 50 MB buffer sent through the protocol is too slow.
  const dir = mkdtempSync(join(tmpdir(), 'llmcalc-json-'));
  writeFileSync(join(dir, 'big.json'), big);
  try {
    await page.setInputFiles('#file', join(dir, 'big.json'), { timeout: 60000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await page.waitForFunction(() => window.__probe.statuses.some((t) => /Formatting 50(\.\d)? MB/.test(t)), null, { timeout: 30000 });
  await settled(page, () => document.querySelector('[data-busy]').hidden, null, 120000);
  // While the worker formats, the main thread keeps drawing frames; the
  // last gap may hold the handling of the 50 MB reply itself.
  const gaps = await page.evaluate(() => window.__probe.gaps);
  assert.ok(gaps.length >= 3, `only ${gaps.length} frames seen while formatting`);
  assert.ok(Math.max(...gaps.slice(0, -1)) < 500, `frame gaps while formatting: ${gaps.map(Math.round).join(', ')} ms`);

  await settled(page, () => !document.querySelector('[data-preview]').hidden, null, 120000);
  assert.equal(await page.textContent('[data-out="verdict"]'), 'Valid');
  assert.equal(await page.inputValue('#input'), '', 'a 50 MB file is not put in the editor');
  assert.match(await page.textContent('[data-input-stats]'), /big\.json: 50(\.\d)? MB/);
  assert.ok(await page.locator('#output').isHidden());
  assert.ok(await page.locator('[data-copy]').isHidden());
  const preview = await page.textContent('[data-preview]');
  assert.ok(preview.length <= 200 * 1024 && preview.length > 100 * 1024, `preview of ${preview.length} chars`);
  assert.ok(expected.output.startsWith(preview));
  assert.match(await page.textContent('[data-preview-note]'), /Showing the first \d+ KB of [\d.]+ MB\. Download the full output\./);
  await page.screenshot({ path: `${SCREENSHOTS}/json-large-file.png` });

  const { name, bytes } = await download(page);
  assert.equal(name, 'big.formatted.json');
  assert.equal(bytes.length, expectedBytes);
  assert.ok(bytes.equals(Buffer.from(expected.output)));
  await page.close();
});

test('desktop and phone screenshots; no horizontal scroll at 360 px', async () => {
  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const page = await openPage(viewport);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport.width, `${label}: scrollWidth ${width}`);
    await page.screenshot({ path: `${SCREENSHOTS}/json-${label}.png`, fullPage: true });
    await page.fill('#input', '{"a": 1,\n "b": [1, 2,,]}');
    await settled(page, () => document.querySelector('[data-out="verdict"]').textContent === 'Invalid');
    await page.click('[data-theme-toggle]');
    await page.screenshot({ path: `${SCREENSHOTS}/json-${label}-invalid-dark.png`, fullPage: true });
    await page.close();
  }
});

test('nothing was requested from another origin and no script errors', () => {
  assert.deepEqual(site.foreignRequests, []);
  assert.deepEqual(site.pageErrors, []);
});
