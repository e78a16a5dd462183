"""Open Eligibility category names and search words in every interface language.

The data lives in `taxonomy_i18n/<lang>.json` (one file per language: each term's name and the
words people type for it). The same files feed the server's search index, the category names on
pages, and the offline search in the browser.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "taxonomy_i18n"


@cache
def _load(lang: str) -> dict:
    path = DATA / f"{lang}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"terms": {}}


@cache
def languages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in DATA.glob("*.json")))


def is_open_eligibility(code: str | None, english_name: str | None) -> bool:
    """A term is ours to translate when its code and English name are Open Eligibility's."""
    entry = _load("en")["terms"].get(code or "")
    return entry is not None and entry["name"].casefold() == (english_name or "").casefold()


def name(code: str, lang: str) -> str | None:
    entry = _load(lang)["terms"].get(code)
    return entry["name"] if entry else None


@cache
def words(code: str) -> tuple[str, ...]:
    """Every name and synonym of the term, in every language: what a search should match it by."""
    out: list[str] = []
    for lang in languages():
        entry = _load(lang)["terms"].get(code)
        if entry:
            out += [entry["name"], *entry.get("synonyms", [])]
    return tuple(out)


def review_status(lang: str) -> dict:
    data = _load(lang)
    return {"translated_by": data.get("translated_by", ""), "reviewed": bool(data.get("reviewed_by_fluent_speaker"))}
