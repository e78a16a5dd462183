"""Hostile input (issue 17, item 8): every input is valid text or a 400, never a 500."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from pwa_app.db.extensions import db
from pwa_app.db.models import Report, Service


def a_service(app) -> str:
    with app.app_context():
        return db.session.scalar(select(Service.id).where(Service.status == "active").order_by(Service.id))


@pytest.fixture
def quiet_client(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a 500 is answered, as in production, not raised
    return app.test_client()


def raw_report(sid: str, field: str, escaped: str) -> bytes:
    fields = {"idempotency_key": "hostile-input-key-0001", "service_id": sid, "kind": "other", "details": "x",
              "contact": "", "language": "en"}
    parts = [f'"{k}": "{escaped if k == field else v}"' for k, v in fields.items()]
    return ("{" + ", ".join(parts) + "}").encode()


@pytest.mark.parametrize("field", ["details", "contact", "service_id", "idempotency_key", "kind", "language"])
@pytest.mark.parametrize("escaped", ["\\ud83d", "\\udc00x", "\\u0000"])
def test_a_report_with_a_lone_surrogate_or_nul_is_a_400(app, quiet_client, field, escaped):
    # reproduction: POST /api/reports {"details": "\ud83d", ...} answered 500, and the offline queue retried it forever
    r = quiet_client.post("/api/reports", data=raw_report(a_service(app), field, escaped), content_type="application/json")
    assert r.status_code == 400, r.data
    assert r.get_json()["field"] == field
    with app.app_context():
        assert db.session.scalar(select(Report)) is None


@pytest.mark.parametrize("field", ["details", "contact", "idempotency_key"])
def test_a_form_report_with_nul_or_broken_utf8_is_a_400(app, quiet_client, field):
    sid = a_service(app)
    for value in (b"%00", b"%ED%A0%BD", b"ok%C3"):
        fields = {b"idempotency_key": b"hostile-form-key-00001", b"kind": b"other", b"details": b"Closed", b"contact": b""}
        fields[field.encode()] = value
        body = b"&".join(k + b"=" + v for k, v in fields.items())
        r = quiet_client.post(f"/en/services/{sid}/report", data=body, content_type="application/x-www-form-urlencoded")
        assert r.status_code == 400, (field, value)
    with app.app_context():
        assert db.session.scalar(select(Report)) is None


URLS = ["/en/search?q={0}", "/en/categories/food?near={0}", "/en/services/{0}", "/en/r/{0}", "/api/services?search={0}",
        "/api/services/{0}", "/en/language?q={0}&next={0}", "/en/offline/changes.json?since={0}",
        "/api/service_at_locations?postcode={0}", "/choose-language/fr?next=/en/{0}", "/{0}/"]


def raw_get(client, url: str):
    """GET `url` as a server hands it to the app: the path's bytes, undecoded, in PATH_INFO (the test
    client would replace broken UTF-8 in a path before the app saw it)."""
    from urllib.parse import unquote_to_bytes

    path, _, query = url.partition("?")
    return client.get(path, query_string=query, environ_overrides={"PATH_INFO": unquote_to_bytes(path).decode("latin-1")})


@pytest.mark.parametrize("url", URLS)
def test_broken_utf8_in_a_url_is_a_400_and_a_nul_no_500(quiet_client, url):
    assert raw_get(quiet_client, url.format("%ED%A0%BD")).status_code == 400  # an encoded lone surrogate
    assert raw_get(quiet_client, url.format("caf%C3")).status_code == 400
    nul = raw_get(quiet_client, url.format("%00")).status_code
    assert nul == 400 if "?" not in url else nul < 500  # reproduction on PostgreSQL: /en/services/%00 was a 500
    if "search" in url:
        assert raw_get(quiet_client, url.format("caf%C3%A9")).status_code == 200  # valid UTF-8 is read as sent


def test_a_newline_in_the_language_choosers_next_goes_to_the_language_home(quiet_client):
    r = quiet_client.get("/choose-language/fr?next=/en/%0aX")  # reproduction: was a 500
    assert r.status_code == 302 and r.location == "/fr/"
    r = quiet_client.get("/choose-language/fr?next=/en/categories/fo%0Dod")
    assert r.status_code == 302 and "\r" not in r.location and "\n" not in r.location


@pytest.mark.parametrize("headers", [{"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"},
                                     {"Sec-Fetch-Site": "same-site", "Origin": "https://other.localhost"},
                                     {"Origin": "http://localhost.evil.example"}])
def test_reports_from_another_site_are_refused(app, client, headers):
    sid = a_service(app)
    # reproduction: POST /api/reports with Origin: https://evil.example was stored (201)
    api = client.post("/api/reports", json={"idempotency_key": "cross-site-key-00001", "service_id": sid,
                                            "kind": "closed"}, headers=headers)
    form = client.post(f"/en/services/{sid}/report", data={"idempotency_key": "cross-site-key-00002", "kind": "closed"},
                       headers=headers)
    assert api.status_code == 403 and api.get_json()["status"] == 403
    assert form.status_code == 403 and b"<html" in form.data
    with app.app_context():
        assert db.session.scalar(select(Report)) is None


@pytest.mark.parametrize("headers", [{}, {"Origin": "http://localhost"}, {"Sec-Fetch-Site": "same-origin"},
                                     {"Origin": "null"}])
def test_reports_from_this_site_or_an_old_browser_are_taken(app, client, headers):
    sid = a_service(app)
    api = client.post("/api/reports", json={"idempotency_key": "same-site-key-000001", "service_id": sid,
                                            "kind": "closed"}, headers=headers)
    form = client.post(f"/en/services/{sid}/report", data={"idempotency_key": "same-site-key-000002", "kind": "closed"},
                       headers=headers)
    assert api.status_code == 201 and form.status_code == 201



def sheet(app, client, headers=None) -> tuple[str, str, str]:
    """A referral sheet of one service: its page, its share link and its text message, as written."""
    import html
    import re
    from urllib.parse import unquote

    from pwa_app.core import referral

    path = "/en/r/" + referral.encode([a_service(app)])
    page = client.get(path, headers=headers or {}).get_data(as_text=True)
    link = html.unescape(re.search(r'id="share-link"[^>]*value="([^"]*)"', page).group(1))
    sms = unquote(html.unescape(re.search(r'href="sms:\?&amp;body=([^"]*)"', page).group(1)))
    return page, link, sms, path


@pytest.mark.parametrize("config", [{"BASE_URL": "https://help.example.org"}, {}, {"TRUSTED_HOSTS": ["help.example.org"]}])
def test_absolute_urls_never_come_from_the_host_header(databases, config):
    from .conftest import make_app

    app = make_app(databases.demo(), **config)
    client = app.test_client()
    forged = {"Host": "evil.example"}
    # reproduction: GET /api/ with Host: evil.example answered openapi_url http://evil.example/api/openapi.json
    api = client.get("/api/", headers=forged)
    redirect = client.get("/en", headers=forged)
    if config.get("TRUSTED_HOSTS"):  # Flask refuses any other host outright
        assert api.status_code == redirect.status_code == 400
        return
    page, link, sms, path = sheet(app, client, forged)
    assert "evil.example" not in page + api.get_data(as_text=True) + redirect.headers.get("Location", "")
    assert redirect.headers["Location"] == "/en/"
    base = config.get("BASE_URL", "")  # no base URL and a host that is not this machine: links stay relative
    assert link == base + path and sms.endswith(base + path)
    assert api.get_json()["openapi_url"] == base + "/api/openapi.json"


def test_absolute_urls_from_a_trusted_or_local_host(databases):
    from .conftest import make_app

    trusted = make_app(databases.demo(), TRUSTED_HOSTS=["help.example.org"])
    assert trusted.test_client().get("/api/", headers={"Host": "help.example.org"}).get_json()["openapi_url"] \
        == "http://help.example.org/api/openapi.json"
    local = make_app(databases.demo())
    for host in ("localhost:5000", "127.0.0.1:8000"):
        _page, link, _sms, path = sheet(local, local.test_client(), {"Host": host})
        assert link == f"http://{host}{path}"


@pytest.mark.parametrize("url", ["help.example.org", "https://help.example.org/passerelle", "ftp://x", "https://"])
def test_a_base_url_that_is_not_a_scheme_and_host_stops_the_app(databases, url):
    from .conftest import make_app

    with pytest.raises(SystemExit, match="PASSERELLE_BASE_URL"):
        make_app(databases.demo(), BASE_URL=url)
