"""Offline parity of search and category pages (issue 6): the filter form, "Near me", the place picker, no results."""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import PHONE, serve
from .test_offline import WAIT_MS, install, open_offline

pytestmark = pytest.mark.browser

# What a person sees and sends around the results: the form field by field, the chips, the buttons.
FILTER_UI = """() => {
    const m = document.querySelector('main');
    const clean = (t) => t.replace(/\\s+/g, ' ').trim();
    const link = (href) => { const u = new URL(href, location.href); return [u.pathname, [...u.searchParams]]; };
    const form = m.querySelector('form.filters');
    const button = m.querySelector('button.near-me');
    return {
        h1: clean(m.querySelector('h1').textContent),
        count: [...m.querySelectorAll('h2.count-line')].map((e) => clean(e.textContent)),
        note: [...m.querySelectorAll('p.note')].map((e) => clean(e.textContent)),
        chips: [...m.querySelectorAll('.active-filters a')].map((a) => [clean(a.textContent), link(a.getAttribute('href'))]),
        summary: [...m.querySelectorAll('details.filters')].map((d) => [clean(d.querySelector('summary').textContent), d.open]),
        action: form && link(form.getAttribute('action')),
        method: form && form.method,
        fields: form && [...form.elements].map((e) => [e.tagName, e.name, e.type, e.getAttribute('aria-label'),
            e.tagName === 'SELECT'
                ? [...e.options].map((o) => [o.value, clean(o.textContent), o.selected, o.dataset.geo || '',
                                             o.parentElement.tagName === 'OPTGROUP' ? o.parentElement.label : ''])
                : [e.value, e.checked, clean(e.textContent)]]),
        labels: form && [...form.querySelectorAll('label, legend')].map((e) => clean(e.firstChild.textContent || e.textContent)),
        clear: [...m.querySelectorAll('form.filters a.btn')].map((a) => [clean(a.textContent), link(a.getAttribute('href'))]),
        nearMe: button && [clean(button.textContent), button.dataset.locating, button.dataset.failed, button.dataset.sorted,
                           button.dataset.away],
        status: [...m.querySelectorAll('p.near-status[role=status]')].length,
        pager: [...m.querySelectorAll('nav.pager')].map((n) => [n.getAttribute('aria-label'), clean(n.textContent),
            [...n.querySelectorAll('a')].map((a) => [a.rel, link(a.getAttribute('href'))])]),
        empty: [...m.querySelectorAll('.empty')].map((e) => [clean(e.textContent),
            [...e.querySelectorAll('a')].map((a) => link(a.getAttribute('href')))]),
    };
}"""

CARDS = """() => [...document.querySelectorAll('main .results .card')].map((c) => [
    c.querySelector('h2 a').getAttribute('href'),
    (c.querySelector('p.distance') || {textContent: ''}).textContent.trim(),
])"""


@pytest.fixture(scope="module")
def server(databases):
    live = serve(databases)
    yield live
    live.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE, geolocation={"latitude": 45.42, "longitude": -75.69}, permissions=["geolocation"])
    yield context
    context.close()


@pytest.fixture
def reference(browser):
    """The server's own pages, with their scripts but no service worker to answer instead."""
    context = browser.new_context(**PHONE, service_workers="block")
    yield context.new_page()
    context.close()


def places(server, lang="en") -> list[dict]:
    response = server.app.test_client().get(f"/{lang}/offline/search-data.json", headers={"Accept-Encoding": "identity"})
    return json.loads(response.data)["places"]


def offline_phone(phone, server, lang: str):
    """A phone that saved the directory and the search data, now with no network."""
    page = phone.new_page()
    install(page, server.url, f"/{lang}/")
    page.goto(f"{server.url}/{lang}/search?q=food")
    page.wait_for_function("() => document.documentElement.dataset.searchData === 'kept'", timeout=WAIT_MS)
    phone.set_offline(True)
    return page


def seen(page, url: str) -> dict:
    page.goto(url)
    page.wait_for_load_state()
    return page.evaluate(FILTER_UI)


@pytest.mark.parametrize("lang", ["en", "fr", "fa"])  # fa: Persian digits in counts and chips, online and offline
def test_offline_pages_show_the_servers_filter_form(phone, reference, server, lang):
    town, postal = (next(p["i"] for p in places(server, lang) if p["k"] == kind) for kind in ("city", "postal"))
    page = offline_phone(phone, server, lang)
    urls = [
        f"/{lang}/search?q=food",
        f"/{lang}/search",
        f"/{lang}/search?age=senior&free=1&speaks=fr&day=sat&time=morning&category=food&sort=name",
        f"/{lang}/categories/food?open=now&access=wheelchair&near={town}&within=25&sort=distance",
        f"/{lang}/categories/health?near={postal}&age=nobody",
        f"/{lang}/search?q=food&category=legal",
        f"/{lang}/categories/legal?near={town}&within=1&age=child&access=wheelchair",
        f"/{lang}/categories/health?page=2",  # long lists come a page at a time, as on the server
        f"/{lang}/search?speaks=fr&page=3",
        f"/{lang}/search?free=1",
        f"/{lang}/search?q=zzqxw",
    ]
    empty = 0
    for url in urls:
        expected = seen(reference, server.url + url)
        assert open_offline(page, server.url + url) == "local", url
        got = page.evaluate(FILTER_UI)
        if "q=" in url:  # the phone's search engine is not the server's: the form must match, the count need not
            expected.pop("h1"), got.pop("h1"), expected.pop("pager"), got.pop("pager")
        assert {k: (v, expected[k]) for k, v in got.items() if v != expected[k]} == {}, url
        assert got["fields"] and got["nearMe"], url
        empty += bool(got["empty"])
    assert empty >= 2
    # The last page finds nothing: simpler words, "Call 211" and categories to browse, as on the server.
    (text, links), = expected["empty"]
    assert "211" in text and any(path.startswith(f"/{lang}/categories/") for path, _ in links)


@pytest.mark.engine
def test_offline_lists_come_a_page_at_a_time_with_the_servers_services(phone, reference, server):
    page = offline_phone(phone, server, "en")
    for url in ("/en/categories/health", "/en/categories/health?page=2", "/en/search?free=1&page=6"):
        assert open_offline(page, server.url + url) == "local", url
        reference.goto(server.url + url)
        assert page.evaluate(CARDS) == reference.evaluate(CARDS), url
    assert page.locator(".results .card").count() == len(page.evaluate(CARDS)) <= 25
    # The pager's links are drawn offline too.
    assert open_offline(page, server.url + "/en/categories/health") == "local"
    page.locator("nav.pager a[rel=next]").click()
    page.wait_for_url(re.compile(r"/en/categories/health\?page=2$"))
    page.wait_for_selector("html[data-rendered='local']", timeout=WAIT_MS)
    assert "Page 2 of 2" in page.locator("nav.pager").inner_text()


def test_offline_filters_submit_to_the_same_url_and_measure_distances(phone, reference, server):
    town = places(server)[0]
    page = offline_phone(phone, server, "en")
    assert open_offline(page, f"{server.url}/en/categories/food") == "local"
    page.locator("details.filters summary").click()
    page.select_option("form.filters select[name=near]", town["i"])
    page.select_option("form.filters select[name=sort]", "distance")
    page.locator("form.filters input[name=free]").check()
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"/en/categories/food\?"))
    page.wait_for_selector("html[data-rendered='local']", timeout=WAIT_MS)
    sent = dict(parse_qsl(urlsplit(page.url).query))
    assert sent == {"near": town["i"], "sort": "distance", "free": "1"}
    got = page.evaluate(CARDS)
    reference.goto(page.url)
    expected = reference.evaluate(CARDS)
    assert got[:len(expected)] == expected and all(km for _, km in expected)
    # Removing a filter is a link to the same page without it, drawn offline too.
    page.locator(".active-filters a", has_text="Free of charge").click()
    page.wait_for_url(re.compile(r"/en/categories/food\?near="))
    page.wait_for_selector("html[data-rendered='local']", timeout=WAIT_MS)
    assert "free" not in page.url and page.locator(".results .card p.distance").count() > 1


def test_near_me_sorts_offline_results_by_distance(phone, server):
    page = offline_phone(phone, server, "en")
    assert open_offline(page, f"{server.url}/en/categories/food") == "local"
    button = page.locator("button.near-me")
    assert button.is_visible()
    button.click()
    page.wait_for_function("() => document.documentElement.dataset.nearMe === 'sorted'", timeout=WAIT_MS)
    texts = page.locator(".results .card p.distance").all_inner_texts()
    assert len(texts) >= 5 and all(t.endswith(" away") for t in texts)
    km = [float(re.sub(r"[^\d.]", "", t)) / (1000 if re.search(r"\d\s*m\b", t) else 1) for t in texts]
    assert km == sorted(km)
    assert "Sorted by distance" in page.locator("p.near-status").inner_text()


def test_axe_finds_no_violations_on_the_offline_search_page_with_its_form(phone, server):
    page = offline_phone(phone, server, "en")
    town = places(server)[0]["i"]
    assert open_offline(page, f"{server.url}/en/search?q=food&free=1&near={town}") == "local"
    page.locator("button.near-me").wait_for(state="visible")
    results = Axe().run(page)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == []
