/**
 * Search as you type, from the directory saved on this phone: under the search box, the first
 * few matches, found by the search worker while the person keeps typing. Enter still opens the
 * full results page (the server's, or the one drawn on the phone when offline).
 */
import { getDataset, getService } from './store.js';
import { clearsThisPhone } from './safety.js';
import { refreshSearchData, searchSaved, startSearch } from './search-client.js';

const LIVE_RESULTS = 6;

function liveText(t) {
  return Array.isArray(t) ? t[0] : (t || '');
}

async function showLiveResults(input, list, lang) {
  const query = input.value;
  if (!query.trim()) { list.replaceChildren(); list.hidden = true; return; }
  const found = await searchSaved(lang, query, LIVE_RESULTS);
  if (!found || input.value !== query) return; // a newer query is on its way
  const records = (await Promise.all(found.ids.map((id) => getService(lang, id)))).filter(Boolean);
  if (input.value !== query) return;
  list.replaceChildren(...records.map((r) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/${lang}/services/${encodeURIComponent(r.i)}`;
    link.textContent = liveText(r.n);
    if (r.o) {
      const org = document.createElement('span');
      org.className = 'org';
      org.textContent = liveText(r.o);
      link.append(org);
    }
    item.append(link);
    return item;
  }));
  list.hidden = records.length === 0;
  document.documentElement.dataset.liveResults = String(records.length);
}

async function startLiveSearch() {
  const input = document.getElementById('q');
  const status = document.getElementById('offline-status');
  if (!input || !status || !('indexedDB' in window) || clearsThisPhone()) return;
  const lang = status.dataset.lang;
  const saved = await getDataset(lang).catch(() => null);
  if (!saved) return;
  // Filters and cross-language search offline need search-data.json: keep it beside the snapshot.
  const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 500));
  idle(() => { refreshSearchData(lang).catch(() => {}); });
  const list = document.createElement('ul');
  list.className = 'live-results';
  list.id = 'live-results';
  list.hidden = true;
  list.setAttribute('aria-live', 'polite');
  input.closest('form').after(list);
  input.addEventListener('focus', () => { startSearch(lang); }, { once: true });
  input.addEventListener('input', () => { showLiveResults(input, list, lang); });
}

setTimeout(startLiveSearch, 0); // a task of its own, after the page's first (entry.js)
