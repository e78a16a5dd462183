"""Full-text search over services: one interface, two database engines underneath.

Every service gets a `SearchDocument` whose text is normalised by `textnorm` (case, accents,
punctuation), so neither engine has to understand a language: a word is whatever lies between
two spaces. SQLite indexes that table with FTS5 and its plain `ascii` tokenizer; PostgreSQL gets a
tsvector built from the very same words (no parser, no dictionary), so both engines, and the
browser, agree on what a word is and give the same results.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, insert, select, text
from sqlalchemy.orm import Session

from .models import (
    Address, Attribute, Language, Location, Organization, SearchDocument, Service,
    ServiceAtLocation, TaxonomyTerm, Translation,
)
from . import spelling, taxonomy_names
from .textnorm import has_unspaced, search_words, segment

# Column weights for ranking: a word in the name counts most, then the category, then the rest.
WEIGHTS = (10.0, 4.0, 1.0)
SEARCHABLE_STATUSES = ("active", "temporarily closed")
MAX_TOKENS = 12
MAX_WORD = 64  # characters; longer "words" are cut so that no engine rejects them (PostgreSQL's limit is 2 KB)

SQLITE_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "name, categories, body, content='search_document', content_rowid='rowid', tokenize='ascii')",
)
POSTGRES_DDL = (
    "ALTER TABLE search_document ADD COLUMN IF NOT EXISTS tsv tsvector",
    "CREATE INDEX IF NOT EXISTS ix_search_document_tsv ON search_document USING gin (tsv)",
)


def _engine(session: Session) -> str:
    return session.get_bind().dialect.name


def ensure_schema(session: Session) -> None:
    """Create the engine's full-text index if it is missing."""
    for statement in {"sqlite": SQLITE_DDL, "postgresql": POSTGRES_DDL}.get(_engine(session), ()):
        session.execute(text(statement))


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(name: str, categories: str, body: str) -> str:
    """Return PostgreSQL tsvector input for a document: its words as they are, weighted A/B/C by column."""
    parts, position = [], 0
    for column, weight in ((name, "A"), (categories, "B"), (body, "C")):
        for word in column.split():
            position = min(position + 1, 16383)  # PostgreSQL's largest position
            parts.append(f"{_lexeme(word)}:{position}{weight}")
    return " ".join(parts)


NAME_FIELDS = ("name", "alternate_name")


def _clip(text: str) -> str:
    """Normalise and segment `text` (CJK and other unspaced runs become character pairs); cut long words."""
    return " ".join(word[:MAX_WORD] for word in segment(text))


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
    term_texts: dict[str, str] = {}

    def term_text(term: TaxonomyTerm) -> str:
        """A term's words, normalised once however many services use it: every name and synonym."""
        if term.id not in term_texts:
            words = [term.name, *(v for _, v in tr[("taxonomy_term", term.id)])]
            if taxonomy_names.is_open_eligibility(term.code, term.name):  # names and synonyms, every language
                words += taxonomy_names.words(term.code)
            term_texts[term.id] = _clip(" ".join(words))  # normalised and segmented once per term
        return term_texts[term.id]

    orgs = {o.id: o for o in session.scalars(select(Organization))}
    categories: dict[str, list[str]] = defaultdict(list)
    for link_id, term_id in session.execute(
        select(Attribute.link_id, Attribute.taxonomy_term_id).where(Attribute.link_entity == "service")
    ):
        term, seen = terms.get(term_id), set()
        while term is not None and term.id not in seen:  # a service in "Food Pantry" is also in "Food"
            seen.add(term.id)
            categories[link_id].append(term_text(term))
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
            "name": _clip(" ".join(n for n in names if n)),
            "categories": " ".join(categories[s.id]),
            "body": _clip(" ".join(b for b in body if b)),
        })
    return docs


def rebuild_index(session: Session) -> None:
    """Recompute every search document and the engine's index, inside the caller's transaction."""
    ensure_schema(session)
    session.execute(delete(SearchDocument))
    docs = build_documents(session)
    if docs:
        session.execute(insert(SearchDocument), docs)
    if _engine(session) == "sqlite":
        session.execute(text("INSERT INTO search_fts(search_fts) VALUES('rebuild')"))
    elif _engine(session) == "postgresql" and docs:
        rows = [{"id": d["service_id"], "tsv": tsvector_literal(d["name"], d["categories"], d["body"])} for d in docs]
        session.execute(text("UPDATE search_document SET tsv = CAST(:tsv AS tsvector) WHERE service_id = :id"), rows)
    spelling.forget()


@dataclass(frozen=True)
class Results:
    service_ids: list[str]
    total: int
    corrected: str | None = None  # the query as spelling correction read it, when it did


MAX_RESULTS = 100_000  # "every match", for callers that filter and paginate themselves

# A query is a list of words; each word is a list of spellings, any of which may match.
Query = list[list[str]]


def _prefix(word: str) -> bool:
    """Match a word as a prefix, except a lone letter: "f" would be every word starting with f (a lone CJK character still is)."""
    return len(word) > 1 or has_unspaced(word)


def _sqlite_query(words: Query, joiner: str) -> tuple[str, str, dict]:
    group = lambda spellings: "(" + " OR ".join(f'"{w}"' + "*" * _prefix(w) for w in spellings) + ")"  # noqa: E731
    match = (" AND " if joiner == " " else " OR ").join(group(w) for w in words)  # FTS5 wants AND between brackets
    source = "search_fts JOIN search_document d ON d.rowid = search_fts.rowid"
    rank = "bm25(search_fts, {}, {}, {})".format(*WEIGHTS)
    return f"{source} JOIN service s ON s.id = d.service_id WHERE search_fts MATCH :q", rank, {"q": match}


def _postgres_query(words: Query, joiner: str) -> tuple[str, str, dict]:
    group = lambda spellings: "(" + " | ".join(_lexeme(w) + ":*" * _prefix(w) for w in spellings) + ")"  # noqa: E731
    match = (" & " if joiner == " " else " | ").join(group(w) for w in words)
    # ts_rank's weights are listed D, C, B, A; ours are A (name), B (category), C (body).
    weights = "'{0.0, %s, %s, %s}'" % tuple(w / WEIGHTS[0] for w in reversed(WEIGHTS))
    rank = f"ts_rank({weights}, d.tsv, CAST(:q AS tsquery)) DESC"
    return "search_document d JOIN service s ON s.id = d.service_id WHERE d.tsv @@ CAST(:q AS tsquery)", rank, {"q": match}


QUERIES = {"sqlite": _sqlite_query, "postgresql": _postgres_query}


def _run(session: Session, words: Query, joiner: str, limit: int, offset: int) -> Results:
    where, rank, params = QUERIES[_engine(session)](words, joiner)
    where += " AND s.status IN :statuses"
    params = {**params, "statuses": SEARCHABLE_STATUSES, "limit": limit, "offset": offset}
    statement = lambda sql: text(sql).bindparams(bindparam("statuses", expanding=True))  # noqa: E731
    total = session.execute(statement(f"SELECT count(*) FROM {where}"), params).scalar_one()
    if not total:
        return Results([], 0)
    ids = session.execute(
        statement(f"SELECT d.service_id FROM {where} ORDER BY {rank}, s.name, s.id LIMIT :limit OFFSET :offset"), params
    ).scalars().all()
    return Results(list(ids), total)


def search(session: Session, query: str, limit: int = 25, offset: int = 0) -> Results:
    """Return the ids of listed services matching `query`, best first.

    All words must match, each as a prefix. When nothing does, words the index has never seen are
    read as typos of its nearest words ("pharmasy" -> "pharmacy"); then any word may match.
    Normalisation has removed every quote, star, bracket and operator, and each word is quoted,
    so nothing a person types can be read as query syntax (NEAR, OR, column filters, tsquery...).
    """
    words = [[w[:MAX_WORD]] for w in dict.fromkeys(search_words(query, MAX_TOKENS))]
    if not words:
        return Results([], 0)
    found = _run(session, words, " ", limit, offset)
    if found.total:
        return found
    corrected, shown = spelling.correct(session, words)
    if corrected != words:
        found = _run(session, corrected, " ", limit, offset)
        if found.total:
            return Results(found.service_ids, found.total, shown)
    if len(words) > 1:
        found = _run(session, corrected, " OR ", limit, offset)
        if found.total:
            return Results(found.service_ids, found.total, shown if corrected != words else None)
    return Results([], 0)
