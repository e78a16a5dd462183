/**
 * Guided help's questions, answered on the phone (issue 18): with JavaScript, "Show my plan" opens the
 * answered plan through the service worker, which draws it with the offline shell from the directory
 * saved here (static/sw.js ANSWERED_PLAN): the answers go to no server. Until the phone is ready (the
 * worker in control, this language's directory saved) the button waits, and says so. A phone that
 * can keep nothing (no service worker, no IndexedDB) sends the form as it would with JavaScript off.
 */
import { getDataset } from './store.js';
import { strings } from './status-line.js';

const READY_WAIT_MS = 30000;

async function ready(lang) {
  if (!navigator.serviceWorker || !navigator.serviceWorker.controller) return false;
  const saved = await getDataset(lang).catch(() => null);
  return Boolean(saved) && Boolean(await caches.match(`/${lang}/offline`));
}

function canKeep() {
  return 'serviceWorker' in navigator && 'indexedDB' in window && 'caches' in window;
}

async function answer(form, lang) {
  const url = new URL(form.action, window.location.href);
  for (const [name, value] of new FormData(form)) if (value) url.searchParams.append(name, value);
  const button = form.querySelector('button[type="submit"]');
  const note = form.querySelector('.plan-wait') || Object.assign(document.createElement('p'), { className: 'plan-wait' });
  note.setAttribute('role', 'status');
  const started = Date.now();
  while (!(await ready(lang))) {
    if (Date.now() - started > READY_WAIT_MS) {
      note.textContent = strings().planFailed;
      if (button) button.disabled = false;
      return;
    }
    if (!note.isConnected) { note.textContent = strings().planWait; form.append(note); }
    if (button) button.disabled = true;
    await new Promise((resolve) => { setTimeout(resolve, 500); });
  }
  window.location.replace(url.pathname + url.search); // as every move between pages (safety.js): no history entry
}

/** Answer the questions of any plan drawn on this page, now or later (the shell draws pages after it starts). */
export function startPlanAnswers(lang) {
  if (!canKeep()) return;
  // Capturing: before safety.js sends GET forms on (it leaves a form another script has handled alone).
  document.addEventListener('submit', (event) => {
    const form = event.target.closest && event.target.closest('form.questions');
    if (!form) return;
    event.preventDefault();
    answer(form, lang);
  }, true);
}
