"""Take the README's screenshots in Debian's Chromium: a 360 px phone, and the 320 px gallery of the
crisis bar in the languages whose labels are longest (issue 13).

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


if __name__ == "__main__":
    main()
