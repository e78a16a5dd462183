"""Right-to-left and non-Latin pages in a real browser: mirrored layout, no accessibility violations."""
from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def test_arabic_layout_is_mirrored(page, live_server):
    page.goto(live_server + "/en/")
    ltr_brand, ltr_call = box(page, ".brand"), box(page, ".call211")
    assert ltr_brand["x"] < ltr_call["x"]
    page.goto(live_server + "/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    brand, call = box(page, ".brand"), box(page, ".call211")
    assert brand["x"] > call["x"], "the brand sits at the start, which is the right in Arabic"
    # The search button follows the box: on the left in Arabic.
    assert box(page, "form.search button")["x"] < box(page, "form.search input")["x"]
    # Category tiles start at the right edge.
    tiles = page.locator(".categories a").evaluate_all("els => els.slice(0, 2).map(e => e.getBoundingClientRect().x)")
    assert tiles[0] > tiles[1]
    # Phone numbers stay left-to-right inside the right-to-left page.
    page.goto(live_server + "/ar/categories/food")
    page.locator(".results .card h2 a").first.click()
    page.wait_for_url(re.compile(r"/ar/services/"))
    directions = page.locator("a[href^='tel:+'] bdi").evaluate_all("els => els.map(e => getComputedStyle(e).direction)")
    assert directions and set(directions) == {"ltr"}


@pytest.mark.parametrize("path", ["/ar/", "/ar/categories/food", "/ar/search?q=%D8%B7%D8%B9%D8%A7%D9%85", "/zh_Hans/",
                                  "/zh_Hans/categories/health", "/ar/language"])
def test_axe_finds_no_violations_in_arabic_and_chinese(page, live_server, path):
    page.goto(live_server + path)
    results = Axe().run(page)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == []


def test_every_language_used_keeps_working_offline(browser, databases):
    """Arabic and French used online: both draw pages offline, also pages never visited."""
    from .conftest import PHONE, serve
    from .test_offline import install, open_offline

    server = serve(databases)
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        install(page, server.url, "/ar/")
        install(page, server.url, "/fr/")
        never_visited = server.active_ids()[-1]
        context.set_offline(True)
        for lang, direction in (("ar", "rtl"), ("fr", "ltr")):
            assert open_offline(page, f"{server.url}/{lang}/services/{never_visited}") == "local"
            assert page.locator("html").get_attribute("lang") == lang
            assert page.locator("html").get_attribute("dir") == direction
            assert page.locator("main h1").inner_text().strip()
    finally:
        context.close()
        server.close()
