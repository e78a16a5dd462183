/**
 * The entry point on every page: connect the service worker, keep the directory on this phone
 * current, say how current it is, and draw directory pages from it when the network is gone.
 */
import {
  prepareAnnouncements, showError, showOffline, showProgress, showReady, showRegionChooser, showSaved, showUpdate, strings,
} from './status-line.js';
import { refreshSearchData } from './search-client.js';
import { getDataset } from './store.js';
import { connectServiceWorker } from './sw-bridge.js';
import { availableRegions, chooseRegions, chosenRegions } from './regions.js';
import { syncInWorker } from './sync-client.js';
import { clearsThisPhone } from './safety.js';
import { drawToolPage, startSafety, startTools } from './toolkit.js';
import { startPlanAnswers } from './plan-answers.js';

function isQuotaError(error) {
  return Boolean(error) && (error.name === 'QuotaExceededError' || (error.inner && error.inner.name === 'QuotaExceededError'));
}

// The shell was drawn for /<lang>/offline: point the language links at this page instead.
// An answered plan's answers stay on the phone (issue 18): its links to other languages leave them out.
function fixLanguageLinks() {
  const rest = window.location.pathname.split('/').slice(2).join('/');
  const search = rest.startsWith('situations/') ? '' : window.location.search;
  for (const link of document.querySelectorAll('nav.langs a[hreflang]')) {
    const code = new URL(link.href).pathname.split('/')[1];
    link.href = `/${code}/${rest}${search}`;
  }
}

// With nothing saved for this page, a copy the service worker kept from a visit will do.
async function showCachedCopy(main) {
  if (!('caches' in window)) return false;
  const response = await caches.match(window.location.href);
  if (!response) return false;
  const cached = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('main');
  if (!cached) return false;
  main.replaceChildren(...cached.childNodes);
  return true;
}

// The directory pages, drawn from the saved records by the shell's own module (render.js and what
// only it needs: assets "offline"); no other page loads it.
async function drawFromSaved(main, lang, saved) {
  const { renderPage } = await import(document.querySelector('meta[name="offline-module"]').content);
  return renderPage(main, lang, saved, strings('render-strings'));
}

async function keepCurrent(lang) {
  if (clearsThisPhone()) return;
  try {
    const chosen = await chosenRegions();
    if (!chosen) { // a large directory: the person picks regions first
      const saved = await getDataset(lang).catch(() => null);
      showRegionChooser(await availableRegions(), null, (ids) => { chooseRegions(ids); keepCurrent(lang); });
      if (saved) showSaved(saved);
      return;
    }
    const result = await syncInWorker(lang, chosen, showProgress);
    // One visit is enough: what offline search and filters need in this language is kept before the
    // page says the directory is available offline.
    await refreshSearchData(lang);
    showSaved(result.dataset, { announce: result.status === 'saved' || result.status === 'updated' }); // a new version
    if (result.status === 'saved' && navigator.storage && navigator.storage.persist) {
      navigator.storage.persist().catch(() => {}); // keep it through storage pressure, where the browser agrees
    }
    document.documentElement.dataset.offlineVersion = result.dataset.version;
  } catch (error) {
    const saved = await getDataset(lang).catch(() => null);
    if (isQuotaError(error)) showError('quota');
    else if (!navigator.onLine && saved) showOffline(saved);
    else showError('failed');
    document.documentElement.dataset.offlineError = isQuotaError(error) ? 'quota' : 'failed';
  }
}

// Let the browser draw and answer taps before the next step: each step is its own task, none long
// enough to hold a slow phone's page (bench/main_thread.py).
const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });

async function start() {
  startSafety();
  await nextTask();
  const status = document.getElementById('offline-status');
  // Just cleared (issue 7): register nothing and download nothing again.
  if (!status || !('indexedDB' in window) || document.getElementById('data-cleared')) return;
  const lang = status.dataset.lang;
  strings();
  prepareAnnouncements();
  connectServiceWorker({ onReady: showReady, onUpdate: showUpdate }).catch(() => {});
  startPlanAnswers(lang);
  const shell = document.getElementById('offline-view');
  const saved = await getDataset(lang).catch(() => null);
  if (shell) {
    fixLanguageLinks();
    const main = document.getElementById('main');
    const drawn = (await drawToolPage(main, lang)) || await drawFromSaved(main, lang, saved);
    if (!drawn) await showCachedCopy(main);
    if (saved) showOffline(saved);
    document.documentElement.dataset.rendered = drawn ? 'local' : 'none';
    await startTools(lang);
    return;
  }
  await nextTask();
  startTools(lang).catch(() => {});
  if (!navigator.onLine) {
    if (saved) showOffline(saved);
    return;
  }
  // The directory downloads in the background, once the page the person asked for has loaded.
  await new Promise((resolve) => {
    const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(resolve, { timeout: 2000 }) : setTimeout(resolve, 200));
    if (document.readyState === 'complete') idle(); else window.addEventListener('load', idle, { once: true });
  });
  await keepCurrent(lang);
}

start();
