// Turns the raw measurements into per-library figures, the token-count
// agreement check, the issue's targets (PASS/MISS) and printed tables.
import { evaluateFamilyTargets, printFamilies } from './family_report.mjs';
import { LIBRARY_ROWS, fmt, kb, libraryTable, passAgreement, summarize, table } from './figures.mjs';
import { OURS, PEERS } from './libraries.mjs';

const REFERENCE = 'tiktoken'; // OpenAI's own code, compiled to wasm

/** Every library's count per file against tiktoken's; and first vs warm pass. */
function agreement(results) {
  const out = [];
  for (const [encoding, data] of Object.entries(results.encodings)) {
    const refShort = data.libraries[REFERENCE]?.calls?.short?.tokens;
    for (const [library, r] of Object.entries(data.libraries)) {
      const short = r.calls?.short?.tokens;
      if (refShort !== undefined && short !== undefined && short !== refShort) {
        out.push({ encoding, library, file: 'short-lines.txt (sum over timed lines)', tokens: short, tiktoken: refShort,
          problem: `${short} tokens, tiktoken ${refShort}` });
      }
    }
    out.push(...passAgreement(data.libraries, REFERENCE).map((d) => ({ encoding, ...d })));
  }
  return out;
}

function best(data, key, pick) {
  const vals = PEERS.map((p) => [p, data.libraries[p]?.[key]]).filter(([, v]) => Number.isFinite(v));
  if (!vals.length) return [undefined, NaN];
  return vals.reduce((a, b) => (pick(b[1], a[1]) ? b : a));
}

export function evaluateTargets(results) {
  summarize(results.encodings);
  results.agreement = agreement(results);
  const targets = results.families ? evaluateFamilyTargets(results) : [];
  const add = (name, encoding, ours, peer, peerName, ratio, pass, goal) =>
    targets.push({ name, encoding, goal, ours, fastestPeer: peerName, peer, ratio,
      status: Number.isFinite(ours) ? (pass ? 'PASS' : 'MISS') : 'n/a' });
  for (const [encoding, data] of Object.entries(results.encodings)) {
    const o = data.libraries[OURS] ?? {};
    const [fp, fv] = best(data, 'firstMBps', (a, b) => a > b);
    add('first-pass throughput', encoding, o.firstMBps, fv, fp, o.firstMBps / fv, o.firstMBps / fv >= 5, '>= 5x fastest peer');
    const [wp, wv] = best(data, 'warmMBps', (a, b) => a > b);
    add('warm throughput', encoding, o.warmMBps, wv, wp, o.warmMBps / wv, o.warmMBps / wv >= 3, '>= 3x fastest peer');
    const [sp, sv] = best(data, 'usPerCall', (a, b) => a < b);
    add('short strings (us/call)', encoding, o.usPerCall, sv, sp, sv / o.usPerCall, sv / o.usPerCall >= 3, '>= 3x fewer us/call');
    if (encoding === 'o200k_base') {
      const [cp, cv] = best(data, 'coldMs', (a, b) => a < b);
      add('cold start (ms)', encoding, o.coldMs, cv, cp, cv / o.coldMs, o.coldMs < 100, '< 100 ms');
      const [mp, mv] = best(data, 'memoryMB', (a, b) => a < b);
      add('memory over Node (MB)', encoding, o.memoryMB, mv, mp, mv / o.memoryMB, o.memoryMB < 40, '< 40 MB');
    }
    const patho = o.calls?.pathological;
    if (patho) {
      for (const [name, p] of Object.entries(patho)) {
        if (name === 'prose') continue;
        const ratio = perByte(p) / perByte(patho.prose);
        add(`pathological: ${name}`, encoding, p.ms, patho.prose.ms, 'same size of prose', ratio, ratio <= 10, '<= 10x prose time');
      }
    } else if (results.meta.ours === 'ok') {
      add('pathological inputs', encoding, NaN, NaN, '', NaN, false, '<= 10x prose time');
    }
  }
  if (results.download) {
    for (const kind of ['gzip', 'brotli']) {
      const ours = results.download[OURS]?.[kind];
      const peers = PEERS.map((p) => [p, results.download[p]?.[kind]]).filter(([, v]) => Number.isFinite(v));
      const [sp, sv] = peers.reduce((a, b) => (b[1] < a[1] ? b : a), [undefined, Infinity]);
      add(`download (${kind} bytes)`, 'o200k_base', ours, sv, sp, sv / ours, ours < sv, 'smaller than every peer');
    }
  }
  return targets;
}

/** Time per byte: the inputs are equal in size only to within a line or a character. */
const perByte = (p) => p.ms / p.bytes;

export function printReport(results) {
  const m = results.meta;
  console.log(`\nTokenizer benchmark — ${m.date}, Node ${m.versions.node}, ${m.cpus} CPUs (${m.cpuModel})`);
  console.log(`llmcalc: ${m.ours}${m.ours === 'ok' ? ' (the tokenizer-only module, llmcalc/tokenizer: js/core/llmcalc_tokenizer.*, for every number below)' : ''}`);
  console.log(`corpus: ${m.corpus.length} files${m.options.quick ? ' (100 KB test slices, --quick)' : ''}; baseline Node RSS ${fmt(m.baselineRssMB)} MB`);
  if (Object.keys(results.encodings).length) printOpenAi(results);
  if (results.families) printFamilies(results);
}

function printOpenAi(results) {
  const libs = [OURS, ...PEERS];
  const m = results.meta;
  console.log(`\n== OpenAI encodings (issue #3) ==`);
  console.log(`peers: ${PEERS.map((p) => `${p}@${m.versions[p]}`).join(', ')}`);
  if (m.options.maxFileBytes) console.log(`throughput on the first <= ${m.options.maxFileBytes} bytes of each corpus file`);
  for (const [encoding, data] of Object.entries(results.encodings)) {
    console.log(`\n${encoding}`);
    libraryTable(data, libs, [...LIBRARY_ROWS, ['short strings, us/call', 'usPerCall', 2]]);
    const patho = data.libraries[OURS]?.calls?.pathological;
    if (patho) {
      console.log(`\n  pathological inputs, llmcalc (${encoding}); peers skipped, see bench/README.md`);
      table([['  input', 'bytes', 'ms', 'x prose (per byte)'],
        ...Object.entries(patho).map(([n, p]) => [`  ${n}`, p.bytes, fmt(p.ms, 1), fmt(perByte(p) / perByte(patho.prose), 2)])]);
    }
  }
  if (!Object.values(results.encodings).some((d) => d.libraries[OURS]?.calls?.pathological)) {
    console.log('\npathological inputs: not measured (they are measured for llmcalc only; every peer is quadratic on one long piece, see bench/README.md)');
  }
  if (results.download) {
    console.log('\ndownload for o200k_base (what a browser fetches; method in bench/lib/download.mjs)');
    table([['', 'raw', 'gzip -9', 'brotli -q 11', 'method'],
      ...libs.map((l) => {
        const d = results.download[l] ?? { error: 'not measured' };
        return d.error ? [l, d.error, '', '', ''] : [l, kb(d.raw), kb(d.gzip), kb(d.brotli), d.method + (d.cached ? ' (cached)' : '')];
      })]);
  }
  console.log(`\ntoken counts vs ${REFERENCE}: ${results.agreement.length ? `${results.agreement.length} disagreements` : 'every library agrees on every file'}`);
  for (const d of results.agreement.slice(0, 20)) console.log(`  ${d.encoding} ${d.library} ${d.file}: ${d.problem}`);
  console.log('\ntargets (issue #3). ratio: speed and size, best peer vs ours oriented so higher is better; pathological, our time / prose time');
  table([['target', 'encoding', 'goal', 'ours', 'best peer', 'ratio', ''],
    ...results.targets.filter((t) => t.section !== 'families').map((t) => [t.name, t.encoding, t.goal, fmt(t.ours, 2), `${fmt(t.peer, 2)} ${t.fastestPeer ?? ''}`, fmt(t.ratio, 2), t.status])]);
}
