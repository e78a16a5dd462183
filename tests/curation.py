"""A curator at the test client: accounts made as the CLI makes them, forms posted with their CSRF token."""
from __future__ import annotations

import html
import re

import pytest

from pwa_app.curate import accounts
from pwa_app.db import data_version
from pwa_app.db.extensions import db
from pwa_app.snapshot import versions

PASSWORD = "a long enough passphrase"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_account(app, email: str, role: str = "curator", password: str = PASSWORD) -> None:
    with app.app_context():
        accounts.add(db.session, email, password, role)
        db.session.commit()


def token(page_html: str) -> str:
    found = CSRF.search(page_html)
    assert found, "the page has no CSRF token"
    return found.group(1)


def log_in(client, email: str, password: str = PASSWORD):
    page = client.get("/curate/login")
    return client.post("/curate/login", data={"email": email, "password": password, "csrf_token": token(page.text)})


def curator(app, email: str = "curator@example.org", role: str = "curator"):
    """A client logged in as a new account with `role`."""
    make_account(app, email, role)
    client = app.test_client()
    assert log_in(client, email).status_code == 302
    return client


def action_of(page_html: str, containing: str) -> str:
    """The address of the first form whose action contains `containing`."""
    for target in re.findall(r'<form method="post"[^>]*action="([^"]*)"', page_html):
        if containing in html.unescape(target):
            return html.unescape(target)
    raise AssertionError(f"no form posting to …{containing}…")


def form_of(page_html: str, action: str | None = None) -> dict[str, str]:
    """The fields of the form posting to `action` (the first form with fields, else), as a browser would send them."""
    forms = re.findall(r'<form method="post"([^>]*)>(.*?)</form>', page_html, re.S)
    for attributes, body in forms:
        target = re.search(r'action="([^"]*)"', attributes)
        if action is not None and html.unescape(target.group(1) if target else "") != action:
            continue
        values: dict[str, str] = {}
        for tag in re.finditer(r"<input ([^>]*)>", body):
            attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag.group(1)))
            if "name" not in attrs or attrs.get("type") in ("radio", "checkbox") and "checked" not in tag.group(1):
                continue
            values[attrs["name"]] = html.unescape(attrs.get("value", ""))
        for tag in re.finditer(r'<textarea [^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', body, re.S):
            values[tag.group(1)] = html.unescape(tag.group(2))
        for tag in re.finditer(r'<select [^>]*name="([^"]+)"[^>]*>(.*?)</select>', body, re.S):
            chosen = re.search(r'<option(?: value="([^"]*)")? selected>([^<]*)', tag.group(2))
            values[tag.group(1)] = html.unescape((chosen.group(1) if chosen.group(1) is not None else chosen.group(2))
                                                 if chosen else "")
        if len(values) > 1 or action is not None:
            return values
    raise AssertionError(f"no form posting to {action}")


def changes_seen(app) -> tuple[str, int]:
    """The directory's data version and the phones' record version: a save that changed anything moves both."""
    with app.app_context():
        seen = data_version.current(db.session), versions.current_version(db.session)
        db.session.rollback()
        return seen


@pytest.fixture(name="app")
def settled_app(app):
    """The curation tests' `app` (import it into the module): each test that changed the directory ends
    with it as a full rebuild would make it (a save rebuilds only what it touched: assert_settled). A test
    that changed nothing (both versions of changes_seen as they were) has nothing rebuilt to compare."""
    before = changes_seen(app)
    yield app
    if changes_seen(app) != before:
        assert_settled(app)


def assert_settled(app) -> None:
    """What a save rebuilt (only the services it touched) is what rebuilding everything would give:
    the phones' records, the categories' record, the search documents in name order, the engine's index."""
    import json

    from sqlalchemy import select, text

    from pwa_app.db.models import OfflineRecord, SearchDocument
    from pwa_app.search import fulltext
    from pwa_app.snapshot import records, versions

    with app.app_context():
        session = db.session
        settings = records.Settings.from_app(app, session)
        listed = versions.listed_records(session, settings)
        regions = versions.service_regions(session)
        stored = {r.key: r for r in session.scalars(select(OfflineRecord).where(OfflineRecord.present))}
        expected = {f"service:{sid}": record for sid, record in listed.items()}
        expected[versions.META_KEY] = records.meta_records(session, settings)
        assert set(stored) == set(expected), "the records phones keep are not the listed services"
        for key, record in expected.items():
            assert json.loads(stored[key].body) == json.loads(json.dumps(record)), f"{key} is not as a full rebuild makes it"
            if key != versions.META_KEY:
                assert stored[key].regions == " ".join(sorted(regions.get(key.split(":", 1)[1], {})))
        docs = session.execute(select(SearchDocument.rowid, SearchDocument.service_id, SearchDocument.name,
                                      SearchDocument.categories, SearchDocument.body).order_by(SearchDocument.rowid)).all()
        want = sorted(fulltext.build_documents(session, listed), key=lambda d: (d["name"], d["service_id"]))
        assert [(d.service_id, d.name, d.categories, d.body) for d in docs] == [
            (d["service_id"], d["name"], d["categories"], d["body"]) for d in want], \
            "the search documents are not those of a full rebuild, in name order"
        if session.get_bind().dialect.name == "sqlite":
            session.execute(text("INSERT INTO search_fts(search_fts, rank) VALUES('integrity-check', 1)"))
        else:
            stale = [d.service_id for d in docs if not session.scalar(
                text("SELECT tsv = CAST(:v AS tsvector) FROM search_document WHERE rowid = :r"),
                {"v": fulltext.tsvector_literal(d.name, d.categories, d.body), "r": d.rowid})]
            assert not stale, f"the full-text index is stale for {stale[:3]}"
        session.rollback()
