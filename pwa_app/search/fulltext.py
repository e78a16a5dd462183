"""Full-text search over services: one interface, two database engines underneath.

Every service gets a `SearchDocument` whose text is normalised by `textnorm` (case, accents,
punctuation), so neither engine has to understand a language: a word is whatever lies between
two spaces. SQLite indexes that table with FTS5 and its plain `ascii` tokenizer; PostgreSQL gets a
tsvector built from the very same words (no parser, no dictionary), so both engines, and the
browser, agree on what a word is. The engines find the matches; up to RANK_ALL of them are ranked
by ranking.py, the twin of the phone's search (static/js/search-core.js), so a search reads the
same online and offline, on either engine.

Size: one interface over two engines (SQLite FTS5 and PostgreSQL tsvector), with the ranking and
typo tolerance they share; apart, the engines would drift.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, func, insert, select, text, tuple_
from sqlalchemy.orm import Session

from pwa_app.db.models import SearchDocument, SearchWordChange, TaxonomyTerm, Translation
from pwa_app.core.textnorm import normalize, search_words
from pwa_app.present import taxonomy_names
from pwa_app.present.categories import load_tree
from pwa_app.search import ranking, spelling

WEIGHTS = ranking.WEIGHTS  # for the engines' own ranking of large result sets (see RANK_ALL)
SEARCHABLE_STATUSES = ("active", "temporarily closed")
MAX_TOKENS = 12
MAX_WORD = ranking.MAX_WORD

# Every word matches as a prefix; prefix indexes of 2, 3 and 4 letters spare SQLite merging the
# lists of every word that starts so ("care": career, caregiver...), 10 ms at 60,000 services.
SQLITE_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "name, categories, body, content='search_document', content_rowid='rowid', tokenize='ascii', prefix='2 3 4')",
    # Name order, where a document a curator's save changed finds its neighbours (update_documents).
    "CREATE INDEX IF NOT EXISTS ix_search_document_name_order ON search_document (name, service_id)",
)
# The words of a service's name as a tsvector, for the "name matches first" tier of large result sets
# (see _run); an expression index rather than a column, so PostgreSQL keeps it current by itself.
POSTGRES_NAME_VECTOR = "array_to_tsvector(string_to_array(d.name, ' '))"
POSTGRES_DDL = (
    "ALTER TABLE search_document ADD COLUMN IF NOT EXISTS tsv tsvector",
    "CREATE INDEX IF NOT EXISTS ix_search_document_tsv ON search_document USING gin (tsv)",
    "CREATE INDEX IF NOT EXISTS ix_search_document_name_words ON search_document"
    " USING gin ((array_to_tsvector(string_to_array(name, ' '))))",
    'CREATE INDEX IF NOT EXISTS ix_search_document_name_order ON search_document (name COLLATE "C", service_id COLLATE "C")',
)


def _engine(session: Session) -> str:
    return session.get_bind().dialect.name


def ensure_schema(session: Session) -> None:
    """Create the engine's full-text index if it is missing."""
    for statement in {"sqlite": SQLITE_DDL, "postgresql": POSTGRES_DDL}.get(_engine(session), ()):
        session.execute(text(statement))


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


MAX_POSITION = 16383  # PostgreSQL's largest position in a tsvector


def tsvector_literal(name: str, categories: str, body: str) -> str:
    """Return PostgreSQL tsvector input for a document: its words as they are, weighted A/B/C by column."""
    parts, start = [], 1
    for column, weight in ((name, "A"), (categories, "B"), (body, "C")):
        # Escaped as a whole (escaping adds no space); 60,000 documents hold some 40 million words.
        words = column.replace("\\", "\\\\").replace("'", "''").split()
        positions = range(start, start + len(words))
        start += len(words)
        parts += [f"'{word}':{min(position, MAX_POSITION)}{weight}" for word, position in zip(words, positions, strict=True)]
    return " ".join(parts)




def term_words(session: Session, slugs: set[str] | None = None) -> dict[str, str]:
    """Slug -> every name and synonym of the term (and its names translated in the data), normalised, once each.

    Only the categories that list a service: the search data sends this to phones (search_data.py).
    With `slugs`, those terms only (a few documents rebuilt after a curator's save: each term of a
    listed service's chain lists that service), without reading which categories list services.
    """
    if slugs is None:
        tree = load_tree(session)
        terms = [t for t in tree.terms.values() if t.slug and tree.services_under(t.id)]
    else:
        terms = list(session.scalars(select(TaxonomyTerm).where(TaxonomyTerm.slug.in_(slugs)))) if slugs else []
    translated: dict[str, list[str]] = defaultdict(list)
    query = select(Translation.id, Translation.value).where(Translation.entity == "taxonomy_term",
                                                            Translation.field == "name")
    for ident, value in session.execute(query if slugs is None else query.where(Translation.id.in_([t.id for t in terms]))):
        translated[ident].append(value)
    out = {}
    for t in terms:
        names = [t.name, *translated[t.id]]
        if taxonomy_names.is_open_eligibility(t.code, t.name):
            names += taxonomy_names.words(t.code)
        out[t.slug] = " ".join(dict.fromkeys(normalize(" ".join(names)).split()))
    return out


def category_parents(session: Session) -> dict[str, str | None]:
    """Slug -> its parent's slug, as the phone's terms give them (`p`)."""
    rows = session.execute(select(TaxonomyTerm.id, TaxonomyTerm.slug, TaxonomyTerm.parent_id)).all()
    slug_of = {ident: slug for ident, slug, _parent in rows}
    return {slug: slug_of.get(parent) for _ident, slug, parent in rows if slug}


def build_documents(session: Session, records: dict[str, dict], every: bool = True) -> list[dict]:
    """Return one search document per listed service (pure read; no writes): ranking.py says what it holds.

    Made from the records the phones keep (`snapshot.records.neutral_records`), with every language's texts.
    `every`: the records are the whole directory (else a few, and only their categories' words are read).
    """
    parents = category_parents(session)
    chains = {sid: ranking.category_chain(record.get("c") or (), parents) for sid, record in records.items()}
    wanted = None if every else {slug for chain in chains.values() for slug in chain}
    term_lists = {slug: ranking.words(text) for slug, text in term_words(session, wanted).items()}
    docs = []
    for sid, record in records.items():
        if (record.get("s") or "active") not in SEARCHABLE_STATUSES:
            continue
        names, body = ranking.record_texts(record, ranking.every_language)
        chain = chains[sid]
        docs.append({
            "service_id": sid,
            "name": " ".join(ranking.distinct(names)),
            "categories": " ".join(dict.fromkeys(w for slug in chain for w in term_lists.get(slug, ()))),
            "body": " ".join(ranking.distinct(body)),
        })
    return docs


def rebuild_index(session: Session, records: dict[str, dict]) -> None:
    """Recompute every search document from the neutral records and the engine's index, inside the caller's transaction."""
    index_documents(session, build_documents(session, records))


# Documents are stored in name order with rowids this far apart, so that the index's own order (rowid)
# is alphabetical, and a document a curator's save renamed takes a free rowid between its new neighbours
# (update_documents) instead of the whole index being rebuilt. Ten renames to one spot fill a gap.
GAP = 1024
POSTGRES_BATCH = 5000  # documents per executemany: bounds the memory the tsvector strings take
_POSTGRES_INSERT = text("INSERT INTO search_document (rowid, service_id, name, categories, body, tsv)"
                        " VALUES (:rowid, :service_id, :name, :categories, :body, CAST(:tsv AS tsvector))")
_FTS_INSERT = text("INSERT INTO search_fts(rowid, name, categories, body) VALUES (:rowid, :name, :categories, :body)")
_FTS_DELETE = text("INSERT INTO search_fts(search_fts, rowid, name, categories, body)"
                   " VALUES ('delete', :rowid, :name, :categories, :body)")


def _name_order(doc: dict) -> tuple[str, str]:
    return doc["name"], doc["service_id"]


def _insert(session: Session, docs: list[dict]) -> None:
    """Write documents that carry their rowid (no full-text index on SQLite: the caller's)."""
    if _engine(session) == "postgresql":
        # Each row is written once, with its tsvector (an UPDATE per row after the insert wrote each twice).
        for start in range(0, len(docs), POSTGRES_BATCH):
            session.execute(_POSTGRES_INSERT, [{**d, "tsv": tsvector_literal(d["name"], d["categories"], d["body"])}
                                               for d in docs[start:start + POSTGRES_BATCH]])
    elif docs:
        session.execute(insert(SearchDocument), docs)


def index_documents(session: Session, docs: list[dict]) -> None:
    """Replace the search documents with `docs` and rebuild the engine's index on them.

    Documents are stored in name order (GAP apart), so that the index's own order (rowid) is
    alphabetical: large result sets page through it without sorting every match (see _run).
    """
    ensure_schema(session)
    session.execute(delete(SearchDocument))
    docs = [{**d, "rowid": (n + 1) * GAP} for n, d in enumerate(sorted(docs, key=_name_order))]
    _insert(session, docs)
    if _engine(session) == "postgresql":
        # Merge the entries the full-text indexes still hold aside, which every search would otherwise scan.
        session.execute(text("SELECT gin_clean_pending_list('ix_search_document_tsv'),"
                             " gin_clean_pending_list('ix_search_document_name_words')"))
    else:
        session.execute(text("INSERT INTO search_fts(search_fts) VALUES('rebuild')"))
    _vocabulary_anew(session)


def update_documents(session: Session, docs: list[dict], services: set[str]) -> int:
    """Make the documents of `services` be `docs` (those of them still searchable); return how many changed.

    A curator's save: each changed document is taken out of the engine's index and put back at its
    place in name order, the rest of the index untouched. Where its new neighbours leave no rowid
    between them, the whole index is renumbered from the stored documents (no record is read again).
    """
    ensure_schema(session)
    new = {d["service_id"]: d for d in docs}
    columns = (SearchDocument.rowid, SearchDocument.service_id, SearchDocument.name, SearchDocument.categories,
               SearchDocument.body)
    old = {row.service_id: row._asdict() for row in session.execute(
        select(*columns).where(SearchDocument.service_id.in_(services)))} if services else {}
    changed = [sid for sid in sorted(services) if (sid in old or sid in new) and not _same(old.get(sid), new.get(sid))]
    sqlite = _engine(session) == "sqlite"
    for sid in changed:
        if sid in old:
            if sqlite:
                session.execute(_FTS_DELETE, {k: old[sid][k] for k in ("rowid", "name", "categories", "body")})
            session.execute(delete(SearchDocument).where(SearchDocument.rowid == old[sid]["rowid"]))
    words = Counter()  # documents holding each word, as spelling.build counts them: after minus before
    for sid in changed:
        for doc, sign in ((old.get(sid), -1), (new.get(sid), 1)):
            if doc is not None:
                counts = spelling.document_counts(doc["name"], doc["categories"], doc["body"])
                words.update({word: sign * n for word, n in counts.items()})
    waiting = [new[sid] for sid in changed if sid in new]
    while waiting:
        rowid = _free_rowid(session, waiting[0])
        if rowid is None:  # no room between its neighbours: renumber everything
            stored = [r._asdict() for r in session.execute(select(*columns[1:]))]
            index_documents(session, stored + waiting)  # the vocabulary starts afresh too
            return len(changed)
        row = {**waiting.pop(0), "rowid": rowid}
        _insert(session, [row])
        if sqlite:
            session.execute(_FTS_INSERT, {k: row[k] for k in ("rowid", "name", "categories", "body")})
    _vocabulary_follows(session, words)
    return len(changed)


# Saves' word changes kept before the servers are told to read their vocabulary afresh (the rows are dropped).
MAX_WORD_CHANGES = 200_000


def _vocabulary_anew(session: Session) -> None:
    """Every server reads its typo vocabulary afresh: the log starts again with a row holding no word."""
    session.execute(delete(SearchWordChange))
    session.execute(insert(SearchWordChange), [{"word": "", "documents": 0}])
    spelling.forget()


def _vocabulary_follows(session: Session, words: Counter) -> None:
    rows = [{"word": word, "documents": n} for word, n in sorted(words.items()) if n]
    if not rows:
        return
    span = session.execute(select(func.min(SearchWordChange.id), func.max(SearchWordChange.id))).one()
    if span[0] is not None and span[1] - span[0] + len(rows) > MAX_WORD_CHANGES:
        _vocabulary_anew(session)
    else:
        session.execute(insert(SearchWordChange), rows)


def _same(a: dict | None, b: dict | None) -> bool:
    return a is not None and b is not None and all(a[k] == b[k] for k in ("name", "categories", "body"))


def _free_rowid(session: Session, doc: dict) -> int | None:
    """A rowid between the documents before and after `doc` in name order, or None when they are adjacent."""
    after_key = tuple_(SearchDocument.name, SearchDocument.service_id)
    key = (doc["name"], doc["service_id"])
    if _engine(session) == "postgresql":  # the byte order of UTF-8, which is Python's order of strings
        after_key = tuple_(SearchDocument.name.collate("C"), SearchDocument.service_id.collate("C"))
    before = session.scalar(select(SearchDocument.rowid).where(after_key < key)
                            .order_by(*(c.desc() for c in after_key.clauses)).limit(1))
    after = session.scalar(select(SearchDocument.rowid).where(after_key > key).order_by(*after_key.clauses).limit(1))
    if before is None and after is None:
        return GAP
    low = before if before is not None else after - 2 * GAP
    high = after if after is not None else before + 2 * GAP
    middle = (low + high) // 2
    return middle if low < middle < high else None


@dataclass(frozen=True)
class Results:
    service_ids: list[str]
    total: int
    corrected: str | None = None  # the query as spelling correction read it, when it did


MAX_RESULTS = 100_000  # "every match", for callers that filter and paginate themselves

Query = ranking.Query
Order = Callable[[str], object]


_prefix = ranking.allows_prefix


# Up to this many matches are all ranked (BM25 or ts_rank, every column weighted). Beyond it, ranking
# every match costs too much (tens of milliseconds per thousand at 60,000 services), so the order
# becomes: the matches whose name holds every query word, ranked on the name alone (cheap: names are
# short); then the others in name order, read straight from the index. The demo region and most
# real queries stay under it.
RANK_ALL = 200


@dataclass(frozen=True)
class EngineSql:
    """One query's SQL on one engine; each statement takes :limit and :offset, and :statuses where it joins services."""
    count_all: str  # every match, and the span of the index's rowids (about how many documents it holds)
    every_match: str  # every match, with its document's words (ranked by ranking.py)
    count_named: str  # matches whose name holds every word
    rank_named: str  # those, best first
    rest: str  # the other matches, in name order
    params: dict
    rest_sparse: str = ""  # the same, for matches too sparse to walk the index in order (PostgreSQL; see _rest)


# Two subqueries: SQLite reads max() or min() of the rowid straight off the index only when it is alone.
SPAN = f"(((SELECT max(rowid) FROM search_document) - (SELECT min(rowid) FROM search_document)) / {GAP} + 1)"
SQLITE_RANK = "bm25(search_fts, {}, {}, {})".format(*WEIGHTS)
SQLITE_SERVICE = ("CROSS JOIN search_document d ON d.rowid = f.rowid CROSS JOIN service s ON s.id = d.service_id"
                  " WHERE s.status IN :statuses")  # CROSS JOIN: SQLite keeps this order, the full-text match first


def _sqlite_query(words: Query, joiner: str) -> EngineSql:
    group = lambda spellings: "(" + " OR ".join(f'"{w}"' + "*" * _prefix(w) for w in spellings) + ")"  # noqa: E731
    match = (" AND " if joiner == " " else " OR ").join(group(w) for w in words)  # FTS5 wants AND between brackets
    in_name = "{name} : (" + match + ")"

    def page(param: str, rank: str) -> str:  # rank and cut in the index; join services for one page only
        return (f"SELECT d.service_id FROM (SELECT rowid{rank and f', {rank} AS rank'} FROM search_fts WHERE search_fts MATCH"
                f" :{param} ORDER BY {rank and 'rank, '}rowid LIMIT :limit OFFSET :offset) f {SQLITE_SERVICE}"
                f" ORDER BY {rank and 'f.rank, '}f.rowid")

    return EngineSql(
        count_all=f"SELECT count(*), {SPAN} FROM search_fts WHERE search_fts MATCH :q",
        every_match=("SELECT d.service_id, d.name, d.categories, d.body, d.rowid FROM (SELECT rowid FROM search_fts"
                     f" WHERE search_fts MATCH :q) f {SQLITE_SERVICE}"),
        count_named="SELECT count(*) FROM search_fts WHERE search_fts MATCH :named",
        rank_named=page("named", SQLITE_RANK),  # rowid order is name order (see index_documents)
        rest=page("rest", ""),
        params={"q": match, "named": in_name, "rest": f"({match}) NOT {in_name}"},
    )


def _postgres_query(words: Query, joiner: str) -> EngineSql:
    group = lambda spellings: "(" + " | ".join(_lexeme(w) + ":*" * _prefix(w) for w in spellings) + ")"  # noqa: E731
    match = (" & " if joiner == " " else " | ").join(group(w) for w in words)
    matches = "d.tsv @@ CAST(:q AS tsquery)"
    in_name = f"{POSTGRES_NAME_VECTOR} @@ CAST(:q AS tsquery)"
    source = "FROM search_document d JOIN service s ON s.id = d.service_id WHERE s.status IN :statuses AND"
    page = "LIMIT :limit OFFSET :offset"

    def cut(where: str, order: str, inner_order: str = "") -> str:  # sort and cut in the index; join services for one page only
        return (f"SELECT d.service_id FROM (SELECT d.service_id, d.rowid, length(d.name) AS name_length"
                f" FROM search_document d WHERE {where} ORDER BY {inner_order or order} {page}) d"
                f" JOIN service s ON s.id = d.service_id WHERE s.status IN :statuses ORDER BY {order}")

    rest = f"{matches} AND NOT ({in_name})"
    return EngineSql(
        count_all=f"SELECT count(*), {SPAN} FROM search_document d WHERE {matches}",
        every_match=f"SELECT d.service_id, d.name, d.categories, d.body, d.rowid {source} {matches}",
        count_named=f"SELECT count(*) FROM search_document d WHERE {in_name}",
        # Among names holding every word, the shortest fit best (BM25 reasons the same way on SQLite).
        rank_named=cut(in_name, "d.name_length, d.rowid", inner_order="name_length, d.rowid"),
        rest=cut(rest, "d.rowid"),
        # "rowid + 0" keeps PostgreSQL off the rowid index, whose every step reads a whole tsvector
        # (categories in every language: kilobytes): the full-text index finds the matches, then they are sorted.
        rest_sparse=cut(rest, "d.rowid", inner_order="d.rowid + 0"),
        params={"q": match},
    )


QUERIES = {"sqlite": _sqlite_query, "postgresql": _postgres_query}

# PostgreSQL's planner cannot know that reading a row's tsvector is costly (categories in every
# language: kilobytes, out of line), so for the search's few statements it gets no sequential scan
# (every one has a full-text or rowid index to use), and no parallel workers nor JIT compilation,
# whose start costs more than these millisecond queries. Set for the transaction, restored after.
POSTGRES_SETTINGS = {"enable_seqscan": "off", "max_parallel_workers_per_gather": "0", "jit": "off"}


@contextmanager
def _local_settings(session: Session, settings: dict[str, str]):
    """Change PostgreSQL settings within the transaction, and put them back after (a statement each way)."""
    if not settings:
        yield
        return
    names = {f"n{i}": name for i, name in enumerate(settings)}
    read = text("SELECT " + ", ".join(f"current_setting(:{n})" for n in names))
    change = text("SELECT " + ", ".join(f"set_config(:{n}, :v{n}, true)" for n in names))
    before = session.execute(read, names).one()
    session.execute(change, {**names, **{f"v{n}": v for n, v in zip(names, settings.values(), strict=True)}})
    yield  # after an error, the caller's rollback undoes the change too (and a failed transaction takes no statement)
    session.execute(change, {**names, **{f"v{n}": v for n, v in zip(names, before, strict=True)}})


def _planner_settings(session: Session):
    return _local_settings(session, POSTGRES_SETTINGS if _engine(session) == "postgresql" else {})


def _run(session: Session, words: Query, joiner: str, limit: int, offset: int, order: Order | None) -> Results:
    sql = QUERIES[_engine(session)](words, joiner)

    def run(statement: str, **page):
        params = {**sql.params, "statuses": SEARCHABLE_STATUSES, **page}
        query = text(statement)
        if ":statuses" in statement:
            query = query.bindparams(bindparam("statuses", expanding=True))
        return session.execute(query, params)

    total, span = run(sql.count_all).one()  # the index holds listed services only (see build_documents)
    if not total:
        return Results([], 0)
    if total <= RANK_ALL:  # ranked as the phone ranks them (ranking.py)
        rows = run(sql.every_match).all()
        rowids = {row[0]: row[4] for row in rows}
        ranked = ranking.rank(((sid, (n.split(), c.split(), b.split())) for sid, n, c, b, _ in rows), words,
                              every=joiner == " ", order=order or rowids.__getitem__)
        return Results(ranked[offset:offset + limit], len(ranked))
    ids = list(run(sql.rank_named, limit=limit, offset=offset).scalars())
    if len(ids) == limit:
        return Results(ids, total)
    # The name tier ends on this page; its size is known without counting it, unless the page lies past it.
    named = offset + len(ids) if ids or not offset else run(sql.count_named).scalar_one()
    rest_offset, rest_limit = max(0, offset - named), limit - len(ids)
    ids += run(_rest(sql, total - named, span, rest_offset + rest_limit), limit=rest_limit, offset=rest_offset).scalars()
    return Results(ids, total)


# Walking the index in name order reads each document it passes; gathering every match from the
# full-text index and sorting them costs about this many times less per document.
WALK_COST = 8


def _rest(sql: EngineSql, matches: int, documents: int, needed: int) -> str:
    """The query for the rest tier: walk the index in order while matches are dense enough to meet `needed` soon."""
    walked = needed * documents / max(matches, 1)  # documents passed before the page is full, on average
    return sql.rest if not sql.rest_sparse or walked * WALK_COST <= matches else sql.rest_sparse


def search(session: Session, query: str, limit: int = 25, offset: int = 0, order: Order | None = None) -> Results:
    """Return the ids of listed services matching `query`, best first.

    All words must match, each as a prefix. When nothing does, words the index has never seen are
    read as typos of its nearest words ("pharmasy" -> "pharmacy"); then any word may match.
    Normalisation has removed every quote, star, bracket and operator, and each word is quoted,
    so nothing a person types can be read as query syntax (NEAR, OR, column filters, tsquery...).
    Up to RANK_ALL matches are ranked as ranking.py says, equal scores in `order` (a service id ->
    its place in the reader's name order; without it, the index's own name order).
    """
    words = [[w[:MAX_WORD]] for w in dict.fromkeys(search_words(query, MAX_TOKENS))]
    if not words:
        return Results([], 0)
    with _planner_settings(session):
        return _search(session, words, limit, offset, order)


def _search(session: Session, words: Query, limit: int, offset: int, order: Order | None) -> Results:
    found = _run(session, words, " ", limit, offset, order)
    if found.total:
        return found
    corrected, shown = spelling.correct(session, words)
    if corrected != words:
        found = _run(session, corrected, " ", limit, offset, order)
        if found.total:
            return Results(found.service_ids, found.total, shown)
    if len(words) > 1:
        found = _run(session, corrected, " OR ", limit, offset, order)
        if found.total:
            return Results(found.service_ids, found.total, shown if corrected != words else None)
    return Results([], 0)
