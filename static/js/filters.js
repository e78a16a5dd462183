/**
 * The filters on pages drawn from the saved directory: the twin of pwa_app/search/filters.py, over
 * snapshot records and /<lang>/offline/search-data.json. Same GET parameters, same rules.
 */
import { dayNumber, openStatus, toInstant } from './hours.js';

export const FILTER_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const FILTER_PERIODS = { morning: [10, 0], afternoon: [14, 0], evening: [19, 0] };
const FILTER_AGE_GROUPS = { child: [0, 12], youth: [13, 17], adult: [18, 64], senior: [65, 200] };
export const FILTER_DISTANCES = [1, 2, 5, 10, 25, 50];
const FILTER_CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Read the filters from a query string, as filters.parse does; unknown values are left out and named. */
export function parseFilters(search, known = {}) {
  const params = new URLSearchParams(search);
  const ignored = [];
  const f = {};
  const take = (name, valid, convert = (v) => v, key = name) => {
    const raw = (params.get(name) || '').trim().slice(0, 100);
    if (!raw) return;
    if (valid(raw)) f[key] = convert(raw); else ignored.push(name);
  };
  take('category', (v) => !known.categories || known.categories.has(v));
  take('open', (v) => v === 'now', () => true, 'openNow');
  take('day', (v) => FILTER_DAYS.includes(v.toLowerCase()), (v) => FILTER_DAYS.indexOf(v.toLowerCase()));
  take('time', (v) => v in FILTER_PERIODS || FILTER_CLOCK.test(v));
  take('speaks', (v) => !known.languages || known.languages.has(v));
  take('free', (v) => ['1', 'on', 'true', 'yes'].includes(v), () => true);
  take('age', (v) => v in FILTER_AGE_GROUPS);
  take('access', (v) => v === 'wheelchair', () => true, 'wheelchair');
  take('near', (v) => !known.places || known.places.has(v));
  take('within', (v) => /^\d+$/.test(v) && FILTER_DISTANCES.includes(Number(v)), Number);
  take('sort', (v) => ['relevance', 'name', 'distance'].includes(v));
  if (f.within && !f.near) delete f.within;
  if (f.sort === 'distance' && !f.near) delete f.sort;
  f.ignored = ignored;
  return f;
}

/** True when any filter (other than the sort order) is chosen. */
export function filtersActive(f) {
  return Boolean(f.category || f.openNow || f.day !== undefined || f.time || f.speaks || f.free || f.age
    || f.wheelchair || f.near);
}

/** The GET parameters that reproduce these filters, as Filters.params: [[name, value], ...]. */
export function filterParams(f, withoutSort = false) {
  return [
    ['category', f.category], ['open', f.openNow ? 'now' : null],
    ['day', f.day === undefined || f.day === null ? null : FILTER_DAYS[f.day]], ['time', f.time],
    ['speaks', f.speaks], ['free', f.free ? '1' : null], ['age', f.age],
    ['access', f.wheelchair ? 'wheelchair' : null], ['near', f.near],
    ['within', f.within ? String(f.within) : null], ['sort', withoutSort ? null : f.sort],
  ].filter(([, value]) => value);
}

/** These filters less one (by parameter name), as Filters.without: for "remove this filter" links. */
export function filterWithout(f, name) {
  const cleared = {
    category: ['category'], open: ['openNow'], day: ['day', 'time'], time: ['day', 'time'], speaks: ['speaks'],
    free: ['free'], age: ['age'], access: ['wheelchair'], near: ['near', 'within'], within: ['within'],
  }[name];
  const out = { ...f };
  for (const key of cleared) delete out[key];
  return out;
}

/** The instant "open on <day> at <time>" means, in epoch ms: the next such day (today counts). */
function filterMoment(f, now, tz) {
  if (f.day === undefined && !f.time) return null;
  const today = dayNumber(now, tz);
  const weekday = (today + 3) % 7; // day 0 (1970-01-01) was a Thursday; 0 = Monday here
  const day = today + (f.day === undefined ? 0 : (f.day - weekday + 7) % 7);
  const [h, m] = f.time in FILTER_PERIODS ? FILTER_PERIODS[f.time]
    : (f.time ? f.time.split(':').map(Number) : FILTER_PERIODS.morning);
  return toInstant(day, h * 3600 + m * 60, tz);
}

/** Great-circle distance in km (haversine), as filters.distance_km. */
export function distanceKm(lat1, lon1, lat2, lon2) {
  const rad = Math.PI / 180;
  const dp = (lat2 - lat1) * rad;
  const dl = (lon2 - lon1) * rad;
  const a = Math.sin(dp / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dl / 2) ** 2;
  return 6371.0088 * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The nearest of a record's locations to a point, in km, or null without coordinates. */
export function recordDistance(record, point) {
  let best = null;
  for (const l of record.l || []) {
    if (!l.g) continue;
    const d = distanceKm(point[0], point[1], l.g[0], l.g[1]);
    if (best === null || d < best) best = d;
  }
  return best;
}

/** True when the record's ages (its eligibility) meet the age group's (filters._ages). */
export function fitsAge(record, group) {
  const [low, high] = FILTER_AGE_GROUPS[group];
  const [min, max] = record.a || [null, null];
  return (min === null || min <= high) && (max === null || max >= low);
}

/** True when a record passes every chosen filter. `facts` is search-data's services map; `under` the category's ids. */
function recordMatches(record, f, { facts = {}, under = null, now, at = null, tz }) {
  if (under && !under.has(record.i)) return false;
  const [codes, wheelchair] = facts[record.i] || [[], 0];
  if (f.speaks && !codes.includes(f.speaks)) return false;
  if (f.free && !record.f) return false;
  if (f.age && !fitsAge(record, f.age)) return false;
  if (f.wheelchair && !wheelchair) return false;
  const isOpen = (ms) => ['open', 'open24'].includes(openStatus(record.h, ms, tz).state);
  if (f.openNow && !isOpen(now)) return false;
  if (at !== null && !isOpen(at)) return false;
  return true;
}

/**
 * Keep the records (in order) that pass every filter; near a place, measure them, keep those within
 * the chosen distance and maybe sort them nearest first (stable): filters.apply. `under` is the
 * chosen category's service ids; `facts` search-data's services map. Returns {records, distances}.
 */
export function applyFilters(records, f, { facts, under, now, tz, place }) {
  const at = filterMoment(f, now, tz);
  let keep = records.filter((r) => recordMatches(r, f, { facts, under, now, at, tz }));
  const distances = new Map(place ? keep.map((r) => [r.i, recordDistance(r, place.g)]) : []);
  const far = (r) => (distances.get(r.i) === null ? Infinity : distances.get(r.i));
  if (place && f.within) keep = keep.filter((r) => far(r) <= f.within);
  if (place && f.sort === 'distance') keep.sort((a, b) => far(a) - far(b));
  return { records: keep, distances };
}
