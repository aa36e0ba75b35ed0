// A small static file server for the built site, bound to 127.0.0.1.
// Used by scripts/start.sh and the browser tests. It sends the MIME types
// a browser needs (application/wasm enables streaming compilation) and no
// caching headers, like a plain static host.
//   node tools/serve.mjs DIR [PORT]        (PORT 0 picks a free one)
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};

/**
 * Serves `root` (optionally under the URL prefix `base`, like GitHub Pages'
 * /<repo>/) and resolves to { server, url }. `headers` go on every
 * response (the widget test sends CORS headers, as GitHub Pages does).
 * `onServe(file)` hears of every file sent (bench/site.mjs counts bytes
 * that way, without asking the browser for the bodies).
 */
export function serve(root, { port = 0, base = '/', headers = {}, onServe } = {}) {
  const rootDir = resolve(root);
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    path = '/' + path.slice(base.length);
    let file = normalize(join(rootDir, path));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      res.writeHead(200, {
        ...headers,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': size,
      });
      onServe?.(file);
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolveServer) => {
    server.listen(port, '127.0.0.1', () => {
      resolveServer({ server, url: `http://127.0.0.1:${server.address().port}${base}` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'web/dist', port = '4173', base = '/'] = process.argv.slice(2);
  const { url } = await serve(root, { port: Number(port), base });
  console.log(`serving ${root} at ${url}`);
}
