"""Curators in Chromium (issue 19): the editor reaches an offline phone at its next sync; the service
worker never touches /curate/; the screens pass axe and fit a 320 px screen."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlalchemy import select

from pwa_app.db.extensions import db
from pwa_app.db.models import Phone, Service

from ..curation import PASSWORD, make_account
from .conftest import PHONE, serve
from .test_offline import WAIT_MS, install, open_offline

pytestmark = pytest.mark.browser


@pytest.fixture
def server(databases):
    live = serve(databases)
    make_account(live.app, "curator@example.org")
    yield live
    live.close()


def log_in(page, base: str) -> None:
    page.goto(f"{base}/curate/login")
    page.get_by_label("Email").fill("curator@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/curate/")


def a_phone(app) -> tuple[str, str, str]:
    with app.app_context():
        sid, pid, number = db.session.execute(
            select(Phone.service_id, Phone.id, Phone.number).join(Service, Service.id == Phone.service_id)
            .where(Service.status == "active", Phone.extension.is_(None)).order_by(Phone.id)).first()
        return sid, pid, number


@pytest.mark.engine  # writes through the server: on PostgreSQL too
def test_an_edited_number_reaches_an_offline_phone_at_its_next_sync(browser, server):
    sid, pid, _ = a_phone(server.app)
    phone_context = browser.new_context(**PHONE)
    phone = phone_context.new_page()
    install(phone, server.url)
    version = phone.evaluate("document.documentElement.dataset.offlineVersion")
    # The worker controls the phone, yet a curator page comes from the network, never from it.
    curate_page = phone.goto(f"{server.url}/curate/login")
    assert not curate_page.from_service_worker and curate_page.headers["cache-control"] == "no-store"

    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    curator = desk.new_page()
    log_in(curator, server.url)
    curator.goto(f"{server.url}/curate/phones/{pid}/edit")
    curator.get_by_label("Phone number").fill("613-555-0123")
    curator.get_by_role("button", name="Save").click()
    curator.wait_for_selector("text=Saved. Pages and phones show it now.")

    phone.goto(f"{server.url}/en/")  # the phone's next visit syncs what changed
    phone.wait_for_function(f"() => document.documentElement.dataset.offlineVersion === '{int(version) + 1}'",
                            timeout=WAIT_MS)
    phone_context.set_offline(True)
    assert open_offline(phone, f"{server.url}/en/services/{sid}") == "local"
    links = phone.locator("main a[href^='tel:']").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert "tel:+16135550123" in links, links
    assert "(613) 555-0123" in phone.locator("main").inner_text()
    phone_context.close()
    desk.close()


def test_the_curator_screens_pass_axe_and_fit_a_small_phone(browser, server):
    sid, pid, _ = a_phone(server.app)
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    log_in(page, server.url)
    for path in ("/curate/", f"/curate/services/{sid}/edit", f"/curate/services/{sid}/hours", "/curate/due",
                 "/curate/reports", f"/curate/services/{sid}/translations", f"/curate/phones/{pid}/edit"):
        page.goto(server.url + path)
        violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in Axe().run(page).response["violations"]]
        assert violations == [], path
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 320, (path, wide)
    context.close()
