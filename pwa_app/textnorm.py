"""The one Python home of search text normalisation.

Case is folded and accents are removed from Latin, Greek and Cyrillic letters ("Aînés" -> "aines"),
but combining marks are kept in scripts where they carry meaning (Devanagari, Gurmukhi, Tamil,
Ethiopic, Arabic...). Punctuation and symbols become spaces. The browser's search will match this
through shared test vectors.
"""
import unicodedata
from functools import lru_cache

FOLDED_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")


@lru_cache(maxsize=4096)
def _is_separator(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PSZC"


@lru_cache(maxsize=4096)
def _folds_accents(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(FOLDED_SCRIPTS)


def normalize(text: str) -> str:
    """Return `text` folded for matching: lowercase, accents off where safe, words split by one space."""
    out: list[str] = []
    base_folds = False
    for ch in unicodedata.normalize("NFD", text.casefold()):
        if unicodedata.combining(ch):
            if not base_folds:
                out.append(ch)
            continue
        base_folds = _folds_accents(ch)
        out.append(" " if _is_separator(ch) else ch)
    return " ".join(unicodedata.normalize("NFC", "".join(out)).split())


def tokens(text: str, limit: int = 32) -> list[str]:
    """Return up to `limit` distinct normalised words of `text`, in order."""
    seen: dict[str, None] = {}
    for word in normalize(text).split():
        seen.setdefault(word, None)
        if len(seen) >= limit:
            break
    return list(seen)
