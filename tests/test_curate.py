"""Curators keep the directory true (issue 19): accounts, the session's guards, editing with conflicts,
verification, reports, the audit trail and its revert, the dashboard. On SQLite and PostgreSQL."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from pwa_app.curate.settle import settle
from pwa_app.db.extensions import db
from pwa_app.db.models import Curator, Metadata, OfflineRecord, Phone, Report, Service
from pwa_app.snapshot import versions
from pwa_app.snapshot.records import Settings

from .curation import settled_app  # noqa: F401 (the module's `app`: every test ends settled)
from .curation import PASSWORD, curator, form_of, log_in, make_account, token




def first_service(app, **where) -> str:
    with app.app_context():
        query = select(Service.id).where(Service.status == "active")
        for name, value in where.items():
            query = query.where(getattr(Service, name) == value)
        return db.session.scalar(query.order_by(Service.id))


def service_with_phone(app) -> tuple[str, str]:
    with app.app_context():
        row = db.session.execute(select(Phone.service_id, Phone.id).where(Phone.service_id.is_not(None))
                                 .order_by(Phone.id)).first()
        return row[0], row[1]


def edit_page(client, sid: str):
    page = client.get(f"/curate/services/{sid}/edit")
    assert page.status_code == 200
    return page, form_of(page.text, f"/curate/services/{sid}/edit")


# --- accounts, from the command line ---------------------------------------------------------------

def test_the_cli_makes_lists_resets_and_disables_accounts(app, runner):
    made = runner.invoke(args=["curators", "add", "Ana@Example.org", "--role", "admin"], input=PASSWORD + "\n")
    assert made.exit_code == 0, made.output
    assert "ana@example.org can now log in" in made.output
    with app.app_context():
        stored = db.session.scalar(select(Curator.password_hash).where(Curator.email == "ana@example.org"))
    assert stored.startswith("scrypt:") and PASSWORD not in stored
    again = runner.invoke(args=["curators", "add", "ana@example.org"], input=PASSWORD + "\n")
    assert again.exit_code != 0 and "already has an account" in again.output and "Nothing was changed" in again.output
    short = runner.invoke(args=["curators", "add", "bo@example.org"], input="short\n")
    assert short.exit_code != 0 and "at least 12 characters" in short.output
    assert "ana@example.org\tadmin\tactive\tnever logged in" in runner.invoke(args=["curators", "list"]).output

    client = app.test_client()
    assert log_in(client, "ana@example.org").status_code == 302
    assert client.get("/curate/").status_code == 200
    assert runner.invoke(args=["curators", "reset", "ana@example.org"], input="another passphrase here\n").exit_code == 0
    assert client.get("/curate/").status_code == 302, "a reset ends the sessions the account had open"
    assert log_in(client, "ana@example.org").status_code == 401
    assert log_in(client, "ana@example.org", "another passphrase here").status_code == 302
    assert runner.invoke(args=["curators", "disable", "ana@example.org"]).exit_code == 0
    assert client.get("/curate/").status_code == 302, "disabling ends the sessions at their next request"
    assert log_in(client, "ana@example.org", "another passphrase here").status_code == 401
    assert "disabled" in runner.invoke(args=["curators", "list"]).output


# --- the session's guards ----------------------------------------------------------------------------

def test_login_sets_a_rotated_httponly_lax_session_only_for_curate(app):
    make_account(app, "c@example.org")
    client = app.test_client()
    page = client.get("/curate/login")
    assert page.status_code == 200 and 'for="email">Email<' in page.text and 'for="password">Password<' in page.text
    before = client.get_cookie("curator", path="/curate")
    response = client.post("/curate/login", data={"email": "c@example.org", "password": PASSWORD, "csrf_token": token(page.text)})
    assert response.status_code == 302 and response.headers["Location"] == "/curate/"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/curate" in cookie and "Secure" not in cookie
    after = client.get_cookie("curator", path="/curate")
    assert before is not None and after.value != before.value
    # The token of the form before the login is not the session's any more.
    assert client.post("/curate/logout", data={"csrf_token": token(page.text)}).status_code == 400
    assert "curator" not in (client.get("/en/").headers.get("Set-Cookie") or "")


def test_the_session_cookie_is_secure_over_https(app):
    make_account(app, "c@example.org")
    client = app.test_client()
    page = client.get("/curate/login", base_url="https://localhost")
    response = client.post("/curate/login", base_url="https://localhost",
                           data={"email": "c@example.org", "password": PASSWORD, "csrf_token": token(page.text)})
    assert response.status_code == 302 and "Secure" in response.headers["Set-Cookie"]


def test_an_idle_session_ends(app):
    client = curator(app)
    assert client.get("/curate/").status_code == 200
    with client.session_transaction("/curate/") as session:
        session["seen"] -= app.config["CURATOR_IDLE_MINUTES"] * 60 + 1
    idle = client.get("/curate/")
    assert idle.status_code == 302 and "expired=1" in idle.headers["Location"]
    assert client.get("/curate/").status_code == 302
    assert "logged out after a time without activity" in client.get(idle.headers["Location"]).text


def test_a_post_without_its_csrf_token_is_refused_and_changes_nothing(app):
    client = curator(app)
    sid = first_service(app)
    page, fields = edit_page(client, sid)
    refused = client.post(f"/curate/services/{sid}/edit", data={**fields, "name": "Forged", "csrf_token": "x"})
    assert refused.status_code == 400 and "This form has expired" in refused.text
    missing = {k: v for k, v in fields.items() if k != "csrf_token"}
    assert client.post(f"/curate/services/{sid}/edit", data={**missing, "name": "Forged"}).status_code == 400
    with app.app_context():
        assert db.session.get(Service, sid).name != "Forged"


def forget_failures(app) -> None:
    from pwa_app.db.models import RateLimitHit

    with app.app_context():
        db.session.query(RateLimitHit).delete()
        db.session.commit()


def test_ten_failures_then_429_for_an_account_and_for_a_client_with_nothing_told(app):
    make_account(app, "real@example.org")
    answers = {}
    for email in ("real@example.org", "nobody@example.org"):
        forget_failures(app)  # the client's own count: see below
        client = app.test_client()
        statuses, messages = [], set()
        for n in range(11):
            r = log_in(client, email, f"wrong password number {n}")
            statuses.append(r.status_code)
            # The wait is in minutes to the turn of the hour: a minute may turn between the two emails.
            messages.add(re.sub(r"\d+", "N", re.search(r'role="alert">([^<]+)<', r.text).group(1)))
        answers[email] = (statuses, messages)
    # An account that exists and one that does not answer alike: no enumeration.
    assert answers["real@example.org"][0] == answers["nobody@example.org"][0] == [401] * 10 + [429]
    assert len(answers["real@example.org"][1]) == 2 and answers["real@example.org"][1] == answers["nobody@example.org"][1]
    late = log_in(app.test_client(), "real@example.org")  # even the right password, until the hour turns
    assert late.status_code == 429 and int(late.headers["Retry-After"]) > 0

    other = app.test_client()  # per client: ten different emails from one address
    make_account(app, "other@example.org")
    forget_failures(app)
    for n in range(10):
        assert log_in(other, f"guess{n}@example.org", "wrong password here").status_code == 401
    assert log_in(other, "other@example.org").status_code == 429


def test_every_curate_response_is_no_store(app):
    client = curator(app, role="admin")
    sid = first_service(app)
    for path in ("/curate/login", "/curate/", f"/curate/services/{sid}/edit", "/curate/no-such-page", "/curate/reports"):
        response = client.get(path)
        assert response.headers["Cache-Control"] == "no-store", path
        assert "ETag" not in response.headers
    assert app.test_client().get("/curate/").headers["Cache-Control"] == "no-store"
    assert "Disallow: /curate/" in app.test_client().get("/robots.txt").text


def test_the_service_worker_never_handles_curate(app, client):
    script = client.get("/sw.js").text
    assert "url.pathname.startsWith('/curate/')) return;" in script


# --- the authorisation matrix ------------------------------------------------------------------------

ANON, CURATOR, ADMIN = "anonymous", "curator", "admin"


def matrix(app):
    """Every /curate/ route, with real ids, and the status each role gets (GET; POST without a valid form)."""
    sid, phone = service_with_phone(app)
    with app.app_context():
        from pwa_app.db.models import ServiceAtLocation
        loc = db.session.scalar(select(ServiceAtLocation.location_id).where(ServiceAtLocation.service_id == sid)) or \
            db.session.scalar(select(ServiceAtLocation.location_id))
        report = Report(idempotency_key="matrix-report-key-0001", service_id=sid, kind="closed", details="", contact="",
                        language="en", created_at=datetime(2026, 1, 1))
        db.session.add(report)
        change = Metadata(id="00000000-0000-4000-8000-000000000001", resource_id=sid, resource_type="service",
                          last_action_date=date(2026, 1, 1), last_action_type="update", field_name="name",
                          previous_value="A", replacement_value="B", updated_by="x", changed_at=datetime(2026, 1, 1))
        db.session.add(change)
        db.session.commit()
        report_id = report.id
    # (method, path, anonymous, curator, admin). A POST here has no form: curators get 400 (CSRF), where
    # the role is allowed at all.
    return [
        ("GET", "/curate/login", 200, 302, 302),
        ("GET", "/curate/language/fr", 302, 302, 302),
        ("POST", "/curate/logout", 302, 400, 400),
        ("GET", "/curate/", 302, 200, 200),
        ("GET", "/curate/services", 302, 200, 200),
        ("GET", f"/curate/services/{sid}/edit", 302, 200, 200),
        ("POST", f"/curate/services/{sid}/edit", 302, 400, 400),
        ("GET", f"/curate/phones/{phone}/edit", 302, 200, 200),
        ("GET", f"/curate/phones/new?parent=service_id:{sid}", 302, 200, 200),
        ("POST", "/curate/phones/new", 302, 400, 400),
        ("POST", f"/curate/phones/{phone}/remove", 302, 400, 400),
        ("POST", f"/curate/services/{sid}/places/{loc}/unlink", 302, 400, 400),
        ("POST", f"/curate/services/{sid}/verify", 302, 400, 400),
        ("GET", f"/curate/services/{sid}/categories", 302, 200, 200),
        ("GET", f"/curate/services/{sid}/history", 302, 200, 200),
        ("GET", f"/curate/services/{sid}/hours", 302, 200, 200),
        ("GET", f"/curate/locations/{loc}/hours", 302, 200, 200),
        ("GET", f"/curate/services/{sid}/translations", 302, 200, 200),
        ("POST", f"/curate/locations/{loc}/coordinates", 302, 400, 400),
        ("GET", "/curate/changes", 302, 200, 200),
        ("POST", "/curate/changes/00000000-0000-4000-8000-000000000001/revert", 302, 400, 400),
        ("GET", "/curate/due", 302, 200, 200),
        ("GET", "/curate/reports", 302, 200, 200),
        ("GET", f"/curate/reports/{report_id}", 302, 200, 200),
        ("GET", "/curate/accounts", 302, 403, 200),
        ("GET", "/curate/import", 302, 403, 200),
        ("POST", "/curate/import/no-such-token/preview", 302, 403, 400),
        ("POST", "/curate/import/no-such-token/confirm", 302, 403, 400),
    ]


def test_authorisation_matrix_every_route_for_every_role(app):
    rows = matrix(app)
    clients = {ANON: app.test_client(), CURATOR: curator(app, "c@example.org"), ADMIN: curator(app, "a@example.org", "admin")}
    got = {}
    for method, path, *expected in rows:
        for role, want in zip((ANON, CURATOR, ADMIN), expected, strict=True):
            response = clients[role].open(path, method=method)
            got[(method, path, role)] = response.status_code
            if role == ANON and want == 302 and path != "/curate/language/fr":
                assert response.headers["Location"].startswith("/curate/login"), path
    wrong = {k: v for k, v in got.items() if v != dict(zip((ANON, CURATOR, ADMIN), next(r[2:] for r in rows
                                                                                        if (r[0], r[1]) == k[:2]), strict=True))[k[2]]}
    assert wrong == {}
    # Every curator route is in the matrix: a new one without its row fails here.
    covered = {re.sub(r"/[0-9a-f-]{36}|/\d+(?=/|$)|/no-such-token", "/<id>", p.split("?")[0]) for _, p, *_ in rows}
    routes = {re.sub(r"<[^>]+>", "<id>", rule.rule) for rule in app.url_map.iter_rules() if rule.rule.startswith("/curate")}
    concrete = {re.sub(r"/(services|phones|locations|changes|reports|import)/<id>", r"/\1/<id>", c) for c in covered}
    generic = {r for r in routes if not any(re.fullmatch(re.sub(r"<id>", "[^/]+", r), c) for c in concrete)}
    assert generic == set(), "curator routes missing from the matrix"


# --- editing -----------------------------------------------------------------------------------------

def test_an_edit_is_checked_saved_audited_and_on_every_page_and_phone_at_once(app):
    client = curator(app)
    sid = first_service(app)
    with app.app_context():
        version = versions.current_version(db.session)
        old_name = db.session.get(Service, sid).name
    page, fields = edit_page(client, sid)
    assert '<label for="f-name">Name' in page.text
    saved = client.post(f"/curate/services/{sid}/edit", data={**fields, "name": "Food bank (edited)", "maximum_age": "64"})
    assert saved.status_code == 302 and saved.headers["Location"].endswith("saved=2")
    assert "Saved. Pages and phones show it now." in client.get(saved.headers["Location"]).text
    assert "Food bank (edited)" in app.test_client().get(f"/en/services/{sid}").text
    assert "Food bank (edited)" in app.test_client().get("/en/search?q=edited").text
    with app.app_context():
        service = db.session.get(Service, sid)
        assert service.maximum_age == 64 and service.last_modified is not None
        trail = db.session.scalars(select(Metadata).where(Metadata.resource_id == sid)).all()
        assert {(m.field_name, m.previous_value, m.replacement_value, m.updated_by, m.last_action_type) for m in trail} >= {
            ("name", old_name, "Food bank (edited)", "curator@example.org", "update")}
        assert versions.current_version(db.session) == version + 1
        assert db.session.get(OfflineRecord, f"service:{sid}").version == version + 1
    feed = app.test_client().get(f"/en/offline/changes.json?since={version}")
    assert feed.status_code == 200 and "Food bank (edited)" in feed.get_data(as_text=True)


def test_bad_values_are_refused_beside_their_field_and_nothing_changes(app):
    client = curator(app)
    sid = first_service(app)
    page, fields = edit_page(client, sid)
    refused = client.post(f"/curate/services/{sid}/edit", data={**fields, "name": "", "email": "not an email",
                                                               "minimum_age": "200"})
    assert refused.status_code == 422
    assert re.search(r'id="f-name"[^>]*aria-invalid="true"', refused.text)
    assert 'id="f-name-error">Required.<' in refused.text
    assert "&#39;not an email&#39; is not an email address." in refused.text and "200 is outside 0 to 130." in refused.text
    assert "Nothing was saved: 3 fields need attention." in refused.text
    with app.app_context():
        assert db.session.get(Service, sid).name == fields["name"]
        assert db.session.scalar(select(func.count()).select_from(Metadata).where(Metadata.resource_id == sid)) == 0


def test_two_curators_editing_one_record_the_second_gets_a_conflict_not_an_overwrite(app):
    first, second = curator(app, "one@example.org"), curator(app, "two@example.org")
    sid = first_service(app)
    _, fields_one = edit_page(first, sid)
    _, fields_two = edit_page(second, sid)
    assert first.post(f"/curate/services/{sid}/edit", data={**fields_one, "description": "Theirs"}).status_code == 302
    conflict = second.post(f"/curate/services/{sid}/edit", data={**fields_two, "description": "Mine"})
    assert conflict.status_code == 409
    assert "Someone saved this record first" in conflict.text
    assert "<del>Theirs</del>" in conflict.text and "<ins>Mine</ins>" in conflict.text
    with app.app_context():
        assert db.session.get(Service, sid).description == "Theirs"
    # "Save mine over theirs" is a deliberate second save, from the version the conflict page showed.
    over = second.post(f"/curate/services/{sid}/edit", data=form_of(conflict.text, f"/curate/services/{sid}/edit"))
    assert over.status_code == 302
    with app.app_context():
        assert db.session.get(Service, sid).description == "Mine"


def test_a_phone_is_checked_as_imports_check_it_added_and_removed(app):
    client = curator(app)
    sid, phone = service_with_phone(app)
    page = client.get(f"/curate/phones/{phone}/edit")
    fields = form_of(page.text, f"/curate/phones/{phone}/edit")
    too_long = client.post(f"/curate/phones/{phone}/edit", data={**fields, "number": "1" * 41})
    assert too_long.status_code == 422 and "41 characters: at most 40 here." in too_long.text
    assert client.post(f"/curate/phones/{phone}/edit", data={**fields, "number": "613-555-0142"}).status_code == 302
    assert "(613) 555-0142" in app.test_client().get(f"/en/services/{sid}").text
    new = client.get(f"/curate/phones/new?parent=service_id:{sid}&service={sid}")
    made = client.post("/curate/phones/new", data={**form_of(new.text, "/curate/phones/new"), "number": "613-555-0199",
                                                    "description": "After hours"})
    assert made.status_code == 302
    new_id = made.headers["Location"].split("/")[3]
    assert "(613) 555-0199" in app.test_client().get(f"/en/services/{sid}").text
    removed = client.post(f"/curate/phones/{new_id}/remove", data={"csrf_token": token(new.text)})
    assert removed.status_code == 302
    with app.app_context():
        assert db.session.get(Phone, new_id) is None
        actions = [m.last_action_type for m in db.session.scalars(select(Metadata).where(Metadata.resource_id == new_id))]
        assert "create" in actions and "delete" in actions


def test_categories_are_picked_from_the_taxonomy(app):
    client = curator(app)
    sid = first_service(app)
    found = client.get(f"/curate/services/{sid}/categories?q=dental")
    assert found.status_code == 200 and "Dental" in found.text
    term = re.search(r'name="term" value="([^"]+)"><input type="hidden" name="on" value="1">', found.text).group(1)
    assert client.post(f"/curate/services/{sid}/categories", data={"term": term, "on": "1", "q": "dental",
                                                                   "csrf_token": token(found.text)}).status_code == 302
    with app.app_context():
        from pwa_app.db.models import Attribute
        assert db.session.scalar(select(Attribute).where(Attribute.link_id == sid, Attribute.taxonomy_term_id == term))
    chosen = client.get(f"/curate/services/{sid}/categories")
    assert client.post(f"/curate/services/{sid}/categories", data={"term": term, "on": "0",
                                                                   "csrf_token": token(chosen.text)}).status_code == 302
    with app.app_context():
        assert not db.session.scalar(select(Attribute).where(Attribute.link_id == sid, Attribute.taxonomy_term_id == term))


def test_translations_are_edited_beside_the_base_text_and_shown_to_readers(app):
    client = curator(app)
    sid = first_service(app)
    page = client.get(f"/curate/services/{sid}/translations?to=es")
    assert page.status_code == 200 and 'class="base" lang="en"' in page.text and 'lang="es" dir="ltr"' in page.text
    fields = form_of(page.text)
    assert client.post(f"/curate/services/{sid}/translations", data={**fields, "t-name": "Banco de alimentos (es)"}).status_code == 302
    assert "Banco de alimentos (es)" in app.test_client().get(f"/es/services/{sid}").text
    page = client.get(f"/curate/services/{sid}/translations?to=es")
    assert client.post(f"/curate/services/{sid}/translations", data={**form_of(page.text), "t-name": ""}).status_code == 302
    assert "Banco de alimentos (es)" not in app.test_client().get(f"/es/services/{sid}").text


# --- verification --------------------------------------------------------------------------------------

def test_verified_today_sets_the_assured_date_and_leaves_the_queue(app):
    client = curator(app)
    due = client.get("/curate/due")
    total = int(re.search(r"<p>(\d+) services?</p>", due.text).group(1))
    assert total > 0
    sid = re.search(r'href="/curate/services/([^/]+)/edit"', due.text).group(1)
    done = client.post(f"/curate/services/{sid}/verify", data={"how": "phone", "note": "Spoke to Sam",
                                                               "next": "/curate/due", "csrf_token": token(due.text)})
    assert done.status_code == 302 and done.headers["Location"] == "/curate/due"
    with app.app_context():
        service = db.session.get(Service, sid)
        assert service.assured_date is not None and service.assurer_email == "curator@example.org"
        notes = [m.replacement_value for m in db.session.scalars(select(Metadata).where(
            Metadata.resource_id == sid, Metadata.field_name == "verification"))]
        assert notes == ["phone: Spoke to Sam"]
    after = client.get("/curate/due")
    assert int(re.search(r"<p>(\d+) services?</p>", after.text).group(1)) == total - 1
    assert f"/curate/services/{sid}/edit" not in after.text
    assert "Last verified on" in client.get(f"/curate/services/{sid}/edit").text


def test_the_queue_keeps_the_threshold_and_filters_by_category_and_town(app):
    from pwa_app.curate import verify
    with app.app_context():
        today = date(2026, 12, 3)
        services = db.session.scalars(select(Service).order_by(Service.id).limit(3)).all()
        services[0].assured_date = today - timedelta(days=30)  # fresh
        services[1].assured_date = verify.months_before(today, 7)  # due at six months
        services[2].assured_date = verify.months_before(today, 5)  # not yet
        settle(db.session, Settings.from_app(app, db.session))  # written behind the editor's back: settled as an import
        db.session.commit()
        ids = {d.service.id for d in verify.due(db.session, today, 6, per_page=10_000)[0]}
        assert services[1].id in ids and services[0].id not in ids and services[2].id not in ids
        ids = {d.service.id for d in verify.due(db.session, today, 4, per_page=10_000)[0]}
        assert services[2].id in ids
        town = verify.areas(db.session)[0]
        in_town = verify.due(db.session, today, 6, area=town, per_page=10_000)[0]
        assert in_town and len(in_town) < verify.due(db.session, today, 6, per_page=10_000)[1]
        food = verify.due(db.session, today, 6, category="food", per_page=10_000)
        assert 0 < food[1] < verify.due(db.session, today, 6)[1]
    assert verify.months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    client = curator(app)
    page = client.get("/curate/due?category=food")
    assert page.status_code == 200 and '<option value="food" selected>' in page.text


# --- reports -----------------------------------------------------------------------------------------

def test_reports_move_from_new_to_resolved_with_a_note_and_contacts_are_erased_in_time(app):
    sid = first_service(app)
    public = app.test_client()
    sent = public.post("/api/reports", json={"idempotency_key": "triage-test-key-00001", "service_id": sid,
                                              "kind": "wrong_phone", "details": "Rings out", "contact": "sam@example.org"})
    assert sent.status_code == 201
    client = curator(app)
    listing = client.get("/curate/reports")
    assert "Wrong phone number: Rings out" in listing.text
    rid = re.search(r'href="/curate/reports/(\d+)"', listing.text).group(1)
    page = client.get(f"/curate/reports/{rid}")
    assert "sam@example.org" in page.text and "erased 90 days after" in page.text
    refused = client.post(f"/curate/reports/{rid}", data={"status": "resolved", "note": "", "csrf_token": token(page.text)})
    assert refused.status_code == 422 and "Say what was done" in refused.text
    moved = client.post(f"/curate/reports/{rid}", data={"status": "in_progress", "note": "", "then": "edit",
                                                         "csrf_token": token(page.text)})
    assert moved.status_code == 302 and moved.headers["Location"] == f"/curate/services/{sid}/edit"
    done = client.post(f"/curate/reports/{rid}", data={"status": "resolved", "note": "Number fixed",
                                                        "csrf_token": token(page.text)})
    assert done.status_code == 302
    with app.app_context():
        report = db.session.get(Report, int(rid))
        assert (report.status, report.resolution_note, report.handled_by) == ("resolved", "Number fixed", "curator@example.org")
        report.created_at = datetime.now() - timedelta(days=91)
        db.session.commit()
    assert "Number fixed" not in client.get("/curate/reports").text  # closed: off the open list
    page = client.get(f"/curate/reports/{rid}")
    assert "sam@example.org" not in page.text and "Erased after 90 days." in page.text
    with app.app_context():
        report = db.session.get(Report, int(rid))
        assert report.contact == "" and report.contact_erased_at is not None


def test_reports_erase_contacts_from_the_command_line(app, runner):
    with app.app_context():
        db.session.add(Report(idempotency_key="old-report-key-000001", service_id="x", kind="closed", details="",
                              contact="0123", language="en", created_at=datetime.now() - timedelta(days=100)))
        db.session.commit()
    result = runner.invoke(args=["reports", "erase-contacts"])
    assert result.exit_code == 0 and "1 contact(s) erased" in result.output


# --- audit ---------------------------------------------------------------------------------------------

def test_every_change_is_in_the_trail_and_one_click_reverts_it(app):
    client = curator(app)
    sid = first_service(app)
    _, fields = edit_page(client, sid)
    original = fields["name"]
    client.post(f"/curate/services/{sid}/edit", data={**fields, "name": "Renamed once"})
    history = client.get(f"/curate/services/{sid}/history")
    assert "<del>" + original in history.text and "<ins>Renamed once</ins>" in history.text
    directory = client.get("/curate/changes")
    assert "Renamed once" in directory.text and "curator@example.org" in directory.text
    revert = form_of(history.text)
    with app.app_context():
        change = db.session.scalar(select(Metadata.id).where(Metadata.resource_id == sid, Metadata.field_name == "name"))
    assert client.post(f"/curate/changes/{change}/revert", data=revert).status_code == 302
    with app.app_context():
        assert db.session.get(Service, sid).name == original
        assert db.session.scalar(select(func.count()).select_from(Metadata).where(
            Metadata.resource_id == sid, Metadata.last_action_type == "revert")) == 1
    # Reverting the first change again, now that the field changed since, is refused: nothing is lost.
    _, fields = edit_page(client, sid)
    client.post(f"/curate/services/{sid}/edit", data={**fields, "name": "Renamed twice"})
    refused = client.post(f"/curate/changes/{change}/revert", data=revert)
    assert refused.status_code == 409 and "changed again since" in refused.text
    with app.app_context():
        assert db.session.get(Service, sid).name == "Renamed twice"


def test_the_trail_is_exported_as_hsds_metadata_and_imports_again(app, tmp_path):
    from pwa_app.hsds.exporter import export_csv
    from pwa_app.hsds.importer import import_package

    client = curator(app)
    sid = first_service(app)
    _, fields = edit_page(client, sid)
    client.post(f"/curate/services/{sid}/edit", data={**fields, "alternate_name": "", "name": "Exported edit"})
    with app.app_context():
        export_csv(db.session, tmp_path / "out")
        text = (tmp_path / "out" / "metadata.csv").read_text(encoding="utf-8")
        assert "Exported edit" in text and "curator@example.org" in text and "changed_at" not in text
        import_package(db.session, tmp_path / "out")  # the trail is valid HSDS: it imports back
        db.session.commit()
        assert db.session.scalar(select(Metadata.changed_at).where(Metadata.replacement_value == "Exported edit"))
        # Replacing the directory with another file keeps the curators' trail: it is the directory's history.
        from pwa_app.cli.database import DEMO_PACKAGE
        summary = import_package(db.session, DEMO_PACKAGE)
        settle(db.session, Settings.from_app(app, db.session))  # as import_directory ends
        db.session.commit()
        assert summary.removed["metadata"] == 0
        assert db.session.scalar(select(Metadata.updated_by).where(Metadata.replacement_value == "Exported edit"))


# --- the dashboard ---------------------------------------------------------------------------------

def test_the_dashboard_draws_its_charts_on_the_server(app):
    client = curator(app)
    page = client.get("/curate/")
    assert page.status_code == 200
    assert page.text.count("<svg viewBox=") == 5 and "Services by months since verified" in page.text
    assert not re.search(r'(src|href)="https?://', page.text.replace('href="https://weather', ""))
    assert "<script" not in page.text
    assert re.search(r'<title>never: \d+</title>', page.text)


def test_the_curator_screens_follow_the_language_choice_in_french(app):
    make_account(app, "c@example.org")
    client = app.test_client()
    client.set_cookie("lang", "fr")
    page = client.get("/curate/login")
    assert 'lang="fr"' in page.text and ">Courriel<" in page.text and ">Mot de passe<" in page.text
    client.post("/curate/login", data={"email": "c@example.org", "password": PASSWORD, "csrf_token": token(page.text)})
    sid = first_service(app)
    fields = form_of(client.get(f"/curate/services/{sid}/edit").text, f"/curate/services/{sid}/edit")
    refused = client.post(f"/curate/services/{sid}/edit", data={**fields, "name": "", "minimum_age": "douze"})
    assert ">Obligatoire.<" in refused.text and "&#39;douze&#39; n&#39;est pas un nombre." in refused.text
    assert ">Nom" in refused.text and "Enregistrer" in refused.text
    client = app.test_client()
    client.set_cookie("lang", "ar")  # the curators' screens are English and French: others read English
    assert ">Password<" in client.get("/curate/login").text
    switch = client.get("/curate/language/fr?next=/curate/login")
    assert switch.status_code == 302 and switch.headers["Location"] == "/curate/login"
    assert ">Mot de passe<" in client.get("/curate/login").text


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/en/"])
def test_login_never_redirects_off_the_curators_pages(app, target):
    make_account(app, "c@example.org")
    client = app.test_client()
    page = client.get(f"/curate/login?next={target}")
    response = client.post("/curate/login", data={"email": "c@example.org", "password": PASSWORD, "next": target,
                                                  "csrf_token": token(page.text)})
    assert response.headers["Location"] == "/curate/"


def test_two_saves_at_once_take_two_versions_of_the_feed(app):
    """The second waits for the first (pwa_app/curate/settle.py): a phone that synced the first sees the second."""
    import threading

    from sqlalchemy.orm import Session

    from pwa_app.curate.settle import settle
    from pwa_app.snapshot.records import Settings

    with app.app_context():
        engine, settings = db.engine, Settings.from_app(app, db.session)
        first, second = db.session.scalars(select(Service.id).where(Service.status == "active").order_by(Service.id)
                                           .limit(2)).all()
    one, two = Session(engine), Session(engine)
    one.get(Service, first).name = "Saved first"
    settle(one, settings)  # not committed yet
    done = threading.Event()

    def later() -> None:
        two.get(Service, second).name = "Saved second"
        settle(two, settings)
        two.commit()
        done.set()

    thread = threading.Thread(target=later)
    thread.start()
    assert not done.wait(1.0), "the second save went ahead while the first was settling"
    one.commit()
    thread.join(30)
    assert done.is_set()
    with app.app_context():
        v1 = db.session.get(OfflineRecord, f"service:{first}").version
        v2 = db.session.get(OfflineRecord, f"service:{second}").version
        assert v2 == v1 + 1
    one.close()
    two.close()


def test_a_new_place_gets_its_coordinates_from_its_address_without_asking_another_host(app):
    from pwa_app.db.models import Address, Location

    client = curator(app)
    sid = first_service(app)
    with app.app_context():
        known = db.session.execute(select(Address, Location).join(Location, Location.id == Address.location_id)
                                   .where(Location.latitude.is_not(None)).order_by(Address.id)).first()
        street, postal, city = known[0].address_1, known[0].postal_code, known[0].city
        lat, lon = known[1].latitude, known[1].longitude
    page = client.get(f"/curate/locations/new?parent=service_id:{sid}&service={sid}")
    made = client.post("/curate/locations/new", data={**form_of(page.text, "/curate/locations/new"),
                                                      "name": "New branch", "location_type": "physical"})
    assert made.status_code == 302
    loc = made.headers["Location"].split("/")[3]
    assert "New branch" in client.get(f"/curate/services/{sid}/edit").text
    page = client.get(f"/curate/addresses/new?parent=location_id:{loc}&service={sid}")
    fields = {**form_of(page.text, "/curate/addresses/new"), "address_1": street, "city": city, "state_province": "ON",
              "postal_code": postal, "country": "CA", "address_type": "physical"}
    assert client.post("/curate/addresses/new", data=fields).status_code == 302
    located = client.post(f"/curate/locations/{loc}/coordinates", data={"csrf_token": token(page.text)})
    assert located.status_code == 302 and "located=address" in located.headers["Location"]
    assert "Taken from another place at the same address" in client.get(located.headers["Location"]).text
    with app.app_context():
        place = db.session.get(Location, loc)
        assert (round(place.latitude, 5), round(place.longitude, 5)) == (round(lat, 5), round(lon, 5))
    # A place in a postal area the directory knows, at an address it does not: the area's centre, said so.
    with app.app_context():
        address = db.session.scalar(select(Address).where(Address.location_id == loc))
        address.address_1 = "1 Nowhere Lane"
        db.session.commit()
    located = client.post(f"/curate/locations/{loc}/coordinates", data={"csrf_token": token(page.text)})
    assert "located=postal" in located.headers["Location"] or "located=city" in located.headers["Location"]


@pytest.mark.parametrize("plural", ["services", "locations", "organizations", "schedules", "addresses", "phones"])
def test_saving_a_form_unchanged_changes_nothing(app, plural):
    """Every value goes back as it came: a coordinate keeps its digits, a date its form, an age its number."""
    from pwa_app.curate.records import BY_PLURAL, HSDS_MODELS

    model = HSDS_MODELS[BY_PLURAL[plural].name]
    with app.app_context():
        ident = db.session.scalar(select(model.id).order_by(model.id))
    client = curator(app)
    page = client.get(f"/curate/{plural}/{ident}/edit")
    saved = client.post(f"/curate/{plural}/{ident}/edit", data=form_of(page.text, f"/curate/{plural}/{ident}/edit"))
    assert saved.status_code == 302 and saved.headers["Location"].endswith("saved=0"), saved.text[:2000]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Metadata)) == 0


def test_a_curators_error_is_a_curator_page_in_their_language(app, monkeypatch):
    """Under /curate/ a missing record, an admin's screen, an address that matches no screen and a
    failure are curator pages (their frame, their language), not the public site's (crisis bar,
    language picker for residents); the public site's own errors are unchanged."""
    client = curator(app, "errors@example.org")
    for path, status, words in (("/curate/services/no-such-service/edit", 404, "There is no such screen or record"),
                                ("/curate/no-such-screen", 404, "There is no such screen or record"),
                                ("/curate/import", 403, "This screen is for admins.")):
        page = client.get(path)
        assert page.status_code == status, path
        assert "Passerelle curation" in page.text and words in page.text and 'class="crisis"' not in page.text, path
        assert page.headers["Cache-Control"] == "no-store"
    assert client.get("/curate/language/fr?next=/curate/").status_code == 302
    assert "Cet écran est réservé aux administrateurs." in client.get("/curate/import").text
    # A failure in a curator's screen.
    from pwa_app.views.curate import work

    monkeypatch.setattr(work, "render", lambda *a, **k: 1 / 0)
    failed = client.get("/curate/")
    assert failed.status_code == 500 and "Un problème est survenu" in failed.text and "Passerelle" in failed.text
    public = app.test_client().get("/en/no-such-page")
    assert public.status_code == 404 and 'class="crisis"' in public.text and "Passerelle curation" not in public.text
