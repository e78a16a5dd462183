/**
 * Search the directory saved on this phone: every word must start a word of the service's name,
 * categories or other text (normalised as on the server); when none match that way, any word may.
 * Names weigh most, then categories, then the rest, as the server ranks them.
 */
import { normalize, tokens } from './textnorm.js';

const MAX_QUERY_WORDS = 12;
const FIELD_WEIGHTS = [['name', 10], ['categories', 4], ['body', 1]];

function plainText(t) {
  return Array.isArray(t) ? t[0] : (t || '');
}

/** Prepare records for searching: their normalised words per field. */
export function buildIndex(records, termsBySlug) {
  return records.map((r) => {
    const categories = [];
    for (const slug of r.c || []) {
      for (let term = termsBySlug.get(slug), seen = 0; term && seen < 20; term = termsBySlug.get(term.p), seen += 1) {
        categories.push(plainText(term.n));
      }
    }
    const t = r.t || {};
    const body = [t.de, t.el, t.fe, t.ap, t.is, t.al, r.o, ...(r.g || []),
      ...(r.l || []).flatMap((l) => l.a || [])].map(plainText);
    const words = (text) => normalize(text).split(' ').filter(Boolean);
    return {
      record: r,
      name: words([plainText(r.n), plainText(t.an)].join(' ')),
      categories: words(categories.join(' ')),
      body: words(body.join(' ')),
    };
  });
}

function score(entry, words, all) {
  let total = 0;
  for (const word of words) {
    let best = 0;
    for (const [fieldName, weight] of FIELD_WEIGHTS) {
      if (weight > best && entry[fieldName].some((w) => w.startsWith(word))) best = weight;
    }
    if (!best && all) return 0;
    total += best;
  }
  return total;
}

/** Records matching `query`, best first. */
export function searchIndex(index, query, collator) {
  const words = tokens(query, MAX_QUERY_WORDS);
  if (!words.length) return [];
  for (const all of [true, false]) {
    const hits = index.map((entry) => [score(entry, words, all), entry]).filter(([n]) => n > 0);
    if (hits.length) {
      hits.sort((a, b) => b[0] - a[0] || collator.compare(plainText(a[1].record.n), plainText(b[1].record.n)));
      return hits.map(([, entry]) => entry.record);
    }
    if (words.length === 1) break;
  }
  return [];
}
