#!/usr/bin/env node
// Tokenizer benchmark: llmcalc's wasm tokenizer against the npm peers
// tiktoken (Rust->wasm), js-tiktoken, gpt-tokenizer and ai-tokenizer, on
// cl100k_base and o200k_base, over the real-text corpus (issue #3); and
// the other families (Llama 3, Qwen, DeepSeek, Mistral Nemo, Gemma 3, legacy
// Claude) against their reference implementations (issue #4,
// bench/lib/families.mjs).
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
//   --only openai|families  run one section only (default both)
//   --no-families     the same as --only openai
//   --families a,b    default all seven (bench/lib/families.mjs)
//   --family-bytes N  families: the first N bytes of each corpus file
//                     (default 100000; their references run at 0.05-1 MB/s)
// Each measurement runs in its own Node process (bench/lib/child.mjs), so
// every library starts cold. See bench/README.md for what each number means.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureDownloads, measureVocabularies } from './lib/download.mjs';
import { FAMILY_NAMES, REFERENCE, referencePackage } from './lib/families.mjs';
import { ENCODINGS, LIBRARIES, OURS, PEERS, oursBuilt } from './lib/libraries.mjs';
import { printReport, evaluateTargets } from './lib/report.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CORPUS = join(ROOT, 'build/corpus');
const OUT = join(ROOT, 'build/bench');
const CHILD = fileURLToPath(new URL('./lib/child.mjs', import.meta.url));
const PATHOLOGICAL_BYTES = 1 << 20;
const SECTIONS = ['openai', 'families'];

function parseArgs(argv) {
  const opts = {
    runs: 3, maxFileBytes: 1_000_000, quick: false, encodings: ENCODINGS, libraries: LIBRARIES, download: true,
    sections: SECTIONS, families: FAMILY_NAMES, familyBytes: 100_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--no-download') opts.download = false;
    else if (a === '--only') opts.sections = [argv[++i]];
    else if (a === '--no-families') opts.sections = ['openai'];
    else if (a === '--families') opts.families = argv[++i].split(',');
    else if (a === '--family-bytes') opts.familyBytes = Number(argv[++i]);
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
  if (opts.quick && !argv.includes('--family-bytes')) opts.familyBytes = 20_000;
  const unknown = [...opts.sections.filter((x) => !SECTIONS.includes(x)), ...opts.families.filter((f) => !FAMILY_NAMES.includes(f))];
  if (unknown.length) {
    console.error(`unknown section or family ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}; families: ${FAMILY_NAMES.join(', ')}`);
    process.exit(2);
  }
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

async function versions(opts) {
  const out = { node: process.version };
  const pkgs = opts.sections.includes('openai') ? PEERS.concat('vite') : [];
  if (opts.sections.includes('families')) pkgs.push('@lenml/tokenizers', ...opts.families.map(referencePackage));
  for (const p of pkgs) {
    out[p] = JSON.parse(await readFile(join(ROOT, 'node_modules', p, 'package.json'), 'utf8')).version;
  }
  return out;
}

const elapsed = (started) => `[${((Date.now() - started) / 1000).toFixed(0)} s]`;

/**
 * Cold start and memory of each library on each of `names` (encodings or
 * families) into table[name].libraries; runs interleaved, so drift hits
 * every library alike. Each run also measures a bare Node into `baseline`.
 */
function coldStarts(table, names, libraries, { runs, memoryFile, baseline, started }) {
  for (const name of names) {
    const perLib = Object.fromEntries(libraries.map((l) => [l, { runs: [] }]));
    table[name] = { libraries: perLib };
    for (let run = 0; run < runs; run++) {
      baseline.push(child('baseline', '-', '-', {}, 30_000).rss);
      for (const library of libraries) {
        log(`${elapsed(started)} cold start ${name} ${library} (${run + 1}/${runs})`);
        // A family's reference parses a tokenizer.json of up to 33 MB first.
        perLib[library].runs.push(child('cold', library, name, { memoryFile }, 300_000));
      }
    }
  }
}

function summarizeColdStarts(table, baselineRss) {
  for (const data of Object.values(table)) {
    for (const r of Object.values(data.libraries)) {
      const ok = r.runs.filter((x) => !x.error);
      r.error = ok.length ? undefined : r.runs[0]?.error;
      r.coldMs = median(ok.map((x) => x.coldMs));
      r.memoryMB = (median(ok.map((x) => x.rss)) - baselineRss) / 2 ** 20;
    }
  }
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
  const openai = opts.sections.includes('openai');
  const families = opts.sections.includes('families') ? opts.families : [];
  const encodings = openai ? opts.encodings : [];
  const status = await probeOurs(encodings[0] ?? families[0]);
  const libraries = opts.libraries.filter((l) => l !== OURS || status === 'ok');
  const familyLibraries = [OURS, REFERENCE].filter((l) => l !== OURS || status === 'ok');
  const results = {
    meta: {
      date: new Date().toISOString(), cpus: cpus().length, cpuModel: cpus()[0]?.model,
      versions: await versions(opts), options: opts, ours: status,
      corpus: files.map((f) => f.slice(ROOT.length)),
    },
    encodings: {},
    ...(families.length && { families: {} }),
  };
  log(`llmcalc: ${status === 'ok' ? 'built, measuring the tokenizer-only module (llmcalc/tokenizer)' : status}`);

  const baseline = [];
  const cold = { runs: opts.runs, memoryFile: join(CORPUS, 'test/prose-en.txt'), baseline, started };
  coldStarts(results.encodings, encodings, libraries, cold);
  if (families.length) coldStarts(results.families, families, familyLibraries, cold);
  const baselineRss = median(baseline.filter(Number.isFinite));
  results.meta.baselineRssMB = baselineRss / 2 ** 20;
  summarizeColdStarts(results.encodings, baselineRss);
  if (families.length) summarizeColdStarts(results.families, baselineRss);

  // Throughput: one fresh process per library, first pass then warm pass.
  for (const encoding of encodings) {
    for (const library of libraries) {
      log(`${elapsed(started)} throughput ${encoding} ${library}`);
      const r = results.encodings[encoding].libraries[library];
      r.passes = child('passes', library, encoding, { files, maxFileBytes: opts.maxFileBytes }, 600_000);
      log(`${elapsed(started)} short strings${library === OURS ? ' + pathological' : ''} ${encoding} ${library}`);
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
  for (const family of families) {
    for (const library of familyLibraries) {
      log(`${elapsed(started)} throughput ${family} ${library}`);
      const r = results.families[family].libraries[library];
      r.passes = child('passes', library, family, { files, maxFileBytes: opts.familyBytes }, 900_000);
    }
  }

  if (opts.download && encodings.includes('o200k_base')) {
    log(`${elapsed(started)} download bytes (Vite builds)`);
    results.download = await measureDownloads(
      opts.libraries, join(OUT, 'download'), status === 'ok', join(OUT, 'download-cache.json'),
      join(OUT, 'llmcalc-snapshot/js'));
  }
  if (opts.download && families.length) {
    log(`${elapsed(started)} download bytes of the families' vocabularies`);
    const vocabDir = join(OUT, 'llmcalc-snapshot/js/vocab');
    const sizes = await measureVocabularies(families, vocabDir, join(OUT, 'download-cache.json'));
    for (const family of families) results.families[family].download = sizes[family];
  }

  results.targets = evaluateTargets(results);
  results.meta.seconds = (Date.now() - started) / 1000;
  await mkdir(OUT, { recursive: true });
  await writeFile(join(OUT, 'tokenizers.json'), JSON.stringify(results, null, 2) + '\n');
  printReport(results);
  console.log(`\nwrote build/bench/tokenizers.json (${results.meta.seconds.toFixed(0)} s)`);
}

await main();
