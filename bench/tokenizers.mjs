#!/usr/bin/env node
// Tokenizer benchmark: llmcalc's wasm tokenizer against the npm peers
// tiktoken (Rust->wasm), js-tiktoken, gpt-tokenizer and ai-tokenizer, on
// cl100k_base and o200k_base, over the real-text corpus (issue #3).
//
//   python3 data/corpus/build_corpus.py      # once; needs data/corpus/packages.txt installed
//   node bench/tokenizers.mjs                # or: npm run bench
//
// Prints tables and PASS/MISS against the targets, and writes
// build/bench/tokenizers.json. About 4 minutes of CPU on 2 cores (longer
// when other builds share the machine; see bench/README.md). Options:
//   --runs N          cold-start/memory repetitions per library (default 3)
//   --max-file-bytes N  throughput on the first N bytes of each corpus file
//                     (default 1000000, cut at a line end; 0 = whole files)
//   --quick           the 100 KB test slices instead of whole files, 3 runs
//   --encodings a,b   default cl100k_base,o200k_base
//   --libraries a,b   default all five
//   --no-download     skip the bundle-size measurement
// Each measurement runs in its own Node process (bench/lib/child.mjs), so
// every library starts cold. See bench/README.md for what each number means.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureDownloads } from './lib/download.mjs';
import { ENCODINGS, LIBRARIES, OURS, PEERS, oursBuilt } from './lib/libraries.mjs';
import { printReport, evaluateTargets } from './lib/report.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CORPUS = join(ROOT, 'build/corpus');
const OUT = join(ROOT, 'build/bench');
const CHILD = fileURLToPath(new URL('./lib/child.mjs', import.meta.url));
const PATHOLOGICAL_BYTES = 1 << 20;

function parseArgs(argv) {
  const opts = { runs: 3, maxFileBytes: 1_000_000, quick: false, encodings: ENCODINGS, libraries: LIBRARIES, download: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--no-download') opts.download = false;
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--max-file-bytes') opts.maxFileBytes = Number(argv[++i]);
    else if (a === '--encodings') opts.encodings = argv[++i].split(',');
    else if (a === '--libraries') opts.libraries = argv[++i].split(',');
    else {
      console.error(`unknown option ${a}; see the top of bench/tokenizers.mjs`);
      process.exit(2);
    }
  }
  if (opts.quick && !argv.includes('--runs')) opts.runs = 3;
  return opts;
}

const log = (msg) => process.stderr.write(msg + '\n');

/** Runs one measurement in a fresh process; returns its JSON or {error}. */
function child(mode, library, encoding, args, timeoutMs) {
  const r = spawnSync(process.execPath, ['--expose-gc', CHILD, mode, library, encoding, JSON.stringify(args)], {
    cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20, env: process.env,
  });
  if (r.error?.code === 'ETIMEDOUT') return { error: `timed out after ${timeoutMs / 1000} s` };
  const last = r.stdout.trim().split('\n').pop();
  try {
    return JSON.parse(last);
  } catch {
    return { error: `exit ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}` };
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

async function corpusFiles(quick) {
  if (!existsSync(join(CORPUS, 'MANIFEST.tsv'))) {
    console.error('No corpus: run `python3 data/corpus/build_corpus.py` first (see data/corpus/packages.txt).');
    process.exit(1);
  }
  const dir = quick ? join(CORPUS, 'test') : CORPUS;
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt') && n !== 'short-lines.txt').sort();
  return names.map((n) => join(dir, n));
}

/** 'ok', or why our column is empty. */
async function probeOurs(encoding) {
  if (!(await oursBuilt())) return 'not built yet (js/core/llmcalc_tokenizer.wasm is missing: build the wasm preset)';
  const r = child('probe', OURS, encoding, {}, 120_000);
  if (!r.error) return 'ok';
  // A wasm without loadEncoding is "not built yet"; one that fails to start
  // (say, glue and wasm from different builds) is reported as such.
  if (r.notBuilt && !r.error.startsWith('the module does not load')) return `not built yet (${r.error})`;
  return `does not load (${r.error.split('\n')[0]})`;
}

async function versions() {
  const out = { node: process.version };
  for (const p of PEERS.concat('vite')) {
    out[p] = JSON.parse(await readFile(join(ROOT, 'node_modules', p, 'package.json'), 'utf8')).version;
  }
  return out;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const files = await corpusFiles(opts.quick);
  if (await oursBuilt()) {
    // Freeze our module for the whole run: js/ is rebuilt by other work.
    const snapshot = join(OUT, 'llmcalc-snapshot');
    await rm(snapshot, { recursive: true, force: true });
    await cp(join(ROOT, 'js'), join(snapshot, 'js'), { recursive: true });
    process.env.LLMCALC_BENCH_ENTRY = join(snapshot, 'js/tokenizer_node.js');
  }
  const status = await probeOurs(opts.encodings[0]);
  const libraries = opts.libraries.filter((l) => l !== OURS || status === 'ok');
  const results = {
    meta: {
      date: new Date().toISOString(), cpus: cpus().length, cpuModel: cpus()[0]?.model,
      versions: await versions(), options: opts, ours: status,
      corpus: files.map((f) => f.slice(ROOT.length)),
    },
    encodings: {},
  };
  log(`llmcalc: ${status === 'ok' ? 'built, measuring the tokenizer-only module (llmcalc/tokenizer)' : status}`);

  // Cold start and memory: interleaved runs, so drift hits every library alike.
  const memoryFile = join(CORPUS, 'test/prose-en.txt');
  const baseline = [];
  for (const encoding of opts.encodings) {
    const perLib = Object.fromEntries(libraries.map((l) => [l, { runs: [] }]));
    results.encodings[encoding] = { libraries: perLib };
    for (let run = 0; run < opts.runs; run++) {
      baseline.push(child('baseline', '-', '-', {}, 30_000).rss);
      for (const library of libraries) {
        log(`[${((Date.now() - started) / 1000).toFixed(0)} s] cold start ${encoding} ${library} (${run + 1}/${opts.runs})`);
        perLib[library].runs.push(child('cold', library, encoding, { memoryFile }, 120_000));
      }
    }
  }
  const baselineRss = median(baseline.filter(Number.isFinite));
  results.meta.baselineRssMB = baselineRss / 2 ** 20;
  for (const encoding of opts.encodings) {
    for (const [library, r] of Object.entries(results.encodings[encoding].libraries)) {
      const ok = r.runs.filter((x) => !x.error);
      r.error = ok.length ? undefined : r.runs[0]?.error;
      r.coldMs = median(ok.map((x) => x.coldMs));
      r.memoryMB = (median(ok.map((x) => x.rss)) - baselineRss) / 2 ** 20;
    }
  }

  // Throughput: one fresh process per library, first pass then warm pass.
  for (const encoding of opts.encodings) {
    for (const library of libraries) {
      log(`[${((Date.now() - started) / 1000).toFixed(0)} s] throughput ${encoding} ${library}`);
      const r = results.encodings[encoding].libraries[library];
      r.passes = child('passes', library, encoding, { files, maxFileBytes: opts.maxFileBytes }, 600_000);
      log(`[${((Date.now() - started) / 1000).toFixed(0)} s] short strings${library === OURS ? ' + pathological' : ''} ${encoding} ${library}`);
      r.calls = child('calls', library, encoding, {
        shortFile: join(CORPUS, 'short-lines.txt'),
        // Only ours: every peer is quadratic on one long piece (README).
        ...(library === OURS && {
          pathologicalBytes: opts.quick ? 64 << 10 : PATHOLOGICAL_BYTES,
          proseFile: join(CORPUS, 'prose-en.txt'),
          warmupFile: join(CORPUS, 'test/code-c.txt'),
        }),
      }, 300_000);
    }
  }

  if (opts.download && opts.encodings.includes('o200k_base')) {
    log(`[${((Date.now() - started) / 1000).toFixed(0)} s] download bytes (Vite builds)`);
    results.download = await measureDownloads(
      opts.libraries, join(OUT, 'download'), status === 'ok', join(OUT, 'download-cache.json'),
      join(OUT, 'llmcalc-snapshot/js'));
  }

  results.targets = evaluateTargets(results);
  results.meta.seconds = (Date.now() - started) / 1000;
  await mkdir(OUT, { recursive: true });
  await writeFile(join(OUT, 'tokenizers.json'), JSON.stringify(results, null, 2) + '\n');
  printReport(results);
  console.log(`\nwrote build/bench/tokenizers.json (${results.meta.seconds.toFixed(0)} s)`);
}

await main();
