// Perheopas service worker: after the first visit the whole app works offline.
// The build (Trunk post-build hook → `perheopas-xtask sw`) fills in VERSION, a hash of every
// file's contents, and PRECACHE, the list of files; a new build or a new catalogue therefore
// means a new worker, which the page offers as "New version available".
const VERSION = '__PERHEOPAS_VERSION__';
const PRECACHE = __PERHEOPAS_PRECACHE__;
const CACHE = `perheopas-${VERSION}`;

self.addEventListener('install', (event) => {
  // Relative to the worker's own URL, so the app works under any sub-path.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((p) => new URL(p, self.registration.scope)))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('perheopas-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page asks the waiting worker to take over when the user accepts the update.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Nothing from other origins is cached or answered here.
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Any page of the app is the same shell; the URL's query carries the state.
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(new URL('./', self.registration.scope)).then((shell) => shell || fetch(request)),
      ),
    );
    return;
  }
  // Precached files are versioned by the worker itself: cache first, network for the rest.
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request))),
  );
});
