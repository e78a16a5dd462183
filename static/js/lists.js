/**
 * Saved services and referral lists (issue 7): "Save" on result and service pages, the saved-lists
 * page (reorder, notes, named lists), and handing a list over in the client's language: the
 * referral sheet, a text message, the share sheet or a copied link.
 */
import {
  DEFAULT_LIST, activeIds, activeListId, allLists, deleteList, getList, putList, setActiveList, toggleSaved,
} from './lists-store.js';
import { encodeIds, phoneText, sheetPhone, smsBody } from './referral.js';
import { getService } from './store.js';

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function serviceIdOf(href) {
  const match = /^\/[^/]+\/services\/([^/?#]+)$/.exec(new URL(href, window.location.href).pathname);
  return match ? decodeURIComponent(match[1]) : null;
}

// What a list keeps of a service, so it shows even where the directory is not saved: its name
// with the language it is written in (the page's, or the one its ltext span says).
function itemFrom(scope, id, heading) {
  const call = scope.querySelector('a[href^="tel:"]');
  const marked = heading.querySelector('[lang]') || heading.closest('[lang]');
  return {
    id, name: heading.textContent.trim(), lang: marked ? marked.getAttribute('lang') : document.documentElement.lang,
    phone: call ? (call.querySelector('bdi') || call).textContent.trim() : '', tel: call ? call.getAttribute('href') : '',
  };
}

// [text, language] of a saved service's name: as the directory saved on the phone names it in the
// page's language, else as it was saved (lists saved before names kept their language: unmarked).
async function nameOf(item, lang) {
  const record = await getService(lang, item.id).catch(() => null);
  if (record) return Array.isArray(record.n) ? record.n : [record.n, document.documentElement.lang];
  return [item.name, item.lang || document.documentElement.lang];
}

function saveButton(item, saved, s) {
  const button = el('button', { type: 'button', class: 'save-toggle', 'aria-pressed': String(saved), 'data-save': item.id });
  const label = () => { button.textContent = button.getAttribute('aria-pressed') === 'true' ? `✓ ${s.saved}` : s.save; };
  label();
  button.addEventListener('click', async () => {
    button.setAttribute('aria-pressed', String(await toggleSaved(item)));
    label();
  });
  return button;
}

/** Add a "Save" button to each result card and to a service page. */
export async function addSaveButtons(s) {
  const saved = await activeIds();
  for (const card of document.querySelectorAll('main .card')) {
    const link = card.querySelector('h2 a');
    const id = link && serviceIdOf(link.getAttribute('href'));
    if (id && !card.querySelector('.save-toggle')) card.append(saveButton(itemFrom(card, id, link), saved.has(id), s));
  }
  const article = document.querySelector('main article.service');
  const id = serviceIdOf(window.location.pathname);
  const h1 = article && article.querySelector('h1');
  if (h1 && id && !article.querySelector('.save-toggle')) {  // an offline page may still be drawing
    h1.after(saveButton(itemFrom(article, id, h1), saved.has(id), s));
  }
}

async function entriesIn(list, lang, extension) {
  return Promise.all(list.items.map(async (item) => {
    const record = await getService(lang, item.id).catch(() => null);
    const name = record ? (Array.isArray(record.n) ? record.n[0] : record.n) : item.name;
    // The record's number in that language; else the one saved with the item, its extension read from its tel: link.
    const saved = item.phone ? { d: item.phone, x: (/;ext=([^;]+)/.exec(item.tel || '') || [])[1] } : null;
    return [name, phoneText((record && sheetPhone(record)) || saved, extension)];
  }));
}

async function handOver(list, lang, s, box) {
  const select = box.querySelector('select');
  const theirs = select.value;
  const token = await encodeIds(list.items.map((i) => i.id));
  const link = `${window.location.origin}/${theirs}/r/${token}`;
  const body = smsBody(await entriesIn(list, theirs, s.extensions[theirs]), link);
  box.querySelector('[data-sheet]').href = `/${theirs}/r/${token}#list=${encodeURIComponent(list.id)}`;
  box.querySelector('[data-sms]').href = `sms:?&body=${encodeURIComponent(body)}`;
  box.dataset.link = link;
  box.dataset.body = body;
}

function handOverBox(list, lang, s) {
  const select = el('select', { 'aria-label': s.theirLanguage },
    ...s.languages.map(([code, name]) => el('option', { value: code, lang: code.replace('_', '-'), text: name })));
  select.value = lang;
  const status = el('span', { role: 'status' });
  const box = el('div', { class: 'hand' },
    el('label', { text: `${s.theirLanguage} ` }, select),
    el('a', { class: 'btn', 'data-sheet': '', href: '#', text: s.sheet }),
    el('a', { class: 'btn', 'data-sms': '', href: '#', text: s.sms }),
    el('button', {
      type: 'button', class: 'btn', 'data-share': '', text: navigator.share ? s.share : s.copy,
      onclick: () => shareOrCopy(box.dataset.link, box.dataset.body, s, status),
    }),
    status);
  select.addEventListener('change', () => handOver(list, lang, s, box));
  handOver(list, lang, s, box);
  return box;
}

/** The share sheet where the browser has one, else the link copied to the clipboard. */
export async function shareOrCopy(link, text, s, status) {
  if (navigator.share) {
    try { await navigator.share({ title: s.sheet, text, url: link }); return; } catch (error) {
      if (error.name === 'AbortError') return;
    }
  }
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = s.copied;
  } catch {
    status.textContent = link; // no clipboard either: show the link to copy by hand
  }
}

function itemRow(list, item, n, s, redraw, [name, nameLang]) {
  const move = async (by) => {
    const [moved] = list.items.splice(n, 1);
    list.items.splice(Math.max(0, Math.min(list.items.length, n + by)), 0, moved);
    await putList(list);
    redraw();
  };
  const note = el('input', { type: 'text', maxlength: '300', value: item.note || '', 'aria-label': `${s.note}: ${item.name}` });
  note.addEventListener('change', async () => { item.note = note.value; await putList(list); });
  const lang = document.documentElement.lang.replace('-', '_');
  return el('li', { 'data-service': item.id },
    el('a', {
      href: `/${lang}/services/${encodeURIComponent(item.id)}`, text: name,
      ...(nameLang && nameLang !== document.documentElement.lang ? { lang: nameLang, dir: 'auto' } : {}),
    }),
    item.phone ? el('span', { text: ` · ${item.phone}` }) : null,
    el('div', { class: 'item-tools' },
      el('button', { type: 'button', 'data-up': '', text: `↑ ${s.moveUp}`, onclick: () => move(-1) }),
      el('button', { type: 'button', 'data-down': '', text: `↓ ${s.moveDown}`, onclick: () => move(1) }),
      el('button', {
        type: 'button', 'data-remove': '', text: s.remove,
        onclick: async () => { list.items.splice(n, 1); await putList(list); redraw(); },
      })),
    el('label', { text: `${s.note} ` }, note));
}

/** Draw every list saved on this phone into #saved-view. */
export async function drawSavedLists(view, lang, s) {
  // "ext. %(ext)s" in each language, for a list handed over in another (lists/_saved.html)
  if (!s.extensions) s = { ...s, extensions: JSON.parse(view.dataset.extensions || '{}') };
  const redraw = () => drawSavedLists(view, lang, s);
  // Read first, then swap in one step: the list never flashes empty, and of two overlapping
  // redraws only the newest lands.
  const generation = (view.drawn = (view.drawn || 0) + 1);
  const lists = await allLists();
  const names = await Promise.all(lists.map((list) => Promise.all(list.items.map((item) => nameOf(item, lang)))));
  if (generation !== view.drawn) return;
  const active = activeListId();
  const fresh = [];
  for (const [listNo, list] of lists.entries()) {
    const radio = el('input', { type: 'radio', name: 'active-list', value: list.id });
    radio.checked = list.id === active || (list.id === DEFAULT_LIST && !lists.some((l) => l.id === active));
    radio.addEventListener('change', () => setActiveList(list.id));
    const section = el('section', { class: 'list', 'data-list': list.id },
      el('h2', { text: list.name || s.savedTitle }),
      el('label', { class: 'choice' }, radio, ` ${s.saveHere}`));
    if (!list.items.length) section.append(el('p', { class: 'empty', text: s.empty }));
    else {
      section.append(el('ol', {}, ...list.items.map((item, n) => itemRow(list, item, n, s, redraw, names[listNo][n]))));
      section.append(el('h3', { text: s.handOver }), handOverBox(list, lang, s));
    }
    if (list.id !== DEFAULT_LIST) {
      section.append(el('button', {
        type: 'button', 'data-delete-list': '', text: s.deleteList,
        onclick: async () => { await deleteList(list.id); if (active === list.id) setActiveList(DEFAULT_LIST); redraw(); },
      }));
    }
    fresh.push(section);
  }
  const name = el('input', { type: 'text', name: 'name', maxlength: '80', required: '', 'aria-label': s.newList });
  fresh.push(el('form', {
    class: 'new-list',
    onsubmit: async (event) => {
      event.preventDefault();
      const list = { id: `l${Date.now().toString(36)}`, name: name.value.trim(), created: Date.now(), items: [] };
      await putList(list);
      setActiveList(list.id);
      redraw();
    },
  }, name, el('button', { type: 'submit', text: s.newList })));
  for (const old of view.querySelectorAll('.list, form.new-list, p.empty')) old.remove();
  view.append(...fresh);
}

/** On a referral sheet: print and share buttons, the worker's notes, and "Save" for the whole list. */
export async function enhanceSheet(sheet, s) {
  const status = el('span', { role: 'status' });
  const print = sheet.querySelector('[data-print]');
  const share = sheet.querySelector('[data-share]');
  const link = sheet.querySelector('.share-link');
  if (print) { print.hidden = false; print.addEventListener('click', () => window.print()); }
  if (share && link) {
    share.hidden = false;
    share.textContent = navigator.share ? s.share : s.copy;
    share.after(status);
    const body = decodeURIComponent(sheet.querySelector('[data-sms]').getAttribute('href').split('body=')[1] || '');
    share.addEventListener('click', () => shareOrCopy(link.value, body, s, status));
  }
  const from = /^#list=(.+)$/.exec(window.location.hash);
  const list = from ? await getList(decodeURIComponent(from[1])).catch(() => null) : null;
  for (const item of list ? list.items : []) {
    const note = sheet.querySelector(`li[data-service="${CSS.escape(item.id)}"] .sheet-note`);
    if (note && item.note) { note.textContent = item.note; note.hidden = false; }
  }
}
