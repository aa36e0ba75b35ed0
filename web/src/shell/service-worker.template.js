// llmcalc's service worker (generated into dist/sw.js by
// service-worker-plugin.js, which fills in VERSION and PRECACHE from the
// build output). Cache-first: after the first visit every tool works
// offline. Vocabularies are large and a page uses only some, so they are
// cached when first used rather than up front.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `llmcalc-${VERSION}`;
const RUNTIME = `llmcalc-runtime-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, self.registration.scope))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((n) => n.startsWith('llmcalc-') && n !== CACHE && n !== RUNTIME)
            .map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});

async function respond(request) {
  // Tool state lives in the query string; the page itself does not vary.
  const ignoreSearch = request.mode === 'navigate';
  const cached = await caches.match(request, { ignoreSearch });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const cache = await caches.open(RUNTIME);
    cache.put(request, response.clone());
  }
  return response;
}
