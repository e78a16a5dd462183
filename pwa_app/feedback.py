"""Report a problem with a service: a plain form that works without JavaScript."""
from __future__ import annotations

import uuid

from flask import abort, g, render_template, request
from sqlalchemy import select

from . import i18n, reports
from .directory import presenter
from .extensions import db
from .models import Service

bp = i18n.localized_blueprint("feedback", __name__)


@bp.route("/services/<service_id>/report", methods=["GET", "POST"])
def report(service_id: str):
    record = db.session.get(Service, service_id)
    if record is None:
        abort(404)
    name = presenter().picker.pick("service", record, "name")
    error = None
    if request.method == "POST":
        if request.form.get("website"):  # the honeypot: people never see this field
            return render_template("feedback/thanks.html", name=name, service_id=service_id), 201
        try:
            sub = reports.validate(request.form, service_id, g.lang)
        except reports.ReportRejected as exc:
            error = exc.field
        else:
            reports.store(db.session, sub)
            return render_template("feedback/thanks.html", name=name, service_id=service_id), 201
    return render_template("feedback/report.html", name=name, service_id=service_id, error=error,
                           kinds=reports.KINDS, form=request.form, key=request.form.get("idempotency_key") or uuid.uuid4().hex), 400 if error else 200
