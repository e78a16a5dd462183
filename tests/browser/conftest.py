"""A real server on a free port and Debian's Chromium driven by Playwright."""
from __future__ import annotations

import os
import threading
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from pwa_app.db.extensions import db

from ..conftest import make_app

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/lib/chromium/chromium")
if not os.path.exists(CHROMIUM):
    CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="session")
def live_server(databases):
    """Serve the demo region over real HTTP on 127.0.0.1 and a free port."""
    app = make_app(databases.demo())
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class RequestLog:
    """Every URL the page asked for, to prove nothing left 127.0.0.1."""

    def __init__(self):
        self.urls: list[str] = []

    def foreign(self) -> list[str]:
        return [u for u in self.urls if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                and urlsplit(u).hostname != "127.0.0.1"]


@pytest.fixture
def requests_seen():
    return RequestLog()


@pytest.fixture
def page(browser, requests_seen):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.on("request", lambda r: requests_seen.urls.append(r.url))
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, requests_seen):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.on("request", lambda r: requests_seen.urls.append(r.url))
    yield page
    context.close()


class LiveServer:
    """A real server on a free port for one test, whose database the test may change."""

    def __init__(self, app):
        self.app = app
        self.http = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.http.server_port}"

    def active_ids(self, limit: int | None = None) -> list[str]:
        from sqlalchemy import select

        from pwa_app.db.models import Service

        with self.app.app_context():
            query = select(Service.id).where(Service.status == "active").order_by(Service.id).limit(limit)
            return list(db.session.scalars(query))

    def close(self) -> None:
        self.http.shutdown()
        with self.app.app_context():
            db.session.remove()
            db.engine.dispose()


def serve(databases, server_class=LiveServer, **config):
    """Start `server_class` on a fresh copy of the demo region; times as the phone shows them."""
    from pwa_app.web.config import Config

    return server_class(make_app(databases.demo(), BABEL_DEFAULT_TIMEZONE=Config.REGION_TIMEZONE, **config))
