// Cable Viewer's service worker: the app works offline once visited.
// The post-build hook (src/pwa/postbuild.mjs) replaces VERSION and FILES with a
// hash of the build's content and its file list, so every build gets its own cache.
const VERSION = 'development';
const FILES = [];
const PREFIX = 'cable-viewer-';
const CACHE = `${PREFIX}${VERSION}`;
// Files of the build cached when first loaded rather than on install: the samples, the icons,
// the routing book (loaded when an envelope is first opened, or early on a later visit), and the
// library's part, worker and styles (loaded only when a library is opened).
const LATER = ['/samples/', '/icons/', '/routing.txt', '/library'];
// Shared cables wait here for the page to take them; nothing is sent anywhere.
const SHARED = 'cable-viewer-shared';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE && name !== SHARED) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page asks a waiting worker to take over when the reader chooses to reload.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'cable-viewer:skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Never anything from another origin: those requests go on untouched and uncached.
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && url.pathname === '/share') {
    event.respondWith(receiveShare(request));
    return;
  }
  if (request.method !== 'GET') return;
  if (url.pathname === '/shared-cables') {
    event.respondWith(takeShared());
    return;
  }
  // Navigations (deep links like /#p3 included) get the app shell; other files cache-first.
  const key = request.mode === 'navigate' ? new URL('./', self.registration.scope).href : request;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(key, { ignoreSearch: true });
      if (hit) return hit;
      const response = await fetch(request);
      // Sample cables, the manifest's screenshots (install-dialog art), the routing book and the library's part and worker are
      // not precached, so a first visit stays small; whatever of them the browser loads is kept, so
      // that offline an opened sample opens again, a library opens as it did online, and the
      // install dialog shows what it showed online.
      if (response.ok && LATER.some((dir) => url.pathname.startsWith(dir))) await cache.put(request, response.clone());
      return response;
    }),
  );
});

async function receiveShare(request) {
  const form = await request.formData();
  const parts = [];
  const text = ['title', 'text', 'url'].map((k) => form.get(k)).filter((v) => typeof v === 'string' && v).join('\n');
  if (text) parts.push({ name: 'Shared text', text });
  for (const file of form.getAll('cables')) {
    if (typeof file !== 'string') parts.push({ name: file.name, text: await file.text() });
  }
  const cache = await caches.open(SHARED);
  await cache.put('/shared-cables', new Response(JSON.stringify(parts), { headers: { 'content-type': 'application/json' } }));
  return Response.redirect('/?shared', 303);
}

async function takeShared() {
  const cache = await caches.open(SHARED);
  const hit = await cache.match('/shared-cables');
  await cache.delete('/shared-cables');
  return hit || new Response('[]', { headers: { 'content-type': 'application/json' } });
}
