"""Two gunicorn instances on one database answer alike: nothing lives in process memory."""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from itertools import cycle
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from pwa_app.db.models import Report

from .helpers import wait_until

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")
SECRET_KEY = "test-only-" + "x" * 40  # long enough for the production server's check


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, data: dict | None = None, headers: dict | None = None) -> tuple[int, str, dict]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, r.read().decode(), dict(r.headers)
    except urllib.error.HTTPError as e:
        with e:
            return e.code, e.read().decode(), dict(e.headers)


@pytest.fixture
def two_servers(databases, tmp_path):
    url = databases.demo()
    if "://" not in url:
        url = f"sqlite:///{url}"
    env = {**os.environ, "DATABASE_URL": url, "WEB_CONCURRENCY": "1", "GUNICORN_THREADS": "2", "LOG_LEVEL": "warning",
           "SECRET_KEY": SECRET_KEY,
           # As behind a load balancer: both name the site alike in absolute links (canonical, hreflang).
           "PASSERELLE_BASE_URL": "https://help.example.org"}
    servers, logs, handles = [], [], []
    for n in range(2):
        port = free_port()
        log = tmp_path / f"gunicorn-{n}.log"
        logs.append(log)
        handles.append(log.open("w"))
        proc = subprocess.Popen([str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
                                cwd=ROOT, env=env, stdout=handles[-1], stderr=subprocess.STDOUT)
        servers.append((proc, f"http://127.0.0.1:{port}"))
    try:
        for (proc, base), log in zip(servers, logs, strict=True):
            def ready(proc=proc, base=base, log=log) -> bool:
                assert proc.poll() is None, log.read_text()  # it exited: no use waiting
                try:
                    return get(base + "/readyz")[0] == 200
                except OSError:
                    return False

            wait_until(ready, timeout=30, message=f"{base} not ready in 30 s")
        yield [base for _, base in servers], url, logs
    finally:
        for proc, _ in servers:
            proc.terminate()
        for proc, _ in servers:
            proc.wait(timeout=20)
        for handle in handles:
            handle.close()


def test_two_app_servers_agree(two_servers):
    bases, url, logs = two_servers
    turn = cycle(bases)
    # Pages: the same answer from either server.
    for path in ("/en/", "/fr/categories/food", "/en/search?q=food", "/en/about"):
        bodies = {get(next(turn) + path)[1] for _ in bases}
        assert len(bodies) == 1, path
    # A sync: the snapshot from one server, then "anything new?" asked of the other: one 304.
    status, body, headers = get(next(turn) + "/en/offline/snapshot.json")
    assert status == 200
    version = json.loads(body)["version"]
    status, _, _ = get(next(turn) + f"/en/offline/changes.json?since={version}", headers={"If-None-Match": headers["ETag"]})
    assert status == 304
    # A report: the form from one server, submitted to the other, twice: stored once.
    status, form, _ = get(next(turn) + "/en/categories/food")
    service = re.search(r'href="/en/services/([0-9a-f-]{36})"', form).group(1)
    status, form, _ = get(next(turn) + f"/en/services/{service}/report")
    key = re.search(r'name="idempotency_key" value="([0-9a-f]+)"', form).group(1)
    for _ in range(4):
        status, _, _ = get(next(turn) + f"/en/services/{service}/report",
                           {"idempotency_key": key, "kind": "moved", "details": "New address on Main St"})
        assert status == 201
    engine = create_engine(url)
    with engine.connect() as c:
        assert c.execute(select(func.count()).select_from(Report)).scalar_one() == 1
    engine.dispose()
    # The access log has paths but neither query strings nor client addresses. Three searches were
    # made (two above, this one): wait for the third's line, written just after its answer.
    get(next(turn) + "/en/search?q=private+words")

    def all_three_logged() -> str:
        text = "".join(log.read_text() for log in logs)
        return text if text.count('"GET /en/search') == 3 else ""

    text = wait_until(all_three_logged, timeout=10, message="the search's access log line")
    assert "private" not in text and "127.0.0.1 " not in text
