// Offline after the first visit: load once, let the service worker take
// control, cut the network, and every tool must still load and compute.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './browser.mjs';
import { tools } from '../../web/src/shell/tools.js';

let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

test('every tool works offline after one online visit', async () => {
  const page = await site.newPage();
  await page.goto(site.url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  // Data fetched on first use (vocabularies) is cached then: use it once online.
  for (const tool of tools) {
    await page.goto(`${site.url}${tool.path}`);
    await page.waitForSelector(tool.readySelector ?? '[data-results]:not([hidden])');
  }

  await page.context().setOffline(true);
  await page.reload();
  assert.match(await page.title(), /llmcalc/);
  for (const tool of tools) {
    await page.goto(`${site.url}${tool.path}?from=offline-test`);
    await page.waitForSelector(tool.readySelector ?? '[data-results]:not([hidden])', { timeout: 15000 });
  }
  await page.goto(site.url);
  assert.ok(await page.locator('.tool-list').isVisible());
  await page.close();
});

test('without the service worker the same navigation fails offline (the test can fail)', async () => {
  const page = await site.newPage(undefined, { serviceWorkers: 'block' });
  await page.goto(site.url);
  await page.context().setOffline(true);
  await assert.rejects(page.goto(`${site.url}break-even/`), /ERR_INTERNET_DISCONNECTED/);
  await page.close();
});
