/**
 * Safety (issue 7): "Quick exit" leaves for a neutral site and takes this page out of the
 * history; "Clear Passerelle data from this phone" deletes lists, queued reports, the offline
 * directory, caches and the service worker (the server's Clear-Site-Data answer does it again).
 */

/** Leave at once, replacing this page in the history so Back does not return to it. */
export function wireQuickExit() {
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[data-quick-exit]');
    if (!link) return;
    event.preventDefault();
    window.location.replace(link.href);
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

/** Clear on the confirmation page's button; offline, say it is done without the server. */
export function wireClearData() {
  const form = document.querySelector('form.clear-data');
  if (!form) return;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    form.querySelector('button').disabled = true;
    await clearEverything();
    if (navigator.onLine) form.submit();
    else {
      const done = document.querySelector('[data-cleared-text]');
      form.replaceWith(Object.assign(document.createElement('h2'), { id: 'data-cleared', textContent: done ? done.textContent : '✓' }));
    }
  });
}
