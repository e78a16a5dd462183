"""Report a problem with a service: a plain form that works without JavaScript, and a JSON
endpoint for the reports phones queue while offline. Both store each idempotency key once."""
from __future__ import annotations

import uuid

from flask import Blueprint, abort, current_app, g, jsonify, render_template, request

from pwa_app.web import i18n, request_input
from pwa_app.web.site import from_this_site
from pwa_app.db import rate_limit, reports
from pwa_app.web.pages import presenter
from pwa_app.db.extensions import db
from pwa_app.db.models import Service

bp = i18n.localized_blueprint("feedback", __name__)
api_bp = Blueprint("reports_api", __name__, url_prefix="/api")
HONEYPOT = "website"  # a field people never see; bots fill it in


def within_rate_limit() -> bool:
    """Count this report against its client's limit, shared by every app server through the database."""
    cfg = current_app.config
    return rate_limit.allow(db.session, cfg["SECRET_KEY"], "report", request.remote_addr or "",
                            cfg["REPORT_RATE_LIMIT"], cfg["REPORT_RATE_WINDOW"])


def _limit_body() -> None:
    request.max_content_length = current_app.config["REPORT_MAX_BYTES"]  # larger: 413 before reading


@bp.route("/services/<service_id>/report", methods=["GET", "POST"])
def report(service_id: str):
    record = db.session.get(Service, service_id)
    if record is None:
        abort(404)
    name = presenter().picker.pick("service", record, "name")

    def form_page(error: str | None, status: int, form=None):
        form = request.form if form is None else form
        return render_template("feedback/report.html", name=name, service_id=service_id, error=error,
                               kinds=reports.KINDS, form=form,
                               key=form.get("idempotency_key") or uuid.uuid4().hex), status

    if request.method != "POST":
        return form_page(None, 200)
    if not from_this_site():
        abort(403)  # another site's page posting in the person's name
    _limit_body()
    if not request_input.form_is_text():
        return form_page("text", 400, form={})  # "Something went wrong": nothing of it is shown again
    if request.form.get(HONEYPOT):
        return render_template("feedback/thanks.html", name=name, service_id=service_id), 201
    if not within_rate_limit():
        return form_page("rate", 429)
    try:
        sub = reports.validate(request.form, service_id, g.lang)
    except reports.BrokenText:
        return form_page("text", 400)  # no field's own message fits
    except reports.ReportRejected as exc:
        return form_page(exc.field, 400)
    reports.store(db.session, sub)
    return render_template("feedback/thanks.html", name=name, service_id=service_id), 201


def _problem(status: int, title: str, detail: str, field: str | None = None, headers: dict | None = None):
    body = {"status": status, "title": title, "detail": detail, **({"field": field} if field else {})}
    return jsonify(body), status, headers or {}


@api_bp.route("/reports", methods=["POST"])
def report_json():
    """Store one queued report: 201 when new, 200 when its idempotency key was already stored."""
    if not from_this_site():
        return _problem(403, "Forbidden", "Reports are taken from this site's own pages only.")
    if request.mimetype != "application/json":
        return _problem(415, "Unsupported Media Type", "Send the report as application/json.")
    _limit_body()
    try:
        data = reports.parse_json(request.get_data(cache=False))
        if not reports.KEY_RE.match((data.get("idempotency_key") or "").strip()):
            raise reports.ReportRejected("idempotency_key", "an idempotency_key of 16 to 64 letters, digits or dashes is required")
    except reports.ReportRejected as exc:
        return _problem(400, "Bad Request", str(exc), exc.field)
    if data.get(HONEYPOT):
        return jsonify({"status": "stored"}), 201
    if not within_rate_limit():
        window = current_app.config["REPORT_RATE_WINDOW"]
        return _problem(429, "Too Many Requests", f"Too many reports from here; try again in {window} seconds.",
                        headers={"Retry-After": str(window)})
    service_id = data.get("service_id") or ""
    if db.session.get(Service, service_id) is None:
        return _problem(404, "Not Found", "No service has this service_id.", "service_id")
    language = data.get("language") if i18n.is_supported(data.get("language")) else current_app.config["DEFAULT_LANGUAGE"]
    try:
        sub = reports.validate(data, service_id, language)
    except reports.ReportRejected as exc:
        return _problem(400, "Bad Request", str(exc), exc.field)
    _report, new = reports.store(db.session, sub)
    return jsonify({"status": "stored" if new else "duplicate", "idempotency_key": sub.key}), 201 if new else 200
