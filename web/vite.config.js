// The static multi-page site. Every web/**/index.html is a page; the shared
// shell (head, header, footer) is filled in by html-shell-plugin.js.
import { defineConfig } from 'vite';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlShell } from './src/shell/html-shell-plugin.js';
import { serviceWorker } from './src/shell/service-worker-plugin.js';

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

// NOTICE and the model licenses it points to (../licenses) travel with the
// vocabularies: the Llama 3 and Gemma terms ask for a copy of each agreement
// and a "Notice" text file beside the files they cover.
function shipLicenses() {
  const licenses = resolve(root, '../licenses');
  return {
    name: 'llmcalc-ship-licenses',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'NOTICE.txt', source: readFileSync(resolve(root, '../NOTICE')) });
      for (const f of readdirSync(licenses)) {
        this.emitFile({ type: 'asset', fileName: `licenses/${f}`, source: readFileSync(join(licenses, f)) });
      }
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
  plugins: [htmlShell({ root }), serviceWorker(), shipLicenses()],
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
