"""Typo tolerance for the server's search, the same for both database engines.

The vocabulary is every word of the search documents, counted by how many documents hold it.
A query word that starts no word of the vocabulary is read as a typo of its nearest words within
a small edit distance (1 up to six letters, 2 beyond; Damerau: a swap of two letters counts once).
Candidates come from a table of one-letter deletions (the SymSpell idea): two words one edit
apart always share a deletion (or one is a deletion of the other), as do many two edits apart,
so a lookup costs a few dictionary hits, not a pass over the vocabulary. Built in each process on
first need; then it follows the index by the words each curator's save changed (the
search_word_change rows fulltext.update_documents writes), until a full rebuild says to read it afresh.
"""
from __future__ import annotations

import bisect
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pwa_app.db.models import SearchDocument, SearchWordChange

MIN_LENGTH = 4  # shorter words are too often right and too easily "corrected" into something else
MAX_SPELLINGS = 3  # nearest words tried for one typo
MAX_VOCABULARY_WORD = 24


@dataclass
class Vocabulary:
    words: list[str]  # sorted, for prefix lookups
    counts: Counter
    deletions: dict[str, list[str]]

    def has_prefix(self, prefix: str) -> bool:
        i = bisect.bisect_left(self.words, prefix)
        return i < len(self.words) and self.words[i].startswith(prefix)


    def add(self, word: str, documents: int) -> None:
        """`documents` more (or fewer) documents hold `word`."""
        before = self.counts.get(word, 0)
        after = before + documents
        if after > 0:
            self.counts[word] = after
        else:
            self.counts.pop(word, None)
        if before <= 0 < after:
            bisect.insort(self.words, word)
            for key in _keys(word):
                self.deletions.setdefault(key, []).append(word)
        elif after <= 0 < before:
            del self.words[bisect.bisect_left(self.words, word)]
            for key in _keys(word):
                spellings = self.deletions.get(key, [])
                if word in spellings:
                    spellings.remove(word)
                if not spellings:
                    self.deletions.pop(key, None)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _keys(word: str) -> set[str]:
    """Where the deletion table files `word`: itself and its deletions, if it may be a spelling at all."""
    if MIN_LENGTH - 1 <= len(word) <= MAX_VOCABULARY_WORD and word.isalpha():
        return {word, *_deletions(word)}
    return set()


def document_words(name: str, body: str) -> set[str]:
    """The words a document's own text counts once (its categories' words count apart: see build)."""
    return set(f"{name} {body}".split())


def document_counts(name: str, categories: str, body: str) -> Counter:
    """What one document adds to the vocabulary's counts, as build counts it (in bulk, by distinct categories)."""
    return Counter(document_words(name, body)) + Counter(set(categories.split()))


def build(session: Session) -> Vocabulary:
    counts: Counter = Counter()
    # Category text (every name and synonym, in every language) is most of each document and repeats
    # across the services of a category: split each distinct one once (23 s -> a few at 60,000 services).
    # A word both in a service's categories and its own text counts twice; counts only order suggestions.
    category_texts: Counter = Counter()
    for name, categories, body in session.execute(
        select(SearchDocument.name, SearchDocument.categories, SearchDocument.body)
    ):
        counts.update(document_words(name, body))
        category_texts[categories] += 1
    for categories, services in category_texts.items():
        for word in set(categories.split()):
            counts[word] += services
    deletions: dict[str, list[str]] = defaultdict(list)
    for word in counts:
        for key in _keys(word):
            deletions[key].append(word)
    return Vocabulary(sorted(counts), counts, dict(deletions))


def distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (optimal string alignment), or limit + 1 when it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def suggestions(vocabulary: Vocabulary, word: str) -> list[str]:
    """The nearest vocabulary words to `word`, closest and most common first."""
    if len(word) < MIN_LENGTH or not word.isalpha() or len(word) > MAX_VOCABULARY_WORD:
        return []
    limit = 1 if len(word) <= 6 else 2
    candidates: set[str] = set()
    for key in {word, *_deletions(word)}:
        candidates.update(vocabulary.deletions.get(key, ()))
    scored = [(distance(word, c, limit), -vocabulary.counts[c], c) for c in candidates if c != word]
    return [c for d, _, c in sorted(s for s in scored if s[0] <= limit)][:MAX_SPELLINGS]


_cache: dict[str, tuple[int, Vocabulary]] = {}  # database -> (the last word change it follows, vocabulary)
_lock = threading.Lock()


def forget() -> None:
    """Drop every cached vocabulary (the index was just rebuilt)."""
    with _lock:
        _cache.clear()


def _last_change(session: Session) -> int:
    return session.scalar(select(func.max(SearchWordChange.id))) or 0


def vocabulary(session: Session) -> Vocabulary:
    """This process's vocabulary of the index as it is now: made once, then kept up with the saves' word changes."""
    key, last = str(session.get_bind().url), _last_change(session)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] > last:  # changes it followed were rolled back
            hit = None
        elif hit is not None and hit[0] != last:
            changes = session.execute(select(SearchWordChange.word, SearchWordChange.documents)
                                      .where(SearchWordChange.id > hit[0], SearchWordChange.id <= last)
                                      .order_by(SearchWordChange.id)).all()
            if all(word for word, _n in changes):  # no full rebuild among them
                for word, documents in changes:
                    hit[1].add(word, documents)
                hit = _cache[key] = (last, hit[1])
            else:
                hit = None
    if hit is None:
        # Made again until no save came in while the documents were read, so no change counts twice.
        for _attempt in range(3):
            made = build(session)
            now = _last_change(session)
            if now == last:
                break
            last = now
        hit = (last, made)
        with _lock:
            _cache[key] = hit
    return hit[1]


def correct(session: Session, words: list[list[str]]) -> tuple[list[list[str]], str | None]:
    """Give each unknown word its likely spellings; return them and the query as read, or the words unchanged."""
    vocab = vocabulary(session)
    out, shown, changed = [], [], False
    for spellings in words:
        word = spellings[0]
        if vocab.has_prefix(word):
            out.append(spellings)
            shown.append(word)
            continue
        near = suggestions(vocab, word)
        out.append(near or spellings)
        shown.append(near[0] if near else word)
        changed = changed or bool(near)
    return (out, " ".join(shown)) if changed else (words, None)
