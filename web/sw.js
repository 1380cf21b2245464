// Waymark service worker: after one visit the app loads and works with no network.
//
// Every file of one build is cached together under a cache named after the build id (stamped in by
// scripts/stage-web, with the list of files). Requests are answered from that one cache, so a page
// never mixes one version's JavaScript with another's WebAssembly. A new build installs beside the
// old one and waits; the page offers "Reload", which activates it and reloads the page, and the old
// cache is deleted on activation.
'use strict';
const BUILD = '__BUILD_ID__';
const FILES = __FILES__;
const CACHE = `waymark-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // cache: 'reload' skips the HTTP cache so that the new version's files are really fetched.
    await Promise.all(FILES.map(async (file) => {
      const response = await fetch(new Request(file, { cache: 'reload' }));
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      await cache.put(file, response);
    }));
    // The first install has no old version to protect: take over at once.
    if (!self.registration.active) await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('waymark-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Keys are full URLs with their ?v=<build> query; the page itself is cached as the scope URL.
    const navigate = event.request.mode === 'navigate';
    const hit = navigate ? await cache.match('./') : await cache.match(event.request);
    if (hit) return hit;
    try {
      return await fetch(event.request);
    } catch (err) {
      return new Response('Waymark is offline and this file is not part of the installed version.',
                          { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
  })());
});
