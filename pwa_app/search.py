"""Full-text search over services: one interface, the database engine's own index underneath.

Every service gets a `SearchDocument` whose text is normalised by `textnorm` (case, accents,
punctuation), so the engine's tokenizer only has to split on spaces and both engines, and the
browser, agree on what a word is. SQLite uses an FTS5 index over that table.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from .models import (
    Address, Attribute, Language, Location, Organization, SearchDocument, Service,
    ServiceAtLocation, TaxonomyTerm, Translation,
)
from .textnorm import normalize, tokens

# Column weights for ranking: a word in the name counts most, then the category, then the rest.
WEIGHTS = (10.0, 4.0, 1.0)
SEARCHABLE_STATUSES = ("active", "temporarily closed")
MAX_TOKENS = 12

FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "name, categories, body, content='search_document', content_rowid='rowid', tokenize='ascii')"
)


def ensure_schema(session: Session) -> None:
    """Create the engine's full-text index if it is missing."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text(FTS_DDL))


NAME_FIELDS = ("name", "alternate_name")


def _translations(session: Session) -> dict[tuple[str, str], list[tuple[str, str]]]:
    out: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    rows = select(Translation.entity, Translation.id, Translation.field, Translation.value)
    for entity, ident, field, value in session.execute(rows):
        out[(entity, ident)].append((field, value))
    return out


def build_documents(session: Session) -> list[dict]:
    """Return one normalised search document per service (pure read; no writes)."""
    tr = _translations(session)
    terms = {t.id: t for t in session.scalars(select(TaxonomyTerm))}
    orgs = {o.id: o for o in session.scalars(select(Organization))}
    categories: dict[str, list[str]] = defaultdict(list)
    for link_id, term_id in session.execute(
        select(Attribute.link_id, Attribute.taxonomy_term_id).where(Attribute.link_entity == "service")
    ):
        term, seen = terms.get(term_id), set()
        while term is not None and term.id not in seen:  # a service in "Food Pantry" is also in "Food"
            seen.add(term.id)
            categories[link_id] += [term.name, *(v for _, v in tr[("taxonomy_term", term.id)])]
            term = terms.get(term.parent_id)
    languages: dict[str, list[str]] = defaultdict(list)
    for service_id, name in session.execute(select(Language.service_id, Language.name)):
        languages[service_id].append(name or "")
    places: dict[str, list[str]] = defaultdict(list)
    for service_id, city in session.execute(
        select(ServiceAtLocation.service_id, Address.city).join(Location, Location.id == ServiceAtLocation.location_id)
        .join(Address, Address.location_id == Location.id)
    ):
        places[service_id].append(city or "")
    docs = []
    for s in session.scalars(select(Service)):
        org = orgs.get(s.organization_id)
        translated = tr[("service", s.id)]
        names = [s.name, s.alternate_name, *(v for f, v in translated if f in NAME_FIELDS)]
        body = [s.description, s.eligibility_description, s.fees_description, s.application_process,
                *(v for f, v in translated if f not in NAME_FIELDS), *languages[s.id], *places[s.id]]
        if org is not None:
            body += [org.name, *(v for _, v in tr[("organization", org.id)])]
        docs.append({
            "service_id": s.id,
            "name": normalize(" ".join(n for n in names if n)),
            "categories": normalize(" ".join(categories[s.id])),
            "body": normalize(" ".join(b for b in body if b)),
        })
    return docs


def rebuild_index(session: Session) -> None:
    """Recompute every search document and the engine's index, inside the caller's transaction."""
    ensure_schema(session)
    session.execute(delete(SearchDocument))
    docs = build_documents(session)
    if docs:
        session.execute(insert(SearchDocument), docs)
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("INSERT INTO search_fts(search_fts) VALUES('rebuild')"))


@dataclass(frozen=True)
class Results:
    service_ids: list[str]
    total: int


def search(session: Session, query: str, limit: int = 25, offset: int = 0) -> Results:
    """Return the ids of active services matching `query`, best first.

    All words must match; when that finds nothing, any word may match, ranked the same way.
    Normalisation has removed every quote, star and bracket, and each word is quoted, so nothing
    a person types can be read as FTS syntax (NEAR, OR, column filters...).
    """
    words = tokens(query, MAX_TOKENS)
    if not words:
        return Results([], 0)
    for joiner in (" ", " OR "):
        expression = joiner.join(f'"{w}"*' for w in words)
        params = {"q": expression, "limit": limit, "offset": offset}
        statuses = ", ".join(f"'{s}'" for s in SEARCHABLE_STATUSES)
        base = (
            "FROM search_fts JOIN search_document d ON d.rowid = search_fts.rowid "
            f"JOIN service s ON s.id = d.service_id WHERE search_fts MATCH :q AND s.status IN ({statuses})"
        )
        total = session.execute(text(f"SELECT count(*) {base}"), params).scalar_one()
        if total:
            rank = "bm25(search_fts, {}, {}, {})".format(*WEIGHTS)
            ids = session.execute(
                text(f"SELECT d.service_id {base} ORDER BY {rank}, s.name LIMIT :limit OFFSET :offset"), params
            ).scalars().all()
            return Results(list(ids), total)
        if len(words) == 1:
            break
    return Results([], 0)
