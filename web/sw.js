// sw.js — CaseHub's service worker: the app opens offline after the first visit.
// The shell (page, glue, wasm, data) is served from the cache at once and refreshed
// in the background as one set, so casehub_web.js and .wasm never come from two
// different builds. /api/ is never intercepted nor cached: its answers belong to one
// signed-in user (caching them by URL would hand them to the next user of the browser),
// and the offline copy of the data is the replica the client keeps in IndexedDB.
'use strict';

const SHELL_CACHE = 'casehub-shell-v3';
const SHELL = ['./', 'index.html', 'casehub.js', 'accessibility.js', 'device_store.js', 'casehub_web.js', 'casehub_web.wasm', 'casehub_web.data',
               'manifest.webmanifest', 'icon.svg'];

function shellUrls() {
  return SHELL.map((path) => new URL(path, self.registration.scope).href);
}

// Fetches the whole shell and replaces the cached copy only if every file arrived.
async function refreshShell() {
  const urls = shellUrls();
  const responses = await Promise.all(urls.map((url) => fetch(url, { cache: 'no-cache' })));
  if (!responses.every((r) => r.ok)) throw new Error('shell refresh incomplete');
  const cache = await caches.open(SHELL_CACHE);
  await Promise.all(urls.map((url, i) => cache.put(url, responses[i])));
}

self.addEventListener('install', (event) => {
  event.waitUntil(refreshShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const keep = new Set([SHELL_CACHE]);  // drops the api cache of earlier versions too
    for (const key of await caches.keys()) if (!keep.has(key)) await caches.delete(key);
    await self.clients.claim();
  })());
});

let refreshing = null;  // one background refresh at a time

async function shellFirst(request, event, isNavigation) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (isNavigation && !refreshing) {
    refreshing = refreshShell().catch(() => {}).finally(() => { refreshing = null; });
    event.waitUntil(refreshing);
  }
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && SHELL.some((p) => new URL(p, self.registration.scope).href === request.url))
    await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;  // mutations go straight to the network (sync retries them)
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname === '/health') return;
  const navigate = request.mode === 'navigate';
  const shellRequest = navigate ? new Request(new URL('./', self.registration.scope).href) : request;
  event.respondWith(shellFirst(shellRequest, event, navigate));
});
