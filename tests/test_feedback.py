"""Report a problem: validated, stored once per idempotency key, bots caught by the honeypot."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from pwa_app.db.extensions import db
from pwa_app.db.models import Report, Service


def service_id(app) -> str:
    with app.app_context():
        return db.session.scalar(select(Service.id).where(Service.status == "active").order_by(Service.id))


def reports(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Report))


def test_form_then_report_is_stored_once(app, client):
    sid = service_id(app)
    page = client.get(f"/en/services/{sid}/report").get_data(as_text=True)
    key = re.search(r'name="idempotency_key" value="([0-9a-f]+)"', page).group(1)
    data = {"idempotency_key": key, "kind": "wrong_phone", "details": "Rings out", "contact": ""}
    assert client.post(f"/en/services/{sid}/report", data=data).status_code == 201
    assert client.post(f"/en/services/{sid}/report", data=data).status_code == 201  # a double tap
    assert reports(app) == 1


def test_bad_reports_get_4xx_and_are_not_stored(app, client):
    sid = service_id(app)
    url = f"/en/services/{sid}/report"
    key = "k" * 20
    assert client.post(url, data={"idempotency_key": key, "kind": "nonsense"}).status_code == 400
    assert client.post(url, data={"kind": "closed"}).status_code == 400
    assert client.post(url, data={"idempotency_key": key, "kind": "other", "details": "x" * 5001}).status_code == 400
    assert client.post(url, data={"idempotency_key": key, "kind": "closed", "details": "x" * 2_000_000}).status_code == 413
    assert reports(app) == 0


def test_honeypot_looks_like_success_but_stores_nothing(app, client):
    sid = service_id(app)
    r = client.post(f"/en/services/{sid}/report", data={"idempotency_key": "h" * 20, "kind": "closed", "website": "http://spam"})
    assert r.status_code == 201 and reports(app) == 0


def test_report_for_unknown_service_is_404(client):
    assert client.post("/en/services/nope/report", data={"kind": "closed"}).status_code == 404
