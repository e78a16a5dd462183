"""The records a server keeps between requests (pwa_app/web/record_cache.py): read once for every page
and language that shows them, read again once the data changes, never kept older than their version."""
from __future__ import annotations

import re

import pytest

from pwa_app.db import data_version
from pwa_app.db.extensions import db
from pwa_app.db.models import Service
from pwa_app.web import shared
from pwa_app.web.record_cache import RecordCache


@pytest.fixture
def loads(monkeypatch):
    """The service ids each page reads from the database."""
    seen = []
    real = shared.neutral_records

    def counting(session, settings, only=None):
        seen.append(sorted(only))
        return real(session, settings, only=only)

    monkeypatch.setattr(shared, "neutral_records", counting)
    return seen


def first_card(html: str) -> str:
    return re.search(r'href="/\w+/services/([^"#?]+)"', html.split("<main", 1)[1]).group(1)


def test_pages_in_every_language_share_the_records_until_the_data_changes(app, client, loads):
    page = client.get("/en/categories/food?sort=name").get_data(as_text=True)
    assert len(loads) == 1 and len(loads[0]) > 1
    sid = first_card(page)
    for path in ("/fr/categories/food?sort=name", "/ar/categories/food?sort=name", f"/so/services/{sid}", f"/en/services/{sid}"):
        assert client.get(path).status_code == 200
    assert len(loads) == 1, loads  # the same services, read once

    with app.app_context():  # a curator renames the service: a new data version in the same transaction
        db.session.get(Service, sid).name = "Renamed pantry (test)"
        data_version.touch(db.session)
        db.session.commit()
    assert "Renamed pantry (test)" in client.get(f"/en/services/{sid}").get_data(as_text=True)
    assert loads[1:] == [[sid]]


def test_a_record_read_before_a_change_is_not_kept_under_the_new_version():
    """The version a request was answered from is read outside its transaction: a transaction that began
    before the change reads the older record, which may go out once but is never kept."""
    cache, reads = RecordCache(), []

    def load(ids):
        reads.append(ids)
        return {sid: {"n": "old"} for sid in ids}

    assert cache.get(("v2", "settings"), ["a"], load, still=lambda: False) == {"a": {"n": "old"}}
    cache.get(("v2", "settings"), ["a"], load, still=lambda: True)
    cache.get(("v2", "settings"), ["a"], load, still=lambda: True)
    assert reads == [["a"], ["a"]]  # not kept the first time; kept the second
    cache.get(("v3", "settings"), ["a"], load, still=lambda: True)
    assert reads[-1] == ["a"]  # a new version reads again


def test_the_kept_records_are_bounded_and_the_least_recently_used_go_first():
    cache = RecordCache(limit=3)
    load = lambda ids: {sid: {"i": sid} for sid in ids if sid != "missing"}  # noqa: E731
    key = ("v", "settings")
    cache.get(key, ["a", "b", "c"], load, still=lambda: True)
    cache.get(key, ["a"], load, still=lambda: True)  # a used again
    found = cache.get(key, ["d", "missing"], load, still=lambda: True)
    assert found == {"d": {"i": "d"}}  # a service that does not exist is simply not there
    assert list(cache.records) == ["c", "a", "d"]  # b, least recently used, went


def test_a_page_reads_its_cards_with_no_record_kept_when_the_version_moved(client, loads, monkeypatch):
    """A change committed between the request's read of the version and its records (here: the version
    the requests were answered from is not the database's): the pages are drawn from what was read,
    and nothing is kept, so each request reads again."""
    from pwa_app.web import conditional

    monkeypatch.setattr(conditional, "request_version", lambda strict=False: "an-older-version")
    for lang in ("en", "fr"):
        assert client.get(f"/{lang}/categories/food?sort=name").status_code == 200
    assert len(loads) == 2


def test_the_search_data_reads_what_every_language_shares_once_per_data_version(app, client, monkeypatch):
    """Its categories' words, translated services' words, places and services' facts are the same in every
    language: read once for all 20, again after a change."""
    from pwa_app.views import search_data

    built = []
    real = search_data.every_language
    monkeypatch.setattr(search_data, "every_language", lambda session: built.append(1) or real(session))
    documents = {}
    for lang in ("en", "fr", "ar", "so"):
        answer = client.get(f"/{lang}/offline/search-data.json", headers={"Accept-Encoding": "identity"})
        documents[lang] = answer.get_json()
    assert len(built) == 1
    assert documents["en"]["terms"] == documents["ar"]["terms"] and documents["en"]["extra"] != documents["fr"]["extra"]
    with app.app_context():
        data_version.touch(db.session)
        db.session.commit()
    assert client.get("/fr/offline/search-data.json").status_code == 200 and len(built) == 2
