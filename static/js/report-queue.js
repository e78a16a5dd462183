/**
 * "Report a problem" that is never lost (issue 7): a report goes to the outbox in IndexedDB
 * first, then to POST /api/reports. What cannot be sent now is sent when the connection returns
 * (Background Sync where the browser has it; on the next start of the app, or when the phone
 * comes back online, otherwise). Its idempotency key makes the server store it exactly once.
 */
import { dropQueued, queueReport, queuedReports } from './lists-store.js';

const REPORT_SYNC_TAG = 'passerelle-reports';
const REPORTS_CHANNEL = 'passerelle-reports';
const RETRY_STATUSES = new Set([408, 425, 429]);
let flushing = null;

// A 2xx is stored (or already was); a 4xx other than "too soon" will never be accepted.
function isFinal(status) {
  return (status >= 200 && status < 300) || (status >= 400 && status < 500 && !RETRY_STATUSES.has(status));
}

/** Send every queued report; resolve to {sent: [keys], refused: [keys]}. */
export function flushReports() {
  if (!flushing) {
    flushing = (async () => {
      const done = { sent: [], refused: [] };
      for (const entry of await queuedReports()) {
        let response;
        try {
          response = await fetch('/api/reports', {
            method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(entry.body),
          });
        } catch {
          break; // offline: try again later
        }
        if (!isFinal(response.status)) continue;
        await dropQueued(entry.key);
        (response.ok ? done.sent : done.refused).push(entry.key);
      }
      return done;
    })().finally(() => { flushing = null; });
  }
  return flushing;
}

function newKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-report`;
}

function sayOnForm(form, text) {
  const status = form.querySelector('.report-status');
  status.textContent = text;
  status.hidden = false;
}

async function askForBackgroundSync() {
  const registration = navigator.serviceWorker && await navigator.serviceWorker.getRegistration();
  if (registration && registration.sync) await registration.sync.register(REPORT_SYNC_TAG).catch(() => {});
}

/** Queue the report form's submissions instead of posting them, and say what became of each. */
export function enhanceReportForm(form, s) {
  // A new key each time the form is shown: its page may come from the service worker's cache, holding a
  // key a report was already stored under (the outbox and the server would keep only one of the two).
  // Within one showing the key stays, so a second tap or a retry is still stored once.
  form.elements.idempotency_key.value = newKey();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const field = (name) => (form.elements[name] ? form.elements[name].value : '');
    const key = field('idempotency_key');
    const body = {
      idempotency_key: key, service_id: form.dataset.serviceId, language: form.dataset.lang,
      kind: (form.querySelector('input[name="kind"]:checked') || {}).value || '',
      details: field('details'), contact: field('contact'), website: field('website'),
    };
    await queueReport({ key, body, queued: Date.now() });
    form.querySelector('button[type="submit"]').disabled = true;
    const { sent, refused } = await flushReports();
    if (sent.includes(key)) sayOnForm(form, s.sent);
    else if (refused.includes(key)) { sayOnForm(form, s.refused); form.querySelector('button[type="submit"]').disabled = false; form.elements.idempotency_key.value = newKey(); }
    else { sayOnForm(form, s.queued); await askForBackgroundSync(); }
    form.dataset.reportState = sent.includes(key) ? 'sent' : refused.includes(key) ? 'refused' : 'queued';
  });
  const hear = (keys) => {
    if (keys.includes(form.elements.idempotency_key.value)) { sayOnForm(form, s.sent); form.dataset.reportState = 'sent'; }
  };
  window.addEventListener('online', async () => hear((await flushReports()).sent));
  if ('BroadcastChannel' in window) new BroadcastChannel(REPORTS_CHANNEL).onmessage = (event) => hear(event.data.sent || []);
}

/** On every start of the app: send what waits, and say "Sent" in the status line when it went. */
export async function sendWaitingReports(s) {
  const waiting = await queuedReports().catch(() => []);
  document.documentElement.dataset.reportsSent = '0';
  if (!waiting.length) return;
  const { sent } = await flushReports();
  document.documentElement.dataset.reportsSent = String(sent.length);
  const host = document.getElementById('offline-status');
  if (sent.length && host) {
    host.hidden = false;
    host.append(Object.assign(document.createElement('p'), { className: 'reports-sent', textContent: s.sent }));
  }
  if (sent.length < waiting.length) await askForBackgroundSync();
}

/** Draw the report form for a service from the shell's template (offline); `name` is text or [text, language]. */
export async function drawReportForm(main, lang, serviceId, name) {
  const template = document.getElementById('tpl-report');
  if (!template) return false;
  main.replaceChildren(template.content.cloneNode(true));
  const about = main.querySelector('.report-about');
  const [text, textLang] = Array.isArray(name) ? name : [name, null];
  const shown = document.createElement('span'); // marked with its language where it is not the page's, as the server's
  shown.textContent = text;
  if (textLang) Object.assign(shown, { lang: textLang, dir: 'auto' });
  const [before, after = ''] = about.textContent.split('{name}');
  about.replaceChildren(before, shown, after);
  const form = main.querySelector('form.report');
  form.dataset.serviceId = serviceId;
  form.action = `/${lang}/services/${encodeURIComponent(serviceId)}/report`;
  for (const link of main.querySelectorAll('a[href*="__service__"]')) {
    link.href = link.getAttribute('href').replace('__service__', encodeURIComponent(serviceId));
  }
  return true;
}
