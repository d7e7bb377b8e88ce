// Perheopas service worker: after the first visit the whole app works offline.
// The build (Trunk post-build hook → `perheopas-xtask sw`) fills in VERSION, a hash of every
// file's contents, and PRECACHE, the list of files; a new build or a new catalogue therefore
// means a new worker, which the page offers as "New version available".
const VERSION = '__PERHEOPAS_VERSION__';
const PRECACHE = __PERHEOPAS_PRECACHE__;
const CACHE = `perheopas-${VERSION}`;

self.addEventListener('install', (event) => {
  // Relative to the worker's own URL, so the app works under any sub-path.
  const urls = PRECACHE.map((p) => new URL(p, self.registration.scope));
  const work = [caches.open(CACHE).then((cache) => cache.addAll(urls))];
  // Where the browser has static routes (Chromium), the app's files come straight from this
  // version's cache, without starting or waiting for this script: on a returning visit that is
  // the Wasm, the catalogue and the fonts each about 100 ms sooner on a slow phone. Pages (any
  // query is the same shell) still go through the fetch handler below, and so does every
  // browser without the API; a file missing from the cache falls back to the network.
  // Routes are a speed-up only: if the browser refuses them, the worker installs without them.
  if (event.addRoutes) {
    const files = urls.filter((u) => !u.pathname.endsWith('/') && !u.pathname.endsWith('/index.html'));
    const routes = files.map((u) => ({
      condition: { urlPattern: { baseURL: u.origin, pathname: u.pathname, search: '' }, requestMethod: 'get' },
      source: { cacheName: CACHE },
    }));
    const refused = (e) => console.warn('Perheopas: static routes refused, the fetch handler serves everything', e);
    try {
      work.push(event.addRoutes(routes).catch(refused));
    } catch (e) {
      refused(e);
    }
  }
  event.waitUntil(Promise.all(work));
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
