// Shared set-up for the browser tests: serve web/dist on 127.0.0.1, launch
// Debian's Chromium through playwright-core, and record every request so a
// test can assert that nothing left the page's origin.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
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
