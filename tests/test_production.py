"""The servers as deployed (issue 17): gunicorn refuses the development SECRET_KEY, and neither
gunicorn's access log nor the development server's keeps a query string, a referral token or a
position, whatever the request line holds."""
from __future__ import annotations

import logging
import os
import socket
import subprocess
import threading

import pytest
from werkzeug.serving import make_server

from pwa_app.core import referral
from pwa_app.web.config import DEVELOPMENT_SECRET_KEY

from .conftest import make_app
from .helpers import wait_until
from .test_stateless import GUNICORN, ROOT, SECRET_KEY, free_port, get

TOKEN = referral.encode(["6f9c1f9e-2a53-4c1e-9a57-1b2c3d4e5f60"])
# Raw request targets, as a client may send them: a raw `"` once let a query through the old filter.
TARGETS = ['/en/search?q=private"words', "/en/search?q=private+words", f"/en/r/{TOKEN}",
           "/en/categories/food?near=Maplewood&within=5", "/api/service_at_locations?lat=45.4215&long=-75.6972",
           f"/en/r/{TOKEN}?lang=fr", "/en/situations/not-safe-at-home?who=child&near=city-millbrook-falls"]
SECRETS = ("private", TOKEN, "Maplewood", "45.42", "75.69", "not-safe", "who=", "millbrook")


def raw_get(port: int, target: str) -> bytes:
    """Send one GET with `target` written as is in the request line (no client would quote it)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    return answer


@pytest.mark.parametrize("secret", [None, "", DEVELOPMENT_SECRET_KEY, "short"])
def test_gunicorn_refuses_to_start_with_the_development_secret_key(secret):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    if secret is not None:
        env["SECRET_KEY"] = secret
    # reproduction: SECRET_KEY unset, `gunicorn -c deploy/gunicorn.conf.py` started and served
    done = subprocess.run([str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{free_port()}"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and "SECRET_KEY" in done.stderr, done.stderr


def test_gunicorns_access_log_keeps_no_query_token_or_position(databases, tmp_path):
    # reproduction: ACCESS_LOG=a.log gunicorn -c deploy/gunicorn.conf.py & curl '127.0.0.1:8000/en/search?q=private'; grep private a.log
    url = databases.demo()
    url = url if "://" in url else f"sqlite:///{url}"
    log, port = tmp_path / "access.log", free_port()
    env = {**os.environ, "DATABASE_URL": url, "WEB_CONCURRENCY": "1", "GUNICORN_THREADS": "2",
           "LOG_LEVEL": "warning", "SECRET_KEY": SECRET_KEY, "ACCESS_LOG": str(log)}
    with (tmp_path / "gunicorn.out").open("w") as out:
        proc = subprocess.Popen([str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            def ready() -> bool:
                assert proc.poll() is None, (tmp_path / "gunicorn.out").read_text()
                try:
                    return get(f"http://127.0.0.1:{port}/readyz")[0] == 200
                except OSError:
                    return False

            wait_until(ready, timeout=30, message="gunicorn not ready")
            for target in TARGETS:
                assert raw_get(port, target).startswith(b"HTTP/1.1 ")

            def all_logged() -> str:
                text = log.read_text()
                return text if text.count("GET /") >= len(TARGETS) + 1 else ""

            text = wait_until(all_logged, timeout=10, message="the access log lines")
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    assert not [s for s in SECRETS if s in text], text
    assert '"GET /en/r/- HTTP/1.1"' in text and '"GET /en/search HTTP/1.1"' in text
    assert '"GET /en/situations/- HTTP/1.1"' in text


def test_the_development_servers_access_log_keeps_no_query_token_or_position(databases, caplog, monkeypatch):
    # reproduction: make run; printf 'GET /en/search?q=a"private HTTP/1.0\r\n\r\n' | nc 127.0.0.1 5000 (the raw " let the query through)
    app = make_app(databases.demo())
    # Alembic's logging set-up, run by the test databases' migrations, disables loggers that exist.
    monkeypatch.setattr(logging.getLogger("werkzeug"), "disabled", False)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            for target in TARGETS:
                assert raw_get(server.server_port, target).startswith(b"HTTP/1.1 ")
            # Each line is written once its answer has gone: wait for the last one.
            lines = wait_until(lambda: [m for r in caplog.records if r.name == "werkzeug" and "GET " in (m := r.getMessage())]
                               if sum("GET " in r.getMessage() for r in caplog.records) >= len(TARGETS) else None,
                               message="the development server's access log lines")
    finally:
        server.shutdown()
        thread.join(timeout=10)
    assert len(lines) == len(TARGETS), lines
    assert not [s for s in SECRETS if s in "\n".join(lines)], lines
    assert any('"GET /en/r/- HTTP/1.1"' in line for line in lines)
