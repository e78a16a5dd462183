"""The server search at scale: past RANK_ALL matches it pages through tiers; `flask reindex-search`."""
from __future__ import annotations

from sqlalchemy import delete, func, select, update

from pwa_app.db import data_version
from pwa_app.search import fulltext, spelling
from pwa_app.db.extensions import db
from pwa_app.db.models import SearchDocument, Service
from pwa_app.core.textnorm import normalize

from .helpers import reindex


def all_pages(query: str, size: int) -> list[str]:
    ids, offset = [], 0
    while True:
        page = fulltext.search(db.session, query, limit=size, offset=offset).service_ids
        ids += page
        if len(page) < size:
            return ids
        offset += size


def test_large_result_sets_list_name_matches_first_then_the_rest_in_name_order(app, monkeypatch):
    with app.app_context():
        exact = fulltext.search(db.session, "food", limit=1000)
        monkeypatch.setattr(fulltext, "RANK_ALL", 3)  # the demo region is small: make "food" a large result set
        tiered = fulltext.search(db.session, "food", limit=1000)
        assert exact.total == tiered.total == len(tiered.service_ids) > 3
        assert sorted(tiered.service_ids) == sorted(exact.service_ids)
        names = dict(db.session.execute(select(Service.id, Service.name)).all())
        in_name = ["food" in normalize(names[i]).split() for i in tiered.service_ids]
        assert 0 < in_name.count(True) < len(in_name)
        assert in_name == sorted(in_name, reverse=True)  # every name match before every other match
        rest = [normalize(names[i]) for i, named in zip(tiered.service_ids, in_name, strict=True) if not named]
        assert rest == sorted(rest)
        assert all_pages("food", 4) == tiered.service_ids  # pages cut the same order, across the tier boundary
        for offset in range(len(tiered.service_ids) + 1):  # any page, whichever tier it starts in
            page = fulltext.search(db.session, "food", limit=3, offset=offset)
            assert (page.service_ids, page.total) == (tiered.service_ids[offset:offset + 3], tiered.total)


def test_the_rest_tier_is_the_same_whether_the_index_is_walked_or_the_matches_sorted(app, monkeypatch):
    with app.app_context():
        monkeypatch.setattr(fulltext, "RANK_ALL", 3)
        monkeypatch.setattr(fulltext, "WALK_COST", 0)  # always walk the index in name order
        walked = all_pages("food", 5)
        monkeypatch.setattr(fulltext, "WALK_COST", 10**9)  # always gather the matches and sort them (PostgreSQL)
        assert all_pages("food", 5) == walked and len(walked) > 10


def test_postgresql_planner_settings_last_for_the_search_only(app):
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            return  # SQLite has no planner settings to change
        setting = lambda: db.session.scalar(db.text("SELECT current_setting('enable_seqscan')"))  # noqa: E731
        assert setting() == "on"
        assert fulltext.search(db.session, "food").total
        assert setting() == "on"


def test_tsvector_input_escapes_quotes_and_backslashes_and_caps_positions():
    assert fulltext.tsvector_literal("a'b c\\d", "x", "") == "'a''b':1A 'c\\\\d':2A 'x':3B"
    assert fulltext.tsvector_literal("", "", "") == ""
    long = fulltext.tsvector_literal("w " * fulltext.MAX_POSITION, "x  y", "z").split()
    assert long[-4:] == [f"'w':{fulltext.MAX_POSITION}A", f"'x':{fulltext.MAX_POSITION}B", f"'y':{fulltext.MAX_POSITION}B",
                         f"'z':{fulltext.MAX_POSITION}C"]


def test_the_index_holds_listed_services_only_in_name_order(app):
    with app.app_context():
        service = db.session.scalars(select(Service).where(Service.name == "Diaper Bank")).one()
        before = fulltext.search(db.session, "diapers")
        assert service.id in before.service_ids
        service.status = "inactive"
        reindex(app)
        after = fulltext.search(db.session, "diapers")
        assert service.id not in after.service_ids and after.total == before.total - 1
        assert db.session.scalar(select(func.count()).where(SearchDocument.service_id == service.id)) == 0
        names = list(db.session.scalars(select(SearchDocument.name).order_by(SearchDocument.rowid)))
        assert names == sorted(names) and len(names) > 100


def test_reindex_search_rebuilds_a_stale_index_in_one_go(app, runner):
    with app.app_context():
        db.session.execute(update(SearchDocument).values(name="", categories="", body=""))  # an index from an old format
        db.session.commit()
        if db.engine.dialect.name == "sqlite":
            db.session.execute(db.text("INSERT INTO search_fts(search_fts) VALUES('rebuild')"))
        else:
            db.session.execute(db.text("UPDATE search_document SET tsv = ''::tsvector"))
        db.session.commit()
        assert fulltext.search(db.session, "shelter").total == 0
        listed = db.session.scalar(select(func.count()).where(Service.status.in_(fulltext.SEARCHABLE_STATUSES)))
        version = data_version.current(db.session)
        db.session.remove()
    result = runner.invoke(args=["reindex-search"])
    assert result.exit_code == 0, result.output
    assert f"Search index rebuilt: {listed} services." in result.output
    with app.app_context():
        assert data_version.current(db.session) != version
        assert "Overnight Emergency Shelter" in [
            db.session.get(Service, i).name for i in fulltext.search(db.session, "shelter", limit=5).service_ids]


def test_reindex_search_leaves_the_index_alone_when_it_fails(app, runner, monkeypatch):
    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(SearchDocument))
        db.session.remove()

    def broken(session, records):
        session.execute(delete(SearchDocument))
        raise RuntimeError("disk full")

    monkeypatch.setattr(fulltext, "build_documents", broken)
    result = runner.invoke(args=["reindex-search"])
    assert result.exit_code != 0
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SearchDocument)) == before > 0


def test_a_saved_document_takes_its_place_in_name_order_and_a_full_gap_renumbers(app, monkeypatch):
    """update_documents (a curator's save): the documents it changed are found again, in name order, every time."""
    def stored():
        return db.session.execute(select(SearchDocument.rowid, SearchDocument.service_id, SearchDocument.name)
                                  .order_by(SearchDocument.rowid)).all()

    def check_order():
        rows = stored()
        assert [(r.name, r.service_id) for r in rows] == sorted((r.name, r.service_id) for r in rows)
        if db.engine.dialect.name == "sqlite":
            db.session.execute(db.text("INSERT INTO search_fts(search_fts, rank) VALUES('integrity-check', 1)"))
        return rows

    def tag(n: int) -> str:
        return f"zqx{n}edit"  # a digit in it: never read as a typo of another

    def document(service_id: str) -> dict:
        return db.session.execute(select(SearchDocument.service_id, SearchDocument.name, SearchDocument.categories,
                                         SearchDocument.body).where(SearchDocument.service_id == service_id)).one()._asdict()

    with app.app_context():
        rows = check_order()
        first, second = rows[0], rows[1]
        built = spelling.vocabulary(db.session)
        renumbered = []
        monkeypatch.setattr(fulltext, "index_documents", lambda s, docs, real=fulltext.index_documents: (
            renumbered.append(len(docs)), real(s, docs))[1])
        # Documents renamed one after another to fall just after the first, each after the one before:
        # each takes half of the gap left, until none is left and the index is renumbered, once.
        for n, moved in enumerate(rows[len(rows) // 2:len(rows) // 2 + 12]):
            doc = document(moved.service_id)
            name = f"{first.name} {'m' * (n + 1)}"
            assert name < second.name
            assert fulltext.update_documents(db.session, [{**doc, "name": name, "body": f"{doc['body']} {tag(n)}"}],
                                             {moved.service_id}) == 1
            order = [r.service_id for r in check_order()]
            assert order.index(moved.service_id) == n + 1
            assert fulltext.search(db.session, tag(n)).service_ids == [moved.service_id]
            spelling.vocabulary(db.session)  # follows (or, after the renumbering, is read afresh)
        assert renumbered == [len(rows)], "one renumbering, when the gap was used up"
        # Edited again: its old words leave the index. Unchanged: nothing written. No longer listed: out.
        doc = document(moved.service_id)
        assert fulltext.update_documents(db.session, [{**doc, "body": doc["body"].replace(tag(11), f"{tag(12)} quixotically")}],
                                         {moved.service_id}) == 1
        assert fulltext.search(db.session, tag(11)).total == 0 and fulltext.search(db.session, tag(12)).total == 1
        assert fulltext.search(db.session, "quixoticaly").corrected == "quixotically"  # a typo of the new word
        assert fulltext.update_documents(db.session, [document(moved.service_id)], {moved.service_id}) == 0
        assert fulltext.update_documents(db.session, [], {moved.service_id}) == 1
        assert moved.service_id not in [r.service_id for r in check_order()]
        assert fulltext.search(db.session, tag(12)).total == 0
        assert fulltext.search(db.session, "quixoticaly").corrected is None  # the word left with its document
        # The typo vocabulary followed every change by the words it changed, as if read afresh.
        followed, fresh = spelling.vocabulary(db.session), spelling.build(db.session)
        assert followed is not built, "the renumbering had it read afresh"
        table = lambda v: {key: sorted(words) for key, words in v.deletions.items()}  # noqa: E731 - order is not meaning
        assert (followed.words, +followed.counts, table(followed)) == (fresh.words, +fresh.counts, table(fresh))
        db.session.rollback()
