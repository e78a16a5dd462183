/**
 * The page side of the service worker: register it, say "Ready to work offline" once, and offer
 * "Update available" when a new version waits. The new version takes over only when the person
 * agrees (or at the next launch, once every tab of the old one is closed).
 */

const READY_KEY = 'passerelle-ready-shown';
let switching = false;

function offerUpdate(worker, onUpdate) {
  onUpdate(() => {
    switching = true;
    worker.postMessage('skip-waiting');
  });
}

/** Register /sw.js; call onReady() the first time it works offline, onUpdate(accept) for each waiting update. */
export async function connectServiceWorker({ onReady, onUpdate }) {
  if (!('serviceWorker' in navigator)) return null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (switching) window.location.reload(); // only after the person pressed "Update now"
  });
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' });
  // Keep this language's offline shell too (only the default language's is precached).
  const worker = registration.installing || registration.waiting || registration.active;
  if (worker) worker.postMessage({ keepShell: document.documentElement.lang.replace('-', '_') });
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting, onUpdate);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker, onUpdate);
      if (worker.state === 'activated' && !localStorage.getItem(READY_KEY)) {
        localStorage.setItem(READY_KEY, '1');
        onReady();
      }
    });
  });
  return registration;
}
