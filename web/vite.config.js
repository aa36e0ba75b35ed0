// The static multi-page site. Every web/**/index.html is a page; the shared
// shell (head, header, footer) is filled in by html-shell-plugin.js.
import { defineConfig } from 'vite';
import { readdirSync, statSync } from 'node:fs';
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
  plugins: [htmlShell({ root }), serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    rollupOptions: { input: findPages(root) },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
