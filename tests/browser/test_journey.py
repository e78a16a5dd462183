"""A person on a 360 px phone: home -> category -> service -> tap to call."""
from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.mark.parametrize("fixture", ["page", "page_without_js"])
def test_home_to_category_to_service(request, live_server, requests_seen, fixture):
    page = request.getfixturevalue(fixture)
    page.goto(live_server + "/")
    assert re.search(r"/(en|fr)/$", page.url)
    page.goto(live_server + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert no_horizontal_scroll(page)
    page.get_by_role("link", name=re.compile(r"^Food")).first.click()
    page.wait_for_url(re.compile(r"/en/categories/food$"))
    assert page.locator("h1").inner_text() == "Food"
    page.locator(".results .card h2 a").first.click()
    page.wait_for_url(re.compile(r"/en/services/[0-9a-f-]{36}$"))
    assert no_horizontal_scroll(page)
    hrefs = page.locator("a[href^='tel:']").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert "tel:211" in hrefs and "tel:911" in hrefs and "tel:988" in hrefs
    assert any(re.fullmatch(r"tel:\+1\d{10}(;ext=\d+)?", h) for h in hrefs), hrefs
    assert page.get_by_role("link", name="Report a problem").is_visible()
    assert requests_seen.urls and not requests_seen.foreign(), requests_seen.foreign()


def test_tap_targets_are_at_least_48px(page, live_server):
    page.goto(live_server + "/en/categories/food")
    small = page.evaluate("""() => [...document.querySelectorAll('a, button, input')]
        .filter(e => e.offsetParent !== null && !e.closest('.hp') && !e.classList.contains('skip'))
        .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect().height])
        .filter(([_, h]) => h < 47.5)""")
    assert small == []


def test_no_horizontal_scroll_at_320px_and_usable_at_200_percent(browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ("/en/", "/fr/categories/food", "/en/search?q=food", "/en/about"):
        page.goto(live_server + path)
        assert no_horizontal_scroll(page), path
    # 200 % zoom on a 640 px window is a 320 CSS px layout: same check, larger text.
    page.set_viewport_size({"width": 640, "height": 800})
    page.evaluate("document.documentElement.style.zoom = '2'")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth * 1.01")
    context.close()


def test_search_without_javascript(page_without_js, live_server):
    page = page_without_js
    page.goto(live_server + "/fr/")
    page.get_by_role("searchbox").fill("aines")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url(re.compile(r"/fr/search\?q=aines"))
    assert page.locator(".results .card").count() >= 1


def test_language_switch_keeps_the_page(page, live_server):
    page.goto(live_server + "/en/categories/housing")
    page.locator("header a.langs").click()
    page.get_by_role("link", name=re.compile("Français")).click()
    page.wait_for_url(re.compile(r"/fr/categories/housing$"))
    assert page.locator("html").get_attribute("lang") == "fr"
    page.goto(live_server + "/")  # the explicit choice sticks
    assert page.url.endswith("/fr/")


@pytest.mark.parametrize("path", ["/en/", "/en/categories/food", "/en/search?q=food", "SERVICE", "/fr/", "/en/about",
                                  "/en/situations/", "/ar/situations/not-safe-at-home",
                                  "/en/situations/lost-job?who=older&today=yes&near=city-millbrook-falls"])
def test_axe_finds_no_violations(page, live_server, path):
    if path == "SERVICE":
        page.goto(live_server + "/en/categories/health")
        path = page.locator(".results .card h2 a").first.get_attribute("href")
    page.goto(live_server + path)
    results = Axe().run(page)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == []
