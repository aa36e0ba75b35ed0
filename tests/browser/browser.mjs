// Shared set-up for the browser tests: serve web/dist on 127.0.0.1, launch
// Debian's Chromium through playwright-core, and record every request so a
// test can assert that nothing left the page's origin.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serve } from '../../tools/serve.mjs';

export const SCREENSHOTS = 'test-results/screenshots';
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 780 };

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server and browser; call `close()` at the end. */
export async function startSite({ root = process.env.LLMCALC_SITE_DIR ?? 'web/dist', base = process.env.LLMCALC_SITE_BASE ?? '/' } = {}) {
  const { server, url } = await serve(root, { base });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const origin = new URL(url).origin;
  const foreignRequests = [];
  const pageErrors = [];

  async function newPage(viewport = DESKTOP, options = {}) {
    const context = await browser.newContext({ viewport, ...options });
    const page = await context.newPage();
    page.on('request', (req) => {
      const u = req.url();
      if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    return page;
  }

  return {
    url,
    origin,
    browser,
    newPage,
    foreignRequests,
    pageErrors,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Sets an input's value as a user typing would (fires input events). */
export async function typeInto(page, selector, text) {
  await page.fill(selector, text);
}

/** The page's text without error messages (they quote what was typed). */
export async function shownText(page) {
  return page.evaluate(() => {
    const copy = document.querySelector('main').cloneNode(true);
    copy.querySelectorAll('.error, [data-form-error], textarea').forEach((e) => e.remove());
    return copy.textContent;
  });
}

/**
 * Opens a tool page (`path` like 'budget/', with an optional query) in a
 * new context and waits until `ready` (its results) shows.
 */
export async function openTool(site, path, ready, viewport = DESKTOP, query = '', options = {}) {
  const page = await site.newPage(viewport, options);
  await page.goto(`${site.url}${path}${query}`);
  await page.waitForSelector(`${ready}:not([hidden])`);
  return page;
}

/**
 * For each [selector, bad value, field]: types the value, expects the
 * field's error message and aria-invalid and the results hidden, then
 * types the old value back and waits for the results again.
 */
export async function checkFieldErrors(page, cases, results) {
  for (const [selector, bad, field] of cases) {
    const before = await page.inputValue(selector);
    await page.fill(selector, bad);
    await page.waitForFunction((f) => document.querySelector(`[data-field="${f}"] .error`).textContent !== '', field);
    if ((await page.getAttribute(selector, 'aria-invalid')) !== 'true') throw new Error(`${field}: ${bad} is not marked invalid`);
    if (await page.isVisible(results)) throw new Error(`${field}: results still shown for ${bad}`);
    await page.fill(selector, before);
    await page.waitForSelector(`${results}:not([hidden])`);
  }
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2 A/AA violations on the page as it is now, one line each.
 * The page's context must bypass the CSP (newPage(vp, { bypassCSP: true })),
 * which forbids the injected script; nothing else changes.
 */
export async function axeViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}
