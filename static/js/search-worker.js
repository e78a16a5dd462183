/**
 * The search worker: builds the search index (search-core.js) off the page's thread and answers
 * queries, so typing never waits for it. Messages in: {type: 'load', lang} (the directory saved on
 * this phone), {type: 'index', records, terms, data} (given records, terms and search data),
 * {type: 'search', id, query, limit}. Out: {type: 'ready', count, ms} and
 * {type: 'results', id, ids, total, corrected} (`corrected`: the query as read where typos were).
 */
import { getDataset, allServices } from './store.js';
import { buildIndex, searchIndex } from './search-core.js';
import { prepare } from './spelling.js';

const SEARCH_DATA_CACHE = 'passerelle-search-data-v1';
let searchState = null; // {index, version}

async function savedSearchData(lang) {
  const url = `/${lang}/offline/search-data.json`;
  const cache = await caches.open(SEARCH_DATA_CACHE);
  try {
    const kept = await cache.match(url);
    const headers = kept && kept.headers.get('ETag') ? { 'If-None-Match': kept.headers.get('ETag') } : {};
    const response = await fetch(url, { cache: 'no-store', headers });
    if (response.status === 304 && kept) return kept.json();
    if (response.ok) {
      await cache.put(url, response.clone());
      return response.json();
    }
  } catch { /* offline: the copy kept below will do */ }
  const kept = await cache.match(url);
  return kept ? kept.json() : { terms: {}, services: {} };
}

function indexRecords(records, terms, data) {
  const started = performance.now();
  const index = buildIndex(records, terms, data);
  prepare(index); // the typo vocabulary, in the background once the index answers
  return { index, ms: performance.now() - started, count: records.length };
}

async function handle(message) {
  if (message.type === 'load') {
    const dataset = await getDataset(message.lang);
    if (!dataset) return { type: 'ready', count: 0, ms: 0, empty: true };
    if (searchState && searchState.version === `${message.lang}:${dataset.version}`) {
      return { type: 'ready', count: searchState.count, ms: 0 };
    }
    const [records, extra] = await Promise.all([allServices(message.lang), savedSearchData(message.lang)]);
    const built = indexRecords(records, dataset.terms, extra);
    searchState = { ...built, version: `${message.lang}:${dataset.version}` };
    return { type: 'ready', count: built.count, ms: built.ms };
  }
  if (message.type === 'index') {
    const built = indexRecords(message.records, message.terms, message.data);
    searchState = { ...built, version: 'given' };
    return { type: 'ready', count: built.count, ms: built.ms };
  }
  if (message.type === 'search') {
    if (!searchState) return { type: 'results', id: message.id, ids: [], total: 0, corrected: null, notReady: true };
    const started = performance.now();
    const found = searchIndex(searchState.index, message.query);
    const limit = message.limit || found.ids.length;
    return {
      type: 'results', id: message.id, ids: found.ids.slice(0, limit), total: found.ids.length,
      corrected: found.corrected, ms: performance.now() - started,
    };
  }
  return { type: 'error', id: message.id, error: 'unknown message' };
}

self.addEventListener('message', (event) => {
  handle(event.data).then((reply) => self.postMessage(reply), (error) => {
    self.postMessage({ type: 'error', id: event.data && event.data.id, error: String(error && error.message) });
  });
});
