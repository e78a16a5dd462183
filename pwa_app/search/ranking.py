"""What a search document holds, what matches it and how matches rank: the twin of static/js/search-core.js.

A service's search document is three lists of distinct words, normalised and segmented by textnorm
and cut at MAX_WORD characters:
- name: its name and alternate name;
- categories: every name and synonym, in every language, of each category it is filed under and of
  their parents (`fulltext.term_words`);
- body: its description, eligibility, fees, how to apply, interpretation services and alert, its
  organization's name and its locations' addresses.
The server's document (fulltext.build_documents) holds the texts of every language of the record
(`every_language`); the phone derives its document from the record it keeps, in the reader's
language (`as_rendered`), and adds the words only the other languages hold, which the search data
sends (`extra_words`). Both sides therefore search the very same words.

A document matches when each query word (any of its spellings) starts one of its words; a lone
letter must be a whole word, except in scripts written without spaces. Its score adds, for each
query word and each field, the field's weight times how much of the field's best word the query
word covers (1 for the whole word, its length over the word's length for a prefix). Best first;
equal scores in name order, as the reader sees the names. The arithmetic is the same, in the same
order, on both sides, so IEEE doubles give the same scores.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from pwa_app.core.textnorm import has_unspaced, segment

FIELDS = ("name", "categories", "body")
WEIGHTS = (10.0, 4.0, 1.0)
MAX_WORD = 64  # characters; longer "words" are cut so that no engine rejects them (PostgreSQL's limit is 2 KB)
BODY_TEXT_KEYS = ("de", "el", "fe", "ap", "is", "al")  # the record's `t` keys searched with the body
MAX_PARENTS = 20

# A query is a list of words; each word is a list of spellings, any of which may match.
Query = list[list[str]]
Fields = tuple[list[str], list[str], list[str]]


def words(text: str) -> list[str]:
    """The words of `text` as a document or a query holds them."""
    return [w[:MAX_WORD] for w in segment(text)]


def distinct(texts: Iterable[str | None]) -> list[str]:
    """The distinct words of some texts, in order of first use."""
    return list(dict.fromkeys(words(" ".join(t for t in texts if t))))


def every_language(value) -> list[str]:
    """Every text of a neutral record's text: the base one and each translation."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    base, translations = value
    return [base, *translations.values()]


def as_rendered(value) -> list[str]:
    """The text a rendered record shows: a string, or [text, language] where it fell back."""
    if isinstance(value, list):
        return [value[0]]
    return [value] if value else []


def record_texts(record: dict, texts: Callable[[object], list[str]]) -> tuple[list[str], list[str]]:
    """The name texts and the body texts of a service record, read with `texts` (every_language or as_rendered)."""
    t = record.get("t") or {}
    names = [*texts(record.get("n")), *texts(t.get("an"))]
    body = [x for key in BODY_TEXT_KEYS for x in texts(t.get(key))] + texts(record.get("o"))
    body += [line for place in record.get("l") or () for line in place.get("a") or ()]
    return names, body


def category_chain(slugs: Iterable[str], parents: Mapping[str, str | None]) -> list[str]:
    """The categories a record is filed under and their parents, each once, in order."""
    out: dict[str, None] = {}
    for slug in slugs:
        hops = 0
        while slug is not None and hops <= MAX_PARENTS:
            out.setdefault(slug)
            slug, hops = parents.get(slug), hops + 1
    return list(out)


def extra_words(document: list[str], derived: list[str]) -> list[str]:
    """The words of the server's document field that the phone cannot derive from its record."""
    have = set(derived)
    return [w for w in document if w not in have]


def allows_prefix(word: str) -> bool:
    """Match a word as a prefix, except a lone letter: "f" would be every word starting with f (a lone CJK character still is)."""
    return len(word) > 1 or has_unspaced(word)


def cover(spelling: str, field: Iterable[str]) -> float:
    """How much of its best word in `field` a query word covers: 1 for the word itself, a share for a prefix, else 0."""
    best = 0.0
    prefix = allows_prefix(spelling)
    for word in field:
        if word == spelling:
            return 1.0
        if prefix and word.startswith(spelling):
            share = len(spelling) / len(word)
            if share > best:
                best = share
    return best


def score(fields: Fields, query: Query, every: bool) -> float | None:
    """The document's score for `query`, or None where it does not match (`every`: each word must)."""
    total = 0.0
    for spellings in query:
        found = 0.0
        for weight, field in zip(WEIGHTS, fields, strict=True):
            best = 0.0
            for spelling in spellings:
                share = cover(spelling, field)
                if share > best:
                    best = share
            found += weight * best
        if found == 0.0 and every:
            return None
        total += found
    return total if total > 0.0 else None


def rank(documents: Iterable[tuple[str, Fields]], query: Query, every: bool, order: Callable[[str], object]) -> list[str]:
    """The ids of the matching documents, best first, then in `order` (the names' order as the reader sees them)."""
    scored = []
    for ident, fields in documents:
        s = score(fields, query, every)
        if s is not None:
            scored.append((-s, order(ident), ident))
    scored.sort()
    return [ident for _, _, ident in scored]
