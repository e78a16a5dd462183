"""Typo tolerance for the server's search, the same for both database engines.

The vocabulary is every word of the search documents, counted by how many documents hold it.
A query word that starts no word of the vocabulary is read as a typo of its nearest words within
a small edit distance (1 up to six letters, 2 beyond; Damerau: a swap of two letters counts once).
Candidates come from a table of one-letter deletions (the SymSpell idea): two words one edit
apart always share a deletion (or one is a deletion of the other), as do many two edits apart,
so a lookup costs a few dictionary hits, not a pass over the vocabulary. Built once per data version, in each process, on first need.
"""
from __future__ import annotations

import bisect
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pwa_app.db.models import SearchDocument

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


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def build(session: Session) -> Vocabulary:
    counts: Counter = Counter()
    # Category text (every name and synonym, in every language) is most of each document and repeats
    # across the services of a category: split each distinct one once (23 s -> a few at 60,000 services).
    # A word both in a service's categories and its own text counts twice; counts only order suggestions.
    category_texts: Counter = Counter()
    for name, categories, body in session.execute(
        select(SearchDocument.name, SearchDocument.categories, SearchDocument.body)
    ):
        counts.update(set(f"{name} {body}".split()))
        category_texts[categories] += 1
    for categories, services in category_texts.items():
        for word in set(categories.split()):
            counts[word] += services
    deletions: dict[str, list[str]] = defaultdict(list)
    for word in counts:
        if MIN_LENGTH - 1 <= len(word) <= MAX_VOCABULARY_WORD and word.isalpha():
            deletions[word].append(word)
            for d in _deletions(word):
                deletions[d].append(word)
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


_cache: dict[str, tuple[str, Vocabulary]] = {}
_lock = threading.Lock()


def forget() -> None:
    """Drop every cached vocabulary (the index was just rebuilt)."""
    with _lock:
        _cache.clear()


def vocabulary(session: Session) -> Vocabulary:
    from pwa_app.db import data_version

    key, version = str(session.get_bind().url), data_version.current(session)
    with _lock:
        hit = _cache.get(key)
    if hit is None or hit[0] != version:
        hit = (version, build(session))
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
