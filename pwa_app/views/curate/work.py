"""The curators' desk: the freshness dashboard, the verification queue and the reports people sent."""
from __future__ import annotations

from flask import abort, current_app, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import select

from pwa_app.curate import accounts, freshness, triage, verify
from pwa_app.db.extensions import db
from pwa_app.db.models import Report, Service
from pwa_app.present.categories import load_tree
from pwa_app.web.pages import term_names
from pwa_app.views.curate import labels
from pwa_app.views.curate.base import _, admin_only, bp, page_number, render
from pwa_app.views.curate.edit import now, today
from pwa_app.web import i18n

PER_PAGE = 50


def retention() -> None:
    """Erase the contacts older than the retention period (at every look at the reports, and on the CLI)."""
    if triage.erase_old_contacts(db.session, now(), current_app.config["REPORT_RETENTION_DAYS"]):
        db.session.commit()


@bp.route("/")
def home():
    retention()
    roots = load_tree(db.session).children.get(None, [])
    names = term_names(roots) if roots else {}
    charts = {
        "verified": freshness.verified_ages(db.session, today()),
        "reports": freshness.open_reports(db.session, now()),
        "categories": freshness.per_category(db.session, lambda t: str(names.get(t.id, t.name))),
        "areas": freshness.per_area(db.session),
        "translations": freshness.translation_coverage(
            db.session, tuple(lg.bcp47 for lg in i18n.languages()), i18n.Lang(current_app.config["DEFAULT_LANGUAGE"], "").bcp47),
    }
    due_count = verify.due(db.session, today(), current_app.config["VERIFY_MONTHS"], per_page=1)[1]
    return render("home.html", charts=charts, due_count=due_count, report_counts=triage.counts(db.session),
                  months=current_app.config["VERIFY_MONTHS"])


@bp.route("/due")
def due():
    category, area = request.args.get("category", "")[:120], request.args.get("area", "")[:200]
    page = page_number()
    months = current_app.config["VERIFY_MONTHS"]
    rows, total = verify.due(db.session, today(), months, category, area, page, PER_PAGE)
    tree = load_tree(db.session)
    roots = sorted(tree.children.get(None, []), key=lambda t: (t.code or "", t.name))
    names = term_names(roots) if roots else {}
    return render("due.html", rows=rows, total=total, page=page, per_page=PER_PAGE, months=months, category=category,
                  area=area, categories=[(t.slug, str(names.get(t.id, t.name))) for t in roots if t.slug],
                  areas=verify.areas(db.session), how=verify.HOW, labels=labels)


@bp.route("/reports")
def reports():
    retention()
    show = request.args.get("show", "open")
    states = triage.OPEN if show == "open" else tuple(s for s in triage.STATES if s not in triage.OPEN)
    page = page_number()
    rows, total = triage.listing(db.session, states, page, PER_PAGE)
    names = dict(db.session.execute(select(Service.id, Service.name).where(Service.id.in_({r.service_id for r in rows}))).all())
    return render("reports.html", rows=rows, total=total, page=page, per_page=PER_PAGE, show=show, names=names,
                  counts=triage.counts(db.session), labels=labels)


@bp.route("/reports/<int:report_id>", methods=["GET", "POST"])
def report(report_id: int):
    retention()
    row = db.session.get(Report, report_id) or abort(404)
    service = db.session.get(Service, row.service_id)
    error = ""
    if request.method == "POST":
        try:
            triage.move(db.session, row, request.form.get("status", ""), request.form.get("note", ""),
                        current_user.email, now())
        except ValueError:
            db.session.rollback()
            row = db.session.get(Report, report_id)
            error = _("Say what was done before closing the report.")
        else:
            db.session.commit()
            if request.form.get("then") == "edit" and service is not None:
                return redirect(url_for("curate.edit", plural="services", ident=service.id))
            return redirect(url_for("curate.reports"))
    return render("report.html", row=row, service=service, labels=labels, states=triage.STATES, error=error,
                  retention=current_app.config["REPORT_RETENTION_DAYS"]), 422 if error else 200


@bp.route("/accounts")
@admin_only
def people():
    return render("accounts.html", rows=accounts.everyone(db.session))


