/**
 * Opening hours for HSDS 3.0 schedule rows: the JavaScript twin of pwa_app/core/hours.py, held to the
 * same conventions by tests/data/hours_vectors.json. Instants are epoch milliseconds; wall-clock
 * days are day numbers (days since 1970-01-01) and times are seconds since midnight.
 */

const DAY_MS = 86400000;
const LOOKAHEAD_DAYS = 14;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const BYDAY = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const INTEGER = /^\s*[+-]?\d+\s*$/;
const partsFormats = new Map();

function field(row, name) {
  const v = row[name];
  return v === undefined || v === null || (typeof v === 'string' && !v.trim()) ? null : v;
}

function parseTime(v) {
  const m = TIME.exec(String(v).trim());
  if (!m) throw new Error('time');
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] || 0)];
  if (h === 24 && min === 0 && s === 0) return 0; // '24:00' closing = midnight
  if (h > 23 || min > 59 || s > 59) throw new Error('time');
  return h * 3600 + min * 60 + s;
}

function parseDate(v) {
  if (v === null) return null;
  const m = ISO_DATE.exec(String(v).trim());
  if (!m) throw new Error('date');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) throw new Error('date');
  return ms / DAY_MS;
}

function parseInteger(v) {
  if (typeof v === 'number') return Math.trunc(v);
  if (!INTEGER.test(String(v))) throw new Error('integer');
  return parseInt(v, 10);
}

function pickDay(pick, a, b) {
  return a !== null && b !== null ? pick(a, b) : (a !== null ? a : b);
}

function parseRule(row) {
  try {
    const opens = field(row, 'opens_at');
    const closes = field(row, 'closes_at');
    const vf = parseDate(field(row, 'valid_from'));
    const vt = parseDate(field(row, 'valid_to'));
    if (opens === null && closes === null) {
      return vf !== null || vt !== null ? { kind: 'closure', first: vf, last: vt } : null;
    }
    if (opens === null || closes === null) return null;
    const o = parseTime(opens);
    const c = parseTime(closes);
    const freq = String(field(row, 'freq') || '').trim().toUpperCase();
    const bydayRaw = field(row, 'byday');
    const bymonthdayRaw = field(row, 'bymonthday');
    if ((vf !== null || vt !== null) && !(freq || bydayRaw || bymonthdayRaw)) {
      return { kind: 'special', opens: o, closes: c, first: vf, last: vt };
    }
    if (!['', 'WEEKLY', 'MONTHLY'].includes(freq)) return null;
    const byday = [];
    for (const token of String(bydayRaw || '').toUpperCase().split(',')) {
      if (!token.trim()) continue;
      const m = BYDAY.exec(token.trim());
      if (!m) return null;
      byday.push([m[1] ? Number(m[1]) : null, WEEKDAYS.indexOf(m[2])]);
    }
    const bymonthday = String(bymonthdayRaw || '').split(',').filter((x) => x.trim()).map(parseInteger);
    const interval = parseInteger(field(row, 'interval') || 1);
    const anchor = parseDate(field(row, 'dtstart'));
    if (interval < 1 || (interval > 1 && anchor === null) || bymonthday.some((k) => Math.abs(k) < 1 || Math.abs(k) > 31)
        || (freq === 'MONTHLY' && !(byday.length || bymonthday.length))) {
      return null;
    }
    return {
      kind: 'recurring', opens: o, closes: c, first: pickDay(Math.max, vf, anchor),
      last: pickDay(Math.min, vt, parseDate(field(row, 'until'))), freq: freq || 'WEEKLY',
      byday, bymonthday, interval, anchor,
    };
  } catch {
    return null; // bad data must never break a page: drop the row instead
  }
}

function rules(schedules) {
  return (schedules || []).map(parseRule).filter(Boolean);
}

function civil(day) {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

function weekday(day) {
  return (day + 3) % 7; // 1970-01-01 was a Thursday; Monday is 0
}

function monthLength(day) {
  const { year, month } = civil(day);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function matches(rule, day) {
  if ((rule.first !== null && day < rule.first) || (rule.last !== null && day > rule.last)) return false;
  if (rule.kind !== 'recurring') return true;
  const { year, month, date } = civil(day);
  const dim = monthLength(day);
  if (rule.byday.length && !rule.byday.some(([n, wd]) => wd === weekday(day) && (
    n === null || rule.freq !== 'MONTHLY'
    || (n > 0 && Math.floor((date - 1) / 7) + 1 === n)
    || (n < 0 && Math.floor((dim - date) / 7) + 1 === -n)))) {
    return false;
  }
  if (rule.bymonthday.length && !rule.bymonthday.some((k) => date === (k > 0 ? k : dim + k + 1))) return false;
  if (rule.interval > 1) {
    let step;
    if (rule.freq === 'MONTHLY') {
      const a = civil(rule.anchor);
      step = (year - a.year) * 12 + month - a.month;
    } else {
      step = Math.floor(((day - weekday(day)) - (rule.anchor - weekday(rule.anchor))) / 7);
    }
    return ((step % rule.interval) + rule.interval) % rule.interval === 0;
  }
  return true;
}

function dayPlan(list, day) {
  const specials = list.filter((r) => r.kind === 'special' && matches(r, day)).map((r) => [r.opens, r.closes]);
  if (specials.length) return { ranges: specials, closed: false };
  if (list.some((r) => r.kind === 'closure' && matches(r, day))) return { ranges: [], closed: true };
  return { ranges: list.filter((r) => r.kind === 'recurring' && matches(r, day)).map((r) => [r.opens, r.closes]), closed: false };
}

function offsetMs(instant, tz) {
  if (!partsFormats.has(tz)) {
    partsFormats.set(tz, new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    }));
  }
  const p = {};
  for (const { type, value } of partsFormats.get(tz).formatToParts(new Date(instant))) p[type] = Number(value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

// Wall-clock time in `tz` to an instant, as Python's fold=0: a time skipped in spring moves
// forward by the gap, a time repeated in autumn is its first occurrence. Either way the offset
// in force just before the change applies.
export function toInstant(day, seconds, tz) {
  const wall = day * DAY_MS + seconds * 1000;
  const before = offsetMs(wall - DAY_MS, tz);
  if (offsetMs(wall - before, tz) === before) return wall - before;
  const after = offsetMs(wall - before, tz);
  return offsetMs(wall - after, tz) === after ? wall - after : wall - before;
}

function localDay(instant, tz) {
  return Math.floor((instant + offsetMs(instant, tz)) / DAY_MS);
}

function spans(list, first, days, tz) {
  const out = [];
  for (let day = first; day < first + days; day += 1) {
    for (const [o, c] of dayPlan(list, day).ranges) {
      const start = toInstant(day, o, tz);
      const end = toInstant(day + (c <= o ? 1 : 0), c, tz);
      if (end > start) out.push([start, end]);
    }
  }
  out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [];
  for (const [s, e] of out) {
    if (merged.length && s <= merged[merged.length - 1][1]) {
      merged[merged.length - 1][1] = Math.max(merged[merged.length - 1][1], e);
    } else {
      merged.push([s, e]);
    }
  }
  return merged;
}

/** Open/closed state at instant `now` (ms): {state, closesAt, opensAt}, instants in ms or null. */
export function openStatus(schedules, now, tz) {
  const list = rules(schedules);
  if (!list.some((r) => r.kind !== 'closure')) return { state: 'unknown', closesAt: null, opensAt: null };
  const today = localDay(now, tz);
  for (const [s, e] of spans(list, today - 1, LOOKAHEAD_DAYS + 3, tz)) {
    if (s <= now && now < e) {
      if (e - now > DAY_MS) return { state: 'open24', closesAt: null, opensAt: null };
      return { state: 'open', closesAt: e, opensAt: null };
    }
    if (s > now) return { state: 'closed', closesAt: null, opensAt: s - now <= LOOKAHEAD_DAYS * DAY_MS ? s : null };
  }
  return { state: 'closed', closesAt: null, opensAt: null };
}

/** Wall-clock hours for the 7 days from day number `start`: [{day, ranges: [[open, close] seconds], open24, closed}]. */
export function weekHours(schedules, start) {
  const list = rules(schedules);
  const out = [];
  for (let day = start; day < start + 7; day += 1) {
    const plan = dayPlan(list, day);
    const sorted = plan.ranges.map(([o, c]) => [o, c + (c <= o ? 86400 : 0)]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged = [];
    for (const [s, e] of sorted) {
      if (merged.length && s <= merged[merged.length - 1][1]) merged[merged.length - 1][1] = Math.max(merged[merged.length - 1][1], e);
      else merged.push([s, e]);
    }
    out.push({
      day,
      ranges: merged.map(([s, e]) => [s % 86400, (e - s >= 86400 ? s : e) % 86400]),
      open24: merged.some(([s, e]) => e - s >= 86400),
      closed: plan.closed,
    });
  }
  return out;
}

/** Today's day number in `tz`. */
export function dayNumber(instant, tz) {
  return localDay(instant, tz);
}

/** An instant as ISO 8601 with the zone's offset, as Python's isoformat() writes it. */
export function isoInstant(instant, tz) {
  const offset = offsetMs(instant, tz);
  const wall = new Date(Math.floor(instant / 1000) * 1000 + offset).toISOString().slice(0, 19);
  const minutes = Math.abs(offset) / 60000;
  const sign = offset < 0 ? '-' : '+';
  return `${wall}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Text-only hours ("By appointment"), as hours.descriptions: descriptions of rows without opening times, each once. */
export function scheduleDescriptions(schedules) {
  const blank = (v) => v === undefined || v === null || String(v).trim() === '';
  const out = [];
  for (const row of schedules || []) {
    const text = blank(row.description) ? '' : String(row.description).trim();
    if (text && blank(row.opens_at) && blank(row.closes_at) && !out.includes(text)) out.push(text);
  }
  return out;
}
