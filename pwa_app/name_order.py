"""Services in name order as the reader sees them, on the server's pages and the phone's alike.

The key is the name in the reader's language (the data's base language where it has no
translation), compared without case, accents or punctuation (textnorm.normalize), then as written:
render.js sorts saved records by the same key, so page 2 offline lists what page 2 online does.
No request in sight.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from .localize import _primary
from .models import Service, Translation
from .textnorm import normalize

IN_LIMIT = 1000  # above this many ids, read every name once rather than bind thousands of parameters


def name_key(name: str | None, service_id: str = "") -> tuple[str, str, str]:
    name = name or ""
    return normalize(name), name, service_id


def ranks(session: Session, lang: str, base: str) -> dict[str, int]:
    """Every service's place in name order for this reader: build it once per data version, then sort by it."""
    names = {i: n for i, n in session.execute(select(Service.id, Service.name))}
    if _primary(lang) != _primary(base):
        names.update(_translated_names(session, None, lang, names))
    return {i: n for n, i in enumerate(sorted(names, key=lambda i: name_key(names[i], i)))}


def in_name_order(session: Session, ids: Iterable[str], lang: str, base: str) -> list[str]:
    wanted = set(ids)
    if not wanted:
        return []
    few = len(wanted) <= IN_LIMIT
    query = select(Service.id, Service.name)
    names = {i: n for i, n in session.execute(query.where(Service.id.in_(wanted)) if few else query) if i in wanted}
    if _primary(lang) != _primary(base):
        names.update(_translated_names(session, wanted if few else None, lang, names))
    return sorted(names, key=lambda i: name_key(names[i], i))


def _translated_names(session: Session, ids: set[str] | None, lang: str, names: dict) -> dict[str, str]:
    """The reader's own language first, then another variety of it (as localize.TextPicker picks)."""
    query = select(Translation.id, Translation.language, Translation.value).where(
        Translation.entity == "service", Translation.field == "name")
    exact, related = {}, {}
    wanted = lang.replace("_", "-")
    for i, language, value in session.execute(query.where(Translation.id.in_(ids)) if ids is not None else query):
        if i in names and value:
            if language == wanted:
                exact[i] = value
            elif _primary(language) == _primary(wanted):
                related.setdefault(i, value)
    return {**related, **exact}
