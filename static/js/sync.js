/**
 * Keep the directory on this phone current: a whole snapshot the first time, then only what
 * changed. Nothing is written until a download is complete and its checksums match, and then it
 * is written in one transaction, so an interrupted download leaves the old directory working.
 */
import { allServices, applyChanges, getDataset, replaceDataset } from './store.js';

const REGIONS_KEY = 'passerelle-regions';

async function sha256Hex(data) {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of the sorted "id:version" lines: the server's snapshot.state_checksum. */
export function stateChecksum(pairs) {
  const lines = pairs.map(([id, v]) => `${id}:${v}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256Hex(lines.join('\n'));
}

// Read a response to the end, reporting progress; verify it against the server's checksum.
async function readVerified(response, onProgress) {
  const expected = Number(response.headers.get('X-Uncompressed-Length')) || 0;
  const transfer = Number(response.headers.get('Content-Length')) || expected;
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    if (onProgress && expected) onProgress(Math.min(1, received / expected), transfer);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) { bytes.set(chunk, at); at += chunk.length; }
  // A static snapshot's name is its SHA-256, so nginx or a CDN need not send the header.
  const checksum = response.headers.get('X-Checksum-SHA256') || (response.url.match(/\/snapshots\/([0-9a-f]{64})\.json$/) || [])[1];
  if (checksum && checksum !== await sha256Hex(bytes)) throw new Error('The download does not match its checksum');
  return { document: JSON.parse(new TextDecoder().decode(bytes)), bytes: received, transfer };
}

function etagOf(response) {
  return (response.headers.get('ETag') || '').replace(/^W\//, '').replace(/"/g, '').replace(/-gz$/, '');
}

/** The regions this phone keeps ("all" unless someone chose), or null when a choice is needed. */
export async function chosenRegions() {
  const saved = localStorage.getItem(REGIONS_KEY);
  if (saved) return saved.split(' ');
  const response = await fetch('/offline/regions.json', { cache: 'no-store' });
  const index = await response.json();
  return index.default ? [index.default] : null;
}

/** Remember which regions to keep; the next sync downloads them. */
export function chooseRegions(ids) {
  localStorage.setItem(REGIONS_KEY, [...ids].sort().join(' '));
}

/** The region list offered by the server: [{id, name, services}]. */
export async function availableRegions() {
  const response = await fetch('/offline/regions.json', { cache: 'no-store' });
  return (await response.json()).regions;
}

async function downloadSnapshot(lang, regions, onProgress) {
  const query = new URLSearchParams({ regions: regions.join(' ') });
  const response = await fetch(`/${lang}/offline/snapshot.json?${query}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`Snapshot: HTTP ${response.status}`);
  const { document, bytes } = await readVerified(response, onProgress);
  const state = await stateChecksum(document.services.map((s) => [s.i, s.v]));
  if (state !== document.state) throw new Error('The snapshot does not match its state checksum');
  const now = Date.now();
  const dataset = {
    lang, regions: document.regions, version: document.version, etag: etagOf(response), state,
    terms: document.terms, info: document.info, bytes, updated: now, checked: now,
  };
  await replaceDataset(dataset, document.services);
  return { status: 'saved', dataset, transferred: Number(response.headers.get('Content-Length')) || bytes };
}

async function catchUp(saved, regions, onProgress) {
  const query = new URLSearchParams({ since: saved.version, regions: regions.join(' ') });
  const response = await fetch(`/${saved.lang}/offline/changes.json?${query}`, {
    cache: 'no-store', headers: { 'If-None-Match': `"${saved.etag}"` },
  });
  if (response.status === 304) {
    const dataset = { ...saved, checked: Date.now() };
    await applyChanges(dataset, [], []);
    return { status: 'unchanged', dataset, transferred: 0 };
  }
  if (!response.ok) throw new Error(`Changes: HTTP ${response.status}`);
  const { document } = await readVerified(response);
  if (document.reset) return null;
  const changed = document.services || [];
  const deleted = new Set([...(document.deleted || []), ...changed.map((s) => s.i)]);
  const kept = (await allServices(saved.lang)).filter((s) => !deleted.has(s.i));
  const state = await stateChecksum([...kept, ...changed].map((s) => [s.i, s.v]));
  if (state !== document.state) return null; // something is off: start again from a whole snapshot
  const now = Date.now();
  const bytes = JSON.stringify([...kept, ...changed]).length + JSON.stringify(document.terms || saved.terms).length;
  const dataset = {
    ...saved, version: document.version, etag: etagOf(response), state, bytes,
    terms: document.terms || saved.terms, info: document.info || saved.info, updated: now, checked: now,
  };
  await applyChanges(dataset, changed, document.deleted || []);
  return { status: 'updated', dataset, changed: changed.length, deleted: (document.deleted || []).length };
}

/**
 * Bring the directory for `lang` up to date; resolve to {status, dataset}, status being
 * 'saved', 'updated', 'unchanged' or 'choose' (a large directory: the person picks regions first).
 */
export async function syncDirectory(lang, onProgress) {
  const regions = await chosenRegions();
  if (!regions) return { status: 'choose', dataset: await getDataset(lang) };
  const run = async () => {
    const saved = await getDataset(lang);
    if (saved && saved.regions.join(' ') === [...regions].sort().join(' ')) {
      const result = await catchUp(saved, regions, onProgress);
      if (result) return result;
    }
    return downloadSnapshot(lang, regions, onProgress);
  };
  // One sync at a time, however many tabs are open.
  return navigator.locks ? navigator.locks.request(`passerelle-sync-${lang}`, run) : run();
}
