"""What crosses the network: bundles minified, precompressed and cached for a year, served by the
app itself over real HTTP, under the development server and gunicorn alike (issue 17, item 1)."""
from __future__ import annotations

import gzip
import http.client
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import brotli
import pytest
from werkzeug.serving import make_server

from pwa_app.db.extensions import db
from pwa_app.web import assets

from .conftest import make_app
from .helpers import wait_until

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "static" / "gen"
GUNICORN = Path(sys.executable).with_name("gunicorn")


def fetch(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """One GET over a real socket; the body exactly as sent (http.client decodes nothing)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        headers: dict[str, str] = {}
        for k, v in response.getheaders():  # a header sent twice (Vary) reads as one list, as HTTP means it
            headers[k.lower()] = f"{headers[k.lower()]}, {v}" if k.lower() in headers else v
        return response.status, headers, response.read()
    finally:
        connection.close()


@pytest.fixture(scope="module", params=["werkzeug", "gunicorn"])
def server_port(request, databases, tmp_path_factory):
    """The demo region served on a free port by `flask run`'s server (werkzeug) or by gunicorn."""
    location = databases.demo()
    if request.param == "werkzeug":
        app = make_app(location)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield server.server_port
        server.shutdown()
        with app.app_context():
            db.engine.dispose()
        return
    url = location if "://" in location else f"sqlite:///{location}"
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "DATABASE_URL": url, "WEB_CONCURRENCY": "1", "GUNICORN_THREADS": "2", "LOG_LEVEL": "warning",
           "SECRET_KEY": "test-only-" + "w" * 40}  # the production server refuses the development key
    with log.open("w") as handle:
        proc = subprocess.Popen([str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
                                cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
        try:
            def ready() -> bool:
                assert proc.poll() is None, log.read_text()
                try:
                    return fetch(port, "/healthz")[0] == 200
                except OSError:
                    return False

            wait_until(ready, timeout=30, message="gunicorn not ready in 30 s")
            yield port
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def bundle_urls(port: int) -> list[str]:
    """Every bundle: what /sw.js precaches, and the curators' stylesheet, which only their screens link."""
    _, _, body = fetch(port, "/sw.js")
    precached = json.loads(re.search(rb"^const PRECACHE_URLS = (.*);$", body, flags=re.M)[1])
    urls = [u for u in precached if u.startswith("/static/gen/")]
    assert len(urls) == len(assets.PRECACHED_BUNDLES) == len(assets.BUNDLES) - 1
    assert not any("/curate." in u for u in urls)  # the curators' stylesheet costs no visitor anything
    _, _, page = fetch(port, "/curate/login")
    curators = re.findall(r'href="(/static/gen/curate\.[^"]+)"', page.decode())
    assert len(curators) == 1
    return urls + curators


def test_bundles_go_out_in_the_best_encoding_accepted(server_port):
    for url in bundle_urls(server_port):
        on_disk = (ROOT / url.lstrip("/")).read_bytes()
        sizes = {}
        for accept, encoding, decode in (("br, gzip, deflate", "br", brotli.decompress),
                                         ("gzip, deflate, br;q=0", "gzip", gzip.decompress),
                                         ("gzip;q=0, identity", None, bytes),
                                         (None, None, bytes)):
            status, headers, body = fetch(server_port, url, {"Accept-Encoding": accept} if accept else {})
            assert status == 200, url
            assert headers.get("content-encoding") == encoding, (url, accept)
            assert decode(body) == on_disk, (url, accept)
            assert int(headers["content-length"]) == len(body)
            assert headers["cache-control"] == "public, max-age=31536000, immutable"
            assert "accept-encoding" in headers["vary"].lower()
            assert headers["content-type"].startswith("text/css" if url.endswith(".css") else "text/javascript")
            sizes[encoding] = len(body)
        assert sizes["br"] < sizes["gzip"] < sizes[None], url
        # A phone revalidating what it has (it should not need to: the name changes with the bytes).
        status, headers, _ = fetch(server_port, url, {"Accept-Encoding": "br"})
        status, _, body = fetch(server_port, url, {"Accept-Encoding": "br", "If-None-Match": headers["etag"]})
        assert status == 304 and body == b""


@pytest.mark.parametrize("path", ["/en/offline/search-data.json", "/ar/offline/snapshot.json"])
def test_what_a_phone_downloads_to_work_offline_goes_out_in_the_best_encoding_accepted(server_port, path):
    """The search data and the snapshot: brotli where the browser takes it (about 30 % smaller than
    gzip for the search data: bench/page_weight.py), gzip where only that, as they are otherwise."""
    status, headers, whole = fetch(server_port, path, {"Accept-Encoding": "identity"})
    assert status == 200 and "content-encoding" not in headers and json.loads(whole)["version"]
    sizes = {}
    for accept, encoding, decode in (("gzip, deflate, br, zstd", "br", brotli.decompress),
                                     ("gzip, deflate, br;q=0", "gzip", gzip.decompress),
                                     ("gzip;q=0, identity", None, bytes)):
        status, headers, body = fetch(server_port, path, {"Accept-Encoding": accept})
        assert status == 200 and headers.get("content-encoding") == encoding, (path, accept)
        assert decode(body) == whole and "accept-encoding" in headers["vary"].lower()
        sizes[encoding] = len(body)
        again = fetch(server_port, path, {"Accept-Encoding": accept})
        assert again[2] == body and again[1]["etag"] == headers["etag"]  # kept, not compressed again
        status, _, empty = fetch(server_port, path, {"Accept-Encoding": accept, "If-None-Match": headers["etag"]})
        assert status == 304 and empty == b""
    assert sizes["br"] < sizes["gzip"] < sizes[None]


def test_the_offline_downloads_are_compressed_once_per_data_version(client, monkeypatch):
    from pwa_app.web import compress

    squeezed = []
    real = compress.brotli.compress
    monkeypatch.setattr(compress.brotli, "compress", lambda data, quality: squeezed.append(len(data)) or real(data, quality=quality))
    hashed = []
    real_hash = compress.hashlib.sha256
    monkeypatch.setattr(compress.hashlib, "sha256", lambda data: hashed.append(len(data)) or real_hash(data))
    for _ in range(3):
        for path in ("/en/offline/search-data.json", "/fr/offline/search-data.json", "/en/offline/snapshot.json"):
            assert client.get(path, headers={"Accept-Encoding": "br"}).headers["Content-Encoding"] == "br"
    assert len(squeezed) == 3 and sorted(n for n in hashed if n in squeezed) == sorted(squeezed)  # the checksum once too


def test_a_large_download_is_compressed_fast_not_hardest(app, client, monkeypatch):
    """Brotli 11 would hold the first phone after every change for seconds (the search data) or a minute
    (the snapshot) on a large directory."""
    from pwa_app.web import compress

    app.config["BROTLI_QUALITY"] = 11  # production's (the tests' apps use 5)
    qualities = []
    real = compress.brotli.compress
    monkeypatch.setattr(compress.brotli, "compress", lambda data, quality: qualities.append(quality) or real(data, quality=quality))
    for path in ("/en/offline/search-data.json", "/en/offline/snapshot.json"):
        assert client.get(path, headers={"Accept-Encoding": "br"}).status_code == 200
    monkeypatch.setattr(compress, "FULL_QUALITY_UP_TO", 1000)  # as if the directory were large
    for path in ("/fr/offline/search-data.json", "/fr/offline/snapshot.json"):
        assert client.get(path, headers={"Accept-Encoding": "br"}).status_code == 200
    assert qualities == [11, 11, 5, 5]


def test_other_static_files_are_not_cached_forever(server_port):
    status, headers, _ = fetch(server_port, "/static/icons/icon-192.png", {"Accept-Encoding": "br, gzip"})
    assert status == 200 and "immutable" not in headers.get("cache-control", "")
    assert "content-encoding" not in headers
    assert fetch(server_port, "/static/gen/app.0123abcd.js")[0] == 404  # no such build


def test_bundles_are_minified(app):
    """Each script bundle is smaller than the files it joins (comments and spaces gone), and still a module."""
    manifest = json.loads((GEN / "manifest.json").read_text())
    for name, bundle in assets.BUNDLES.items():
        if bundle.output.endswith(".css"):  # style sheets: rcssmin's, written compact already
            continue
        built = GEN.parent / bundle.output.replace("%(version)s", manifest[bundle.output])
        sources = sum(Path(path).stat().st_size for _, path in bundle.resolve_contents(force=True))
        # draw is Nunjucks' runtime, already minified, and compiled templates: little to take out.
        assert built.stat().st_size < sources * (0.97 if name == "draw" else 0.8), name
        text = built.read_text(encoding="utf-8")
        assert "\n\n" not in text and not re.search(r"^\s*//", text, flags=re.M), name
        if name != "draw":
            assert "/**" not in text, name  # our doc comments are gone; /*! licences */ stay


def test_a_nested_template_literal_survives_minifying():
    """The one construct rJSmin reads loosely (docs/architecture.md): our code keeps it simple enough."""
    source = "const u = `/${lang}/${path}${query ? `?${query}` : ''}`;\nexport function f(a) {\n  return a / 2; // half\n}\n"
    out = assets.rjsmin.jsmin(source, keep_bang_comments=True)
    assert out == "const u=`/${lang}/${path}${query ? `?${query}` : ''}`;export function f(a){return a/2;}"
    for path in (ROOT / "static" / "js").glob("*.js"):
        for nested in re.findall(r"\$\{[^}`]*`([^`]*)`", path.read_text(encoding="utf-8")):
            assert "//" not in nested and "/*" not in nested, (path.name, nested)


def test_precompressed_siblings_are_written_once(tmp_path):
    target = tmp_path / "app.0123abcd.js"
    target.write_bytes(b"export const A = 1;\n" * 200)
    assets.precompress(target)
    br, gz = target.with_name(target.name + ".br"), target.with_name(target.name + ".gz")
    assert brotli.decompress(br.read_bytes()) == target.read_bytes() == gzip.decompress(gz.read_bytes())
    assert gz.read_bytes()[3] == 0 and gz.read_bytes()[4:8] == b"\0\0\0\0"  # no name, no time: the same bytes every build
    before = br.stat().st_mtime_ns
    assets.precompress(target)
    assert br.stat().st_mtime_ns == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left behind
