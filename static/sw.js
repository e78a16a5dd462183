/* Passerelle's service worker: the app shell from a cache, pages from the network when it answers
   in time, else the shell, which draws the page from the directory saved in IndexedDB. */

// Filled in by pwa_app/views/offline.py when it serves /sw.js: a hash of everything precached, and the list.
const VERSION = 'dev';
const PRECACHE_URLS = [];

const PREFIX = 'passerelle';
const SHELL_CACHE = `${PREFIX}-shell-${VERSION}`;
// Pages kept from visits, for pages the shell cannot draw offline. Never a search or any page with a
// query string (what a person looks for stays off the phone), nor a no-store answer; Quick exit
// deletes them all ('forget-visits'); a new version starts with none.
const PAGES_CACHE = `${PREFIX}-pages-${VERSION}`;
const NETWORK_TIMEOUT_MS = 3500;
const PAGES_KEPT = 60;
const DIRECTORY_PAGE = /^\/[A-Za-z_]+\/(?:|categories\/[^/]+|search|services\/[^/]+|r\/[^/]+|situations\/|situations\/[^/]+)$/;
// A plan answered on the phone (issue 18, static/js/plan-answers.js): drawn by the shell from the saved
// directory, never asked of the network, so the answers never leave the phone.
const ANSWERED_PLAN = /^\/[A-Za-z_]+\/situations\/[^/]+$/;

async function precache() {
  const cache = await caches.open(SHELL_CACHE);
  await cache.addAll(PRECACHE_URLS);
}

async function removeStaleCaches() {
  const ours = (name) => name.startsWith(`${PREFIX}-shell-`) || name.startsWith(`${PREFIX}-pages-`);
  const stale = (await caches.keys()).filter((name) => ours(name) && name !== SHELL_CACHE && name !== PAGES_CACHE);
  await Promise.all(stale.map((name) => caches.delete(name)));
}

// The shell in the page's language; a language not kept gets an honest page in its own words.
async function shellFor(url) {
  const lang = url.pathname.split('/')[1];
  const cache = await caches.open(SHELL_CACHE);
  return (await cache.match(`/${lang}/offline`)) || cache.match('/offline/elsewhere');
}

// The shell of each language a person uses, kept as they use it (only the default one is precached).
async function keepShell(url) {
  const lang = url.pathname.split('/')[1];
  if (!/^[A-Za-z_]+$/.test(lang)) return;
  const cache = await caches.open(SHELL_CACHE);
  const shell = `/${lang}/offline`;
  if (!(await cache.match(shell))) {
    const response = await fetch(shell);
    if (response.ok) await cache.put(shell, response);
  }
}

function keepable(url, response) {
  return response.ok && !url.search && !/^\/[A-Za-z_]+\/search$/.test(url.pathname)
    && !/no-store/i.test(response.headers.get('Cache-Control') || '');
}

async function forgetVisits() {
  const visits = (await caches.keys()).filter((name) => name.startsWith(`${PREFIX}-pages-`));
  await Promise.all(visits.map((name) => caches.delete(name)));
}

async function keepPage(request, response) {
  const cache = await caches.open(PAGES_CACHE);
  await cache.put(request, response);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - PAGES_KEPT)).map((key) => cache.delete(key)));
}

// Network first, with a short timeout; then the shell for directory pages (it draws them from
// fresh local data, with today's opening hours), or the copy kept from a visit, or the shell.
async function networkFirst(event) {
  const url = new URL(event.request.url);
  try {
    const response = await Promise.race([
      fetch(event.request),
      new Promise((_, reject) => { setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS); }),
    ]);
    if (response.ok) event.waitUntil(Promise.all([keepable(url, response) ? keepPage(event.request, response.clone()) : null, keepShell(url).catch(() => {})]));
    return response;
  } catch {
    const kept = DIRECTORY_PAGE.test(url.pathname) ? null : await caches.match(event.request, { cacheName: PAGES_CACHE });
    return kept || (await shellFor(url)) || Response.error();
  }
}

async function shellFirst(event) {
  const lang = new URL(event.request.url).pathname.split('/')[1];
  return (await caches.match(`/${lang}/offline`, { cacheName: SHELL_CACHE })) || networkFirst(event);
}

async function cacheFirst(request) {
  return (await caches.match(request, { cacheName: SHELL_CACHE })) || fetch(request);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache()); // no skipWaiting(): an update waits until the person agrees
});

self.addEventListener('activate', (event) => {
  event.waitUntil(removeStaleCaches().then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === '/curate' || url.pathname.startsWith('/curate/')) return; // curators' screens: network only, never kept
  if (event.request.mode === 'navigate' && url.search && ANSWERED_PLAN.test(url.pathname)) event.respondWith(shellFirst(event));
  else if (event.request.mode === 'navigate') event.respondWith(networkFirst(event));
  else if (PRECACHE_URLS.includes(url.pathname)) event.respondWith(cacheFirst(event.request));
});

// Issue 7: Background Sync sends the reports the page queued in IndexedDB (see report-queue.js);
// a rejected promise makes the browser try again later. The server keeps each key once.
async function sendQueuedReports() {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open(PREFIX);
    request.onupgradeneeded = () => request.transaction.abort(); // no database yet: nothing queued
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.onversionchange = () => db.close();
  const stored = (mode, work) => new Promise((resolve, reject) => {
    const request = work(db.transaction('outbox', mode).objectStore('outbox'));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const sent = [];
    for (const entry of db.objectStoreNames.contains('outbox') ? await stored('readonly', (s) => s.getAll()) : []) {
      const response = await fetch('/api/reports', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(entry.body),
      });
      if (response.status >= 500 || [408, 425, 429].includes(response.status)) throw new Error(`HTTP ${response.status}`);
      await stored('readwrite', (s) => s.delete(entry.key));
      if (response.ok) sent.push(entry.key);
    }
    if (sent.length) new BroadcastChannel('passerelle-reports').postMessage({ sent });
  } finally {
    db.close();
  }
}

self.addEventListener('sync', (event) => {
  if (event.tag === 'passerelle-reports') event.waitUntil(sendQueuedReports());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  else if (event.data === 'forget-visits') event.waitUntil(forgetVisits());
  else if (event.data && event.data.keepShell) event.waitUntil(keepShell(new URL(`/${event.data.keepShell}/`, self.location)).catch(() => {}));
});
