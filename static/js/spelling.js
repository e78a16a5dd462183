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

function deletions(letters) {
  return new Set(letters.map((_, i) => [...letters.slice(0, i), ...letters.slice(i + 1)].join('')));
}

/** spelling.build, over the documents of a search-core index. */
function build(index) {
  const counts = new Map();
  const add = (word, n) => counts.set(word, (counts.get(word) || 0) + n);
  const underTerms = new Map(); // a document's categories' words, counted once per distinct set of categories
  for (const doc of index.documents) {
    for (const word of new Set([...doc.name, ...doc.body])) add(word, 1);
    const key = doc.slugs.join('\n');
    underTerms.set(key, [doc.slugs, ((underTerms.get(key) || [])[1] || 0) + 1]);
  }
  for (const [slugs, documents] of underTerms.values()) {
    for (const word of new Set(slugs.flatMap((slug) => index.termWords.get(slug)))) add(word, documents);
  }
  const table = new Map();
  for (const word of counts.keys()) {
    const letters = [...word];
    if (letters.length < MIN_LENGTH - 1 || letters.length > MAX_VOCABULARY_WORD || !LETTERS.test(word)) continue;
    for (const key of [word, ...deletions(letters)]) {
      if (!table.has(key)) table.set(key, []);
      table.get(key).push(word);
    }
  }
  return { words: [...counts.keys()].sort(), counts, table };
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
  const letters = [...word];
  if (letters.length < MIN_LENGTH || letters.length > MAX_VOCABULARY_WORD || !LETTERS.test(word)) return [];
  const limit = letters.length <= 6 ? 1 : 2;
  const candidates = new Set();
  for (const key of [word, ...deletions(letters)]) for (const c of vocabulary.table.get(key) || []) candidates.add(c);
  const scored = [...candidates].filter((c) => c !== word)
    .map((c) => [distance(word, c, limit), -vocabulary.counts.get(c), c]).filter(([d]) => d <= limit);
  scored.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
  return scored.slice(0, MAX_SPELLINGS).map(([, , c]) => c);
}

/** spelling.correct: [the query with each unknown word's likely spellings, the query as read], or [query, null]. */
export function correct(index, query) {
  if (!index.vocabulary) index.vocabulary = build(index);
  const out = [];
  const shown = [];
  let changed = false;
  for (const spellings of query) {
    const word = spellings[0];
    if (hasPrefix(index.vocabulary, word)) {
      out.push(spellings);
      shown.push(word);
      continue;
    }
    const near = suggestions(index.vocabulary, word);
    out.push(near.length ? near : spellings);
    shown.push(near.length ? near[0] : word);
    changed = changed || near.length > 0;
  }
  return changed ? [out, shown.join(' ')] : [query, null];
}
