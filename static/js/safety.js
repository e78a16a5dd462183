/**
 * Safety (issues 7 and 13): "Quick exit" leaves for a neutral site and takes this page out of the
 * history; moving between Passerelle pages replaces the history entry too, so Back after Quick exit
 * does not reach Passerelle. Quick exit also forgets the pages the service worker kept from visits
 * and this tab's session data, but not the offline directory or saved lists (pwa_app/views/safety.py says
 * what is kept and why). "Clear Passerelle data from this phone" deletes lists, queued reports, the
 * offline directory, caches and the service worker (the server's Clear-Site-Data answer does it again).
 */

const PAGES_CACHE_PREFIX = 'passerelle-pages-'; // sw.js: the pages it kept from visits
const TOKEN_WAIT_MS = 5000;

/** A Passerelle page (not a file, the API or a download) on this origin, or null. */
function passerellePage(href) {
  let url;
  try { url = new URL(href, window.location.href); } catch { return null; }
  if (url.origin !== window.location.origin || !/^https?:$/.test(url.protocol)) return null;
  if (/^\/(?:api|static|snapshots)\//.test(url.pathname) || /\.[A-Za-z0-9]+$/.test(url.pathname)) return null;
  return url;
}

/** Forget the visited pages the service worker kept and this tab's session data. */
export function forgetVisits() {
  try { sessionStorage.clear(); } catch { /* storage may be off */ }
  // The worker outlives this page, so it finishes the deletion after we have gone.
  if (navigator.serviceWorker && navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage('forget-visits');
  if (!('caches' in window)) return Promise.resolve();
  return caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith(PAGES_CACHE_PREFIX)).map((name) => caches.delete(name))))
    .catch(() => {});
}

function replaceWith(url) {
  window.location.replace(url);
}

/** Leave at once, replacing this page in the history so Back does not return to it. */
export function wireQuickExit() {
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[data-quick-exit]');
    if (!link) return;
    event.preventDefault();
    forgetVisits();
    replaceWith(link.href);
  });
  replaceHistoryBetweenPages();
}

function plainClick(event) {
  return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
}

/**
 * Links and GET forms to Passerelle pages replace the history entry instead of adding one.
 * Left alone: other origins and schemes (tel:, sms:, geo:), downloads, files, links into this
 * page, new tabs or windows, modified or middle clicks, and whatever another script handled.
 */
export function replaceHistoryBetweenPages() {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || !plainClick(event)) return;
    const link = event.target.closest && event.target.closest('a[href]');
    if (!link || link.hasAttribute('download') || link.hasAttribute('data-quick-exit')) return;
    if (link.target && link.target !== '_self') return;
    const url = passerellePage(link.href);
    if (!url) return;
    const here = new URL(window.location.href);
    if (link.getAttribute('href').includes('#') && url.pathname === here.pathname && url.search === here.search) return; // a place on this page
    event.preventDefault();
    replaceWith(url.href);
  });
  document.addEventListener('submit', (event) => {
    if (event.defaultPrevented) return;
    const form = event.target;
    const submitter = event.submitter || null;
    const method = ((submitter && submitter.getAttribute('formmethod')) || form.getAttribute('method') || 'get').toLowerCase();
    const target = (submitter && submitter.getAttribute('formtarget')) || form.getAttribute('target');
    if (method !== 'get' || (target && target !== '_self')) return;
    const url = passerellePage((submitter && submitter.getAttribute('formaction')) || form.action);
    if (!url) return;
    let data;
    try { data = new FormData(form, submitter); } catch { data = new FormData(form); }
    url.search = new URLSearchParams([...data].filter(([, value]) => typeof value === 'string')).toString();
    url.hash = '';
    event.preventDefault();
    replaceWith(url.href);
  });
}

function deleteDatabase(name) {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => {}; // open connections close on versionchange (store.js), then it proceeds
  });
}

/**
 * True on the page that clears this phone. Nothing starts there that writes to the phone (entry.js,
 * live-search.js): a download begun on it could put the directory or the search data back after the
 * person pressed Clear (seen in tests/browser/test_safety.py under load).
 */
export function clearsThisPhone() {
  return Boolean(document.querySelector('main form.clear-data'));
}

/** Delete everything this site keeps in this browser. */
export async function clearEverything() {
  if ('serviceWorker' in navigator) {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  }
  if ('caches' in window) for (const name of await caches.keys()) await caches.delete(name);
  if ('indexedDB' in window) await deleteDatabase('passerelle');
  localStorage.clear();
  sessionStorage.clear();
}

/**
 * A fresh confirmation token (and its cookie) from the server: the page may be the offline shell,
 * which carries none, or have been open longer than a token lives. Null when the server is out of reach.
 */
async function freshToken(form) {
  if (!navigator.onLine) return null;
  try {
    const signal = AbortSignal.timeout ? AbortSignal.timeout(TOKEN_WAIT_MS) : undefined; // a slow network must not hold up clearing
    const response = await fetch(form.action, { cache: 'no-store', credentials: 'same-origin', signal });
    if (!response.ok) return null;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const input = page.querySelector('form.clear-data input[name="token"]');
    return input && input.value ? input.value : null;
  } catch {
    return null;
  }
}

/** Clear on the confirmation page's button; offline, say it is done without the server. */
export function wireClearData() {
  const form = document.querySelector('form.clear-data');
  if (!form) return;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    form.querySelector('button').disabled = true;
    const token = await freshToken(form);
    await clearEverything();
    if (token) {
      form.querySelector('input[name="token"]').value = token;
      form.submit(); // the server answers with Clear-Site-Data
    } else {
      const done = document.querySelector('[data-cleared-text]');
      form.replaceWith(Object.assign(document.createElement('h2'), { id: 'data-cleared', textContent: done ? done.textContent : '✓' }));
    }
  });
}
