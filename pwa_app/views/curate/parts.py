"""The editors that are more than one object's fields: a week of opening hours, a record's
translations beside its base text, and a place's coordinates from its address."""
from __future__ import annotations

from flask import abort, current_app, redirect, request, url_for
from sqlalchemy import select

from pwa_app.curate import hours as hours_rows, locate, records, translations as record_translations, weekly
from pwa_app.db.extensions import db
from pwa_app.db.models import Address
from pwa_app.views.curate import labels
from pwa_app.views.curate.base import _, bp, render
from pwa_app.views.curate.edit import commit_change, kind_of, locked, now, who
from pwa_app.web import i18n


def owner_of(owner: str, ident: str):
    field = hours_rows.OWNERS.get(owner) or abort(404)
    kind = "service" if owner == "services" else "location"
    obj = records.get(db.session, kind, ident) or abort(404)
    return field, kind, obj


@bp.route("/<owner>/<ident>/hours", methods=["GET", "POST"])
def hours(owner: str, ident: str):
    field, kind, obj = owner_of(owner, ident)
    back = ident if kind == "service" else request.values.get("service", "")
    if request.method == "POST":
        locked(kind, ident)
        current = hours_rows.rows_of(db.session, field, ident)
        if request.form.get("base", "") != hours_rows.fingerprint(current):
            db.session.rollback()
            return render("error.html", title=_("Someone saved these hours first"),
                          message=_("Nothing of yours was saved. Open the hours again to see them as they are now, "
                                    "then make your change again.")), 409
        week, problems = weekly.from_form(request.form)
        if problems:
            db.session.rollback()
            return draw_hours(owner, kind, obj, dict(request.form), problems, back, 422)
        if hours_rows.save(db.session, field, ident, week, who(), now()):
            commit_change()
            return redirect(url_for("curate.hours", owner=owner, ident=ident, service=back or None, saved=1))
        db.session.rollback()
        return redirect(url_for("curate.hours", owner=owner, ident=ident, service=back or None, saved=0))
    week, _used, _kept = weekly.read(hours_rows.as_dicts(hours_rows.rows_of(db.session, field, ident)))
    return draw_hours(owner, kind, obj, weekly.cells(week), {}, back)


def draw_hours(owner, kind, obj, cells, problems, back, status=200):
    field = hours_rows.OWNERS[owner]
    rows = hours_rows.rows_of(db.session, field, obj.id)
    _week, _used, kept = weekly.read(hours_rows.as_dicts(rows))
    return render("hours.html", owner=owner, kind=kind, obj=obj, cells=cells, problems=labels.problems(problems), back=back,
                  days=weekly.DAYS, shifts=range(1, weekly.SHIFTS + 1), kept=kept, labels=labels,
                  closures=int(cells.get("closures", weekly.EXTRA_ROWS) or weekly.EXTRA_ROWS),
                  specials=int(cells.get("specials", weekly.EXTRA_ROWS) or weekly.EXTRA_ROWS),
                  base=hours_rows.fingerprint(rows), saved=request.args.get("saved"), field=field), status


@bp.route("/<plural>/<ident>/translations", methods=["GET", "POST"])
def translations(plural: str, ident: str):
    kind = kind_of(plural).name
    if kind not in record_translations.TRANSLATABLE:
        abort(404)
    obj = records.get(db.session, kind, ident) or abort(404)
    base_lang = current_app.config["DEFAULT_LANGUAGE"]
    targets = [lg for lg in i18n.languages() if lg.code != base_lang]
    code = request.values.get("to", "fr" if any(lg.code == "fr" for lg in targets) else targets[0].code)
    target = next((lg for lg in targets if lg.code == code), None) or abort(404)
    fields = [f for f in record_translations.TRANSLATABLE[kind] if getattr(obj, f, None)]
    have = record_translations.current(db.session, kind, ident, target.bcp47)
    problems, status, values = {}, 200, have
    if request.method == "POST":
        locked(kind, ident)
        submitted = {f: request.form.get(f"t-{f}", "") for f in fields}
        if request.form.get("base", "") != records.fingerprint(have):
            db.session.rollback()
            return render("error.html", title=_("Someone saved these translations first"),
                          message=_("Nothing of yours was saved. Open the translations again to see them as they are now.")), 409
        problems = record_translations.check(submitted)
        if not problems:
            if record_translations.save(db.session, kind, ident, target.bcp47, submitted, who(), now()):
                commit_change()
            return redirect(url_for("curate.translations", plural=plural, ident=ident, to=target.code, saved=1))
        db.session.rollback()
        values, status = submitted, 422
    return render("translations.html", kind=kind, plural=plural, obj=obj, fields=fields, values=values,
                  problems=labels.problems(problems), targets=targets, target=target, labels=labels,
                  base=records.fingerprint(have), saved=request.args.get("saved"),
                  service_ids=records.services_of(db.session, kind, obj)), status


@bp.route("/locations/<ident>/coordinates", methods=["POST"])
def coordinates(ident: str):
    loc = locked("location", ident)
    address = db.session.scalars(select(Address).where(Address.location_id == ident).order_by(Address.id)).first()
    found = locate.from_address(db.session, address) if address else None
    if found is None:
        db.session.rollback()
        return render("error.html", title=_("No coordinates found"),
                      message=_("The directory knows no other place at this address, in its postal area or in "
                                "its town. Type the coordinates instead.")), 422
    values = records.values_of(loc, "location")
    outcome = records.save(db.session, "location", loc, {**values, "latitude": records.as_text(found.latitude),
                                                         "longitude": records.as_text(found.longitude)},
                           records.fingerprint(values), who(), now())
    if outcome.changed:
        commit_change()
    return redirect(url_for("curate.edit", plural="locations", ident=ident, saved=len(outcome.changed), located=found.source,
                            near=found.name))
