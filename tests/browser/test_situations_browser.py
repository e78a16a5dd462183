"""Guided help on the phone (issue 18): a plan answered with JavaScript is drawn from the directory kept on
the phone, and the answers reach no server; with JavaScript off the form still works."""
from __future__ import annotations

import pytest

from pwa_app.web.config import Config

from ..conftest import make_app
from .conftest import PHONE, LiveServer
from .test_offline import WAIT_MS, golden, install

pytestmark = pytest.mark.browser


class RecordingServer(LiveServer):
    """A live server that writes down every request it is asked, query string included."""

    def __init__(self, app):
        self.asked: list[str] = []
        inner = app.wsgi_app

        def record(environ, start_response):
            self.asked.append(f"{environ.get('PATH_INFO', '')}?{environ.get('QUERY_STRING', '')}")
            return inner(environ, start_response)

        app.wsgi_app = record
        super().__init__(app)


@pytest.fixture
def recording(databases):
    server = RecordingServer(make_app(databases.demo(), BABEL_DEFAULT_TIMEZONE=Config.REGION_TIMEZONE))
    yield server
    server.close()


@pytest.mark.parametrize("lang", [pytest.param("en", marks=pytest.mark.engine), "ar"])
def test_answers_stay_on_the_phone_and_the_plan_reads_as_the_servers(browser, recording, lang):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    install(page, recording.url, f"/{lang}/")
    page.goto(f"{recording.url}/{lang}/situations/lost-job")
    page.locator('input[name="who"][value="child"]').check()
    page.locator('input[name="today"]').check()
    page.locator('select[name="near"]').select_option("city-millbrook-falls")
    recording.asked.clear()
    page.locator('form.questions button[type="submit"]').click()
    page.wait_for_url("**who=child**", timeout=WAIT_MS)
    page.wait_for_selector("html[data-rendered='local']", timeout=WAIT_MS)
    assert page.locator(f'main a[href="/{lang}/categories/childcare"]').count() == 1
    page.wait_for_timeout(500)
    assert [a for a in recording.asked if "who=" in a or "situations" in a] == []  # nothing of it left the phone
    # The plan drawn on the phone is the server's own, word for word (the page a phone without
    # JavaScript gets for the same answers).
    online = browser.new_context(**PHONE, java_script_enabled=False)
    reference = online.new_page()
    reference.goto(page.url)
    assert golden(page) == golden(reference)
    assert any("who=child" in a for a in recording.asked)  # that one, without JavaScript, did ask the server
    online.close()
    context.close()


def test_without_javascript_the_questions_are_a_plain_form(browser, live_server):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server}/en/situations/senior-at-home")
    page.locator('input[name="who"][value="older"]').check()
    page.locator('form.questions button[type="submit"]').click()
    page.wait_for_url("**who=older**")
    assert page.locator('input[name="who"][value="older"]').is_checked()
    assert page.locator("main section.need").count() >= 3
    context.close()


def test_quick_exit_stays_in_reach_on_a_plan_that_can_involve_danger(browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{live_server}/en/situations/not-safe-at-home")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    exit_box = page.locator(".crisis [data-quick-exit]").bounding_box()
    assert exit_box is not None and exit_box["y"] >= 0 and exit_box["y"] + exit_box["height"] <= 640
    assert page.evaluate("window.scrollY") > 500
    context.close()


def test_answered_on_a_first_visit_the_plan_waits_for_the_phone_not_the_server(browser, recording):
    """Straight from a search engine to a situation, answered at once: the phone keeps nothing yet. The
    button waits (and says so) until the directory is saved here, then draws the plan on the phone."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{recording.url}/en/situations/senior-at-home")
    page.locator('input[name="who"][value="older"]').check()
    page.locator('form.questions button[type="submit"]').click()
    page.wait_for_url("**who=older**", timeout=WAIT_MS * 2)
    page.wait_for_selector("html[data-rendered='local']", timeout=WAIT_MS)
    assert page.locator("main section.need").count() >= 3
    assert [a for a in recording.asked if "who=" in a] == []
    context.close()


@pytest.mark.parametrize("lang", ["fr", "ti"])
def test_with_no_signal_two_taps_from_home_to_a_plan(browser, live_server, lang):
    """Done when (issue 18): from the home page to a short, ordered plan of calls in two taps, with no signal."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    install(page, live_server, f"/{lang}/")
    context.set_offline(True)
    page.goto(f"{live_server}/{lang}/")
    page.wait_for_selector("html[data-rendered='local']", timeout=WAIT_MS)
    page.locator(".start-here a").click()  # one
    page.wait_for_url(f"**/{lang}/situations/", timeout=WAIT_MS)
    page.wait_for_selector("main ul.situations a", timeout=WAIT_MS)
    page.locator("main ul.situations a").nth(1).click()  # two: "I don't have enough food"
    page.wait_for_url(f"**/{lang}/situations/not-enough-food", timeout=WAIT_MS)
    page.wait_for_selector("main section.need", timeout=WAIT_MS)
    assert page.evaluate("document.documentElement.dataset.rendered") == "local"
    assert page.locator("main section.need").count() >= 3
    assert page.locator("main section.need .card a.call").count() >= 3  # calls to make, in order
    context.close()
