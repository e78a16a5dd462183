"""Pages and API answers carry an ETag from the data version and the bytes, and answer If-None-Match
with 304; pages may be kept by the phone, never by a shared cache (issue 17, item 3)."""
from __future__ import annotations

import gzip

from .helpers import edit_cell

SERVICE = "ecfd466b-5aaf-5671-8cb3-61e2f0860edf"  # Emergency Food Hampers, row 0 of services.csv
PAGES = ("/en/", "/fr/", "/en/categories/food", f"/en/services/{SERVICE}", "/en/about", "/en/saved",
         "/en/language", "/en/r/AAAA")
API = ("/api/", "/api/services?per_page=2", "/api/services?per_page=3", f"/api/services/{SERVICE}",
       "/api/taxonomies")


def revalidate(client, path: str, **headers):
    first = client.get(path, headers=headers)
    assert first.status_code == 200 and first.headers.get("ETag"), path
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"], **headers})
    return first, again


def test_pages_and_api_answers_revalidate_with_a_304(client):
    tags = {}
    for path in PAGES + API:
        first, again = revalidate(client, path)
        assert again.status_code == 304 and again.data == b"", path
        assert again.headers["ETag"] == first.headers["ETag"]
        assert again.headers["Cache-Control"] == first.headers["Cache-Control"]
        tags[path] = first.headers["ETag"]
        # Another tag, or a list without this one, gets the page.
        other = client.get(path, headers={"If-None-Match": '"something-else", W/"stale"'})
        assert other.status_code == 200 and other.data == first.data, path
    # Whatever changes the bytes changes the tag: the language, the page, the query.
    assert len(set(tags.values())) == len(tags)


def test_pages_are_private_and_the_api_public(client):
    for path in PAGES:
        assert client.get(path).headers["Cache-Control"] == "private, no-cache", path
    for path in API:
        assert client.get(path).headers["Cache-Control"] == "no-cache", path
    # Not kept at all, and so no tag: search pages and clearing data say no-store themselves.
    for path in ("/en/search?q=food", "/en/clear"):
        response = client.get(path)
        assert response.headers["Cache-Control"] == "no-store" and "ETag" not in response.headers, path


def test_the_tag_names_the_encoding_sent(client):
    plain, plain_again = revalidate(client, "/en/about")
    zipped, zipped_again = revalidate(client, "/en/about", **{"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip" and gzip.decompress(zipped.data) == plain.data
    assert plain.headers["ETag"] != zipped.headers["ETag"]
    assert plain_again.status_code == zipped_again.status_code == 304
    assert "Accept-Encoding" in plain.headers["Vary"] and "Accept-Encoding" in zipped.headers["Vary"]
    # The page cache's second answer (from the cache, gzipped once) carries the same tag.
    assert client.get("/en/about", headers={"Accept-Encoding": "gzip"}).headers["ETag"] == zipped.headers["ETag"]


def test_a_form_with_a_fresh_key_is_never_answered_304(client):
    """The report form carries a new idempotency key each time: its bytes, and so its tag, differ."""
    first, again = revalidate(client, f"/en/services/{SERVICE}/report")
    assert again.status_code == 200 and again.headers["ETag"] != first.headers["ETag"]


def test_an_import_gives_every_page_a_new_tag(app, client, runner, copy_package):
    before = {path: client.get(path).headers["ETag"] for path in (f"/en/services/{SERVICE}", "/en/about", "/api/services?per_page=2")}
    package = copy_package()
    edit_cell(package, "services.csv", 0, "name", "Emergency Food Boxes")
    result = runner.invoke(args=["import-hsds", str(package), "--merge"])
    assert result.exit_code == 0, result.output
    for path, tag in before.items():
        response = client.get(path, headers={"If-None-Match": tag})
        assert response.status_code == 200 and response.headers["ETag"] != tag, path
        assert client.get(path, headers={"If-None-Match": response.headers["ETag"]}).status_code == 304
    assert "Emergency Food Boxes" in client.get(f"/en/services/{SERVICE}").get_data(as_text=True)


def test_offline_answers_keep_their_own_validators(client):
    """The snapshot and sw.js tag themselves (offline.py); the hook leaves them as they are."""
    sw = client.get("/sw.js")
    assert sw.headers["Cache-Control"] == "no-cache"
    assert client.get("/sw.js", headers={"If-None-Match": sw.headers["ETag"]}).status_code == 304
    snapshot = client.get("/en/offline/snapshot.json")
    assert client.get("/en/offline/snapshot.json", headers={"If-None-Match": snapshot.headers["ETag"]}).status_code == 304


def test_a_page_reads_the_data_version_once_and_a_cached_page_is_not_hashed_again(app, client, monkeypatch):
    """The page cache's key and the tag share one read of the version, and a page from the cache
    sends the tag kept with it (bench/load.py: two reads and a hash per hit halved the pages' rate)."""
    from sqlalchemy import event

    from pwa_app.db.extensions import db
    from pwa_app.web import conditional

    reads = []
    with app.app_context():
        engine = db.engine

    def count(conn, cursor, statement, *args):
        if "data_version" in statement:
            reads.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        for encoding in ("identity", "gzip"):
            for _ in range(3):  # rendered, then twice from the cache
                reads.clear()
                page = client.get("/en/categories/food", headers={"Accept-Encoding": encoding})
                assert page.status_code == 200 and len(reads) == 1, reads
                # The kept tag is the one the bytes sent would get.
                with app.test_request_context():
                    expected = conditional.body_tag(page.data)
                assert page.headers["ETag"] == f'"{expected}"'
        hashed = []
        real = conditional.body_tag
        monkeypatch.setattr(conditional, "body_tag", lambda body: hashed.append(1) or real(body))
        assert client.get("/en/categories/food").status_code == 200 and hashed == []
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_what_pages_share_per_version_is_looked_up_with_one_read_of_the_version(app, client, monkeypatch):
    """A category page asks for the tree, the places, the languages, the name order and the category
    names, each built once per data version: the version is read once for them all, not once each."""
    from pwa_app.db import data_version
    from pwa_app.web import pages

    reads = []
    real = data_version.current
    monkeypatch.setattr(pages.data_version, "current", lambda session: reads.append(1) or real(session))
    # The first page also reads the services' records, kept for every language with a read of its own after them (shared.records).
    assert client.get("/en/categories/food").status_code == 200
    for lang in ("fr", "ar", "so"):  # each builds its own name order and category names
        reads.clear()
        assert client.get(f"/{lang}/categories/food").status_code == 200
        assert len(reads) == 1, lang
