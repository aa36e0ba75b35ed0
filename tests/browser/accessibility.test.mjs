// axe-core on every page, in the light and the dark theme, after the page
// has computed its first result: zero violations of WCAG 2 A/AA rules.
// Also checks that every built page carries the Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSite, axeViolations as violations, DESKTOP, PHONE } from './browser.mjs';
import { tools } from '../../web/src/shell/tools.js';

const SITE_DIR = process.env.LLMCALC_SITE_DIR ?? 'web/dist';

const pages = [
  { path: '', ready: '.tool-list' },
  { path: 'about/', ready: '[data-sources] tbody tr' },
  ...tools.map((t) => ({ path: t.path, ready: t.readySelector ?? '[data-results]:not([hidden])' })),
];

let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

for (const { path, ready } of pages) {
  test(`/${path} has no axe violations in light and dark themes`, async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await site.newPage(viewport, { bypassCSP: true, colorScheme: 'light' });
      await page.goto(`${site.url}${path}`);
      await page.waitForSelector(ready);
      assert.deepEqual(await violations(page), [], `light, ${viewport.width}px`);
      await page.click('[data-theme-toggle]');
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
      assert.deepEqual(await violations(page), [], `dark, ${viewport.width}px`);
      await page.close();
    }
  });

  test(`/${path} is built with the Content-Security-Policy and no inline script`, () => {
    const html = readFileSync(`${SITE_DIR}/${path}index.html`, 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'inline <script>');
    assert.doesNotMatch(html, /\sstyle="/, 'inline style attribute');
    assert.doesNotMatch(html, /https?:\/\/(?!127\.0\.0\.1)[^"'\s]+\.(js|css|woff2?)/, 'third-party asset');
  });
}

test('keyboard: the skip link and the tools are reachable with Tab', async () => {
  const page = await site.newPage(DESKTOP);
  await page.goto(site.url);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), '◆ llmcalc');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('nav')?.getAttribute('aria-label')), 'Tools');
  await page.close();
});
