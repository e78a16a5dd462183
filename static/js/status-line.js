/**
 * The status line under the search box: saving progress, "Available offline · updated … · size",
 * "You are offline…", errors, and the app's own "Ready to work offline" / "Update available".
 */

let pageStrings = null;

/** The translated strings the server put in the page (a JSON block: CSP allows no inline script). */
export function strings(id = 'strings') {
  const element = document.getElementById(id);
  const parsed = element ? JSON.parse(element.textContent) : {};
  if (id === 'strings') pageStrings = parsed;
  return parsed;
}

/** Fill "%(name)s" placeholders and "%%" the way Python does. */
export function format(template, values = {}) {
  return String(template).replace(/%\((\w+)\)[sd]|%%/g, (match, name) => (name ? String(values[name]) : '%'));
}

function uiStrings() {
  return pageStrings || strings();
}

/** "180 kB", "1.2 MB": sizes in the reader's language. */
export function formatSize(bytes) {
  const mb = bytes >= 1e6;
  return new Intl.NumberFormat(uiStrings().lang, {
    style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: mb ? 1 : 0,
  }).format(mb ? bytes / 1e6 : Math.max(1, Math.round(bytes / 1e3)));
}

/** A date and time in the reader's language. */
export function formatWhen(ms) {
  return new Intl.DateTimeFormat(uiStrings().lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
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
  if (p) p.textContent = text;
  return p;
}

/** Saving progress: "Saving the directory for offline use: 45 %, 180 kB of 400 kB". */
export function showProgress(fraction, transferBytes) {
  say('data', format(uiStrings().saving, {
    percent: Math.round(fraction * 100), done: formatSize(fraction * transferBytes), total: formatSize(transferBytes),
  }));
}

/** "Available offline · updated … · size", or the offline notice when there is no network. */
export function showSaved(dataset) {
  const p = say('data', format(uiStrings().available, { date: formatWhen(dataset.checked), size: formatSize(dataset.bytes) }));
  if (p) p.className = 'saved';
}

export function showOffline(dataset) {
  const p = say('data', format(uiStrings().offline, { date: formatWhen(dataset.checked) }));
  if (p) p.className = 'offline';
}

export function showError(kind) {
  const p = say('data', kind === 'quota' ? uiStrings().quota : uiStrings().failed);
  if (p) p.className = 'problem';
}

export function showReady() {
  say('app', uiStrings().ready);
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
