// The site's performance budget (issue #8): bytes a browser transfers on a
// first, cold-cache visit to the home page and the Token Counter, and the
// time from navigation to the first count. A benchmark, not a test.
//
//   scripts/build.sh && node bench/site.mjs
//
// Bytes are reported raw and as gzip (what GitHub Pages sends for text;
// our local server sends raw files, so gzip sizes are computed here from
// each file it sent). Timing is the median of 5 cold loads on 127.0.0.1.
// The server reports the files, not the browser: fetching every response
// body over the DevTools protocol during the load (this script's first
// method) competes with the page for this machine's two cores, and put
// about 230 ms on the Token Counter's first count.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../tools/serve.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PEER_O200K_GZIP_KB = 1070; // gpt-tokenizer's demo bundle for o200k (issue #8)

let served = null; // the current visit's files, with when each was sent
const { server, url } = await serve('web/dist', { onServe: (file) => served?.push({ file, at: Date.now() }) });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });

const sizeCache = new Map();
function fileSizes(file) {
  if (!sizeCache.has(file)) {
    const bytes = readFileSync(file);
    sizeCache.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return sizeCache.get(file);
}

async function visit(path, readySelector) {
  const context = await browser.newContext({ serviceWorkers: 'block' }); // a cold first visit
  const page = await context.newPage();
  served = [];
  const start = Date.now();
  await page.goto(url + path);
  await page.waitForSelector(readySelector, { timeout: 60000 });
  // The page's own mark when it has one (the token counter's first count):
  // polling for the selector would add its own latency.
  const ms = await page.evaluate(() => performance.getEntriesByName('llmcalc:first-count')[0]?.startTime ?? performance.now());
  await page.waitForLoadState('networkidle');
  const files = served.map(({ file, at }) => ({ ...fileSizes(file), at: at - start }));
  served = null;
  const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
  const early = files.filter((f) => f.at <= ms);
  await context.close();
  return { ms, raw: sum(files, 'raw'), gzip: sum(files, 'gzip'), requests: files.length, readyGzip: sum(early, 'gzip'), readyRequests: early.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const results = {};
for (const [name, path, ready] of [
  ['home', '', '.tool-list'],
  ['token counter', 'token-counter/', '[data-results]:not([hidden])'],
]) {
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await visit(path, ready));
  results[name] = { ...runs[0], ms: median(runs.map((r) => r.ms)) };
}
await browser.close();
server.close();

const home = results.home;
const counter = results['token counter'];
console.log(`home page:      ${kb(home.raw)} raw, ${kb(home.gzip)} gzip in ${home.requests} requests; ready in ${home.ms.toFixed(0)} ms`);
console.log(`token counter:  ${kb(counter.raw)} raw, ${kb(counter.gzip)} gzip in ${counter.requests} requests; first count ${counter.ms.toFixed(0)} ms after navigation`);
console.log(`                ${kb(counter.readyGzip)} gzip in ${counter.readyRequests} requests before the first count; the rest (other vocabularies, the full core, the catalog) after it`);
console.log(`peer: gpt-tokenizer's demo for o200k ${PEER_O200K_GZIP_KB} KB gzip → ours to the first count is ${(counter.readyGzip / 1024 / PEER_O200K_GZIP_KB).toFixed(2)}× of it (everything: ${(counter.gzip / 1024 / PEER_O200K_GZIP_KB).toFixed(2)}×)`);
console.log(`${home.gzip < 100 * 1024 ? 'PASS' : 'MISS'} home page under 100 KB gzip`);
console.log(`${counter.ms < 1000 ? 'PASS' : 'MISS'} first count under 1 s on a cold cache over localhost`);
