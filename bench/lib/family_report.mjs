// The families section of the report (issue #4): llmcalc against each
// family's reference (bench/lib/families.mjs), per-file token-count
// agreement, and the issue's targets: at least 5x the reference's
// throughput, cold start under 200 ms for Gemma 3, and each vocabulary's
// download smaller than the reference package's.
import { REFERENCE, referencePackage } from './families.mjs';
import { LIBRARY_ROWS, fmt, kb, libraryTable, passAgreement, summarize, table } from './figures.mjs';
import { OURS } from './libraries.mjs';

const SPEEDUP = 5;
const COLD_MS = 200;
const COLD_FAMILY = 'gemma3';
const SIZES = ['raw', 'gzip', 'brotli'];

/** Fills the figures and results.familyAgreement; returns the targets. */
export function evaluateFamilyTargets(results) {
  const table = results.families;
  summarize(table);
  results.familyAgreement = Object.entries(table).flatMap(([family, data]) =>
    passAgreement(data.libraries, REFERENCE).map((d) => ({ family, ...d })));
  const targets = [];
  const add = (name, family, goal, ours, reference, ratio, pass) =>
    targets.push({ section: 'families', name, encoding: family, goal, ours, reference, ratio,
      status: Number.isFinite(ours) && Number.isFinite(reference) ? (pass ? 'PASS' : 'MISS') : 'n/a' });
  for (const [family, data] of Object.entries(table)) {
    const o = data.libraries[OURS] ?? {};
    const ref = data.libraries[REFERENCE] ?? {};
    for (const [name, key] of [['first-pass throughput', 'firstMBps'], ['warm throughput', 'warmMBps']]) {
      const ratio = o[key] / ref[key];
      add(name, family, `>= ${SPEEDUP}x reference`, o[key], ref[key], ratio, ratio >= SPEEDUP);
    }
    if (family === COLD_FAMILY) {
      add('cold start (ms)', family, `< ${COLD_MS} ms`, o.coldMs, ref.coldMs, ref.coldMs / o.coldMs, o.coldMs < COLD_MS);
    }
    for (const kind of SIZES) {
      const ours = data.download?.[OURS]?.[kind];
      const theirs = data.download?.[REFERENCE]?.[kind];
      add(`vocabulary download (${kind} bytes)`, family, 'smaller than reference', ours, theirs, theirs / ours, ours < theirs);
    }
  }
  return targets;
}

export function printFamilies(results) {
  const { meta: m, families } = results;
  const names = Object.keys(families);
  const libs = [OURS, REFERENCE];
  console.log(`\n== Other families (issue #4): llmcalc vs each family's reference ==`);
  console.log(`references: ${names.map((f) => `${f} ${referencePackage(f)}@${m.versions[referencePackage(f)]}`).join(', ')}`);
  console.log(`(the @lenml packages run @lenml/tokenizers@${m.versions['@lenml/tokenizers'] ?? '-'}); both sides match every added token`);
  console.log(`throughput on the first <= ${m.options.familyBytes || 'all'} bytes of each corpus file`);
  for (const family of names) {
    const data = families[family];
    console.log(`\n${family}`);
    libraryTable(data, libs, LIBRARY_ROWS);
    if (data.download) {
      const row = (l) => {
        const d = data.download[l];
        return d.error ? [`  ${l}`, d.error, '', '', ''] : [`  ${l}`, kb(d.raw), kb(d.gzip), kb(d.brotli), d.files.map((f) => f.name.split('/').pop()).join(' + ')];
      };
      table([['  vocabulary download', 'raw', 'gzip -9', 'brotli -q 11', 'files'], ...libs.map(row)]);
    }
  }
  const disagree = results.familyAgreement;
  console.log(`\ntoken counts vs each reference: ${disagree.length ? `${disagree.length} disagreements` : 'every family agrees on every file'}`);
  for (const d of disagree.slice(0, 20)) console.log(`  ${d.family} ${d.library} ${d.file}: ${d.problem}`);
  console.log('\ntargets (issue #4). ratio: reference vs ours oriented so that higher is better');
  table([['target', 'family', 'goal', 'ours', 'reference', 'ratio', ''],
    ...results.targets.filter((t) => t.section === 'families').map((t) => {
      const size = t.name.includes('bytes');
      const show = (v) => (size ? kb(v) : fmt(v, 2));
      return [t.name, t.encoding, t.goal, show(t.ours), show(t.reference), fmt(t.ratio, 2), t.status];
    })]);
}
