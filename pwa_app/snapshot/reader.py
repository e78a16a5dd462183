"""From the neutral form to a reader's language: `render` makes a stored record what phones reading it receive.

Texts are picked as TextPicker picks them (the reader's language, else the base language, the
fallback named), language names and costs are formatted by Babel as the pages format them. Done
when a snapshot or the changes are asked for, so adding interface languages costs nothing at
import time. The keys: docs/snapshot-format.md.
"""
from __future__ import annotations

import re

from babel import Locale

from pwa_app.present.localize import language_name, sorted_names
from pwa_app.present.presenters import cost_line
from pwa_app.snapshot.wire import TEXT_KEYS, UNSHOWN_TEXT_KEYS, compact


def primary_language(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


class Reader:
    """Renders neutral records for one interface language, remembering what Babel formatted."""

    def __init__(self, lang: str, base: str):
        self.lang = lang.replace("_", "-")
        self.primary = primary_language(lang)
        self.base = base
        self.same = self.lang == base or self.primary == primary_language(base)  # as TextPicker.pick
        self.code = lang
        self._locale: Locale | None = None
        self._languages: dict[tuple, object] = {}
        self._costs: dict[tuple, str] = {}

    def text(self, value, fallbacks: set[str] | None = None):
        """A neutral text as a record text: the plain string, or [text, language] where it falls back.

        Where it falls back, the fallback's language is added to `fallbacks`. Runs of spaces are sent
        as one: pages show them so (HTML collapses them), and San Mateo's texts hold hundreds.
        """
        picked = self._pick(value, fallbacks)
        if isinstance(picked, list):
            return [_squeeze(picked[0]), picked[1]]
        return _squeeze(picked) if picked else picked

    def _pick(self, value, fallbacks: set[str] | None):
        if value is None:
            return None
        if isinstance(value, str):
            base = value
        else:
            base, translations = value
            if not self.same:
                if self.lang in translations:
                    return translations[self.lang] or None
                for code, text in translations.items():
                    if primary_language(code) == self.primary:
                        return text or None
        if not base:
            return None
        if self.same:
            return base
        if fallbacks is not None:
            fallbacks.add(self.base)
        return [base, self.base]

    @property
    def locale(self) -> Locale:
        """Babel's data for the language, loaded on first use (a refresh renders only category names)."""
        if self._locale is None:
            self._locale = Locale.parse(self.code)
        return self._locale

    def language(self, code: str | None, name: str | None):
        """The LocalText language_name gives, as the pages name the language."""
        key = (code, name)
        if key not in self._languages:
            self._languages[key] = language_name(self.locale, code, name, self.base)
        return self._languages[key]

    def cost(self, option, amount, currency, description) -> str:
        key = (option, amount, currency, description)
        if key not in self._costs:
            self._costs[key] = cost_line(self.locale, option, amount, currency, description)
        return self._costs[key]

    def phone(self, p: dict) -> dict:
        return compact({k: self.text(v) if k == "c" else v for k, v in p.items()})

    def service(self, r: dict) -> dict:
        text, fallbacks = self.text, set()
        name, organization = text(r.get("n"), fallbacks), text(r.get("o"), fallbacks)
        t = r.get("t", {})
        shown = compact({key: text(t.get(key), fallbacks) for key in TEXT_KEYS.values()})
        for key in UNSHOWN_TEXT_KEYS:  # counted all the same, as in ServiceView.fallback_langs
            text(t.get(key), fallbacks)
        return compact({
            "n": name, "o": organization, "s": r.get("s"), "t": shown, "fb": sorted(fallbacks),
            "p": [self.phone(p) for p in r.get("p", ())],
            "l": [compact({"n": text(loc.get("n")), "a": loc.get("a"), "g": _rounded(loc.get("g")), "r": text(loc.get("r")),
                           "c": [a for a in map(text, loc.get("c", ())) if a is not None],
                           "p": [self.phone(p) for p in loc.get("p", ())], "h": loc.get("h")})
                  for loc in r.get("l", ())],
            "h": r.get("h"),
            # Named and ordered as Presenter.languages names them.
            "g": [[t.value, t.lang] if t.fallback else t.value
                  for t in sorted_names(self.language(code, label) for code, label in r.get("g", ()))],
            "f": r.get("f"), "k": [self.cost(*c) for c in r.get("k", ())],
            "w": r.get("w"), "e": r.get("e"), "d": r.get("d"), "a": r.get("a"), "c": r.get("c"),
        })


HORIZONTAL_SPACE = re.compile(r"[^\S\n]{2,}")


def _squeeze(text: str) -> str:
    """Runs of spaces and tabs as one space (line breaks stay: they separate paragraphs)."""
    return HORIZONTAL_SPACE.sub(" ", text)


def _rounded(point):
    """Coordinates to 5 decimals (about a metre), as the pages' geo: links give them: more digits only cost bytes."""
    return [round(point[0], 5), round(point[1], 5)] if point else point


_READERS: dict[tuple[str, str], Reader] = {}


def for_language(lang: str, base: str) -> Reader:
    """The reader of `lang` for data in `base`, kept with what it formatted."""
    if (lang, base) not in _READERS:
        _READERS[(lang, base)] = Reader(lang, base)
    return _READERS[(lang, base)]


def render(record: dict, lang: str) -> dict:
    """A neutral service record as phones reading `lang` receive it."""
    return for_language(lang, record.get("b", "en")).service(record)
