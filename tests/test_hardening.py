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


@pytest.mark.parametrize("path", ["/en/search?q=%00", "/en/search?q=%ED%A0%BD", "/en/categories/food?near=%00",
                                  "/en/services/%00", "/en/r/%00", "/api/services?search=%00", "/api/services/%00",
                                  "/en/language?q=%00&next=%00", "/en/offline/changes.json?since=%00",
                                  "/api/service_at_locations?postcode=%00"])
def test_nul_or_broken_utf8_in_a_url_is_a_400(quiet_client, path):
    assert quiet_client.get(path).status_code == 400


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
