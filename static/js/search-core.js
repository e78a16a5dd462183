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
  // Where each word is: the documents whose name or body holds it, the categories whose words do.
  const postings = new Map();
  const put = (map, key, value) => (map.has(key) ? map.get(key).push(value) : map.set(key, [value]));
  documents.forEach((doc, n) => { for (const word of new Set([...doc.name, ...doc.body])) put(postings, word, n); });
  const inTerms = new Map();
  for (const [slug, list] of termWords) for (const word of new Set(list)) put(inTerms, word, slug);
  const underTerm = new Map();
  documents.forEach((doc, n) => { for (const slug of doc.slugs) put(underTerm, slug, n); });
  const sorted = [...new Set([...postings.keys(), ...inTerms.keys()])].sort();
  return { documents, termWords, rank, postings, inTerms, underTerm, sorted, vocabulary: null };
}

/** The documents holding a word that `spelling` matches (itself, or one it starts where a prefix may match). */
function holding(index, spelling, marks, stamp) {
  const words = index.sorted;
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (words[mid] < spelling) low = mid + 1; else high = mid;
  }
  const prefix = allowsPrefix(spelling);
  for (let i = low; i < words.length && (words[i] === spelling || (prefix && words[i].startsWith(spelling))); i += 1) {
    for (const n of index.postings.get(words[i]) || []) marks[n] = stamp;
    for (const slug of index.inTerms.get(words[i]) || []) for (const n of index.underTerm.get(slug) || []) marks[n] = stamp;
    if (!prefix) break;
  }
}

const allowsPrefix = (word) => chars(word) > 1 || hasUnspaced(word); // ranking.allows_prefix

/** ranking.cover: how much of its best word in `field` a query word covers. */
function cover(spelling, field) {
  let best = 0;
  const prefix = allowsPrefix(spelling);
  const length = chars(spelling);
  for (const word of field) {
    if (word === spelling) return 1;
    if (prefix && word.startsWith(spelling)) {
      const share = length / chars(word);
      if (share > best) best = share;
    }
  }
  return best;
}

/** ranking.score, the categories field being the union of its categories' words. */
function score(doc, query, every, termCover) {
  let total = 0;
  for (const spellings of query) {
    let found = 0;
    for (const [field, weight] of [['name', WEIGHTS[0]], ['categories', WEIGHTS[1]], ['body', WEIGHTS[2]]]) {
      let best = 0;
      for (const spelling of spellings) {
        let share = 0;
        if (field === 'categories') {
          for (const slug of doc.slugs) share = Math.max(share, termCover(slug, spelling));
        } else {
          share = cover(spelling, doc[field]);
        }
        if (share > best) best = share;
      }
      found += weight * best;
    }
    if (found === 0 && every) return null;
    total += found;
  }
  return total > 0 ? total : null;
}

/** ranking.rank: the ids of the matching documents, best first, then in name order. */
function rank(index, query, every) {
  const seen = new Map();
  const termCover = (slug, spelling) => {
    const key = `${slug}\n${spelling}`;
    if (!seen.has(key)) seen.set(key, cover(spelling, index.termWords.get(slug)));
    return seen.get(key);
  };
  // Only documents holding some (every) query word are scored.
  const hits = new Uint16Array(index.documents.length);
  const marks = new Int32Array(index.documents.length).fill(-1);
  query.forEach((spellings, stamp) => {
    for (const spelling of spellings) holding(index, spelling, marks, stamp);
    marks.forEach((mark, n) => { if (mark === stamp) hits[n] += 1; });
  });
  const scored = [];
  hits.forEach((count, n) => {
    if (count === 0 || (every && count < query.length)) return;
    const doc = index.documents[n];
    const s = score(doc, query, every, termCover);
    if (s !== null) scored.push([s, index.rank.get(doc.id), doc.id]);
  });
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
