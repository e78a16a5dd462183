"""The page cache: one render per page, data version and minute, even when many threads ask at once."""
from __future__ import annotations

import threading
import time

import pytest

from pwa_app.db import data_version
from pwa_app.views import directory
from pwa_app.web import page_cache
from pwa_app.db.extensions import db


@pytest.fixture
def renders(monkeypatch):
    """Count the directory's template renders; a test may hold a render up until something has happened."""
    count = {"n": 0, "fail": False, "hold": None}
    real = directory.render_template

    def counting(*args, **kwargs):
        count["n"] += 1
        if count["hold"]:
            count["hold"]()
        if count["fail"]:
            count["fail"] = False
            raise RuntimeError("render failed")
        return real(*args, **kwargs)

    monkeypatch.setattr(directory, "render_template", counting)
    return count


def test_a_page_is_rendered_once_then_served_from_the_cache(client, renders):
    first = client.get("/en/")
    second = client.get("/en/")
    assert first.status_code == second.status_code == 200 and first.data == second.data
    assert renders["n"] == 1
    assert client.get("/fr/").status_code == 200 and renders["n"] == 2  # another URL, another page


def test_a_cached_page_is_gzipped_once_and_sent_as_each_client_asks(client, renders, monkeypatch):
    import gzip

    from pwa_app.web import compress

    plain = client.get("/en/").data
    zipped = [client.get("/en/", headers={"Accept-Encoding": "gzip"}) for _ in range(3)]
    calls = []
    monkeypatch.setattr(compress, "gzipped", lambda data: calls.append(data))  # no compressing from here on
    zipped.append(client.get("/en/", headers={"Accept-Encoding": "gzip, br"}))
    assert renders["n"] == 1 and calls == []
    for r in zipped:
        assert r.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in r.headers["Vary"]
        assert gzip.decompress(r.data) == plain
    assert client.get("/en/").data == plain and "Content-Encoding" not in client.get("/en/").headers


def test_threads_that_miss_together_wait_for_one_render(app, renders, monkeypatch):
    bodies, start = [], threading.Barrier(8)
    # The render goes on only once all eight threads have missed the cache and asked for the page's
    # renderer lock: the seven others are then waiting for this render, not arriving after it.
    cache, asked = app.extensions["page_cache"], threading.Condition()
    calls = {"n": 0}
    real_renderer = cache.renderer

    def renderer(key):
        with asked:
            calls["n"] += 1
            asked.notify_all()
        return real_renderer(key)

    monkeypatch.setattr(cache, "renderer", renderer)

    def hold():
        with asked:
            asked.wait_for(lambda: calls["n"] >= 8, timeout=page_cache.RENDER_WAIT_S / 2)

    renders["hold"] = hold

    def fetch():
        with app.test_client() as own:
            start.wait()
            bodies.append(own.get("/en/categories/food").data)

    threads = [threading.Thread(target=fetch) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(bodies) == 8 and len(set(bodies)) == 1
    assert calls["n"] == 8, calls  # every thread missed: none was answered from a cache already filled
    assert renders["n"] == 1
    assert not app.extensions["page_cache"].rendering  # no lock left behind


def test_a_change_to_the_data_renders_the_page_again(app, client, renders):
    client.get("/en/")
    with app.app_context():
        data_version.touch(db.session)
        db.session.commit()
    client.get("/en/")
    assert renders["n"] == 2


def test_a_failed_render_does_not_hold_up_the_next_request(app, renders):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    client = app.test_client()
    renders["fail"] = True
    assert client.get("/en/").status_code == 500
    started = time.perf_counter()
    assert client.get("/en/").status_code == 200
    assert time.perf_counter() - started < page_cache.RENDER_WAIT_S / 2
    assert not app.extensions["page_cache"].rendering


def test_at_the_turn_of_the_minute_one_thread_renders_while_the_others_answer(app, monkeypatch):
    minute = {"now": 1000}
    monkeypatch.setattr(page_cache, "_minute", lambda: minute["now"])
    real, renders, others_done = directory.render_template, [], threading.Event()

    def held_up(*args, **kwargs):
        renders.append(minute["now"])
        if len(renders) > 1:  # the new minute's render finishes only once the other threads have answered
            assert others_done.wait(5), "the other threads waited for the render"
        return real(*args, **kwargs)

    monkeypatch.setattr(directory, "render_template", held_up)
    with app.test_client() as first:
        previous = first.get("/en/categories/food").data
    minute["now"] += 1
    answers, start = [], threading.Barrier(6)

    def fetch():
        with app.test_client() as own:
            start.wait()
            answers.append(own.get("/en/categories/food"))
            if len(answers) == 5:
                others_done.set()

    threads = [threading.Thread(target=fetch) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert renders == [1000, 1001] and [a.status_code for a in answers] == [200] * 6
    assert sum(a.data == previous for a in answers) >= 5
    assert not app.extensions["page_cache"].rendering
    # The new minute's page is kept: the next request is answered without a render.
    with app.test_client() as later:
        later.get("/en/categories/food")
    assert renders == [1000, 1001]


def test_a_warmed_worker_has_built_what_pages_share(app):
    from pwa_app.web import warmup

    shared = app.extensions.setdefault("per_version", {})
    shared.clear()
    assert warmup.warm(app)
    assert len(shared) == 1  # the current data version's
    assert set(*shared.values()) >= {"tree", "places", "languages", "name-ranks:en", "term-names:en"}


def test_distinct_huge_queries_keep_the_cache_under_its_byte_bound(databases):
    from .conftest import make_app

    bound = 400_000
    app = make_app(databases.demo(), PAGE_CACHE_BYTES=bound)
    client, cache = app.test_client(), app.extensions["page_cache"]
    for n in range(40):  # reproduction: client.get("/en/search?q=" + "a" * 60_000), many times over
        assert client.get(f"/en/search?q={n:03d}{'a' * 60_000}").status_code == 200
        assert cache.bytes <= bound
    assert 1 < len(cache.entries) < 40  # pages were kept, and the oldest given up for the newest
    assert cache.bytes == sum(cache.cost(k, v) for k, v in cache.entries.items())


def test_a_huge_query_renders_a_small_page_and_shares_its_entry(client, renders):
    page = client.get("/en/search?q=" + "a" * 60_000)  # reproduction: was a 1.2 MB page, `q` echoed 25 times
    assert page.status_code == 200 and len(page.data) < 60_000
    assert b"a" * 200 in page.data and b"a" * 201 not in page.data
    longer = client.get("/en/search?q=" + "a" * 70_000)  # the same 200 characters: the same page
    assert longer.data == page.data and renders["n"] == 1


def test_a_language_pickers_next_is_only_a_page_of_ours(client):
    html = client.get("/en/language?next=/fr/" + "x" * 60_000).get_data(as_text=True)
    assert "xxxx" not in html and len(html) < 60_000
    assert "next=/fr/categories/food" in client.get("/en/language?next=/fr/categories/food").get_data(as_text=True)
