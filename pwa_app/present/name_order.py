"""Services in name order as the reader sees them, on the server's pages and the phone's alike.

The key is the name in the reader's language (the data's base language where it has no
translation), compared without case, accents or punctuation (textnorm.normalize), then as written:
render.js sorts saved records by the same key, so page 2 offline lists what page 2 online does.
No request in sight.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pwa_app.present.localize import _primary
from pwa_app.db.models import Service, Translation
from pwa_app.core.textnorm import normalize


def name_key(name: str | None, service_id: str = "") -> tuple[str, str, str]:
    name = name or ""
    return normalize(name), name, service_id


def ranks(session: Session, lang: str, base: str) -> dict[str, int]:
    """Every service's place in name order for this reader: build it once per data version, then sort by it."""
    names = {i: n for i, n in session.execute(select(Service.id, Service.name))}
    if _primary(lang) != _primary(base):
        names.update(_translated_names(session, lang, names))
    return {i: n for n, i in enumerate(sorted(names, key=lambda i: name_key(names[i], i)))}


def _translated_names(session: Session, lang: str, names: dict) -> dict[str, str]:
    """The reader's own language first, then another variety of it (as localize.TextPicker picks)."""
    query = select(Translation.id, Translation.language, Translation.value).where(
        Translation.entity == "service", Translation.field == "name")
    exact, related = {}, {}
    wanted = lang.replace("_", "-")
    for i, language, value in session.execute(query):
        if i in names and value:
            if language == wanted:
                exact[i] = value
            elif _primary(language) == _primary(wanted):
                related.setdefault(i, value)
    return {**related, **exact}
