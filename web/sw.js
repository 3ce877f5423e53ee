// sw.js — CaseHub's service worker: the app opens offline after the first visit.
// The shell (page, glue, wasm, data) is served from the cache at once and refreshed
// in the background as one set, so casehub_web.js and .wasm never come from two
// different builds. /api/ goes to the network first and falls back to the last answer.
'use strict';

const SHELL_CACHE = 'casehub-shell-v1';
const API_CACHE = 'casehub-api-v1';
const SHELL = ['./', 'index.html', 'casehub.js', 'casehub_web.js', 'casehub_web.wasm', 'casehub_web.data',
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
    const keep = new Set([SHELL_CACHE, API_CACHE]);
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

async function networkFirst(request) {
  const cache = await caches.open(API_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(request);
    if (cached) return cached;
    return new Response(JSON.stringify({ error: { code: 'offline', message: 'You are offline and this data was never loaded on this device.' } }),
      { status: 503, headers: { 'Content-Type': 'application/json' } });
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;  // mutations go straight to the network (sync retries them)
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    event.respondWith(networkFirst(request));
    return;
  }
  if (url.pathname === '/health') return;
  const navigate = request.mode === 'navigate';
  const shellRequest = navigate ? new Request(new URL('./', self.registration.scope).href) : request;
  event.respondWith(shellFirst(shellRequest, event, navigate));
});
