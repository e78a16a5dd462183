/**
 * The directory on this phone, in IndexedDB: one "datasets" row per interface language (version,
 * regions, checksums, categories) and one "services" row per service and language.
 *
 * Upgrades only ever add stores (see UPGRADES): a later version of the app adds its offline write
 * queue as a new store, and nothing already saved (least of all queued writes) is wiped.
 */

const DB_NAME = 'passerelle';
const UPGRADES = [
  (db) => {
    db.createObjectStore('datasets', { keyPath: 'lang' });
    db.createObjectStore('services', { keyPath: ['lang', 'id'] });
  },
  (db) => { // issue 7: referral lists saved on the phone, and reports waiting for a connection
    db.createObjectStore('lists', { keyPath: 'id' });
    db.createObjectStore('outbox', { keyPath: 'key' });
  },
];
let opening = null; // the one open database, shared by every caller

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function transactionDone(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new DOMException('Transaction aborted', 'AbortError'));
  });
}

/** Open the database, adding any stores this version of the app needs. */
export function openStore() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, UPGRADES.length);
      request.onupgradeneeded = (event) => {
        for (let v = event.oldVersion; v < UPGRADES.length; v += 1) UPGRADES[v](request.result);
      };
      request.onsuccess = () => {
        const db = request.result;
        // A newer app version in another tab wants to upgrade: step aside rather than block it.
        db.onversionchange = () => { db.close(); opening = null; };
        resolve(db);
      };
      request.onerror = () => { opening = null; reject(request.error); };
      request.onblocked = () => {};
    });
  }
  return opening;
}

/** The saved dataset for `lang` (version, regions, categories, info...), or null. */
export async function getDataset(lang) {
  const db = await openStore();
  return (await promised(db.transaction('datasets').objectStore('datasets').get(lang))) || null;
}

/** One saved service in `lang`, or null. */
export async function getService(lang, id) {
  const db = await openStore();
  const row = await promised(db.transaction('services').objectStore('services').get([lang, id]));
  return row ? row.record : null;
}

/** Every saved service in `lang`. */
export async function allServices(lang) {
  const db = await openStore();
  const range = IDBKeyRange.bound([lang, ''], [lang, '\uffff']);
  return (await promised(db.transaction('services').objectStore('services').getAll(range))).map((row) => row.record);
}

/** [id, version] of every saved service in `lang`: what the state checksum is made of. */
export async function savedVersions(lang) {
  return (await allServices(lang)).map((record) => [record.i, record.v]);
}

/** Replace everything saved for `lang` in one transaction: all of it lands, or none of it. */
export async function replaceDataset(dataset, services) {
  const db = await openStore();
  const tx = db.transaction(['datasets', 'services'], 'readwrite');
  const store = tx.objectStore('services');
  store.delete(IDBKeyRange.bound([dataset.lang, ''], [dataset.lang, '\uffff']));
  for (const record of services) store.put({ lang: dataset.lang, id: record.i, record });
  tx.objectStore('datasets').put(dataset);
  await transactionDone(tx);
}

/** Apply a changes feed for `lang` in one transaction. */
export async function applyChanges(dataset, changed, deleted) {
  const db = await openStore();
  const tx = db.transaction(['datasets', 'services'], 'readwrite');
  const store = tx.objectStore('services');
  for (const id of deleted) store.delete([dataset.lang, id]);
  for (const record of changed) store.put({ lang: dataset.lang, id: record.i, record });
  tx.objectStore('datasets').put(dataset);
  await transactionDone(tx);
}
