// Bytes a browser fetches to count o200k_base tokens with each library;
// and, for the other families, each vocabulary against the reference's
// (measureVocabularies, at the end).
//
// Method: each library's browser entry for that one encoding is bundled by
// Vite (rolldown, minified, production) as a one-page app, with no asset
// inlining; every emitted file a page needs is counted raw, gzip -9 and
// brotli -q 11. Files emitted but fetched only on demand for *other* data
// (our other vocabularies, OpenAI's and the other families', and the price
// catalog, which Vite emits because js/assets.js names them) are left out.
// tiktoken is the exception: its browser entry imports a .wasm as an ES
// module, which Vite cannot bundle without a plugin, so its published
// files are measured instead: lite/tiktoken_bg.wasm + lite/tiktoken_bg.js
// + lite/tiktoken.js + encoders/o200k_base.json (its documented "lite"
// browser setup, which fetches one vocabulary instead of the 5.6 MB wasm
// that embeds them all).
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { referenceFiles } from './families.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const ENTRIES = {
  // The tokenizer-only entry: what a page that counts tokens loads.
  llmcalc: `import { loadTokenizer } from 'llmcalc/tokenizer';
const tok = await loadTokenizer();
const enc = await tok.loadEncoding('o200k_base');
globalThis.count = (t) => enc.count(t);`,
  'js-tiktoken': `import { Tiktoken } from 'js-tiktoken/lite';
import ranks from 'js-tiktoken/ranks/o200k_base';
const enc = new Tiktoken(ranks);
globalThis.count = (t) => enc.encode(t).length;`,
  'gpt-tokenizer': `import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
globalThis.count = countTokens;`,
  'ai-tokenizer': `import { Tokenizer } from 'ai-tokenizer';
import * as o200k from 'ai-tokenizer/encoding/o200k_base';
const enc = new Tokenizer(o200k);
globalThis.count = (t) => enc.count(t);`,
};

const TIKTOKEN_FILES = ['lite/tiktoken_bg.wasm', 'lite/tiktoken_bg.js', 'lite/tiktoken.js', 'encoders/o200k_base.json'];

/** Other data, fetched only when asked for: every vocabulary but o200k_base's, and the catalog. */
const isOnDemandOther = (file) => /catalog[^/]*$/.test(file) || (/\.bin$/.test(file) && !/(^|\/)o200k_base[^/]*$/.test(file));

function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

function total(files) {
  const sum = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of Object.keys(sum)) sum[k] += f[k];
  return { ...sum, files };
}

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}

async function bundle(library, workDir, jsDir) {
  const { build } = await import('vite');
  const src = join(workDir, library);
  const out = join(src, 'dist');
  await rm(src, { recursive: true, force: true });
  await mkdir(src, { recursive: true });
  await writeFile(join(src, 'index.html'), '<!doctype html><script type="module" src="./entry.js"></script>\n');
  await writeFile(join(src, 'entry.js'), ENTRIES[library] + '\n');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: src,
    base: './',
    // The package resolves itself by name in Node; name its browser entries here.
    resolve: {
      alias: [
        { find: /^llmcalc\/tokenizer$/, replacement: join(jsDir, 'tokenizer_browser.js') },
        { find: /^llmcalc$/, replacement: join(jsDir, 'browser.js') },
      ],
    },
    build: { outDir: out, emptyOutDir: true, assetsInlineLimit: 0, reportCompressedSize: false, target: 'es2022' },
  });
  const files = [];
  for (const path of (await listFiles(out)).sort()) {
    const name = relative(out, path);
    if (name.endsWith('.html') || name.endsWith('.map') || isOnDemandOther(name)) continue;
    files.push({ name, ...sizes(await readFile(path)) });
  }
  return total(files);
}

async function publishedTiktoken() {
  const files = [];
  for (const name of TIKTOKEN_FILES) {
    const bytes = await readFile(join(ROOT, 'node_modules/tiktoken', name));
    files.push({ name, ...sizes(bytes) });
  }
  return total(files);
}

/**
 * What the result depends on: the package version (peers), or the bytes of
 * our JS, wasm and vocabulary; plus Vite's version. Bundling ai-tokenizer's
 * 7.7 MB module and brotli -q 11 take minutes here, so results are cached.
 */
async function cacheKey(library, jsDir) {
  const vite = JSON.parse(await readFile(join(ROOT, 'node_modules/vite/package.json'), 'utf8')).version;
  if (library !== 'llmcalc') {
    const pkg = JSON.parse(await readFile(join(ROOT, 'node_modules', library, 'package.json'), 'utf8'));
    return `${library}@${pkg.version} vite@${vite}`;
  }
  const hash = createHash('sha256');
  for (const dir of [jsDir, join(jsDir, 'core')]) {
    for (const name of (await readdir(dir)).sort()) {
      if (/\.(m?js|wasm)$/.test(name)) hash.update(name).update(await readFile(join(dir, name)));
    }
  }
  hash.update(await readFile(join(jsDir, 'vocab/web/o200k_base.bin')));
  return `llmcalc ${hash.digest('hex')} vite@${vite}`;
}

async function readCache(cachePath) {
  try {
    return JSON.parse(await readFile(cachePath, 'utf8'));
  } catch {
    return {}; // first run
  }
}

async function writeCache(cachePath, cache) {
  await mkdir(dirname(cachePath), { recursive: true });
  await writeFile(cachePath, JSON.stringify(cache, null, 1) + '\n');
}

/** @returns {Promise<Record<string, object>>} per library: raw/gzip/brotli totals and files, or error */
export async function measureDownloads(libraries, workDir, oursReady, cachePath, jsDir = join(ROOT, 'js')) {
  const cache = await readCache(cachePath);
  const results = {};
  for (const library of libraries) {
    try {
      if (library === 'llmcalc' && !oursReady) {
        results[library] = { error: 'not built yet' };
        continue;
      }
      const key = await cacheKey(library, jsDir);
      if (cache[key]) {
        results[library] = { ...cache[key], cached: true };
        continue;
      }
      results[library] = library === 'tiktoken'
        ? { method: 'published files', ...(await publishedTiktoken()) }
        : { method: 'vite build', ...(await bundle(library, workDir, jsDir)) };
      cache[key] = results[library];
    } catch (e) {
      results[library] = { error: String(e.message || e).split('\n')[0] };
    }
  }
  await writeCache(cachePath, cache);
  return results;
}

/**
 * The families (issue #4): each vocabulary alone, ours (js/vocab/<family>.bin,
 * what loadEncoding fetches) against the files the reference package ships
 * for it (bench/lib/families.mjs); neither side's code is counted, ours is in
 * the o200k_base table above. Cached by the files' sha256: brotli -q 11 of
 * Gemma's 33 MB tokenizer.json takes about a minute here.
 * @returns {Promise<Record<string, {llmcalc: object, reference: object}>>}
 */
export async function measureVocabularies(families, vocabDir, cachePath) {
  const cache = await readCache(cachePath);
  const measure = async (paths) => {
    const files = [];
    for (const path of paths) {
      const bytes = await readFile(path);
      const key = `file ${createHash('sha256').update(bytes).digest('hex')}`;
      cache[key] ??= sizes(bytes);
      files.push({ name: relative(ROOT, path), ...cache[key] });
    }
    return total(files);
  };
  const results = {};
  for (const family of families) {
    const side = async (paths) => {
      try {
        return await measure(paths);
      } catch (e) {
        return { error: String(e.message || e).split('\n')[0] };
      }
    };
    results[family] = {
      llmcalc: await side([join(vocabDir, `${family}.bin`)]),
      reference: await side(referenceFiles(family).map((f) => join(ROOT, 'node_modules', f))),
    };
    await writeCache(cachePath, cache); // after each family: an interrupted run keeps its work
  }
  return results;
}
