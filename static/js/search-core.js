/**
 * The browser's search index: MiniSearch over the records saved on this phone, with the words
 * made exactly as the server makes them (textnorm.js, its pairs of characters for scripts written
 * without spaces) and every category's names and synonyms in every language. Ranking: name above
 * category above description. Loaded in the search worker, where MiniSearch is a global.
 */
/* global MiniSearch -- node_modules/minisearch, bundled ahead of this file (pwa_app/web/assets.py) */
import { hasUnspaced, normalize, searchWords, segment } from './textnorm.js';

const SEARCH_FIELDS = ['name', 'categories', 'body'];
const FIELD_BOOSTS = { name: 10, categories: 4, body: 1 };
const QUERY_MAX_CHARS = 200;
const QUERY_MAX_WORDS = 12;

const INDEX_OPTIONS = {
  fields: SEARCH_FIELDS,
  idField: 'id',
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term || null,
  searchOptions: { boost: FIELD_BOOSTS },
};

function recordText(t) {
  return Array.isArray(t) ? t[0] : (t || '');
}

// A field's words as MiniSearch's add() counts them: each word's frequency, in order of first use,
// and whether the text was empty (it then still counts one token, '', in the field's length).
function tally(words) {
  const counts = new Map();
  for (const word of words) counts.set(word, (counts.get(word) || 0) + 1);
  return { counts, blank: words.length === 0 };
}

// The field length MiniSearch gives `parts.join(' ')`: its distinct tokens. Each part is a tally
// with `ids`, numbers for its words; `stamps[id] === stamp` marks the words already seen.
function distinctTokens(parts, stamps, stamp) {
  let unique = 0;
  let blank = parts.length === 0;
  for (const part of parts) {
    if (part.blank) blank = true;
    for (const id of part.ids) {
      if (stamps[id] !== stamp) { stamps[id] = stamp; unique += 1; }
    }
  }
  return unique + (blank ? 1 : 0);
}

/**
 * One search document per record: the tally of its normalised, segmented words for the name and
 * the body; for the categories, the tallies of each category it is filed under (with their
 * parents), each category's words (its names and synonyms in every language) counted only once.
 */
export function searchDocuments(records, terms, termWords) {
  const bySlug = new Map((terms || []).map((t) => [t.s, t]));
  const words = termWords || {};
  const wordIds = new Map();
  const termTally = new Map(); // each category's words, segmented once however many records use it
  const partOf = (slug, term) => {
    if (!termTally.has(slug)) {
      const part = tally(segment(`${term ? recordText(term.n) : ''} ${words[slug] || ''}`));
      part.ids = Int32Array.from(part.counts.keys(), (word) => {
        if (!wordIds.has(word)) wordIds.set(word, wordIds.size);
        return wordIds.get(word);
      });
      termTally.set(slug, part);
    }
    return termTally.get(slug);
  };
  const byCategories = new Map();
  const categoriesOf = (slugs) => {
    const key = slugs.join('\n');
    if (!byCategories.has(key)) {
      const parts = [];
      for (const slug of slugs) {
        for (let term = bySlug.get(slug), hops = 0; term && hops < 20; term = bySlug.get(term.p), hops += 1) {
          parts.push(partOf(term.s, term));
        }
        if (!bySlug.has(slug)) parts.push(partOf(slug, null));
      }
      byCategories.set(key, { parts, unique: 0 });
    }
    return byCategories.get(key);
  };
  const documents = records.map((r) => {
    const t = r.t || {};
    const body = [t.de, t.el, t.fe, t.ap, t.is, t.al, r.o, ...(r.g || []),
      ...(r.l || []).flatMap((l) => l.a || [])].map(recordText);
    return {
      id: r.i,
      name: tally(segment([recordText(r.n), recordText(t.an)].join(' '))),
      categories: categoriesOf(r.c || []),
      body: tally(segment(body.join(' '))),
    };
  });
  const stamps = new Int32Array(wordIds.size).fill(-1);
  let stamp = 0;
  for (const categories of byCategories.values()) {
    categories.unique = distinctTokens(categories.parts, stamps, stamp);
    stamp += 1;
  }
  return documents;
}

// A word's frequencies in the categories field, {record: count}, counted the first time a search
// looks at them: counting them all up front is ~6 million entries at 10,000 records (most of the
// index build and of its memory), and a search only ever reads a few words' worth.
class LazyFrequencies extends Map {
  constructor(count) {
    super();
    this.count = count;
  }

  fill() {
    if (!this.count) return;
    const count = this.count;
    this.count = null;
    for (const [shortId, frequency] of count()) super.set(shortId, frequency);
  }

  get size() { this.fill(); return super.size; }

  get(key) { this.fill(); return super.get(key); }

  has(key) { this.fill(); return super.has(key); }

  set(key, value) { this.fill(); return super.set(key, value); }

  delete(key) { this.fill(); return super.delete(key); }

  forEach(callback, thisArg) { this.fill(); super.forEach(callback, thisArg); }

  keys() { this.fill(); return super.keys(); }

  values() { this.fill(); return super.values(); }

  entries() { this.fill(); return super.entries(); }

  [Symbol.iterator]() { this.fill(); return super.entries(); }
}

/**
 * A MiniSearch index of `documents` (from searchDocuments): the very index addAll would build (same
 * frequencies, field lengths, averages and order of words), made without addAll, which walks
 * MiniSearch's radix tree once per word of every record, ~9 million times at 10,000 records, since
 * each record's categories carry their names in every language. Here each distinct word goes into
 * the tree once, with its postings; those of the categories are counted when first searched.
 */
export function buildIndex(documents) {
  const postings = new Map(); // word -> Map(fieldId -> Map(shortId -> frequency)), in order of first use
  const fieldOf = (word, fieldId, make) => {
    let byField = postings.get(word);
    if (!byField) postings.set(word, byField = new Map());
    let frequencies = byField.get(fieldId);
    if (!frequencies) byField.set(fieldId, frequencies = make());
    return frequencies;
  };
  const categoriesId = SEARCH_FIELDS.indexOf('categories');
  const recordsOf = new Map(); // category tally -> short ids of the records under it (twice if twice)
  const usesOf = new Map(); // word -> [category tally, count]
  const scratch = new Int32Array(documents.length);
  const countCategories = (word) => () => {
    const touched = [];
    for (const [part, count] of usesOf.get(word)) {
      for (const shortId of recordsOf.get(part)) {
        if (!scratch[shortId]) touched.push(shortId);
        scratch[shortId] += count;
      }
    }
    touched.sort((a, b) => a - b); // addAll's order: the records', as added
    return touched.map((shortId) => {
      const frequency = scratch[shortId];
      scratch[shortId] = 0;
      return [shortId, frequency];
    });
  };
  const documentIds = {};
  const fieldLength = {};
  const averageFieldLength = [];
  documents.forEach((doc, shortId) => {
    documentIds[shortId] = doc.id;
    const lengths = [];
    SEARCH_FIELDS.forEach((field, fieldId) => {
      const value = doc[field];
      const unique = fieldId === categoriesId ? value.unique : value.counts.size + (value.blank ? 1 : 0);
      lengths[fieldId] = unique;
      // MiniSearch's running average, computed in the same order for the same rounding.
      averageFieldLength[fieldId] = ((averageFieldLength[fieldId] || 0) * shortId + unique) / (shortId + 1);
      if (fieldId !== categoriesId) {
        for (const [word, count] of value.counts) fieldOf(word, fieldId, () => new Map()).set(shortId, count);
        return;
      }
      for (const part of value.parts) {
        if (!recordsOf.has(part)) { // a category's words, in the tree in the order addAll would meet them
          recordsOf.set(part, []);
          for (const [word, count] of part.counts) {
            fieldOf(word, fieldId, () => new LazyFrequencies(countCategories(word)));
            if (!usesOf.has(word)) usesOf.set(word, []);
            usesOf.get(word).push([part, count]);
          }
        }
        recordsOf.get(part).push(shortId);
      }
    });
    fieldLength[shortId] = lengths;
  });
  const tables = {
    documentCount: documents.length,
    nextId: documents.length,
    documentIds,
    fieldIds: Object.fromEntries(SEARCH_FIELDS.map((field, fieldId) => [field, fieldId])),
    fieldLength,
    averageFieldLength,
    storedFields: {},
    dirtCount: 0,
    serializationVersion: 2,
  };
  const index = MiniSearch.loadJS({ ...tables, index: [] }, INDEX_OPTIONS);
  // The postings are MiniSearch's own term data (tests/browser/test_search_worker.py compares the
  // result with addAll's); should a later MiniSearch keep them elsewhere, go the documented way.
  if (!index._index || typeof index._index.set !== 'function' || index._index.size !== 0) {
    const serialized = [...postings].map(([word, byField]) => [word, Object.fromEntries(
      [...byField].map(([fieldId, frequencies]) => [fieldId, Object.fromEntries(frequencies)]))]);
    return MiniSearch.loadJS({ ...tables, index: serialized }, INDEX_OPTIONS);
  }
  for (const [word, byField] of postings) index._index.set(word, byField);
  return index;
}

// Intl.Segmenter finds word boundaries in Chinese, Japanese, Thai...; each word is then cut into
// the same character pairs the index holds, so no pair of a query straddles two of its words.
function queryWords(query, lang) {
  const words = searchWords(String(query).slice(0, QUERY_MAX_CHARS), QUERY_MAX_WORDS * 4);
  if (!words.some(hasUnspaced) || typeof Intl.Segmenter !== 'function') return words.slice(0, QUERY_MAX_WORDS);
  let segmenter;
  try {
    segmenter = new Intl.Segmenter(lang ? lang.replace('_', '-') : undefined, { granularity: 'word' });
  } catch {
    segmenter = new Intl.Segmenter(undefined, { granularity: 'word' }); // an unknown language tag
  }
  const out = [];
  for (const word of normalize(String(query).slice(0, QUERY_MAX_CHARS)).split(' ')) {
    if (!hasUnspaced(word)) { out.push(...segment(word)); continue; }
    for (const part of segmenter.segment(word)) if (part.isWordLike) out.push(...segment(part.segment));
  }
  return [...new Set(out.filter(Boolean))].slice(0, QUERY_MAX_WORDS);
}

function fuzziness(term) {
  if (term.length < 4 || hasUnspaced(term)) return false;
  return term.length <= 6 ? 1 : 2;
}

/**
 * Ids of the records matching `query`, best first, as the server searches: every word as a
 * prefix; else with typos forgiven (up to 1 edit, 2 for long words); else any word.
 */
export function searchIndex(index, query, lang) {
  const words = queryWords(query, lang);
  if (!words.length) return { ids: [], corrected: false };
  const prefix = (term) => term.length > 1 || hasUnspaced(term); // as the server: a lone letter is not a prefix
  const exact = { prefix, combineWith: 'AND', boost: FIELD_BOOSTS, tokenize: () => words, processTerm: (t) => t };
  let hits = index.search(words.join(' '), exact);
  let corrected = false;
  if (!hits.length) {
    hits = index.search(words.join(' '), { ...exact, fuzzy: fuzziness, maxFuzzy: 2 });
    corrected = hits.length > 0;
  }
  if (!hits.length && words.length > 1) {
    hits = index.search(words.join(' '), { ...exact, combineWith: 'OR', fuzzy: fuzziness, maxFuzzy: 2 });
  }
  return { ids: hits.map((h) => h.id), corrected };
}
