// Fills the shared page shell into every HTML page at build time, so each
// page is complete static HTML (readable before any script runs) without
// repeating the header in every file:
//   <!-- llmcalc:head -->    meta tags, CSP, styles, the shell script
//   <!-- llmcalc:header -->  site header with navigation
//   <!-- llmcalc:footer -->  footer
//   <!-- llmcalc:tools -->   the list of tools with one line each (home page)
import { relative, dirname } from 'node:path';
import { tools } from './tools.js';

// Only the site itself and WebAssembly compilation; nothing from elsewhere.
// Applied to built pages only: Vite's dev server injects inline scripts.
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function header(prefix, currentPath) {
  const links = tools
    .map((t) => {
      const current = t.path === currentPath ? ' aria-current="page"' : '';
      return `<li><a href="${prefix}${t.path}"${current}>${escape(t.name)}</a></li>`;
    })
    .join('');
  return `<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="site-header__inner">
    <a class="brand" href="${prefix}"><span class="brand__mark" aria-hidden="true">◆</span> llmcalc</a>
    <nav class="site-nav" aria-label="Tools"><ul>${links}</ul></nav>
    <button type="button" class="theme-toggle" data-theme-toggle aria-label="Switch to dark theme">◐</button>
  </div>
</header>`;
}

function toolList(prefix) {
  return tools
    .map((t) => `<li class="card tool-list__item"><a href="${prefix}${t.path}">${escape(t.name)}</a>
  <p>${escape(t.summary)}</p></li>`)
    .join('\n');
}

function footer(prefix) {
  return `<footer class="site-footer">
  <p>Everything is computed in this page: nothing you type leaves your browser.
  <a href="${prefix}">All tools</a> · <a href="${prefix}about/">About, sources and licenses</a></p>
</footer>`;
}

export function htmlShell({ root }) {
  let isBuild = false;
  return {
    name: 'llmcalc-html-shell',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const pageDir = relative(root, dirname(ctx.filename));
        const depth = pageDir === '' ? 0 : pageDir.split('/').length;
        const prefix = depth === 0 ? './' : '../'.repeat(depth);
        const currentPath = pageDir === '' ? '' : `${pageDir}/`;
        const csp = isBuild ? `<meta http-equiv="Content-Security-Policy" content="${CSP}">` : '';
        const head = `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${csp}
<meta name="color-scheme" content="light dark">
<link rel="icon" href="${prefix}favicon.svg" type="image/svg+xml">
<script type="module" src="/src/shell/shell.js"></script>`;
        return html
          .replace('<!-- llmcalc:head -->', head)
          .replace('<!-- llmcalc:header -->', header(prefix, currentPath))
          .replace('<!-- llmcalc:footer -->', footer(prefix))
          .replace('<!-- llmcalc:tools -->', toolList(prefix));
      },
    },
  };
}
