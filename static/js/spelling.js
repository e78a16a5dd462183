/**
 * Typos read as the server reads them: the twin of pwa_app/search/spelling.py. The vocabulary is
 * every word of the search documents (search-core.js), counted by how many documents hold it; a
 * query word that starts no word of it is read as a typo of its nearest words (1 edit up to six
 * letters, 2 beyond; Damerau), the candidates being those that share a one-letter deletion with
 * it, as the server's table finds them. Built on the first typo, then kept with the index.
 */
const MIN_LENGTH = 4;
const MAX_SPELLINGS = 3;
const MAX_VOCABULARY_WORD = 24;
const LETTERS = /^\p{L}+$/u; // str.isalpha

const ASTRAL = /[\uD800-\uDFFF]/;

/** The word's one-letter deletions (letters: code points, as Python counts them). */
function deletions(word) {
  const out = new Set();
  if (!ASTRAL.test(word)) {
    for (let i = 0; i < word.length; i += 1) out.add(word.slice(0, i) + word.slice(i + 1));
    return out;
  }
  const letters = [...word];
  letters.forEach((_, i) => out.add([...letters.slice(0, i), ...letters.slice(i + 1)].join('')));
  return out;
}

const lengthOf = (word) => (ASTRAL.test(word) ? [...word].length : word.length);

const SLICE = 1000; // words put in the table between two pauses (see prepare)

/** spelling.build, over the documents of a search-core index: a generator that pauses every SLICE words. */
function* build(index) {
  const counts = new Map();
  const add = (word, n) => counts.set(word, (counts.get(word) || 0) + n);
  const underTerms = new Map(); // a document's categories' words, counted once per distinct set of categories
  for (const doc of index.documents) {
    for (const word of doc.name) add(word, 1);
    for (const word of doc.body) if (!doc.name.includes(word)) add(word, 1); // once per document, as set(name + body)
    const key = doc.slugs.join('\n');
    underTerms.set(key, [doc.slugs, ((underTerms.get(key) || [])[1] || 0) + 1]);
  }
  for (const [slugs, documents] of underTerms.values()) {
    for (const word of new Set(slugs.flatMap((slug) => index.termWords.get(slug)))) add(word, documents);
  }
  const table = new Map();
  let done = 0;
  for (const word of counts.keys()) {
    done += 1;
    if (done % SLICE === 0) yield;
    const length = lengthOf(word);
    if (length < MIN_LENGTH - 1 || length > MAX_VOCABULARY_WORD || !LETTERS.test(word)) continue;
    for (const key of [word, ...deletions(word)]) {
      const list = table.get(key);
      if (list) list.push(word); else table.set(key, [word]);
    }
  }
  index.vocabulary = { words: [...counts.keys()].sort(), counts, table };
}

function hasPrefix(vocabulary, prefix) {
  let low = 0;
  let high = vocabulary.words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (vocabulary.words[mid] < prefix) low = mid + 1; else high = mid;
  }
  return low < vocabulary.words.length && vocabulary.words[low].startsWith(prefix);
}

/** spelling.distance: optimal string alignment distance, or limit + 1 beyond `limit`. */
export function distance(a, b, limit) {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous2 = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i, ...new Array(y.length).fill(0)];
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] !== y[j - 1] ? 1 : 0;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) current[j] = Math.min(current[j], previous2[j - 2] + 1);
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[y.length];
}

function suggestions(vocabulary, word) {
  const length = lengthOf(word);
  if (length < MIN_LENGTH || length > MAX_VOCABULARY_WORD || !LETTERS.test(word)) return [];
  const limit = length <= 6 ? 1 : 2;
  const candidates = new Set();
  for (const key of [word, ...deletions(word)]) for (const c of vocabulary.table.get(key) || []) candidates.add(c);
  const scored = [...candidates].filter((c) => c !== word)
    .map((c) => [distance(word, c, limit), -vocabulary.counts.get(c), c]).filter(([d]) => d <= limit);
  scored.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
  return scored.slice(0, MAX_SPELLINGS).map(([, , c]) => c);
}

/**
 * Build the index's vocabulary in the background, a slice at a time, so that the first typo does
 * not wait for it (about a second at 10,000 services on a slow phone) and searches are answered
 * between slices. A typo that comes first finishes it at once.
 */
export function prepare(index) {
  index.building = build(index);
  const step = () => {
    if (index.building && !index.building.next().done) setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

function vocabularyOf(index) {
  if (!index.vocabulary) {
    const steps = index.building || build(index);
    while (!steps.next().done) { /* the rest, now */ }
  }
  return index.vocabulary;
}

/** spelling.correct: [the query with each unknown word's likely spellings, the query as read], or [query, null]. */
export function correct(index, query) {
  const vocabulary = vocabularyOf(index);
  const out = [];
  const shown = [];
  let changed = false;
  for (const spellings of query) {
    const word = spellings[0];
    if (hasPrefix(vocabulary, word)) {
      out.push(spellings);
      shown.push(word);
      continue;
    }
    const near = suggestions(vocabulary, word);
    out.push(near.length ? near : spellings);
    shown.push(near.length ? near[0] : word);
    changed = changed || near.length > 0;
  }
  return changed ? [out, shown.join(' ')] : [query, null];
}
