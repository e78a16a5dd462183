/**
 * The status line under the search box: saving progress, "Available offline · updated … · size",
 * "You are offline…", errors, and the app's own "Ready to work offline" / "Update available".
 *
 * The line itself is not a live region: its steady text ("Available offline · updated …") is
 * written on every page load and must not be read out each time. Changes are announced through a
 * separate, visually hidden live region (announce()): a new version of the directory saved, an
 * error, "Ready to work offline", "Update available", and lines other modules add (reports sent).
 */

import { formatClock, localDigits, phoneClock } from './cldr-format.js';

let pageStrings = null;
let liveRegion = null;
const ANNOUNCEMENT_MS = 8000; // then the words leave the hidden region (the visible line keeps them)

/** The translated strings the server put in the page (a JSON block: CSP allows no inline script). */
export function strings(id = 'strings') {
  const element = document.getElementById(id);
  const parsed = element ? JSON.parse(element.textContent) : {};
  if (id === 'strings') pageStrings = parsed;
  return parsed;
}

/**
 * Fill "%(name)s" placeholders and "%%" the way Python does; whole numbers in the page language's
 * digits, as localize.fill_message writes them on the server (strings, phone numbers among them, never change).
 */
export function format(template, values = {}) {
  const digits = (uiStrings().clock || {}).digits;
  const fill = (value) => (typeof value === 'number' && Number.isInteger(value) ? localDigits(value, digits) : String(value));
  return String(template).replace(/%\((\w+)\)[sd]|%%/g, (match, name) => (name ? fill(values[name]) : '%'));
}

/** A number standing alone ("12" beside a category), as the server's `digits` filter writes it. */
export function formatNumber(value) {
  return localDigits(value, (uiStrings().clock || {}).digits);
}

function uiStrings() {
  return pageStrings || strings();
}

let plurals = null; // made only for a language whose unit words change with the number (Arabic metres)

/**
 * A number with its unit ("180 kB", "1,5 km", "۳۵۰ متر") as Babel's format_unit writes it short, from
 * the patterns the server sends (localize.unit_patterns), in the language's digits. No Intl unit
 * format: making one costs the page a long task on a slow phone, in the middle of a download.
 */
export function formatUnit(value, unit) {
  const { units, lang } = uiStrings();
  let pattern = units[unit];
  if (typeof pattern !== 'string') {
    plurals = plurals || new Intl.PluralRules(lang);
    pattern = pattern[plurals.select(value)] || pattern.other;
  }
  return pattern.replace('{0}', formatNumber(String(value).replace('.', units.decimal)));
}

/** "180 kB", "1.2 MB". */
export function formatSize(bytes) {
  return bytes >= 1e6 ? formatUnit(Math.round(bytes / 1e5) / 10, 'MB') : formatUnit(Math.max(1, Math.round(bytes / 1e3)), 'kB');
}

/** A date and time in the reader's language: Babel's medium date and short time, Gregorian, in the phone's time zone. */
export function formatWhen(ms) {
  const clock = uiStrings().clock;
  if (!clock) return new Intl.DateTimeFormat(uiStrings().lang, { dateStyle: 'medium', timeStyle: 'short', calendar: 'gregory' }).format(new Date(ms));
  return formatClock(clock, 'when', phoneClock(ms));
}

function statusHost() {
  return document.getElementById('offline-status');
}

function statusLine(kind) {
  const host = statusHost();
  if (!host) return null;
  host.hidden = false;
  let p = host.querySelector(`[data-kind="${kind}"]`);
  if (!p) {
    p = document.createElement('p');
    p.dataset.kind = kind;
    host.append(p);
  }
  return p;
}

function say(kind, text) {
  const p = statusLine(kind);
  if (p) Object.assign(p, { textContent: text, title: text }); // cut to one line on a narrow phone: whole in its title
  return p;
}

/**
 * Put the live region in place, empty, before anything is announced (assistive technology follows
 * a region that exists before it changes), and announce the lines other modules add to the status host.
 */
export function prepareAnnouncements() {
  const host = statusHost();
  if (!host || liveRegion) return;
  liveRegion = document.createElement('div');
  liveRegion.id = 'status-announcements';
  liveRegion.className = 'visually-hidden';
  liveRegion.setAttribute('aria-live', 'polite');
  host.after(liveRegion);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && !node.dataset.kind && node.tagName !== 'FORM') announce(node.textContent);
      }
    }
  }).observe(host, { childList: true });
}

/** Say `text` once to screen readers: for changes only, never for what every page load shows. */
export function announce(text) {
  if (!text || !text.trim()) return;
  prepareAnnouncements();
  if (!liveRegion) return;
  const line = Object.assign(document.createElement('p'), { textContent: text.trim() });
  liveRegion.append(line);
  setTimeout(() => line.remove(), ANNOUNCEMENT_MS);
}

/** Saving progress: "Saving the directory for offline use: 45 %, 180 kB of 400 kB". */
export function showProgress(fraction, transferBytes) {
  say('data', format(uiStrings().saving, {
    percent: Math.round(fraction * 100), done: formatSize(fraction * transferBytes), total: formatSize(transferBytes),
  }));
}

/**
 * "Available offline · updated … · size", or the offline notice when there is no network.
 * Announced only when `announce` says a new version was just saved.
 */
export function showSaved(dataset, { announce: isNew = false } = {}) {
  const p = say('data', format(uiStrings().available, { date: formatWhen(dataset.checked), size: formatSize(dataset.bytes) }));
  if (p) p.className = 'saved';
  if (p && isNew) announce(p.textContent);
}

export function showOffline(dataset) {
  const p = say('data', format(uiStrings().offline, { date: formatWhen(dataset.checked) }));
  if (p) p.className = 'offline';
}

export function showError(kind) {
  const p = say('data', kind === 'quota' ? uiStrings().quota : uiStrings().failed);
  if (p) p.className = 'problem';
  if (p) announce(p.textContent);
}

/**
 * "Ready to work offline": in the line's one place while it is empty, else only announced (the
 * line says "Available offline…" by then; a second line would push the page down as it appears).
 */
export function showReady() {
  const host = statusHost();
  if (host && !host.querySelector('[data-kind="data"]')) say('data', uiStrings().ready);
  announce(uiStrings().ready);
}

/** "Update available" with a button; `accept` runs only when the person presses it. */
export function showUpdate(accept) {
  const p = statusLine('app');
  if (!p) return;
  p.textContent = `${uiStrings().update} `;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'update-now';
  button.textContent = uiStrings().updateNow;
  button.addEventListener('click', () => { button.disabled = true; accept(); });
  p.append(button);
  announce(uiStrings().update);
}

/** Let the person choose which areas to keep when the directory is offered in regions. */
export function showRegionChooser(regions, chosen, onSave) {
  const host = statusHost();
  if (!host || host.querySelector('form.regions')) return;
  host.hidden = false;
  const form = document.createElement('form');
  form.className = 'regions';
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = uiStrings().regions;
  fieldset.append(legend);
  for (const r of regions) {
    const label = document.createElement('label');
    label.className = 'choice';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'region';
    box.value = r.id;
    box.checked = (chosen || []).includes(r.id);
    label.append(box, ` ${r.id === 'all' ? uiStrings().wholeDirectory : r.name} (${r.services})`);
    fieldset.append(label);
  }
  const button = document.createElement('button');
  button.type = 'submit';
  button.textContent = uiStrings().save;
  form.append(fieldset, button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const ids = [...form.querySelectorAll('input:checked')].map((box) => box.value);
    if (ids.length) { form.remove(); onSave(ids); }
  });
  host.append(form);
}
