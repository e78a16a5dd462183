/**
 * The moment of a record: what depends on when the page is drawn. The twin of pwa_app/web/moment.py,
 * field for field; the shared templates (templates/shared/) draw it on both sides. Times and days
 * are written from the server's CLDR data (cldr-format.js), never the phone's Intl.
 */
import { dayNumber, openStatus, scheduleDescriptions, weekHours } from './hours.js';
import { clockParts, dayParts, formatClock, wallClock } from './cldr-format.js';
import { format } from './status-line.js';

const primaryOf = (code) => String(code).replace('_', '-').split('-')[0].toLowerCase();

/** `at`: {now (ms), tz, lang, base, s (the shell's render strings)}. */
export function openLabel(status, at) {
  const { s } = at;
  if (status.state === 'open24') return s.open24;
  if (status.state === 'unknown') return s.unknown;
  const when = status.state === 'open' ? status.closesAt : status.opensAt;
  if (when === null) return s.closed;
  const today = dayNumber(at.now, at.tz);
  const day = dayNumber(when, at.tz);
  const values = { time: formatClock(s.clock, 'time', wallClock(when, at.tz)), day: formatClock(s.clock, 'day', wallClock(when, at.tz)) };
  if (status.state === 'open') return format(day === today ? s.openCloses : s.openClosesDay, values);
  if (day === today) return format(s.opensToday, values);
  if (day === today + 1) return format(s.opensTomorrow, values);
  return format(s.opensDay, values);
}

function hoursNotes(schedules, at) {
  const same = primaryOf(at.lang) === primaryOf(at.base);
  return scheduleDescriptions(schedules).map((text) => (same ? text : [text, at.base]));
}

function weekRows(schedules, at) {
  const days = weekHours(schedules || [], dayNumber(at.now, at.tz));
  if (!days.some((d) => d.ranges.length || d.open24)) return null;
  const clock = (seconds) => formatClock(at.s.clock, 'time', clockParts(seconds));
  return days.map((d) => ({
    name: formatClock(at.s.clock, 'day', dayParts(d.day)), holiday: d.closed, open24: d.open24,
    ranges: d.ranges.map(([o, c]) => [clock(o), clock(c)]),
  }));
}

/** A week's hours for one line, Monday first, days alike grouped (moment.hours_line). */
function hoursLine(schedules, at) {
  const clock = (seconds) => formatClock(at.s.clock, 'time', clockParts(seconds));
  const weekday = (day) => formatClock(at.s.clock, 'weekday', dayParts(day));
  const days = weekHours(schedules || [], dayNumber(at.now, at.tz)).sort((a, b) => dayParts(a.day).weekday - dayParts(b.day).weekday);
  const said = days.map((d) => (d.open24 ? '24' : d.ranges.map(([o, c]) => `${clock(o)}–${clock(c)}`).join('\n')));
  const out = [];
  for (let n = 0, end = 0; n < days.length; n = end + 1) {
    end = n;
    while (end + 1 < days.length && said[end + 1] === said[n]) end += 1;
    if (said[n]) {
      out.push({
        days: weekday(days[n].day) + (end > n ? `–${weekday(days[end].day)}` : ''), open24: said[n] === '24',
        ranges: said[n] === '24' ? [] : said[n].split('\n'),
      });
    }
  }
  return out;
}

/** The moment of record `r` for a card; with `page` for its own page, with `line` for a referral sheet. */
export function moment(r, at, { page = false, line = false, distance = null } = {}) {
  const schedules = r.h || [];
  const status = openStatus(schedules, at.now, at.tz);
  const out = { state: status.state, label: openLabel(status, at), notes: hoursNotes(schedules, at) };
  if (distance !== null) out.distance = distance;
  if (line) out.line = hoursLine(schedules, at);
  if (page) {
    out.week = weekRows(schedules, at);
    out.places = (r.l || []).map((l) => ({ week: weekRows(l.h, at), notes: hoursNotes(l.h, at) }));
    if (r.d) {
      const [y, m, d] = r.d.split('-').map(Number);
      out.verified = formatClock(at.s.clock, 'date', dayParts(Math.round(Date.UTC(y, m - 1, d) / 86400000)));
    }
  }
  return out;
}
