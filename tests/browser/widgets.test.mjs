// The embeddable widgets on a page of another origin, as a blog embeds
// them: the demo post (web/public/widgets/demo/) is served from one
// localhost port with a strict CSP, the widgets' assets from another with
// CORS headers (as GitHub Pages sends them). Checks: all five widgets
// compute, one wasm instance and one download of each file for several
// widgets, nothing from a third origin, lazy loading, no styles leaking in
// either direction (even under hostile CSS), the iframe mode, the tool
// pages' Embed button, axe on the post (desktop and phone), and the
// README's attribute list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';
import { DESKTOP, PHONE, SCREENSHOTS } from './browser.mjs';
import { WIDGETS, COMMON_ATTRIBUTES } from '../../web/widgets/specs.js';

const SITE_DIR = process.env.LLMCALC_SITE_DIR ?? 'web/dist';
const BASE = process.env.LLMCALC_SITE_BASE ?? '/';
const DEMO_DIR = `${SITE_DIR}/widgets/demo`;
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = WIDGETS.map((w) => w.tag);

let assets; // { server, url, origin }
let blog; // { server, origin, snippets }
let browser;

/**
 * The blog: the demo post with its llmcalc URLs made absolute (as a blogger
 * pastes them), under a CSP that allows scripts, styles and fetches from
 * the blog and the asset origin only – no eval, no inline styles.
 */
function startBlog(assetOrigin, assetUrl) {
  const snippets = new Map(); // path -> HTML body, for snippets made by the Embed button
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${assetOrigin} 'wasm-unsafe-eval'`,
    `connect-src 'self' ${assetOrigin}`,
    `frame-src ${assetOrigin}`,
    "style-src 'self'",
    "img-src 'self' data:",
  ].join('; ');
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const send = (type, body) => res.writeHead(200, { 'content-type': type, 'content-security-policy': csp }).end(body);
    if (snippets.has(path)) return send('text/html; charset=utf-8', `<!doctype html><html lang="en"><head><title>Snippet</title></head><body><main>${snippets.get(path)}</main></body></html>`);
    const file = { '/': 'index.html', '/demo.css': 'demo.css', '/hostile.css': 'hostile.css' }[path];
    if (!file) return res.writeHead(404).end();
    let body = readFileSync(`${DEMO_DIR}/${file}`, 'utf8');
    if (file === 'index.html') body = body.replaceAll('="../../', `="${assetUrl}`);
    send(file.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8', body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}`, snippets })));
}

before(async () => {
  const { server, url } = await serve(SITE_DIR, { base: BASE, headers: { 'access-control-allow-origin': '*' } });
  assets = { server, url, origin: new URL(url).origin };
  blog = await startBlog(assets.origin, assets.url);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
  await new Promise((r) => (assets ? assets.server.close(r) : r()));
  await new Promise((r) => (blog ? blog.server.close(r) : r()));
});

/** A page that records every request and every error (a CSP violation is a console error). */
async function openPage(viewport = DESKTOP, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  // Count wasm instantiations, whichever API the glue uses.
  await context.addInitScript(() => {
    window.__wasmInstances = 0;
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = function (...args) {
        window.__wasmInstances += 1;
        return original.apply(this, args);
      };
    }
  });
  const page = await context.newPage();
  const requests = []; // the page's own (an iframe is another document, with its own core)
  const all = [];
  const errors = [];
  page.on('request', (r) => {
    all.push(r.url());
    if (r.frame() === page.mainFrame()) requests.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  // Failed loads are recorded with their URL; the browser's own favicon probe is not the widgets'.
  page.on('console', (m) => m.type() === 'error' && !/^Failed to load resource/.test(m.text()) && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));
  return { page, requests, all, errors };
}

const ready = (tag) => `${tag} .widget-results:not([hidden])`;
const count = (requests, pattern) => requests.filter((u) => pattern.test(u)).length;

async function showAll(page) {
  for (const tag of TAGS) {
    for (const element of await page.locator(tag).all()) {
      await element.scrollIntoViewIfNeeded();
      await element.locator('.widget-results:not([hidden])').waitFor();
    }
  }
}

/** Computed styles of the post's own elements: widgets must not change them. */
function hostStyles(page) {
  return page.evaluate(() =>
    ['body', 'article p', 'h2', 'a', '#email', '.newsletter button', 'label'].map((selector) => {
      const s = getComputedStyle(document.querySelector(selector));
      return `${selector}: ${s.fontFamily} ${s.fontSize} ${s.color} ${s.backgroundColor} ${s.display} ${s.borderTopStyle} ${s.textTransform}`;
    }),
  );
}

test('the demo post: five widgets from another origin compute on one wasm instance, one download of each file; axe passes', async () => {
  const { page, requests, all, errors } = await openPage();
  await page.goto(`${blog.origin}/`);
  const headBefore = await page.evaluate(() => document.head.innerHTML);
  const stylesBefore = await hostStyles(page);
  await showAll(page);

  // Token counter: exact counts (tiktoken's), priced as input with source and date.
  const counter = page.locator('llmcalc-token-counter').first();
  await counter.locator('textarea').fill('Hello, world!');
  await assert.doesNotReject(counter.locator('.tile__value', { hasText: /^4$/ }).waitFor());
  assert.match(await counter.locator('.source').textContent(), /Price from .+, as of \d{4}-\d\d-\d\d/);

  // Price: a million input tokens of gpt-4o at the catalog's price; a bad count is an error, never NaN.
  const price = page.locator('llmcalc-price');
  await price.locator('input[name="input"]').fill('1,000,000');
  await price.locator('input[name="output"]').fill('0');
  await price.locator('.tile__value', { hasText: '$2.50' }).first().waitFor();
  assert.match(await price.locator('.source').textContent(), /as of \d{4}-\d\d-\d\d/);
  await price.locator('input[name="input"]').fill('lots');
  await price.locator('[data-field="input"] .error', { hasText: 'not a number' }).waitFor();
  assert.equal(await price.locator('input[name="input"]').getAttribute('aria-invalid'), 'true');
  assert.equal(await price.locator('.widget-results').isHidden(), true);
  await price.locator('input[name="input"]').fill('3,000');
  await price.locator(ready('')).first().waitFor();

  // Break-even: the README's example, costs per request.
  const breakEven = page.locator('llmcalc-break-even');
  await breakEven.locator('label[for="base_mode_cost"]').click();
  await breakEven.locator('label[for="tuned_mode_cost"]').click();
  await breakEven.locator('input[name="training_cost"]').fill('1000');
  await breakEven.locator('input[name="base_cost"]').fill('0.01');
  await breakEven.locator('input[name="tuned_cost"]').fill('0.002');
  await breakEven.locator('.tile__value', { hasText: '125,000' }).waitFor();
  assert.ok(await breakEven.locator('svg.chart path, svg.chart polyline').count());

  // Context window: a request larger than a window is drawn running past it.
  const window = page.locator('llmcalc-context-window');
  await window.locator('input[name="context"]').fill('200,000');
  await window.locator('svg .stack-overflow').first().waitFor({ state: 'attached' });

  // Fine-tuning: 1,000 × 1,000 tokens × 3 epochs.
  const tuning = page.locator('llmcalc-fine-tuning');
  await tuning.locator('input[name="examples"]').fill('1,000');
  await tuning.locator('input[name="tokens_per_example"]').fill('1,000');
  await tuning.locator('input[name="epochs"]').fill('3');
  await tuning.locator('.tile__value', { hasText: '3,000,000' }).waitFor();
  assert.match(await tuning.locator('.tile__sub', { hasText: 'estimate' }).textContent(), /GPU-hours/);

  // The iframe mode, in the same post.
  const frame = page.frameLocator('iframe.embed-frame');
  await frame.locator(ready('llmcalc-price')).waitFor();
  assert.match(await frame.locator('llmcalc-price .resolved').textContent(), /Claude Sonnet 4\.5/i);

  const shown = await page.evaluate((tags) => tags.flatMap((t) => [...document.querySelectorAll(t)].map((e) => e.shadowRoot.textContent)).join(' '), TAGS);
  assert.doesNotMatch(shown, /NaN|undefined|Infinity/);

  // One core, one download of each file, however many widgets.
  assert.equal(await page.evaluate(() => window.__wasmInstances), 1, 'wasm instantiations');
  assert.equal(count(requests, /llmcalc_core-[^/]*\.wasm$/), 1, 'core wasm downloads');
  assert.equal(count(requests, /llmcalc_tokenizer-[^/]*\.wasm$/), 0, 'the tokenizer-only module is not needed');
  assert.equal(count(requests, /catalog-[^/]*\.json$/), 1, 'catalog downloads');
  assert.equal(count(requests, /o200k_base-[^/]*\.bin$/), 1, 'o200k_base downloads (gpt-4o and gpt-4o-mini)');
  assert.equal(count(requests, /cl100k_base-[^/]*\.bin$/), 1, 'cl100k_base downloads (gpt-4)');
  const origins = new Set(all.filter((u) => !/^(data|blob):/.test(u)).map((u) => new URL(u).origin));
  assert.deepEqual([...origins].sort(), [assets.origin, blog.origin].sort(), 'only the blog and the asset origin');
  assert.deepEqual(
    requests.filter((u) => u.startsWith(blog.origin)).map((u) => new URL(u).pathname).filter((p) => p !== '/favicon.ico').sort(),
    ['/', '/demo.css'],
  );

  // Nothing leaked into the post: same head, same styles, no adopted sheets.
  assert.equal(await page.evaluate(() => document.head.innerHTML), headBefore, 'the <head> is unchanged');
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0);
  assert.deepEqual(await hostStyles(page), stylesBefore);
  assert.deepEqual(errors, [], 'no page errors, no CSP violations');
  // The same post, at desktop width, for axe (the phone width has its own test).
  assert.deepEqual(await axeViolations(page), [], 'axe at desktop width');
  for (const [name, tag] of [['price', 'llmcalc-price'], ['context-window', '#branded'], ['token-counter-dark', 'llmcalc-token-counter[theme="dark"]']]) {
    await page.locator(tag).screenshot({ path: `${SCREENSHOTS}/widget-${name}.png` });
  }
  await page.context().close();
});

test('hostile global CSS cannot break a widget, and the widget keeps computing', async () => {
  const { page, errors } = await openPage(PHONE);
  await page.goto(`${blog.origin}/`);
  await page.evaluate(() => document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: 'hostile.css' })));
  await page.waitForFunction(() => getComputedStyle(document.body).color === 'rgb(255, 0, 0)');
  await showAll(page);
  for (const tag of TAGS) {
    const look = await page.locator(tag).first().evaluate((host) => {
      const frame = host.shadowRoot.querySelector('.widget');
      const s = getComputedStyle(frame);
      const input = [...frame.querySelectorAll('input:not([type="hidden"]):not([type="radio"]), textarea')].find((e) => e.checkVisibility());
      return { display: getComputedStyle(host).display, font: s.fontSize, family: s.fontFamily, color: s.color, spacing: s.letterSpacing, height: frame.getBoundingClientRect().height, input: input.getBoundingClientRect().height };
    });
    assert.equal(look.display, 'block', tag);
    assert.equal(look.font, '16px', tag);
    assert.doesNotMatch(look.family, /Comic/, tag);
    assert.notEqual(look.color, 'rgb(255, 0, 0)', tag);
    assert.equal(look.spacing, 'normal', tag);
    assert.ok(look.height > 150 && look.input > 20 && look.input < 200, `${tag}: ${JSON.stringify(look)}`);
  }
  const price = page.locator('llmcalc-price');
  await price.locator('input[name="output"]').fill('1,000,000');
  await price.locator('.tile__value', { hasText: /^\$10\.0/ }).first().waitFor(); // 3,000 in at $2.50 + 1M out at $10 per 1M
  await price.screenshot({ path: `${SCREENSHOTS}/widget-price-hostile-phone.png` });
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('lazy: the loader alone until a widget nears the viewport', async () => {
  const { page, requests } = await openPage({ width: 1280, height: 300 });
  await page.goto(`${blog.origin}/`);
  const top = await page.locator('llmcalc-token-counter').first().evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(top > 300 + 300, `the first widget starts at ${top}px, beyond the 300px margin`);
  await page.waitForTimeout(500);
  const fromAssets = requests.filter((u) => u.startsWith(assets.origin)).map((u) => new URL(u).pathname);
  assert.deepEqual(fromAssets, [`${BASE}widgets/llmcalc-widgets.js`], 'only the loader before scrolling');
  await page.locator('llmcalc-token-counter').first().scrollIntoViewIfNeeded();
  await page.locator(ready('llmcalc-token-counter')).first().waitFor();
  assert.equal(count(requests, /\.wasm$/), 1);
  assert.equal(count(requests, /fine-tuning-[^/]*\.js$/), 0, 'widgets further down are not loaded yet');
  await page.context().close();
});

test('the loader is small and imports nothing up front', () => {
  const loader = readFileSync(`${SITE_DIR}/widgets/llmcalc-widgets.js`);
  const gzip = gzipSync(loader, { level: 9 }).length;
  assert.ok(gzip < 3 * 1024, `loader gzip ${gzip} bytes`);
  assert.doesNotMatch(loader.toString(), /^import\s|[;}]import\s*[{*\w]/m, 'no static import');
});

test('the Embed button of each tool page writes a snippet of the current settings, and the snippet works on another origin', async () => {
  const changes = {
    'token-counter': ['#model', 'gpt-4', 'model="gpt-4"', 'select'],
    price: ['#model', 'claude-sonnet-4-5', 'model="claude-sonnet-4-5"'],
    'break-even': ['#training_cost', '250', 'training-cost="250"'],
    'context-window': ['#context', '50,000', 'context="50,000"'],
    'fine-tuning': ['#examples', '2,000', 'examples="2,000"'],
  };
  const { page } = await openPage();
  for (const spec of WIDGETS) {
    const [selector, value, expected, kind] = changes[spec.tool];
    await page.goto(`${assets.url}${spec.page}`);
    await page.locator('[data-embed-open]').waitFor();
    await page.waitForFunction((s) => document.querySelector(s)?.options?.length !== 0, selector);
    if (kind === 'select') await page.selectOption(selector, value);
    else await page.fill(selector, value);
    await page.click('[data-embed-open]');
    const script = await page.inputValue('[data-embed-code]');
    assert.match(script, new RegExp(`^<script type="module" src="${assets.url}widgets/llmcalc-widgets.js"></script>\\n<${spec.tag}[^>]*></${spec.tag}>$`), spec.tool);
    assert.ok(script.includes(expected), `${spec.tool}: ${script}`);
    await page.click('label[for="embed_mode_iframe"]');
    const iframe = await page.inputValue('[data-embed-code]');
    assert.match(iframe, new RegExp(`<iframe src="${assets.url}embed/\\?tool=${spec.tool}&amp;[^"]+" title="[^"]+" width="100%" height="\\d+"`), spec.tool);
    if (spec.tool === 'price') {
      await page.locator('.embed-dialog').screenshot({ path: `${SCREENSHOTS}/embed-dialog.png` });
      // The snippet, pasted into a page of another origin, shows the same model.
      blog.snippets.set('/snippet', script);
      const other = await openPage();
      await other.page.goto(`${blog.origin}/snippet`);
      await other.page.locator('llmcalc-price .resolved', { hasText: 'Claude Sonnet 4.5' }).waitFor();
      assert.deepEqual(other.errors, []);
      await other.page.context().close();
    }
    await page.click('.embed-dialog >> text=Close');
  }
  await page.context().close();
});

/** axe-core's WCAG 2 A/AA violations, open shadow roots included. */
async function axeViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

test('the demo post at phone width, widgets included, has no axe violations', async () => {
  const { page } = await openPage(PHONE);
  await page.goto(`${blog.origin}/`);
  await showAll(page);
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

test('the README documents every widget and attribute', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## For bloggers'));
  assert.ok(section.length > 100, 'README has a "For bloggers" section');
  for (const spec of WIDGETS) {
    assert.ok(section.includes(`<${spec.tag}`), spec.tag);
    for (const a of [...spec.attributes, ...COMMON_ATTRIBUTES]) assert.ok(section.includes(`\`${a.name}\``), `${spec.tag} ${a.name}`);
  }
});
