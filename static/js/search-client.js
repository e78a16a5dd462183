/**
 * The page's side of the search worker (search-worker.js): one worker per page, started on first
 * need, its index built from the directory saved on this phone. Only the latest query's answer
 * is used, so a slow answer never overwrites a newer one.
 */
let searchWorker = null;
let searchReady = null;
let searchSeq = 0;
const searchPending = new Map();

function searchWorkerUrl() {
  const meta = document.querySelector('meta[name="search-worker"]');
  return meta ? meta.content : null;
}

/** Start the worker and have it index the directory saved for `lang`; resolves to {count} (0: nothing saved). */
export function startSearch(lang) {
  if (!searchReady) {
    const url = searchWorkerUrl();
    if (!url || typeof Worker !== 'function') return Promise.resolve({ count: 0 });
    searchWorker = new Worker(url);
    searchWorker.addEventListener('message', (event) => {
      const reply = event.data;
      const waiting = searchPending.get(reply.id === undefined ? 'load' : reply.id);
      if (waiting) {
        searchPending.delete(reply.id === undefined ? 'load' : reply.id);
        waiting(reply);
      }
    });
    searchReady = new Promise((resolve) => {
      searchPending.set('load', resolve);
      searchWorker.postMessage({ type: 'load', lang });
    });
  }
  return searchReady;
}

/** Search the saved directory: {ids, total, corrected}, or null when a newer query was asked meanwhile. */
export async function searchSaved(lang, query, limit) {
  await startSearch(lang);
  if (!searchWorker) return { ids: [], total: 0, corrected: false };
  searchSeq += 1;
  const id = searchSeq;
  const reply = await new Promise((resolve) => {
    searchPending.set(id, resolve);
    searchWorker.postMessage({ type: 'search', id, query, lang, limit });
  });
  return id === searchSeq ? reply : null;
}

/** Every result, whatever was asked since (for pages drawn from the saved directory). */
export async function searchAll(lang, query) {
  await startSearch(lang);
  if (!searchWorker) return { ids: [], total: 0, corrected: false };
  searchSeq += 1;
  const id = `all-${searchSeq}`;
  return new Promise((resolve) => {
    searchPending.set(id, resolve);
    searchWorker.postMessage({ type: 'search', id, query, lang });
  });
}

/** The search data kept by the worker (search-data.json from Cache Storage), read on the page. */
export async function savedSearchDataOnPage(lang) {
  const url = `/${lang}/offline/search-data.json`;
  try {
    const kept = 'caches' in window ? await caches.match(url) : null;
    if (kept) return await kept.json();
    const response = await fetch(url);
    if (response.ok) return await response.json();
  } catch { /* nothing kept and no network: no filter facts */ }
  return { services: {}, places: [], terms: {} };
}

/** Keep /<lang>/offline/search-data.json current in Cache Storage (a conditional request: mostly a 304). */
export async function refreshSearchData(lang) {
  if (!('caches' in window) || !navigator.onLine) return;
  const url = `/${lang}/offline/search-data.json`;
  const cache = await caches.open('passerelle-search-data-v1');
  const kept = await cache.match(url);
  const etag = kept && kept.headers.get('ETag');
  const response = await fetch(url, { cache: 'no-store', headers: etag ? { 'If-None-Match': etag } : {} });
  if (response.ok) await cache.put(url, response);
  if (response.ok || response.status === 304) document.documentElement.dataset.searchData = 'kept';
}
