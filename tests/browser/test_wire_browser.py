"""Chromium receives the bundles compressed and the service worker precaches them whole (issue 17, item 1)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pwa_app.web.assets import PRECACHED_BUNDLES

from .conftest import PHONE

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 15_000


def test_bundles_reach_chromium_compressed_and_the_precache_holds_them_whole(browser, live_server):
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        encodings = {}
        page.on("response", lambda r: encodings.__setitem__(r.url.removeprefix(live_server), r.headers.get("content-encoding"))
                if "/static/gen/" in r.url else None)
        page.goto(live_server + "/en/categories/food")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=WAIT_MS)
        page.wait_for_selector("#offline-status p.saved", timeout=WAIT_MS)
        precached = page.evaluate("""async () => {
            const found = {};
            for (const name of await caches.keys()) {
              if (!name.startsWith('passerelle-shell-')) continue;
              const cache = await caches.open(name);
              for (const request of await cache.keys()) {
                const path = new URL(request.url).pathname;
                if (path.startsWith('/static/gen/')) found[path] = await (await cache.match(request)).text();
              }
            }
            return found;
        }""")
        assert len(precached) == len(PRECACHED_BUNDLES)  # every bundle, the offline shell's too, not the curators'
        for path, text in precached.items():
            assert text == (ROOT / path.lstrip("/")).read_text(encoding="utf-8"), path  # decoded, whole
        # What the page and its workers loaded went out in brotli: Chromium accepts br from 127.0.0.1,
        # a secure context, as from any HTTPS site.
        loaded = {path: encoding for path, encoding in encodings.items() if path.endswith((".js", ".css"))}
        assert len(loaded) >= 3 and set(loaded.values()) == {"br"}, loaded
    finally:
        context.close()
