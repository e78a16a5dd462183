"""The deploy example deploys: deploy/nginx.conf passes `nginx -t` on Debian's nginx, with HTTPS, HTTP/2
and HSTS on every location; the app believes exactly the proxies it is told to (issue 17, item 5)."""
from __future__ import annotations

import gzip
import http.client
import json
import re
import shutil
import socket
import ssl
import subprocess
from pathlib import Path

import pytest

from pwa_app.web import proxies

from .conftest import make_app
from .helpers import wait_until
from .test_reports_api import a_service, body

ROOT = Path(__file__).resolve().parents[1]
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)
REPORTS = "/api/reports"


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A throwaway certificate and key for `directory.example.org`, made with openssl."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed: no certificate to test HTTPS with")
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=directory.example.org",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def render(folder: Path, cert: Path, key: Path) -> Path:
    """deploy/nginx.conf with this machine's paths, inside a main configuration of its own."""
    site = NGINX_CONF.read_text()
    site = site.replace("/etc/letsencrypt/live/directory.example.org/fullchain.pem", str(cert))
    site = site.replace("/etc/letsencrypt/live/directory.example.org/privkey.pem", str(key))
    site = site.replace("/var/log/nginx/", f"{folder}/").replace("/srv/passerelle", str(ROOT))
    (folder / "passerelle.conf").write_text(site)
    main = folder / "nginx.conf"
    temp = "\n".join(f"    {name}_temp_path {folder}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    main.write_text(f"""pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log {folder}/access.log;
{temp}
    include {folder}/passerelle.conf;
}}
""")
    return main


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (make test installs Debian's nginx)")
def test_the_nginx_example_passes_nginx_t(tmp_path):
    cert, key = self_signed_certificate(tmp_path)
    main = render(tmp_path, cert, key)
    result = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(main)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr
    version = subprocess.run([NGINX, "-v"], capture_output=True, text=True).stderr
    assert re.search(r"nginx/\d+\.\d+", version), version


def blocks(text: str, keyword: str) -> list[str]:
    """The bodies of every `keyword … { … }` block (nested braces included)."""
    found = []
    for match in re.finditer(rf"^\s*{keyword}\b[^{{]*\{{", text, flags=re.M):
        depth, start = 1, match.end()
        for i in range(start, len(text)):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            if depth == 0:
                found.append(text[start:i])
                break
    return found


def test_the_nginx_example_says_what_it_must():
    """What `nginx -t` cannot see: HSTS on every location, HTTP/2 as 1.22 writes it, the proxy headers, clean logs."""
    text = re.sub(r"#.*", "", NGINX_CONF.read_text())  # directives, not comments
    https = [b for b in blocks(text, "server") if "443 ssl" in b]
    assert len(https) == 1
    server = https[0]
    assert re.search(r"^\s*listen 443 ssl http2;", server, flags=re.M) and "http2 on" not in text
    assert "log_format" not in server and "log_format passerelle" in text
    hsts = 'add_header Strict-Transport-Security "max-age=31536000" always;'
    assert hsts in server
    for location in blocks(server, "location"):
        # A location's own add_header drops the server's: each one that has any repeats HSTS.
        assert "add_header" not in location or hsts in location, location
    static = [b for b in blocks(server, "location") if "gen/" in server[:server.index(b)].rsplit("location", 1)[1]]
    assert static and "gzip_static on;" in static[0] and "immutable" in static[0]
    assert "brotli_static" not in text  # only where the module is installed: left commented
    proxied = next(b for b in blocks(server, "location") if "proxy_pass" in b)
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in proxied
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in proxied
    log_format = re.search(r"log_format passerelle ([^;]*);", text)[1]
    assert "$passerelle_logged_uri" in log_format and "map $uri $passerelle_logged_uri" in text
    assert not re.search(r"\$(request_uri|request|args|query_string|remote_addr)\b", log_format)


def statuses(client, sid: str, prefix: str, count: int, **environ) -> list[int]:
    return [client.post(REPORTS, json=body(sid, key=f"{prefix}-report-key-{n:04d}"), environ_base=environ).status_code
            for n in range(count)]


def test_two_clients_behind_a_proxy_get_their_own_buckets(databases):
    app = make_app(databases.demo(), TRUSTED_PROXIES="1")
    client, sid = app.test_client(), a_service(app)
    # nginx connects from 127.0.0.1 and appends each client's address to X-Forwarded-For.
    first = statuses(client, sid, "first", 11, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = statuses(client, sid, "second", 3, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert first == [201] * 10 + [429] and second == [201] * 3
    # A client that writes X-Forwarded-For itself: nginx appends the real address, the app reads that one.
    forged = [client.post(REPORTS, json=body(sid, key=f"forged-hop-report-{n:04d}"),
                          environ_base={"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": f"203.0.113.{n}, 198.51.100.1"}).status_code
              for n in range(3)]
    assert forged == [429] * 3  # still 198.51.100.1's bucket, full


def test_with_no_trusted_proxy_a_forged_header_changes_nothing(databases):
    app = make_app(databases.demo())  # PASSERELLE_TRUSTED_PROXIES defaults to 0
    client, sid = app.test_client(), a_service(app)
    got = [client.post(REPORTS, json=body(sid, key=f"forging-client-key-{n:04d}"),
                       environ_base={"REMOTE_ADDR": "192.0.2.7", "HTTP_X_FORWARDED_FOR": f"203.0.113.{n}"}).status_code
           for n in range(12)]
    assert got == [201] * 10 + [429] * 2


def test_the_scheme_comes_from_the_trusted_proxy_only(databases):
    """Behind nginx, X-Forwarded-Proto says the visit is HTTPS (the clear-data cookie is then Secure)."""
    headers = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_PROTO": "https"}
    behind = make_app(databases.demo(), TRUSTED_PROXIES="1").test_client().get("/en/clear", environ_base=headers)
    direct = make_app(databases.demo()).test_client().get("/en/clear", environ_base=headers)
    assert "Secure" in behind.headers["Set-Cookie"] and "Secure" not in direct.headers["Set-Cookie"]


def test_a_bad_proxy_count_stops_the_app_with_one_line():
    assert proxies.trusted_proxies("2") == 2 and proxies.trusted_proxies(0) == 0
    for bad in ("-1", "yes", "", "11"):
        with pytest.raises(SystemExit, match="PASSERELLE_TRUSTED_PROXIES"):
            proxies.trusted_proxies(bad)


@pytest.fixture
def behind_nginx(databases, tmp_path):
    """nginx from the example (not as a service: one foreground process) on free ports, the app behind it."""
    if NGINX is None:
        pytest.skip("nginx is not installed (make test installs Debian's nginx)")
    import threading

    from werkzeug.serving import make_server

    from pwa_app.db.extensions import db

    app = make_app(databases.demo(), TRUSTED_PROXIES="1")
    upstream = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    cert, key = self_signed_certificate(tmp_path)
    main = render(tmp_path, cert, key)
    ports = [free_port(), free_port()]
    site = (tmp_path / "passerelle.conf").read_text()
    site = re.sub(r"^\s*listen \[::\].*\n", "", site, flags=re.M)
    site = site.replace("listen 80;", f"listen 127.0.0.1:{ports[0]};")
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{ports[1]} ssl http2;")
    site = site.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream.server_port};")
    (tmp_path / "passerelle.conf").write_text(site)
    main.write_text("daemon off;\nmaster_process off;\n" + main.read_text())
    proc = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(main)], stderr=subprocess.DEVNULL)
    try:
        def listening() -> bool:
            assert proc.poll() is None, (tmp_path / "error.log").read_text()
            try:
                socket.create_connection(("127.0.0.1", ports[1]), timeout=1).close()
                return True
            except OSError:
                return False

        wait_until(listening, timeout=10, message="nginx did not start")
        yield ports[1], cert, app
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        upstream.shutdown()
        with app.app_context():
            db.engine.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tls(port: int, cert: Path, source: str, protocols: list[str]) -> ssl.SSLSocket:
    """A TLS connection to nginx from the loopback address `source`, checked against the test's certificate."""
    context = ssl.create_default_context(cafile=str(cert))
    context.set_alpn_protocols(protocols)
    raw = socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0))
    return context.wrap_socket(raw, server_hostname="directory.example.org")


def https(port: int, cert: Path, method: str, path: str, source: str = "127.0.0.1", headers: dict | None = None,
          json_body: dict | None = None) -> tuple[int, dict, bytes, str | None]:
    """One request over TLS; the status, headers, body as sent, and the protocol nginx offers a browser."""
    with tls(port, cert, source, ["h2", "http/1.1"]) as probe:
        protocol = probe.selected_alpn_protocol()
    connection = http.client.HTTPConnection("directory.example.org", port)
    connection.sock = tls(port, cert, source, ["http/1.1"])  # http.client speaks HTTP/1.1 only
    data = json.dumps(json_body).encode() if json_body is not None else None
    try:
        connection.request(method, path, body=data, headers={
            **({"Content-Type": "application/json"} if data else {}), **(headers or {})})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read(), protocol
    finally:
        connection.close()


def test_through_nginx_https_http2_hsts_precompressed_and_a_bucket_per_client(behind_nginx, tmp_path):
    port, cert, app = behind_nginx
    status, headers, page, protocol = https(port, cert, "GET", "/en/")
    assert status == 200 and protocol == "h2"
    assert headers["strict-transport-security"] == "max-age=31536000"
    bundle = re.search(rb'src="(/static/gen/app\.[0-9a-f]+\.js)"', page)[1].decode()
    status, headers, data, _ = https(port, cert, "GET", bundle, headers={"Accept-Encoding": "gzip"})
    on_disk = (ROOT / bundle.lstrip("/")).read_bytes()
    assert status == 200 and headers["content-encoding"] == "gzip" and gzip.decompress(data) == on_disk
    assert data == (ROOT / (bundle.lstrip("/") + ".gz")).read_bytes()  # the sibling itself, not gzipped anew
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert headers["strict-transport-security"] == "max-age=31536000"  # a location with headers of its own
    status, headers, _, _ = https(port, cert, "GET", "/static/icons/icon-192.png")
    assert status == 200 and headers["strict-transport-security"] == "max-age=31536000"
    # Two clients (two loopback addresses), each reports through nginx: a bucket each. The second one
    # writes X-Forwarded-For itself and still lands in its own bucket, not a fresh one.
    sid = a_service(app)
    send = lambda source, n, **h: https(port, cert, "POST", REPORTS, source=source, headers=h,  # noqa: E731
                                        json_body=body(sid, key=f"nginx-{source.replace('.', '-')}-report-{n:04d}"))[0]
    assert [send("127.0.0.2", n) for n in range(11)] == [201] * 10 + [429]
    assert [send("127.0.0.3", n, **{"X-Forwarded-For": f"203.0.113.{n}"}) for n in range(11)] == [201] * 10 + [429]
    # nginx's own log keeps no search, position or referral token, nor any address.
    # reproduction: curl -k 'https://SERVER/en/r/TOKEN?near=45.42,-75.69' then read passerelle.log
    https(port, cert, "GET", "/en/search?q=secretword&near=45.4215,-75.6972")
    https(port, cert, "GET", "/en/situations/not-safe-at-home?who=child&near=city-millbrook-falls")
    https(port, cert, "GET", "/en/r/SECRETTOKEN123?lat=45.4215")
    logged = lambda: "/en/r/- " in (tmp_path / "passerelle.log").read_text()  # noqa: E731 - written after the answer
    wait_until(logged, timeout=10, message="nginx did not log the referral sheet")
    log = (tmp_path / "passerelle.log").read_text()
    assert "/en/search " in log and "/en/situations/- " in log
    assert not re.search(r"secretword|SECRETTOKEN|45\.42|127\.0\.0\.[23]|not-safe|who=|millbrook", log), log


def test_through_nginx_a_curators_session_is_secure_and_an_upload_may_be_large(behind_nginx):
    """Issue 19: over HTTPS the curator's cookie is Secure; /curate/import takes more than the 1 MB
    the rest of the site does (the app answers it: anonymous, to the login)."""
    port, cert, _app = behind_nginx
    status, headers, page, _ = https(port, cert, "GET", "/curate/login")
    assert status == 200 and headers["cache-control"] == "no-store"
    cookie = headers["set-cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "Path=/curate" in cookie
    assert headers["strict-transport-security"] == "max-age=31536000"
    large = {"Content-Type": "application/octet-stream"}

    def post(path: str) -> int:
        connection = http.client.HTTPConnection("directory.example.org", port)
        connection.sock = tls(port, cert, "127.0.0.1", ["http/1.1"])
        try:
            connection.request("POST", path, body=b"x" * (2 * 1024 * 1024), headers=large)
            return connection.getresponse().status
        finally:
            connection.close()

    assert post("/curate/import") == 302  # through to the app, which sends the anonymous to log in
    assert post("/en/services/x/report") == 413  # everywhere else, nginx's 1 MB
