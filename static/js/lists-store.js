/**
 * Issue 7's data on this phone, in the app's IndexedDB database (stores added by store.js's
 * second upgrade): referral lists, {id, name, created, items: [{id, name, phone, tel, note}]},
 * and the outbox of reports waiting for a connection, {key, body, queued}.
 */
import { openStore } from './store.js';

export const DEFAULT_LIST = 'saved';
const ACTIVE_LIST_KEY = 'passerelle-active-list';

function idbResult(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function inStore(name, mode, work) {
  const db = await openStore();
  const tx = db.transaction(name, mode);
  const result = await idbResult(work(tx.objectStore(name)));
  await new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new DOMException('Transaction aborted', 'AbortError'));
  });
  return result;
}

/** Every list, the default one ("Saved services") first, then by creation. */
export async function allLists() {
  const lists = await inStore('lists', 'readonly', (store) => store.getAll());
  if (!lists.some((l) => l.id === DEFAULT_LIST)) lists.push({ id: DEFAULT_LIST, name: '', created: 0, items: [] });
  return lists.sort((a, b) => a.created - b.created);
}

/** One list, or the empty default one. */
export async function getList(id) {
  return (await inStore('lists', 'readonly', (store) => store.get(id)))
    || (id === DEFAULT_LIST ? { id, name: '', created: 0, items: [] } : null);
}

/** Store a list as it is now. */
export function putList(list) {
  return inStore('lists', 'readwrite', (store) => store.put(list));
}

/** Delete a list (the default one just empties). */
export function deleteList(id) {
  return inStore('lists', 'readwrite', (store) => store.delete(id));
}

/** The list that "Save" adds to. */
export function activeListId() {
  return localStorage.getItem(ACTIVE_LIST_KEY) || DEFAULT_LIST;
}

export function setActiveList(id) {
  localStorage.setItem(ACTIVE_LIST_KEY, id);
}

/** Add `item` to the active list, or take it out if it is there; resolve to whether it is saved now. */
export async function toggleSaved(item) {
  let list = await getList(activeListId());
  if (!list) { setActiveList(DEFAULT_LIST); list = await getList(DEFAULT_LIST); }
  const at = list.items.findIndex((i) => i.id === item.id);
  if (at >= 0) list.items.splice(at, 1); else list.items.push({ note: '', ...item });
  await putList(list);
  return at < 0;
}

/** The ids of the services in the active list. */
export async function activeIds() {
  const list = await getList(activeListId());
  return new Set((list ? list.items : []).map((i) => i.id));
}

/** Put a report in the outbox (a second put with the same key changes nothing). */
export function queueReport(entry) {
  return inStore('outbox', 'readwrite', (store) => store.put(entry));
}

export function queuedReports() {
  return inStore('outbox', 'readonly', (store) => store.getAll());
}

export function dropQueued(key) {
  return inStore('outbox', 'readwrite', (store) => store.delete(key));
}
