"""The JSON report endpoint for the offline queue, its rate limiter, and `flask reports list` (issue 7)."""
from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import func, select

from pwa_app.db import rate_limit
from pwa_app.db.extensions import db
from pwa_app.db.models import RateLimitHit, Report, Service

from .conftest import make_app

URL = "/api/reports"


def a_service(app) -> str:
    with app.app_context():
        return db.session.scalar(select(Service.id).where(Service.status == "active").order_by(Service.id))


def stored(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Report))


def body(sid: str, key: str = "offline-queue-key-0001", **fields) -> dict:
    return {"idempotency_key": key, "service_id": sid, "kind": "wrong_phone", "details": "Rings out",
            "contact": "", "language": "fr", **fields}


def test_a_queued_report_is_stored_once_however_often_it_is_sent(app, client):
    sid = a_service(app)
    first = client.post(URL, json=body(sid))
    assert first.status_code == 201 and first.get_json()["status"] == "stored"
    again = client.post(URL, json=body(sid))
    assert again.status_code == 200 and again.get_json()["status"] == "duplicate"
    assert stored(app) == 1
    with app.app_context():
        report = db.session.scalar(select(Report))
        assert (report.service_id, report.kind, report.details, report.language) == (sid, "wrong_phone", "Rings out", "fr")


def test_bad_reports_get_a_clear_4xx_and_nothing_is_stored(app, client):
    app.config["REPORT_RATE_LIMIT"] = 1000  # this test is about content, not volume
    sid = a_service(app)
    cases = {
        "wrong content type": (client.post(URL, data=json.dumps(body(sid)), content_type="text/plain"), 415),
        "form encoded": (client.post(URL, data=body(sid)), 415),
        "empty body": (client.post(URL, data=b"", content_type="application/json"), 400),
        "empty object": (client.post(URL, json={}), 400),
        "not JSON": (client.post(URL, data=b"{kind:", content_type="application/json"), 400),
        "a list": (client.post(URL, json=[body(sid)]), 400),
        "no key": (client.post(URL, json={k: v for k, v in body(sid).items() if k != "idempotency_key"}), 400),
        "short key": (client.post(URL, json=body(sid, key="abc")), 400),
        "no kind": (client.post(URL, json=body(sid, kind="")), 400),
        "other, no details": (client.post(URL, json=body(sid, kind="other", details="")), 400),
        "5,001 characters": (client.post(URL, json=body(sid, details="x" * 5001)), 400),
        "over 64 KB": (client.post(URL, json=body(sid, details="é" * 40_000)), 413),
        "a number field": (client.post(URL, json=body(sid, details=5)), 400),
        "unknown service": (client.post(URL, json=body("no-such-service")), 404),
    }
    got = {name: (r.status_code, r.is_json and "detail" in r.get_json()) for name, (r, _) in cases.items()}
    assert got == {name: (status, True) for name, (_, status) in cases.items()}
    assert cases["no key"][0].get_json()["field"] == "idempotency_key"
    assert stored(app) == 0
    ok = client.post(URL, json=body(sid, details="x" * 5000))
    assert ok.status_code == 201 and stored(app) == 1


def test_honeypot_answers_like_success_and_stores_nothing(app, client):
    r = client.post(URL, json=body(a_service(app), website="http://spam.example"))
    assert r.status_code == 201 and stored(app) == 0


def test_a_hundred_reports_a_minute_are_limited_and_never_duplicated(app, client):
    sid = a_service(app)
    statuses = [client.post(URL, json=body(sid, key=f"burst-of-reports-{n:04d}")).status_code for n in range(100)]
    assert statuses[:10] == [201] * 10 and set(statuses[10:]) == {429}
    limited = client.post(URL, json=body(sid, key="one-more-report-0001"))
    assert limited.headers["Retry-After"] == "60" and "try again" in limited.get_json()["detail"]
    assert stored(app) == 10
    replays = [client.post(URL, json=body(sid, key="burst-of-reports-0000"), environ_base={"REMOTE_ADDR": "10.0.0.9"})
               for _ in range(100)]
    assert [r.status_code for r in replays[:10]] == [200] * 10 and stored(app) == 10
    with app.app_context():  # no address is kept, only hourly salted hashes
        buckets = db.session.scalars(select(RateLimitHit.bucket)).all()
        assert buckets and not any("127.0.0.1" in b or "10.0.0.9" in b for b in buckets)
        assert all(len(b) == 64 for b in buckets)


def test_the_form_is_rate_limited_too(app, client):
    sid = a_service(app)
    url = f"/en/services/{sid}/report"
    statuses = [client.post(url, data={"idempotency_key": f"form-report-key-{n:04d}", "kind": "closed"}).status_code
                for n in range(12)]
    assert statuses == [201] * 10 + [429] * 2
    assert "Please wait a minute" in client.post(url, data={"idempotency_key": "k" * 20, "kind": "closed"}).get_data(as_text=True)


def test_the_limit_is_shared_by_app_servers_and_forgets_clients_after_the_window(app):
    location = app.config["SQLALCHEMY_DATABASE_URI"]
    other = make_app(location)  # a second, stateless app server on the same database
    try:
        now = datetime(2026, 11, 28, 12, 0, 0)
        args = ("secret", "report", "192.0.2.7", 10, 60)
        with app.app_context():
            assert all(rate_limit.allow(db.session, *args, now=now) for _ in range(5))
        with other.app_context():
            assert all(rate_limit.allow(db.session, *args, now=now) for _ in range(5))
            assert not rate_limit.allow(db.session, *args, now=now + timedelta(seconds=30))
            assert rate_limit.allow(db.session, "secret", "report", "192.0.2.8", 10, 60, now=now)  # someone else
        with app.app_context():
            later = now + timedelta(seconds=61)
            assert rate_limit.allow(db.session, *args, now=later)
            # Everything older than the window is gone: only the request just counted remains.
            assert db.session.scalar(select(func.count()).select_from(RateLimitHit)) == 1
            hour_later = rate_limit.bucket("secret", "report", "192.0.2.7", now + timedelta(hours=1))
            assert hour_later != rate_limit.bucket("secret", "report", "192.0.2.7", now)  # the salt rotates
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


def test_curators_list_reports_from_the_command_line(app, client, runner):
    sid = a_service(app)
    client.post(URL, json=body(sid, details="Line one\nline two", contact="worker@example.org"))
    text = runner.invoke(args=["reports", "list"])
    assert text.exit_code == 0 and sid in text.output and "Line one line two" in text.output
    lines = runner.invoke(args=["reports", "list", "--json", "--status", "new"]).output.splitlines()
    assert [json.loads(line)["contact"] for line in lines] == ["worker@example.org"]
    assert runner.invoke(args=["reports", "list", "--status", "done"]).output.strip() == "No reports."


def test_report_text_reaches_the_curators_terminal_with_control_characters_escaped(app, client, runner):
    sid = a_service(app)
    hostile = "\x1b]0;pwned\x07\x1b[2J\u202eevil"
    forged = f"x\n999\t2026-01-01T00:00:00\tnew\tclosed\t{sid}"
    # reproduction: a report whose details retitle the window and clear the screen, whose contact forges a row
    # reproduction: curl 127.0.0.1:5000/api/reports -H 'Content-Type: application/json' -d '{"idempotency_key":"repro-0000000001","service_id":"SID","kind":"other","details":"\u001b]0;pwned\u0007\u001b[2J","contact":"x\n999\tforged","language":"en"}'; .venv/bin/flask --app pwa_app reports list  # noqa: E501
    client.post(URL, json=body(sid, details=hostile, contact=forged))
    out = runner.invoke(args=["reports", "list"]).output
    assert not any(c in out for c in "\x1b\x07\u202e") and len(out.splitlines()) == 1
    assert "\\x1b]0;pwned\\x07\\x1b[2J\\u202eevil" in out and "x\\n999\\t2026" in out
    line = json.loads(runner.invoke(args=["reports", "list", "--json"]).output)
    assert (line["details"], line["contact"]) == (hostile, forged)  # --json stays as stored (JSON escapes it)
