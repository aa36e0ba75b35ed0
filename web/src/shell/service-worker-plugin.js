// Writes dist/sw.js after the bundle: its precache list is the build
// output itself (never a hand-kept list) and its cache name carries a hash
// of that output, so every deploy gets a fresh cache. Files matching
// `runtimeOnly` (vocabularies) are left to be cached on first use.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('./service-worker.template.js', import.meta.url));

function listFiles(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) listFiles(full, out);
    else out.push(full);
  }
  return out;
}

export function serviceWorker({ runtimeOnly = /\.bin$/ } = {}) {
  let outDir;
  return {
    name: 'llmcalc-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = listFiles(outDir)
        .map((f) => relative(outDir, f).split('\\').join('/'))
        .filter((f) => f !== 'sw.js' && !runtimeOnly.test(f))
        .sort();
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(readFileSync(join(outDir, f)));
      const version = hash.digest('hex').slice(0, 16);
      // Directory URLs ("break-even/") are what people navigate to.
      const precache = files.map((f) => (f.endsWith('index.html') ? f.slice(0, -'index.html'.length) || './' : f));
      const source = readFileSync(TEMPLATE, 'utf8')
        .replace('__VERSION__', version)
        .replace('__PRECACHE__', JSON.stringify(precache, null, 1));
      writeFileSync(join(outDir, 'sw.js'), source);
    },
  };
}
