"""Record text in the reader's language, with an honest note where it falls back to another."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from babel import Locale, UnknownLocaleError
from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from .models import Translation


@dataclass(frozen=True)
class LocalText:
    value: str
    lang: str  # BCP 47 code of `value`
    fallback: bool  # True when `value` is not in the language the reader asked for

    def __str__(self) -> str:
        return self.value

    def __bool__(self) -> bool:
        return bool(self.value)


def _primary(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


class TextPicker:
    """Choose each field's best text: the reader's language, else the data's base language."""

    def __init__(self, session: Session, lang: str, base_language: str = "en"):
        self.session = session
        self.lang = lang.replace("_", "-")
        self.base = base_language
        self._cache: dict[tuple[str, str], dict[tuple[str, str], str]] = defaultdict(dict)
        self._loaded: set[tuple[str, str]] = set()

    def preload(self, entity: str, ids: Iterable[str]) -> None:
        """Fetch the translations of many records in one query."""
        wanted = [(entity, i) for i in ids if (entity, i) not in self._loaded]
        if not wanted or self.lang == self.base:
            return
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk : chunk + 500]
            rows = self.session.execute(
                select(Translation).where(tuple_(Translation.entity, Translation.id).in_(part))
            ).scalars()
            for row in rows:
                self._cache[(row.entity, row.id)][(row.field, row.language)] = row.value
            self._loaded.update(part)

    def pick(self, entity: str, record, field: str) -> LocalText | None:
        """Return the field's text for the reader, or None when the record has none at all."""
        base = getattr(record, field, None)
        if self.lang == self.base or _primary(self.lang) == _primary(self.base):
            return LocalText(base, self.base, False) if base else None
        self.preload(entity, [record.id])
        translated = self._cache[(entity, record.id)]
        for (f, language), value in translated.items():
            if f == field and language == self.lang:
                return LocalText(value, language, False)
        for (f, language), value in translated.items():
            if f == field and _primary(language) == _primary(self.lang):
                return LocalText(value, language, False)
        return LocalText(base, self.base, True) if base else None


def language_name(locale: Locale, code: str | None, fallback: str | None = None) -> str:
    """Name a language in the reader's language ("es" -> "espagnol" for a French reader)."""
    if code:
        try:
            name = locale.languages.get(Locale.parse(code.replace("-", "_")).language)
        except (ValueError, TypeError, UnknownLocaleError):
            name = None
        if name:
            return name
    return fallback or code or ""
