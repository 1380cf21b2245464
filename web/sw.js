// Waymark service worker: after one visit the app loads and works with no network.
//
// Every file of one build is cached together under a cache named after the build id (stamped in by
// scripts/stage-web). Requests are answered from that one cache, so a page never mixes one
// version's JavaScript with another's WebAssembly. A new build installs beside the old one and
// waits; the page offers "Reload", which activates it and reloads the page, and the old cache is
// deleted on activation.
//
// A first visit downloads each file once: the page registers this worker after its first frame,
// and the worker asks the server whether what the page just loaded is still current (a revalidation
// through the HTTP cache, "304 Not Modified") instead of fetching it again. The CJK and symbol fonts
// (marked "lazy" in build.json) are not precached at all: the first time the page asks for one, the
// worker downloads it, checks it like any file of the build, keeps it and answers.
//
// A new build is only installed when every file arrived exactly as built: the build manifest
// (build.json) gives each file's size and SHA-256, and waymark.wasm must also be valid WebAssembly.
// A host that serves a half-uploaded or damaged version (a truncated waymark.wasm) would otherwise
// replace a working app with one that cannot start. A refused install leaves the old worker and
// its cache in charge, deletes what the new one stored, tells the open pages why (they say so in
// plain words) and is tried again at the next visit.
'use strict';
const BUILD = '__BUILD_ID__';
const CACHE = `waymark-${BUILD}`;

// Why a new version was not installed: which file, and a problem the page turns into words
// ('damaged', 'missing', 'mixed', 'network', 'storage'); `detail` is for the console.
class Refused extends Error {
  constructor(file, problem, detail) {
    super(`${file || 'cache'}: ${detail}`);
    this.file = file;
    this.problem = problem;
  }
}

async function download(file, request) {
  let response;
  try {
    response = await fetch(request);
  } catch (err) {
    throw new Refused(file, 'network', String(err));
  }
  if (!response.ok) throw new Refused(file, 'missing', `HTTP ${response.status}`);
  try {
    return { response, bytes: await response.arrayBuffer() };
  } catch (err) {
    throw new Refused(file, 'network', `the download broke off (${err})`);
  }
}

// The manifest of exactly this build (no-cache: a stale copy from the HTTP cache is no proof).
async function manifest() {
  const { bytes } = await download('build.json', new Request(`build.json?v=${BUILD}`, { cache: 'no-cache' }));
  let listed;
  try {
    listed = JSON.parse(new TextDecoder().decode(bytes));
  } catch (err) {
    throw new Refused('build.json', 'damaged', 'not JSON');
  }
  // The host may still be half-way through publishing: files of two versions side by side.
  if (listed.build !== BUILD) throw new Refused('build.json', 'mixed', `lists build ${listed.build}, not ${BUILD}`);
  if (!Array.isArray(listed.files) || !listed.files.length) throw new Refused('build.json', 'damaged', 'lists no files');
  return listed.files;
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

// One file, revalidated with the server (cache: 'no-cache': the HTTP cache's copy is used only when
// the server says it is current) and checked against the manifest. The answer is a fresh Response
// over the checked bytes, with the server's headers (Content-Type application/wasm keeps streaming
// compilation working for the page).
async function verified(entry) {
  const { response, bytes } = await download(entry.path, new Request(entry.url, { cache: 'no-cache' }));
  if (bytes.byteLength !== entry.bytes)
    throw new Refused(entry.path, 'damaged', `${bytes.byteLength} bytes instead of ${entry.bytes}`);
  if (hex(await crypto.subtle.digest('SHA-256', bytes)) !== entry.sha256)
    throw new Refused(entry.path, 'damaged', 'its SHA-256 is not the one in build.json');
  // validate() decodes and type-checks the whole module as compile() would, without making code
  // (so no Content-Security-Policy of the host can forbid it).
  if (entry.path.endsWith('.wasm') && !WebAssembly.validate(bytes))
    throw new Refused(entry.path, 'damaged', 'not valid WebAssembly');
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
}

// The manifest is kept in the build's cache too, for the lazy files (the worker may be restarted).
const MANIFEST_KEY = `build.json?v=${BUILD}`;

async function install() {
  const files = await manifest();
  // Everything is downloaded and checked before anything is stored: a refused version leaves no cache.
  const checked = await Promise.all(files.filter((entry) => !entry.lazy).map(async (entry) => [entry.url, await verified(entry)]));
  try {
    const cache = await caches.open(CACHE);
    for (const [url, response] of checked) await cache.put(url, response);
    await cache.put(MANIFEST_KEY, new Response(JSON.stringify(files), { headers: { 'Content-Type': 'application/json' } }));
  } catch (err) {
    throw new Refused('', 'storage', String(err));
  }
}

async function tellPages(message) {
  // The pages are controlled by the old worker (or by none on a first visit): include those.
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
}

self.addEventListener('install', (event) => {
  const first = !self.registration.active;
  event.waitUntil(install().then(async () => {
    // The first install has no old version to protect: take over at once.
    if (first) await self.skipWaiting();
  }, async (err) => {
    console.warn(`Waymark: version ${BUILD} was not installed:`, err.message);
    await caches.delete(CACHE);
    await tellPages({ type: 'update-refused', build: BUILD, first, file: err.file || '',
                      problem: err.problem || 'error', detail: err.message });
    throw err;  // the install fails: this worker becomes redundant, the old one stays
  }));
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
    // A lazy file of this build: fetched, checked and kept now.
    const listed = await cache.match(MANIFEST_KEY);
    const entry = listed && (await listed.json()).find((e) => e.lazy && new URL(e.url, self.registration.scope).href === url.href);
    if (entry) {
      try {
        const response = await verified(entry);
        await cache.put(entry.url, response.clone()).catch(() => {});   // full storage: answered, not kept
        return response;
      } catch (err) {
        return new Response(`Waymark could not load ${entry.path}: ${err.message}`,
                            { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      }
    }
    try {
      return await fetch(event.request);
    } catch (err) {
      return new Response('Waymark is offline and this file is not part of the installed version.',
                          { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
  })());
});
