// The static multi-page site. Every web/**/index.html is a page; the shared
// shell (head, header, footer) is filled in by html-shell-plugin.js.
import { defineConfig } from 'vite';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlShell } from './src/shell/html-shell-plugin.js';
import { serviceWorker } from './src/shell/service-worker-plugin.js';
import { UNSERVED_VOCABULARIES } from './unserved-vocabularies.js';

const root = dirname(fileURLToPath(import.meta.url));
const skip = new Set(['dist', 'public', 'src', 'node_modules']);

function findPages(dir, pages = {}) {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) {
      // Build outputs (dist, dist-subpath, …) are never pages.
      if (!skip.has(entry) && !entry.startsWith('dist')) findPages(full, pages);
    } else if (entry === 'index.html') {
      const name = dir === root ? 'home' : dir.slice(root.length + 1);
      pages[name] = full;
    }
  }
  return pages;
}

// The widget loader keeps one unhashed URL, the one bloggers paste; the
// widgets' lazily imported code sits beside it (hashed, like all assets).
const WIDGET_LOADER = 'llmcalc-widgets';
const WIDGETS_DIR = resolve(root, 'widgets') + '/';
// A chunk of widget code alone (style sheets imported as text count as part of it).
const isWidgetChunk = (chunk) => {
  const code = chunk.moduleIds.filter((id) => !id.endsWith('?inline'));
  return code.length > 0 && code.every((id) => id.startsWith(WIDGETS_DIR));
};

// Leaves the unserved vocabularies (unserved-vocabularies.js) out of the
// build; js/assets.js names them, so Vite emits them like the others.
function leaveOutUnserved() {
  const unserved = new RegExp(`^(${UNSERVED_VOCABULARIES.join('|')})-[\\w-]+\\.bin$`);
  let outDir;
  return {
    name: 'llmcalc-leave-out-unserved',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir, config.build.assetsDir);
    },
    closeBundle() {
      for (const f of readdirSync(outDir)) if (unserved.test(f)) rmSync(join(outDir, f));
    },
  };
}

export default defineConfig({
  root,
  // Relative asset URLs: the same build works at / and under GitHub Pages'
  // /<repo>/ sub-path.
  base: './',
  resolve: {
    alias: [
      // "llmcalc/tokenizer": the tokenizer-only module (package.json exports).
      { find: /^llmcalc\/tokenizer$/, replacement: resolve(root, '../js/tokenizer_browser.js') },
      { find: /^llmcalc$/, replacement: resolve(root, '../js/browser.js') },
    ],
  },
  plugins: [htmlShell({ root }), serviceWorker(), leaveOutUnserved()],
  // js/assets.js reads it: those encodings are not offered, and the core
  // counts their models' text as an estimate.
  define: { __LLMCALC_UNSERVED_VOCABULARIES__: JSON.stringify(UNSERVED_VOCABULARIES) },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    rollupOptions: {
      input: { ...findPages(root), [WIDGET_LOADER]: resolve(root, 'widgets/llmcalc-widgets.js') },
      output: {
        entryFileNames: (chunk) => (chunk.name === WIDGET_LOADER ? `widgets/${WIDGET_LOADER}.js` : 'assets/[name]-[hash].js'),
        chunkFileNames: (chunk) => (isWidgetChunk(chunk) ? 'widgets/[name]-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
    // Widgets run on other people's pages: their imports are not announced
    // with <link rel="modulepreload"> tags added to the host's <head>.
    modulePreload: {
      resolveDependencies: (file, deps, { hostId }) => (hostId.startsWith('widgets/') ? [] : deps),
    },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
