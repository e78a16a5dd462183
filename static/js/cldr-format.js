/**
 * Times, dates and lists written exactly as the server's Babel writes them. The server sends each
 * language's CLDR patterns, names, day periods, digits and list pattern (pwa_app/present/localize.py
 * clock_data and list_patterns, in the shell's render strings and the page strings); this module
 * only substitutes them. Chromium's own date data lacks some languages (Somali, Tigrinya,
 * Inuktitut) and differs in others, and Intl.DateTimeFormat('fa') counts in the Persian calendar:
 * Intl is used here for nothing but reading a wall clock in the region's time zone, in Gregorian.
 */

const pad = (n, width) => String(n).padStart(width, '0');

/** The parts of a calendar day (days since 1970-01-01), Monday being weekday 0 as in hours.js. */
export function dayParts(days) {
  const d = new Date(days * 86400000);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: (d.getUTCDay() + 6) % 7,
    hour: 0, minute: 0, second: 0,
  };
}

/** The parts of a wall-clock time given in seconds since midnight (hours.js weekHours). */
export function clockParts(seconds) {
  return { hour: Math.floor(seconds / 3600) % 24, minute: Math.floor((seconds % 3600) / 60), second: seconds % 60 };
}

/**
 * The phone's own wall clock at an instant: Date's local fields, in the phone's time zone. No Intl:
 * the first Intl.DateTimeFormat a page makes loads the time-zone data, about 170 ms of the page's
 * thread on a slow phone (bench/main_thread.py), for a line saying when the directory was saved.
 */
export function phoneClock(ms) {
  const d = new Date(ms);
  return {
    year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), weekday: (d.getDay() + 6) % 7,
    hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds(),
  };
}

const wallReaders = new Map(); // one per time zone: making an Intl.DateTimeFormat is slow, using one is not

/** The Gregorian wall-clock parts of an instant in a time zone. */
export function wallClock(ms, timeZone) {
  const parts = {};
  if (!wallReaders.has(timeZone)) {
    wallReaders.set(timeZone, new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
      second: 'numeric',
    }));
  }
  const reader = wallReaders.get(timeZone);
  for (const { type, value } of reader.formatToParts(new Date(ms))) parts[type] = Number(value);
  const day = Math.round(Date.UTC(parts.year, parts.month - 1, parts.day) / 86400000);
  return { ...dayParts(day), hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** ASCII digits as the language writes them ("۱۳:۰۰" in Persian), as localize.with_digits does. */
export function localDigits(text, digits) {
  return digits ? String(text).replace(/[0-9]/g, (d) => digits[Number(d)]) : String(text);
}

/** Write `parts` with the pattern `kind` ("time", "date", "day", "when") of the server's clock data. */
export function formatClock(data, kind, parts) {
  const names = data.names || {};
  const word = (ranges, minute) => ranges.reduce((found, [from, text]) => (from <= minute ? text : found), '');
  const field = ([letter, width]) => {
    switch (letter) {
      case 'y': return width === 2 ? pad(parts.year % 100, 2) : pad(parts.year, width);
      case 'M': case 'L': return width <= 2 ? pad(parts.month, width) : names[`${letter}${width}`][parts.month - 1];
      case 'd': return pad(parts.day, width);
      case 'E': case 'c': return names[`${letter}${Math.max(3, width)}`][parts.weekday];
      case 'h': return pad(parts.hour % 12 || 12, width);
      case 'H': return pad(parts.hour, width);
      case 'K': return pad(parts.hour % 12, width);
      case 'k': return pad(parts.hour || 24, width);
      case 'm': return pad(parts.minute, width);
      case 's': return pad(parts.second, width);
      case 'a': case 'B': return word(names[`${letter}${width}`], parts.hour * 60 + parts.minute);
      default: throw new Error(`pattern field ${letter} is not known here (localize.PATTERN_FIELDS)`);
    }
  };
  const text = data.patterns[kind].map((token) => (typeof token === 'string' ? token : field(token))).join('');
  return localDigits(text, data.digits);
}

/**
 * Items joined with CLDR's list pattern, as Babel's format_list joins them ("a, b and c").
 * Items are HTML; the pattern's own words are escaped with `esc`.
 */
export function formatList(items, patterns, esc = (s) => s) {
  const fill = (pattern, a, b) => esc(pattern).replace(/\{([01])\}/g, (match, n) => (n === '0' ? a : b));
  if (!items.length) return '';
  if (items.length === 1) return items[0];
  if (items.length === 2 && patterns['2']) return fill(patterns['2'], items[0], items[1]);
  let result = fill(patterns.start, items[0], items[1]);
  for (const item of items.slice(2, -1)) result = fill(patterns.middle, result, item);
  return fill(patterns.end, result, items[items.length - 1]);
}
