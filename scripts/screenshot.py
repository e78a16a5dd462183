"""Take the README's screenshots in Debian's Chromium: a 360 px phone, and the 320 px gallery of the
crisis bar in the languages whose labels are longest (issue 13); the curators' dashboard, service
editor and weekly hours at a desk's width (issue 19).

Run: .venv/bin/python -m scripts.screenshot
"""
from __future__ import annotations

from playwright.sync_api import sync_playwright

from bench._common import CHROMIUM, CHROMIUM_ARGS, ROOT, demo_server

SHOTS = {"screenshot-home.png": "/en/", "screenshot-service.png": None, "screenshot-category-fr.png": "/fr/categories/food"}
NARROW = {f"screenshot-320-{lang}.png": f"/{lang}/" for lang in ("es", "iu", "tl")}  # 320 × 568, the smallest phones


def main() -> None:
    with demo_server() as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 740}, device_scale_factor=1)
        for name, path in SHOTS.items():
            if path is None:
                page.goto(base + "/en/categories/emergency")
                path = page.locator(".results .card h2 a").first.get_attribute("href")
            page.goto(base + path)
            page.screenshot(path=str(ROOT / "docs" / name), full_page=False)
            print("wrote docs/" + name)
        page = browser.new_page(viewport={"width": 320, "height": 568}, device_scale_factor=1)
        for name, path in NARROW.items():
            page.goto(base + path)
            page.screenshot(path=str(ROOT / "docs" / name), full_page=False)
            print("wrote docs/" + name)
        browser.close()
    curator_shots()


CURATOR = ("curator@example.org", "a passphrase for the screenshots")
CURATOR_SHOTS = {"screenshots/curate-dashboard.png": "/curate/", "screenshots/curate-service-editor.png": "EDIT",
                 "screenshots/curate-hours.png": "HOURS"}


def curator_shots() -> None:
    from pwa_app.curate import accounts
    from pwa_app.db.extensions import db

    def account(app) -> None:
        accounts.add(db.session, CURATOR[0], CURATOR[1], "admin")
        db.session.commit()

    with demo_server(prepare=account) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900}, device_scale_factor=1)
        page.goto(base + "/curate/login")
        page.get_by_label("Email").fill(CURATOR[0])
        page.get_by_label("Password").fill(CURATOR[1])
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(base + "/curate/")
        page.goto(base + "/curate/services?q=food+bank")
        service = page.locator("main table a").first.get_attribute("href").split("/")[3]
        for name, path in CURATOR_SHOTS.items():
            path = {"EDIT": f"/curate/services/{service}/edit", "HOURS": f"/curate/services/{service}/hours"}.get(path, path)
            page.goto(base + path)
            page.screenshot(path=str(ROOT / "docs" / name), full_page=name.endswith("dashboard.png"))
            print("wrote docs/" + name)
        browser.close()


if __name__ == "__main__":
    main()
