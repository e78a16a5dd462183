/**
 * The browser's search index: MiniSearch over the records saved on this phone, with the words
 * made exactly as the server makes them (textnorm.js, its pairs of characters for scripts written
 * without spaces) and every category's names and synonyms in every language. Ranking: name above
 * category above description. Loaded in the search worker, where MiniSearch is a global.
 */
import { hasUnspaced, normalize, searchWords, segment } from './textnorm.js';

const SEARCH_FIELDS = ['name', 'categories', 'body'];
const FIELD_BOOSTS = { name: 10, categories: 4, body: 1 };
const QUERY_MAX_CHARS = 200;
const QUERY_MAX_WORDS = 12;

function recordText(t) {
  return Array.isArray(t) ? t[0] : (t || '');
}

/** One search document per record: normalised, segmented words per field. */
export function searchDocuments(records, terms, termWords) {
  const bySlug = new Map((terms || []).map((t) => [t.s, t]));
  const words = termWords || {};
  const termText = new Map(); // each category's words, segmented once however many records use it
  const textOf = (slug, term) => {
    if (!termText.has(slug)) termText.set(slug, segment(`${term ? recordText(term.n) : ''} ${words[slug] || ''}`).join(' '));
    return termText.get(slug);
  };
  return records.map((r) => {
    const categories = [];
    for (const slug of r.c || []) {
      for (let term = bySlug.get(slug), hops = 0; term && hops < 20; term = bySlug.get(term.p), hops += 1) {
        categories.push(textOf(term.s, term));
      }
      if (!bySlug.has(slug)) categories.push(textOf(slug, null));
    }
    const t = r.t || {};
    const body = [t.de, t.el, t.fe, t.ap, t.is, t.al, r.o, ...(r.g || []),
      ...(r.l || []).flatMap((l) => l.a || [])].map(recordText);
    return {
      id: r.i,
      name: segment([recordText(r.n), recordText(t.an)].join(' ')).join(' '),
      categories: categories.join(' '),
      body: segment(body.join(' ')).join(' '),
    };
  });
}

/** A MiniSearch index of `documents` (from searchDocuments). */
export function buildIndex(documents) {
  const index = new MiniSearch({
    fields: SEARCH_FIELDS,
    idField: 'id',
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
    searchOptions: { boost: FIELD_BOOSTS },
  });
  index.addAll(documents);
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
  } catch (error) {
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
