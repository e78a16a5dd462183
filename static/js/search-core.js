/**
 * The phone's search: what a search document holds, what matches it and how matches rank, as
 * pwa_app/search/ranking.py (its Python twin) says, and typos read as pwa_app/search/spelling.py
 * reads them (spelling.js). A document is the record's words (name; body), its categories' words
 * in every language (search data `terms`) and the words only other languages of the record hold
 * (search data `extra`): the very words of the server's document. Loaded in the search worker.
 */
import { byName, hasUnspaced, searchWords, segment } from './textnorm.js';
import { correct } from './spelling.js';

const WEIGHTS = [10, 4, 1]; // name, categories, body
const MAX_WORD = 64;
const MAX_TOKENS = 12;
const MAX_PARENTS = 20;
const BODY_TEXT_KEYS = ['de', 'el', 'fe', 'ap', 'is', 'al'];

const chars = (word) => [...word].length;
const cut = (word) => (word.length > MAX_WORD ? [...word].slice(0, MAX_WORD).join('') : word);

/** ranking.words: the words of `text` as a document or a query holds them. */
export function words(text) {
  return segment(text).map(cut);
}

/** ranking.distinct: the distinct words of some texts, in order of first use. */
function distinct(texts) {
  return [...new Set(words(texts.filter(Boolean).join(' ')))];
}

const shown = (value) => (Array.isArray(value) ? [value[0]] : value ? [value] : []); // ranking.as_rendered

/** ranking.record_texts of a record as the phone keeps it: [name texts, body texts]. */
function recordTexts(r) {
  const t = r.t || {};
  const body = [...BODY_TEXT_KEYS.flatMap((key) => shown(t[key])), ...shown(r.o), ...(r.l || []).flatMap((l) => l.a || [])];
  return [[...shown(r.n), ...shown(t.an)], body];
}

/** ranking.category_chain: the record's categories and their parents, each once. */
function categoryChain(slugs, parents) {
  const out = new Set();
  for (let slug of slugs || []) {
    for (let hops = 0; slug !== null && slug !== undefined && hops <= MAX_PARENTS; hops += 1) {
      out.add(slug);
      slug = parents.get(slug);
    }
  }
  return [...out];
}

/**
 * The search index of the records kept on this phone: each record's document, the categories'
 * words, and the records' order by name as the reader sees them (render.js sortByName, for ties).
 */
export function buildIndex(records, terms, data = {}) {
  const parents = new Map((terms || []).map((t) => [t.s, t.p === undefined ? null : t.p]));
  const termWords = new Map(Object.entries(data.terms || {}).map(([slug, text]) => [slug, words(text)]));
  const extra = data.extra || {};
  const documents = records.map((r) => {
    const [names, body] = recordTexts(r);
    const [moreNames, moreBody] = extra[r.i] || ['', ''];
    return {
      id: r.i,
      name: [...new Set([...distinct(names), ...words(moreNames)])],
      slugs: categoryChain(r.c, parents).filter((slug) => termWords.has(slug)),
      body: [...new Set([...distinct(body), ...words(moreBody)])],
    };
  });
  const rank = new Map(byName(records).map((r, n) => [r.i, n]));
  // Where each word is: the documents whose name, whose body holds it; the categories whose words do.
  const put = (map, key, value) => (map.has(key) ? map.get(key).push(value) : map.set(key, [value]));
  const inName = new Map();
  const inBody = new Map();
  documents.forEach((doc, n) => {
    for (const word of doc.name) put(inName, word, n);
    for (const word of doc.body) put(inBody, word, n);
  });
  const inTerms = new Map();
  for (const [slug, list] of termWords) for (const word of new Set(list)) put(inTerms, word, slug);
  const underTerm = new Map();
  documents.forEach((doc, n) => { for (const slug of doc.slugs) put(underTerm, slug, n); });
  const sorted = [...new Set([...inName.keys(), ...inBody.keys(), ...inTerms.keys()])].sort();
  return { documents, termWords, rank, inName, inBody, inTerms, underTerm, sorted, vocabulary: null };
}

const allowsPrefix = (word) => chars(word) > 1 || hasUnspaced(word); // ranking.allows_prefix

/**
 * ranking.cover for every document at once: for each word `spelling` matches (itself, or one it
 * starts where a prefix may match), its share (1, or the spelling's length over the word's), kept
 * where it is the best so far in each field of each document (`best`: name, categories, body).
 */
function cover(index, spelling, best, touched) {
  const words = index.sorted;
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (words[mid] < spelling) low = mid + 1; else high = mid;
  }
  const prefix = allowsPrefix(spelling);
  const length = chars(spelling);
  const terms = new Map();
  const keep = (field, n, share) => {
    if (share > field[n]) field[n] = share;
    touched.add(n);
  };
  for (let i = low; i < words.length && (words[i] === spelling || (prefix && words[i].startsWith(spelling))); i += 1) {
    const share = words[i] === spelling ? 1 : length / chars(words[i]);
    for (const n of index.inName.get(words[i]) || []) keep(best[0], n, share);
    for (const n of index.inBody.get(words[i]) || []) keep(best[2], n, share);
    for (const slug of index.inTerms.get(words[i]) || []) terms.set(slug, Math.max(terms.get(slug) || 0, share));
    if (!prefix) break;
  }
  for (const [slug, share] of terms) for (const n of index.underTerm.get(slug) || []) keep(best[1], n, share);
}

/** ranking.rank: the ids of the matching documents, best first, then in name order (ranking.score's sums, in its order). */
function rank(index, query, every) {
  const count = index.documents.length;
  const total = new Float64Array(count);
  const matched = new Uint16Array(count);
  let touched = new Set();
  for (const spellings of query) {
    const best = [new Float64Array(count), new Float64Array(count), new Float64Array(count)];
    const here = new Set();
    for (const spelling of spellings) cover(index, spelling, best, here);
    for (const n of here) {
      let found = 0;
      for (let f = 0; f < 3; f += 1) found += WEIGHTS[f] * best[f][n];
      if (found === 0) continue;
      total[n] += found;
      matched[n] += 1;
    }
    touched = new Set([...touched, ...here]);
  }
  const scored = [];
  for (const n of touched) {
    if (total[n] > 0 && (!every || matched[n] === query.length)) {
      const id = index.documents[n].id;
      scored.push([total[n], index.rank.get(id), id]);
    }
  }
  scored.sort((a, b) => b[0] - a[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
  return scored.map((entry) => entry[2]);
}

/**
 * fulltext.search: every word as a prefix; else unknown words read as typos of the nearest words
 * (`corrected`: the query as read); else any word. {ids, corrected}.
 */
export function searchIndex(index, query) {
  const query0 = [...new Set(searchWords(String(query), MAX_TOKENS))].map((word) => [cut(word)]);
  if (!query0.length) return { ids: [], corrected: null };
  let ids = rank(index, query0, true);
  if (ids.length) return { ids, corrected: null };
  const [fixed, shownQuery] = correct(index, query0);
  if (fixed !== query0) {
    ids = rank(index, fixed, true);
    if (ids.length) return { ids, corrected: shownQuery };
  }
  if (query0.length > 1) {
    ids = rank(index, fixed, false);
    if (ids.length) return { ids, corrected: fixed !== query0 ? shownQuery : null };
  }
  return { ids: [], corrected: null };
}
