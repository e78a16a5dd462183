/**
 * Keep the directory on this phone current: a whole snapshot the first time, then only what
 * changed. Nothing is written until a download is complete and its checksums match, and then it
 * is written in one transaction, so an interrupted download leaves the old directory working.
 * The format of what it downloads (documents, record keys, packed columns): docs/snapshot-format.md.
 * It runs in a worker (sync-worker.js), so that unpacking and writing a large directory never holds
 * up the page; the page asks and shows the progress (sync-client.js).
 */
import { allServices, applyChanges, getDataset, replaceDataset } from './store.js';

/** The snapshot format this code reads (the server's wire.FORMAT); a phone holding another downloads a whole snapshot. */
export const FORMAT = 6;
const SMS_TYPES = new Set(['text', 'cell', 'mobile', 'sms']);
const SAME_AS_NAME = 1;
const SAME_AS_ORGANIZATION = 2;
const COLUMN_SEPARATOR = '\x7f';

// A number's display: its pattern ("(###) ###-####") filled with the last digits of its ready tel: target
// (as wire.fill_phone). The phone reads no displayed number.
function fillPhone(pattern, e164) {
  const digits = e164.replace(/[^0-9]/g, '');
  const wanted = (pattern.match(/#/g) || []).length;
  if (!wanted || wanted > digits.length) return null;
  let at = digits.length - wanted;
  return pattern.replace(/#/g, () => digits[at++]);
}

function unpackPhone(packed, usual, atLocation) {
  const p = typeof packed === 'string' ? { e: packed } : { ...packed };
  if (!('d' in p)) p.d = fillPhone('f' in p ? p.f : usual, p.e);
  delete p.f;
  if (!atLocation) {
    if (!('t' in p)) p.t = 'voice';
    if (!('m' in p)) p.m = SMS_TYPES.has(p.t.toLowerCase()) && p.e && p.e.length > 5 ? 1 : 0;
  }
  for (const key of Object.keys(p)) if (p[key] === null || p[key] === '' || p[key] === 0) delete p[key];
  return p;
}

// As unpack._referred: an index into the service's locations' numbers, that number described ({r, ...}), or itself.
function referred(p, here) {
  if (typeof p === 'number') return here[p];
  if (p && typeof p === 'object' && 'r' in p) {
    const { r, ...rest } = p;
    return { ...(typeof here[r] === 'string' ? { e: here[r] } : here[r]), ...rest };
  }
  return p;
}

// Schedules come as rows of values, in the order of the fields the packed form names.
const unpackHours = (rows, fields) => rows.map((row) => Object.fromEntries(
  fields.map((field, n) => [field, row[n]]).filter(([, v]) => v !== null && v !== undefined)));

const hostOf = (url) => (url || '').replace(/^https?:\/\//, '').replace(/^www\./, '').split(/[/?#:]/)[0];
const holdsTexts = (column) => ['n', 'o', 'l.n', 'l.r', 'l.c'].includes(column) || column.startsWith('t.');

/** Categories from the columns wire.pack_terms sent: [{s, n, p, k}]. */
export function unpackTerms(packed) {
  if (!packed || Array.isArray(packed)) return packed;
  const slugs = [...packed.s];
  const slug = (n) => { // "-rest" under the parent's slug (as tests/wire.py unpack_terms)
    if (slugs[n].startsWith('-')) slugs[n] = slug(packed.p[n]) + slugs[n];
    return slugs[n];
  };
  return slugs.map((_, n) => {
    const p = packed.p[n];
    const term = { s: slug(n), n: packed.n[n], p: typeof p === 'number' ? slug(p) : p, k: packed.k[n] };
    for (const key of Object.keys(term)) if (term[key] === null || term[key] === undefined || term[key] === '') delete term[key];
    return term;
  });
}

// As unpack._unpack_id: ids came without dashes, and without the version digit where "uuid" names it.
function unpackId(i, uuid) {
  const hex = typeof uuid === 'string' ? i.slice(0, 12) + uuid + i.slice(12) : i;
  return hex.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
}

/** Records from the columns wire.pack_services sent (as unpack.unpack_services): the shape render.js and the search read. */
export function unpackServices(packed, terms) {
  if (!packed || Array.isArray(packed)) return packed || [];
  const usual = packed.pf;
  const fallback = packed.fl;
  const fields = packed.hf || [];
  const { uuid } = packed;
  const lengthen = (v) => (Array.isArray(v) && v.length === 1 ? [v[0], fallback] : v);
  const bareDescriptions = (packed.fa || []).includes('p.c');
  // As unpack._described: a number's description in the fallback language came as ["text"], or "text" (fa "p.c").
  const described = (p) => (p && typeof p === 'object' && 'c' in p
    ? { ...p, c: lengthen(bareDescriptions && typeof p.c === 'string' ? [p.c] : p.c) } : p);
  const source = { ...(packed.cols || {}) };
  if (typeof source.i === 'string') {
    const width = typeof uuid === 'string' ? 31 : 32;
    source.i = Array.from({ length: source.i.length / width }, (_, n) => source.i.slice(n * width, (n + 1) * width));
  }
  for (const [key, values] of Object.entries(source)) { // wire.SEPARATOR: a column of strings in one
    if (key !== 'i' && typeof values === 'string') source[key] = values.split(COLUMN_SEPARATOR).map((v) => v || null);
  }
  const tables = { ...(packed.tab || {}) };
  for (const key of packed.fa || []) { // columns whose every text is in the fallback language came without brackets
    const values = key in tables ? tables : source;
    if (key in values) values[key] = values[key].map((v) => (typeof v === 'string' ? [v] : v)); // "p.c": described()
  }
  for (const [key, table] of Object.entries(tables)) {
    source[key] = source[key].map((v) => (v ? v.map((n) => table[n]) : v));
  }
  const cols = {};
  for (const [key, values] of Object.entries(source)) {
    if (!holdsTexts(key)) cols[key] = values;
    else if (key === 'l.c') cols[key] = values.map((v) => (v ? v.map(lengthen) : v));
    else cols[key] = values.map(lengthen);
  }
  const keys = Object.keys(cols);
  const placeKeys = keys.filter((k) => k.startsWith('l.'));
  const count = (cols.i || []).length;
  const out = [];
  let place = 0;
  for (let at = 0; at < count; at += 1) {
    const raw = {};
    for (const key of keys) if (!key.startsWith('l.') && cols[key][at] !== null) raw[key] = cols[key][at];
    const r = {};
    const t = {};
    for (const [key, value] of Object.entries(raw)) {
      if (key.startsWith('t.')) t[key.slice(2)] = value;
      else if (!['l', 'p', 'h', 'o', 'c', 'e'].includes(key)) r[key] = value;
    }
    if (uuid) r.i = unpackId(raw.i, uuid);
    if ('o' in raw) r.o = raw.o === SAME_AS_NAME ? raw.n : raw.o;
    if ('e' in raw) {
      const host = hostOf(raw.w);
      r.e = Array.isArray(raw.e) ? raw.e[0] : (raw.e.endsWith('@') && host ? raw.e + host : raw.e);
    }
    if (Object.keys(t).length) r.t = t;
    if ('p' in raw) { // an index: one of its locations' numbers; {r: index, ...}: that number, described
      const here = [];
      for (let n = place; n < place + (raw.l || 0); n += 1) here.push(...((cols['l.p'] && cols['l.p'][n]) || []));
      r.p = raw.p.map((p) => unpackPhone(described(referred(p, here)), usual, false));
    }
    if ('h' in raw) r.h = unpackHours(raw.h, fields);
    if ('c' in raw) r.c = raw.c.map((c) => (typeof c === 'number' ? terms[c].s : c));
    const locations = [];
    for (let n = place; n < place + (raw.l || 0); n += 1) {
      const loc = {};
      for (const key of placeKeys) if (cols[key][n] !== null) loc[key.slice(2)] = cols[key][n];
      if ('n' in loc) loc.n = loc.n === SAME_AS_NAME ? r.n : loc.n === SAME_AS_ORGANIZATION ? r.o : loc.n;
      if ('p' in loc) loc.p = loc.p.map((p) => unpackPhone(p, usual, true));
      if ('h' in loc) loc.h = unpackHours(loc.h, fields);
      locations.push(loc);
    }
    place += raw.l || 0;
    if (locations.length) r.l = locations;
    out.push(r);
  }
  return out;
}

/** As tests/wire.py apply_patch: records edited since the phone's version, from only the fields that changed. */
export function applyPatches(held, patches) {
  const byId = new Map(held.map((s) => [s.i, s]));
  const out = [];
  for (const patch of patches) {
    const record = byId.get(patch.i);
    if (!record) return null;
    const flat = { ...record, ...Object.fromEntries(Object.entries(record.t || {}).map(([k, v]) => [`t.${k}`, v])) };
    delete flat.t;
    for (const key of patch.unset || []) delete flat[key];
    Object.assign(flat, patch.set || {}, { i: patch.i, v: patch.v });
    const next = {};
    const texts = {};
    for (const [key, value] of Object.entries(flat)) {
      if (key.startsWith('t.')) texts[key.slice(2)] = value;
      else next[key] = value;
    }
    if (Object.keys(texts).length) next.t = texts;
    out.push(next);
  }
  return out;
}

async function sha256Hex(data) {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const STATE_HEX = 32; // versions.STATE_HEX

/** SHA-256 of the sorted "id:version" lines, cut to STATE_HEX: the server's versions.state_checksum. */
export async function stateChecksum(pairs) {
  const lines = pairs.map(([id, v]) => `${id}:${v}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return (await sha256Hex(lines.join('\n'))).slice(0, STATE_HEX);
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

async function downloadSnapshot(lang, regions, onProgress) {
  const query = new URLSearchParams({ regions: regions.join(' ') });
  const response = await fetch(`/${lang}/offline/snapshot.json?${query}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`Snapshot: HTTP ${response.status}`);
  const { document, bytes } = await readVerified(response, onProgress);
  if (document.format !== FORMAT) throw new Error(`Snapshot: format ${document.format}, expected ${FORMAT}`);
  document.terms = unpackTerms(document.terms);
  const services = unpackServices(document.services, document.terms);
  const state = await stateChecksum(services.map((s) => [s.i, s.v]));
  if (state !== document.state) throw new Error('The snapshot does not match its state checksum');
  const now = Date.now();
  const dataset = {
    lang, format: FORMAT, regions: document.regions, version: document.version, etag: etagOf(response), state,
    terms: document.terms, info: document.info, bytes, updated: now, checked: now,
  };
  await replaceDataset(dataset, services);
  return { status: 'saved', dataset, transferred: Number(response.headers.get('Content-Length')) || bytes };
}

async function catchUp(saved, regions) {
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
  if (document.reset || document.format !== FORMAT) return null;
  document.terms = unpackTerms(document.terms);
  const held = await allServices(saved.lang);
  const patched = applyPatches(held, document.patches || []);
  if (!patched) return null; // a patch for a record this phone lacks: start again from a whole snapshot
  const changed = [...unpackServices(document.services, document.terms || saved.terms), ...patched];
  const deleted = new Set([...(document.deleted || []), ...changed.map((s) => s.i)]);
  const kept = held.filter((s) => !deleted.has(s.i));
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
 * Bring the directory for `lang` in `regions` up to date; resolve to {status, dataset}, status
 * being 'saved', 'updated' or 'unchanged'. Runs in the sync worker (sync-worker.js), off the page's thread.
 */
export async function syncDirectory(lang, regions, onProgress) {
  const run = async () => {
    const saved = await getDataset(lang);
    // A snapshot saved by an older release (another format) is replaced whole, not patched.
    if (saved && saved.format === FORMAT && saved.regions.join(' ') === [...regions].sort().join(' ')) {
      const result = await catchUp(saved, regions);
      if (result) return result;
    }
    return downloadSnapshot(lang, regions, onProgress);
  };
  // One sync at a time, however many tabs are open.
  return navigator.locks ? navigator.locks.request(`passerelle-sync-${lang}`, run) : run();
}
