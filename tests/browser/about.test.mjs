// The About page carries what the Llama 3 and Gemma terms ask of a site that
// serves their vocabularies: "Built with Meta Llama 3", the Gemma notice and
// use restrictions, and a copy of each agreement, shown in the page and
// served as text beside NOTICE.txt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSite, SCREENSHOTS, DESKTOP, PHONE } from './browser.mjs';

const LICENSES = {
  llama3: 'licenses/Meta-Llama-3-Community-License.txt',
  gemma: 'licenses/Gemma-Terms-of-Use.md',
};

let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

test('the model terms: notices in the page, each agreement shown whole and served as a file', async () => {
  const page = await site.newPage(DESKTOP);
  await page.goto(`${site.url}about/`);
  const terms = (await page.textContent('#model-terms')).replace(/\s+/g, ' ');
  assert.match(terms, /Built with Meta Llama 3\. Meta Llama 3 is licensed under the Meta Llama 3 Community License, Copyright © Meta Platforms, Inc\. All Rights Reserved\./);
  assert.match(terms, /Gemma is provided under and subject to the Gemma Terms of Use found at ai\.google\.dev\/gemma\/terms/);
  assert.match(terms, /must not use it for the restricted uses set forth in the Gemma Prohibited Use Policy/);
  for (const [name, file] of Object.entries(LICENSES)) {
    const copy = readFileSync(file, 'utf8');
    await page.click(`details:has([data-license="${name}"]) summary`);
    assert.equal(await page.textContent(`[data-license="${name}"]`), copy, name);
    // The same bytes as a file, at the link the page gives.
    const href = await page.getAttribute(`details:has([data-license="${name}"]) a`, 'href');
    const served = await page.evaluate(async (url) => (await fetch(url)).text(), new URL(href, page.url()).href);
    assert.equal(served, copy, href);
  }
  const notice = await page.evaluate(async () => (await fetch('../NOTICE.txt')).text());
  assert.equal(notice, readFileSync('NOTICE', 'utf8'));
  assert.match(notice, /Gemma is provided under and subject to the Gemma Terms of Use found at\s+ai\.google\.dev\/gemma\/terms/);
  await page.screenshot({ path: `${SCREENSHOTS}/about-model-terms.png`, fullPage: true });
  await page.close();

  const phone = await site.newPage(PHONE);
  await phone.goto(`${site.url}about/`);
  await phone.click('details:has([data-license="gemma"]) summary');
  assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth), PHONE.width);
  await phone.locator('#model-terms').screenshot({ path: `${SCREENSHOTS}/about-model-terms-phone.png` });
  await phone.close();
});
