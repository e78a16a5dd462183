"""The one Python home of search text normalisation.

Case is folded and accents are removed from Latin, Greek and Cyrillic letters ("Aînés" -> "aines"),
but combining marks are kept in scripts where they carry meaning (Devanagari, Gurmukhi, Tamil,
Ethiopic, Arabic...). Punctuation and symbols become spaces. The browser's search will match this
through shared test vectors.
"""
import re
import unicodedata
from functools import lru_cache

FOLDED_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")


@lru_cache(maxsize=4096)
def _is_separator(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PSZC"


@lru_cache(maxsize=4096)
def _folds_accents(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(FOLDED_SCRIPTS)


ASCII_SEPARATORS = re.compile(r"[^a-z0-9]+")


def normalize(text: str) -> str:
    """Return `text` folded for matching: lowercase, accents off where safe, words split by one space."""
    if text.isascii():  # the common case, and the same result as the general path below
        return " ".join(ASCII_SEPARATORS.sub(" ", text.lower()).split())
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


# Scripts written without spaces between words. Their runs are cut into overlapping pairs of
# characters ("食物银行" -> "食物 物银 银行"), on the server and in the browser alike, so a
# query finds any stretch of a name without a dictionary. (The browser also splits a query at
# Intl.Segmenter's word boundaries first; pairs of each word are pairs of the whole run.)
UNSPACED_RANGES = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x31F0, 0x31FF),  # Katakana extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x3FFFF),  # CJK extensions B and later
)


UNSPACED = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in UNSPACED_RANGES) + "]")


def _unspaced(ch: str) -> bool:
    return UNSPACED.match(ch) is not None


def has_unspaced(word: str) -> bool:
    """True when `word` holds a character of a script written without spaces."""
    return UNSPACED.search(word) is not None


def _split_word(word: str) -> list[str]:
    # Units are a character and the marks that follow it (Thai vowels stay on their consonant).
    if not has_unspaced(word):  # most words: every character (marks included) stays in the one word
        return [word] if word else []
    out: list[str] = []
    run: list[str] = []
    spaced = ""

    def flush_run():
        if len(run) == 1:
            out.append(run[0])
        out.extend(run[i] + run[i + 1] for i in range(len(run) - 1))
        run.clear()

    for ch in word:
        if unicodedata.category(ch).startswith("M"):
            if run:
                run[-1] += ch
            else:
                spaced += ch
        elif _unspaced(ch):
            if spaced:
                out.append(spaced)
                spaced = ""
            run.append(ch)
        else:
            if run:
                flush_run()
            spaced += ch
    flush_run()
    if spaced:
        out.append(spaced)
    return out


def segment(text: str) -> list[str]:
    """Return the normalised words of `text`, runs of unspaced scripts cut into character pairs."""
    return [part for word in normalize(text).split() for part in _split_word(word)]


def search_words(text: str, limit: int = 32) -> list[str]:
    """Return up to `limit` distinct segmented words of `text`, in order: what a search looks for."""
    seen: dict[str, None] = {}
    for word in segment(text):
        seen.setdefault(word, None)
        if len(seen) >= limit:
            break
    return list(seen)
