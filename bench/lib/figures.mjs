// Figures and tables shared by both sections of the report (report.mjs,
// family_report.mjs).

const MB = 1e6; // throughput is in MB/s of UTF-8 input, 1 MB = 10^6 bytes

/** MB/s of each pass and µs per short string, per library of each entry of `table`. */
export function summarize(table) {
  for (const data of Object.values(table)) {
    for (const r of Object.values(data.libraries)) {
      const files = r.passes?.files;
      if (files) {
        const bytes = files.reduce((s, f) => s + f.bytes, 0);
        r.firstMBps = bytes / MB / (files.reduce((s, f) => s + f.firstMs, 0) / 1000);
        r.warmMBps = bytes / MB / (files.reduce((s, f) => s + f.warmMs, 0) / 1000);
      }
      r.usPerCall = r.calls?.short?.usPerCall;
    }
  }
}

/**
 * Per corpus file of each library's passes: first pass against warm pass,
 * and the count against `reference`'s (a key of `libraries`).
 */
export function passAgreement(libraries, reference) {
  const out = [];
  const ref = libraries[reference]?.passes?.files;
  for (const [library, r] of Object.entries(libraries)) {
    for (const [i, f] of (r.passes?.files ?? []).entries()) {
      const file = f.path.split('/').slice(-2).join('/');
      if (f.warmTokens !== f.tokens) {
        out.push({ library, file, problem: `first pass ${f.tokens} tokens, warm pass ${f.warmTokens}` });
      }
      if (ref && library !== reference && ref[i]?.tokens !== f.tokens) {
        out.push({ library, file, tokens: f.tokens, [reference]: ref[i]?.tokens,
          problem: `${f.tokens} tokens, ${reference} ${ref[i]?.tokens}` });
      }
    }
  }
  return out;
}

export const fmt = (v, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '-');
export const kb = (v) => (Number.isFinite(v) ? `${(v / 1024).toFixed(0)} KiB` : '-');

export function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}


/** The rows both sections show for each library: [label, key, digits]. */
export const LIBRARY_ROWS = [
  ['cold start, ms (median)', 'coldMs', 0],
  ['memory over Node, MB', 'memoryMB', 1],
  ['first pass, MB/s', 'firstMBps', 2],
  ['warm pass, MB/s', 'warmMBps', 2],
];

/** A column per library of data.libraries, a row per [label, key, digits]; then any errors. */
export function libraryTable(data, libs, rows) {
  const cell = (l, key, digits) => {
    const r = data.libraries[l];
    if (!r) return l === 'llmcalc' ? 'not built' : '-';
    return r.error && !Number.isFinite(r[key]) ? 'error' : fmt(r[key], digits);
  };
  table([['', ...libs], ...rows.map(([label, key, digits]) => [label, ...libs.map((l) => cell(l, key, digits))])]);
  for (const [l, r] of Object.entries(data.libraries)) {
    for (const part of ['passes', 'calls']) if (r[part]?.error) console.log(`  ${l} ${part}: ${r[part].error}`);
    if (r.error) console.log(`  ${l}: ${r.error}`);
  }
}
