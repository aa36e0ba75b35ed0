// One measurement in a fresh Node process, so that every library starts
// cold and one library's heap never weighs on another's numbers. Spawned by
// bench/tokenizers.mjs as
//   node --expose-gc bench/lib/child.mjs <mode> <library> <encoding> <json args>
// and prints one JSON line on stdout.
//
// modes:
//   probe     loads the library and counts one string (does it work at all?)
//   baseline  RSS of a Node process that loads nothing
//   cold      import + vocabulary load + first count of a short string (ms),
//             then RSS after counting a test-sized file
//   passes    whole corpus files: first pass on a fresh instance, then a
//             second (warm) pass on the same instance; token counts
//   calls     µs per call over many short strings, and pathological inputs
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { loadLibrary, NotBuilt } from './libraries.mjs';
import { pathological, utf8Prefix } from './inputs.mjs';

const [mode, library, encoding, argsJson = '{}'] = process.argv.slice(2);
const args = JSON.parse(argsJson);

function rssAfterGc() {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().rss;
}

async function cold() {
  const t0 = performance.now();
  const tok = await loadLibrary(library, encoding);
  const first = tok.count('Hello, world! How many tokens is this?');
  const coldMs = performance.now() - t0;
  const text = await readFile(args.memoryFile, 'utf8');
  const n = tok.count(text);
  return { coldMs, first, memoryFileTokens: n, rss: rssAfterGc(), sinceProcessStartMs: performance.now() };
}

function timeCount(tok, text) {
  const t0 = performance.now();
  const tokens = tok.count(text);
  return { ms: performance.now() - t0, tokens };
}

async function passes() {
  const tok = await loadLibrary(library, encoding);
  const files = [];
  for (const path of args.files) {
    let text = await readFile(path, 'utf8');
    if (args.maxFileBytes) text = utf8Prefix(text, args.maxFileBytes);
    files.push({ path, text, bytes: Buffer.byteLength(text) });
  }
  const first = files.map((f) => timeCount(tok, f.text));
  const warm = files.map((f) => timeCount(tok, f.text));
  return {
    files: files.map((f, i) => ({
      path: f.path, bytes: f.bytes, tokens: first[i].tokens,
      firstMs: first[i].ms, warmMs: warm[i].ms, warmTokens: warm[i].tokens,
    })),
  };
}

async function calls() {
  const tok = await loadLibrary(library, encoding);
  const result = {};
  if (args.pathologicalBytes) {
    // Before anything else touches the instance: the prose reference and
    // the odd inputs are both new text to it. JIT warm-up on unrelated code.
    const warmup = await readFile(args.warmupFile, 'utf8');
    tok.count(warmup);
    const prose = await readFile(args.proseFile, 'utf8');
    const cases = pathological(args.pathologicalBytes, prose);
    result.pathological = {};
    for (const [name, text] of Object.entries(cases)) {
      result.pathological[name] = { bytes: Buffer.byteLength(text), ...timeCount(tok, text) };
    }
  }
  const lines = (await readFile(args.shortFile, 'utf8')).split('\n').filter(Boolean);
  // The first half warms the JIT; the second half, other strings, is timed.
  const half = lines.length >> 1;
  for (let i = 0; i < half; i++) tok.count(lines[i]);
  const timed = lines.slice(half, half + (args.maxShort ?? lines.length));
  let sum = 0;
  const t0 = performance.now();
  for (const line of timed) sum += tok.count(line);
  const ms = performance.now() - t0;
  result.short = { calls: timed.length, tokens: sum, usPerCall: (ms * 1000) / timed.length };
  return result;
}

async function main() {
  const probe = async () => ({ count: (await loadLibrary(library, encoding)).count('Hello, world!') });
  const run = { baseline: async () => ({ rss: rssAfterGc() }), probe, cold, passes, calls }[mode];
  if (!run) throw new Error(`unknown mode ${mode}`);
  try {
    process.stdout.write(JSON.stringify(await run()) + '\n');
  } catch (e) {
    const notBuilt = e instanceof NotBuilt;
    process.stdout.write(JSON.stringify({ error: notBuilt ? e.message : String(e.stack || e), notBuilt }) + '\n');
  }
}

await main();
