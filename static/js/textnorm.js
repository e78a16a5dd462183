/**
 * Search text normalisation, the twin of pwa_app/core/textnorm.py (tests/data/textnorm_vectors.json
 * proves they agree): case folded, accents off Latin, Greek and Cyrillic letters only,
 * punctuation and symbols turned into spaces, words split by one space.
 */

// Where Unicode full case folding (Python's str.casefold) differs from toLowerCase, once
// decomposed. Generated from Python's unicodedata; [first, last, shift] runs, then longer folds.
const FOLD_RUNS = [[0xB5, 0xB5, 775], [0x17F, 0x17F, -268], [0x345, 0x345, 116], [0x3C2, 0x3C2, 1], [0x3D0, 0x3D0, -30], [0x3D1, 0x3D1, -25], [0x3D5, 0x3D5, -15], [0x3D6, 0x3D6, -22], [0x3F0, 0x3F0, -54], [0x3F1, 0x3F1, -48], [0x3F5, 0x3F5, -64], [0x13A0, 0x13F5, 0], [0x13F8, 0x13FD, -8], [0x1C80, 0x1C80, -6222], [0x1C81, 0x1C81, -6221], [0x1C82, 0x1C82, -6212], [0x1C83, 0x1C84, -6210], [0x1C85, 0x1C85, -6211], [0x1C86, 0x1C86, -6204], [0x1C87, 0x1C87, -6180], [0x1C88, 0x1C88, 35267], [0x1E9B, 0x1E9B, -58], [0xAB70, 0xABBF, -38864]];
const FOLD_MULTI = {0xDF: "ss", 0x149: "\u02bcn", 0x587: "\u0565\u0582", 0x1E9A: "a\u02be", 0x1E9E: "ss", 0x1F80: "\u1f00\u03b9", 0x1F81: "\u1f01\u03b9", 0x1F82: "\u1f02\u03b9", 0x1F83: "\u1f03\u03b9", 0x1F84: "\u1f04\u03b9", 0x1F85: "\u1f05\u03b9", 0x1F86: "\u1f06\u03b9", 0x1F87: "\u1f07\u03b9", 0x1F88: "\u1f00\u03b9", 0x1F89: "\u1f01\u03b9", 0x1F8A: "\u1f02\u03b9", 0x1F8B: "\u1f03\u03b9", 0x1F8C: "\u1f04\u03b9", 0x1F8D: "\u1f05\u03b9", 0x1F8E: "\u1f06\u03b9", 0x1F8F: "\u1f07\u03b9", 0x1F90: "\u1f20\u03b9", 0x1F91: "\u1f21\u03b9", 0x1F92: "\u1f22\u03b9", 0x1F93: "\u1f23\u03b9", 0x1F94: "\u1f24\u03b9", 0x1F95: "\u1f25\u03b9", 0x1F96: "\u1f26\u03b9", 0x1F97: "\u1f27\u03b9", 0x1F98: "\u1f20\u03b9", 0x1F99: "\u1f21\u03b9", 0x1F9A: "\u1f22\u03b9", 0x1F9B: "\u1f23\u03b9", 0x1F9C: "\u1f24\u03b9", 0x1F9D: "\u1f25\u03b9", 0x1F9E: "\u1f26\u03b9", 0x1F9F: "\u1f27\u03b9", 0x1FA0: "\u1f60\u03b9", 0x1FA1: "\u1f61\u03b9", 0x1FA2: "\u1f62\u03b9", 0x1FA3: "\u1f63\u03b9", 0x1FA4: "\u1f64\u03b9", 0x1FA5: "\u1f65\u03b9", 0x1FA6: "\u1f66\u03b9", 0x1FA7: "\u1f67\u03b9", 0x1FA8: "\u1f60\u03b9", 0x1FA9: "\u1f61\u03b9", 0x1FAA: "\u1f62\u03b9", 0x1FAB: "\u1f63\u03b9", 0x1FAC: "\u1f64\u03b9", 0x1FAD: "\u1f65\u03b9", 0x1FAE: "\u1f66\u03b9", 0x1FAF: "\u1f67\u03b9", 0x1FB2: "\u1f70\u03b9", 0x1FB3: "\u03b1\u03b9", 0x1FB4: "\u03ac\u03b9", 0x1FB7: "\u03b1\u0342\u03b9", 0x1FBC: "\u03b1\u03b9", 0x1FC2: "\u1f74\u03b9", 0x1FC3: "\u03b7\u03b9", 0x1FC4: "\u03ae\u03b9", 0x1FC7: "\u03b7\u0342\u03b9", 0x1FCC: "\u03b7\u03b9", 0x1FF2: "\u1f7c\u03b9", 0x1FF3: "\u03c9\u03b9", 0x1FF4: "\u03ce\u03b9", 0x1FF7: "\u03c9\u0342\u03b9", 0x1FFC: "\u03c9\u03b9", 0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st", 0xFB13: "\u0574\u0576", 0xFB14: "\u0574\u0565", 0xFB15: "\u0574\u056b", 0xFB16: "\u057e\u0576", 0xFB17: "\u0574\u056d"};
// Code points whose Unicode name starts with LATIN, GREEK or CYRILLIC: their accents come off.
const FOLDED_RANGES = [[0x41, 0x5A], [0x61, 0x7A], [0xC0, 0xD6], [0xD8, 0xF6], [0xF8, 0x2AF], [0x370, 0x377], [0x37A, 0x37F], [0x384, 0x38A], [0x38C, 0x38C], [0x38E, 0x3A1], [0x3A3, 0x3E1], [0x3F0, 0x482], [0x48A, 0x52F], [0x1C80, 0x1C88], [0x1D00, 0x1D2B], [0x1D62, 0x1D77], [0x1D79, 0x1D9A], [0x1E00, 0x1F15], [0x1F18, 0x1F1D], [0x1F20, 0x1F45], [0x1F48, 0x1F4D], [0x1F50, 0x1F57], [0x1F59, 0x1F59], [0x1F5B, 0x1F5B], [0x1F5D, 0x1F5D], [0x1F5F, 0x1F7D], [0x1F80, 0x1FB4], [0x1FB6, 0x1FC4], [0x1FC6, 0x1FD3], [0x1FD6, 0x1FDB], [0x1FDD, 0x1FEF], [0x1FF2, 0x1FF4], [0x1FF6, 0x1FFE], [0x2090, 0x209C], [0x2184, 0x2184], [0x271D, 0x271D], [0x2C60, 0x2C7C], [0x2C7E, 0x2C7F], [0xA640, 0xA66E], [0xA67E, 0xA69B], [0xA722, 0xA76F], [0xA771, 0xA787], [0xA78B, 0xA7CA], [0xA7D0, 0xA7D1], [0xA7D3, 0xA7D3], [0xA7D5, 0xA7D9], [0xA7F5, 0xA7F7], [0xA7FA, 0xA7FF], [0xAB30, 0xAB5A], [0xAB60, 0xAB68], [0xFB00, 0xFB06], [0x10140, 0x1018D], [0x101A0, 0x101A0], [0x1D200, 0x1D241], [0x1D245, 0x1D245], [0x1DF00, 0x1DF1E]];
const SEPARATOR = /[\p{P}\p{S}\p{Z}\p{C}]/u;
const MARK = /\p{M}/u;
const combiningCache = new Map();

function foldCase(ch) {
  const cp = ch.codePointAt(0);
  if (cp in FOLD_MULTI) return FOLD_MULTI[cp];
  for (const [first, last, shift] of FOLD_RUNS) {
    if (cp >= first && cp <= last) return String.fromCodePoint(cp + shift);
  }
  return ch.toLowerCase();
}

function inRanges(cp, ranges) {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[mid][0]) hi = mid - 1;
    else if (cp > ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

// JavaScript cannot ask for a character's canonical combining class, but NFD reorders marks
// by it: a mark with class 0 never moves past another mark, any other mark does.
function isCombining(ch) {
  if (!MARK.test(ch)) return false;
  if (!combiningCache.has(ch)) {
    const afterHighest = ('\u0345' + ch).normalize('NFD') !== '\u0345' + ch; // class 240
    const beforeLowest = (ch + '\u0334').normalize('NFD') !== ch + '\u0334'; // class 1
    combiningCache.set(ch, afterHighest || beforeLowest);
  }
  return combiningCache.get(ch);
}

function normalizeAnyScript(text) {
  let folded = '';
  for (const ch of text) folded += foldCase(ch);
  const out = [];
  let baseFolds = false;
  for (const ch of folded.normalize('NFD')) {
    if (isCombining(ch)) {
      if (!baseFolds) out.push(ch);
      continue;
    }
    baseFolds = inRanges(ch.codePointAt(0), FOLDED_RANGES);
    out.push(SEPARATOR.test(ch) ? ' ' : ch);
  }
  return out.join('').normalize('NFC').split(' ').filter(Boolean).join(' ');
}

// Text below U+0300 (ASCII, Latin-1, Latin Extended A and B: no combining mark, no script
// without spaces) folds one character at a time, each as the general path folds it alone: a
// separator to a space, a letter to its lowercase without accents. Index building normalises
// every record's texts; this makes it a table lookup per character (the textnorm vectors and
// tests/browser/test_search_worker.py check it against pwa_app/core/textnorm.py).
const ASCII_TEXT = /^[\0-\x7f]*$/;
const LATIN_TEXT = /^[\0-\u02ff]*$/;
const latinFolds = [];

function normalizeLatin(text) {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    let fold = latinFolds[code];
    if (fold === undefined) fold = latinFolds[code] = normalizeAnyScript(text[i]) || ' ';
    out += fold;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Return `text` folded for matching: lowercase, accents off where safe, words split by one space. */
export function normalize(text) {
  const s = String(text);
  if (ASCII_TEXT.test(s)) return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim(); // as textnorm.py
  return LATIN_TEXT.test(s) ? normalizeLatin(s) : normalizeAnyScript(s);
}

/** Return up to `limit` distinct normalised words of `text`, in order. */
export function tokens(text, limit = 32) {
  const seen = [];
  for (const word of normalize(text).split(' ')) {
    if (word && !seen.includes(word)) seen.push(word);
    if (seen.length >= limit) break;
  }
  return seen;
}

// Scripts written without spaces, cut into overlapping character pairs: textnorm.py's UNSPACED_RANGES.
const UNSPACED_RANGES = [[0x0E00, 0x0EFF], [0x1000, 0x109F], [0x1780, 0x17FF], [0x3040, 0x30FF], [0x31F0, 0x31FF],
  [0x3400, 0x4DBF], [0x4E00, 0x9FFF], [0xF900, 0xFAFF], [0x20000, 0x3FFFF]];

/** True when `word` holds a character of a script written without spaces. */
export function hasUnspaced(word) {
  for (const ch of word) if (inRanges(ch.codePointAt(0), UNSPACED_RANGES)) return true;
  return false;
}

function splitWord(word) {
  const out = [];
  const run = [];
  let spaced = '';
  const flushRun = () => {
    if (run.length === 1) out.push(run[0]);
    for (let i = 0; i + 1 < run.length; i += 1) out.push(run[i] + run[i + 1]);
    run.length = 0;
  };
  for (const ch of word) {
    if (MARK.test(ch)) {
      if (run.length) run[run.length - 1] += ch; else spaced += ch;
    } else if (inRanges(ch.codePointAt(0), UNSPACED_RANGES)) {
      if (spaced) { out.push(spaced); spaced = ''; }
      run.push(ch);
    } else {
      if (run.length) flushRun();
      spaced += ch;
    }
  }
  flushRun();
  if (spaced) out.push(spaced);
  return out;
}

/** The normalised words of `text`, runs of unspaced scripts cut into character pairs (textnorm.segment). */
export function segment(text) {
  const normalized = normalize(text);
  if (!normalized) return [];
  // Below U+0300 there is no mark and no script without spaces: the words are the parts.
  return LATIN_TEXT.test(normalized) ? normalized.split(' ') : normalized.split(' ').flatMap(splitWord);
}

/** Up to `limit` distinct segmented words of `text`, in order (textnorm.search_words). */
export function searchWords(text, limit = 32) {
  const seen = [];
  for (const word of segment(text)) {
    if (!seen.includes(word)) seen.push(word);
    if (seen.length >= limit) break;
  }
  return seen;
}

/** Records in name order as the reader sees them (name_order.name_key): the shown name without case, accents
 * or punctuation, then as written, then the id. */
export function byName(records) {
  const plain = (t) => (Array.isArray(t) ? t[0] : (t || ''));
  const keyed = records.map((r) => [normalize(plain(r.n)), plain(r.n), r.i, r]);
  const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  keyed.sort((a, b) => order(a[0], b[0]) || order(a[1], b[1]) || order(a[2], b[2]));
  return keyed.map((k) => k[3]);
}
