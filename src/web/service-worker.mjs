// The web client's service worker, served as /app/sw.js (scope /app/). build.mjs fills in the
// build's version and the files of the app shell. A warden's phone must open the client and
// verify permits in a lane with no signal, after one visit online:
//   - the shell (index.html, scripts, styles, icons) is kept on install and answered from the
//     cache; index.html is asked of the network first, so a new build arrives when online;
//   - what the warden needs offline (the public keys, /api/me, the lanes and their landmarks) is asked of the network
//     first and kept; with no network the last answer is given. The revocation list and the
//     lane's last snapshot are kept by the client itself (permits/scan-cache.ts,
//     screens/spaces/live-lane.ts); scans made offline wait in the client's queue.
// Plain JavaScript on purpose: it runs in a worker, not the page, and is not bundled.
const VERSION = '__VERSION__';
const SHELL = JSON.parse('__SHELL__');
const SHELL_CACHE = `hutong-shell-${VERSION}`;
/** Member data: emptied by the client at logout (offline/service-worker.ts). */
const DATA_CACHE = 'hutong-data';
const INDEX = new URL('./', self.location.href).href;

/** GET paths kept for offline use, matched on the path alone. */
const OFFLINE_DATA = [
  /^\/\.well-known\/jwks\.json$/,
  /^\/api\/me$/,
  /^\/api\/lanes$/,
  /^\/api\/lanes\/[^/]+\/landmarks$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL.map((file) => new Request(file, { cache: 'reload' }))))
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
            .filter((name) => name.startsWith('hutong-shell-') && name !== SHELL_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' || url.href === INDEX) {
    event.respondWith(networkFirst(request, SHELL_CACHE, INDEX));
  } else if (url.pathname.startsWith('/app/')) {
    event.respondWith(cacheFirst(request));
  } else if (OFFLINE_DATA.some((pattern) => pattern.test(url.pathname))) {
    event.respondWith(networkFirst(request, DATA_CACHE, url.href));
  }
});

/** The network's answer, kept under `key`; with no network, the last one kept. */
async function networkFirst(request, cacheName, key) {
  try {
    const response = await fetch(request);
    if (response.status === 200) {
      const cache = await caches.open(cacheName);
      await cache.put(key, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(key, { cacheName, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

/** Built files never change under their name (the hash is in it): the cache answers first. */
async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE, ignoreSearch: true });
  return cached ?? fetch(request);
}
