"""Finding a service and editing every object its page shows, its categories and its history.

Every save goes through pwa_app.curate.records (the importer's checks, the audit trail, conflicts)
and then pwa_app.curate.settle (search index, phones' snapshots, data version) in one transaction.
"""
from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, current_app, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import func, or_, select

from pwa_app.core import phones
from pwa_app.curate import audit, records, verify
from pwa_app.curate.settle import settle
from pwa_app.curate.translations import TRANSLATABLE
from pwa_app.hsds.schema import resources
from pwa_app.db.extensions import db
from pwa_app.db.models import (Accessibility, Address, Attribute, CostOption, Language, Organization, Phone,
                               RequiredDocument, Schedule, Service, ServiceArea, TaxonomyTerm)
from pwa_app.snapshot.records import Settings
from pwa_app.views.curate import labels
from pwa_app.views.curate.base import _, bp, page_number, render
from pwa_app.web.pages import term_names

PER_PAGE = 50


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def who() -> str:
    return current_user.email


def commit_change() -> None:
    """What derives from the records, then one commit: the edit and everything it changes, or nothing."""
    settle(db.session, Settings.from_app(current_app, db.session), services=records.changed(db.session))
    db.session.commit()


def kind_of(plural: str) -> records.Kind:
    kind = records.BY_PLURAL.get(plural)
    if kind is None:
        abort(404)
    return kind


def locked(kind: str, ident: str):
    """The object, locked for this transaction where the engine can (PostgreSQL), so two saves queue."""
    obj = db.session.get(records.HSDS_MODELS[kind], ident, with_for_update=True)
    if obj is None:
        abort(404)
    return obj


@bp.route("/services")
def services():
    q = request.args.get("q", "")[:200].strip()
    query = select(Service)
    if q:
        like = f"%{q.lower()}%"
        query = query.where(or_(func.lower(Service.name).like(like), Service.id == q,
                                Service.organization_id.in_(select(Organization.id)
                                                            .where(func.lower(Organization.name).like(like)))))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    page = page_number()
    rows = db.session.scalars(query.order_by(Service.name, Service.id).offset((page - 1) * PER_PAGE).limit(PER_PAGE))
    return render("services.html", rows=list(rows), q=q, total=total, page=page, per_page=PER_PAGE)


def form_values(kind: str) -> dict[str, str]:
    return {name: request.form.get(name, "") for name in records.editable_fields(kind)}


def parts_of(service: Service) -> dict:
    """What the service's page shows, for the sections under its form."""
    sid = service.id
    by = lambda model, col: list(db.session.scalars(select(model).where(col == sid).order_by(model.id)))  # noqa: E731
    places = []
    for loc in records.locations_of(db.session, sid):
        places.append({
            "location": loc,
            "addresses": list(db.session.scalars(select(Address).where(Address.location_id == loc.id).order_by(Address.id))),
            "phones": list(db.session.scalars(select(Phone).where(Phone.location_id == loc.id, Phone.service_id.is_(None))
                                              .order_by(Phone.id))),
            "schedules": list(db.session.scalars(select(Schedule).where(Schedule.location_id == loc.id,
                                                                        Schedule.service_id.is_(None)).order_by(Schedule.id))),
            "accessibility": list(db.session.scalars(select(Accessibility).where(Accessibility.location_id == loc.id)
                                                     .order_by(Accessibility.id))),
        })
    terms = list(db.session.scalars(select(TaxonomyTerm).join(Attribute, Attribute.taxonomy_term_id == TaxonomyTerm.id)
                                    .where(Attribute.link_entity == "service", Attribute.link_id == sid)
                                    .order_by(TaxonomyTerm.name)))
    org_phones = list(db.session.scalars(select(Phone).where(
        Phone.organization_id == service.organization_id, Phone.service_id.is_(None), Phone.location_id.is_(None),
        Phone.service_at_location_id.is_(None)).order_by(Phone.id))) if service.organization_id else []
    return {"places": places, "phones": by(Phone, Phone.service_id), "org_phones": org_phones,
            "schedules": by(Schedule, Schedule.service_id),
            "languages": by(Language, Language.service_id), "costs": by(CostOption, CostOption.service_id),
            "documents": by(RequiredDocument, RequiredDocument.service_id),
            "areas": by(ServiceArea, ServiceArea.service_id), "terms": terms}


def draw(kind: str, obj, values: dict[str, str], problems: dict[str, str], status: int = 200, **extra):
    service_ids = records.services_of(db.session, kind, obj) if obj is not None else []
    located = request.args.get("located", "")
    context = {"kind": kind, "spec": records.KINDS[kind], "obj": obj, "values": values,
               "problems": labels.problems(problems),
               "fields": records.editable_fields(kind), "labels": labels, "service_ids": service_ids,
               "saved": request.args.get("saved"), "schema_fields": {f.name: f for f in resources()[kind].fields},
               "translatable": kind in TRANSLATABLE, "back": "",
               "located": str(labels.LOCATED[located]) % {"name": request.args.get("near", "")[:200]}
               if located in labels.LOCATED else "", **extra}
    if kind == "phone" and values.get("number"):
        context["dial"] = phones.dial(values["number"], values.get("extension") or None,
                                      current_app.config["PHONE_COUNTRY_CODE"])
    if kind == "service" and obj is not None:
        context.update(parts=parts_of(obj), how=verify.HOW,
                       due_months=current_app.config["VERIFY_MONTHS"],
                       age=verify.age_in_months(obj.assured_date, now().date()))
    return render("edit.html", **context), status


@bp.route("/<plural>/<ident>/edit", methods=["GET", "POST"])
def edit(plural: str, ident: str):
    kind = kind_of(plural).name
    if request.method == "GET":
        obj = records.get(db.session, kind, ident) or abort(404)
        values = records.values_of(obj, kind)
        return draw(kind, obj, values, {}, base=records.fingerprint(values))
    obj = locked(kind, ident)
    submitted = form_values(kind)
    outcome = records.save(db.session, kind, obj, submitted, request.form.get("base", ""), who(), now())
    if outcome.conflict is not None:
        db.session.rollback()
        obj = records.get(db.session, kind, ident)
        return render("conflict.html", kind=kind, obj=obj, conflict=outcome.conflict, labels=labels,
                      mine=submitted, base=outcome.current, plural=plural), 409
    if outcome.problems:
        db.session.rollback()
        return draw(kind, records.get(db.session, kind, ident), submitted, outcome.problems, 422,
                    base=request.form.get("base", ""))
    if outcome.changed:
        commit_change()
    return redirect(url_for("curate.edit", plural=plural, ident=ident, saved=len(outcome.changed)))


@bp.route("/<plural>/new", methods=["GET", "POST"])
def new(plural: str):
    spec = kind_of(plural)
    parent_field, _sep, parent_id = request.values.get("parent", "").partition(":")
    if parent_field not in spec.parents or not parent_id:
        abort(404)
    parent_model = {"service_id": Service, "location_id": records.HSDS_MODELS["location"],
                    "organization_id": Organization}[parent_field]
    if db.session.get(parent_model, parent_id) is None:
        abort(404)
    back = request.values.get("service", "")
    if request.method == "GET":
        return draw(spec.name, None, {n: "" for n in records.editable_fields(spec.name)}, {},
                    parent=f"{parent_field}:{parent_id}", back=back)
    obj, problems = records.create(db.session, spec.name, parent_field, parent_id, form_values(spec.name), who(), now())
    if problems:
        db.session.rollback()
        return draw(spec.name, None, form_values(spec.name), problems, 422, parent=f"{parent_field}:{parent_id}", back=back)
    commit_change()
    return redirect(url_for("curate.edit", plural=plural, ident=obj.id, saved=1))


@bp.route("/<plural>/<ident>/remove", methods=["POST"])
def remove(plural: str, ident: str):
    spec = kind_of(plural)
    if not spec.removable:
        abort(405)
    obj = locked(spec.name, ident)
    service_ids = records.services_of(db.session, spec.name, obj)
    records.remove(db.session, spec.name, obj, who(), now())
    commit_change()
    if service_ids:
        return redirect(url_for("curate.edit", plural="services", ident=service_ids[0], saved=1))
    return redirect(url_for("curate.services"))


@bp.route("/services/<ident>/places/<location_id>/unlink", methods=["POST"])
def unlink(ident: str, location_id: str):
    locked("service", ident)
    records.unlink_location(db.session, ident, location_id, who(), now())
    commit_change()
    return redirect(url_for("curate.edit", plural="services", ident=ident, saved=1))


@bp.route("/services/<ident>/verify", methods=["POST"])
def verified(ident: str):
    service = locked("service", ident)
    how = request.form.get("how", "")
    if how not in verify.HOW:
        abort(400)
    verify.verify(db.session, service, how, request.form.get("note", ""), who(), today(), now())
    commit_change()
    target = request.form.get("next", "")
    if target.startswith("/curate/") and not target.startswith("//"):
        return redirect(target)
    return redirect(url_for("curate.edit", plural="services", ident=ident, saved=1))


def today():
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo(current_app.config["REGION_TIMEZONE"])).date()


@bp.route("/services/<ident>/categories", methods=["GET", "POST"])
def categories(ident: str):
    service = db.session.get(Service, ident) or abort(404)
    if request.method == "POST":
        term = db.session.get(TaxonomyTerm, request.form.get("term", "")) or abort(400)
        locked("service", ident)
        if records.set_category(db.session, ident, term.id, request.form.get("on") == "1", who(), now()):
            commit_change()
        return redirect(url_for("curate.categories", ident=ident, q=request.form.get("q", "")))
    q = request.args.get("q", "")[:100].strip()
    chosen = set(db.session.scalars(select(Attribute.taxonomy_term_id).where(Attribute.link_entity == "service",
                                                                             Attribute.link_id == ident)))
    found = []
    if q:
        like = f"%{q.lower()}%"
        found = list(db.session.scalars(select(TaxonomyTerm).where(or_(func.lower(TaxonomyTerm.name).like(like),
                                                                        TaxonomyTerm.code == q))
                                        .order_by(TaxonomyTerm.code, TaxonomyTerm.name).limit(50)))
    current = list(db.session.scalars(select(TaxonomyTerm).where(TaxonomyTerm.id.in_(chosen)).order_by(TaxonomyTerm.name)))
    names = {i: str(n) for i, n in term_names([*current, *found]).items()}  # in the curator's language
    return render("categories.html", service=service, q=q, found=found, current=current, chosen=chosen, names=names)


@bp.route("/services/<ident>/history")
def history(ident: str):
    service = db.session.get(Service, ident) or abort(404)
    parts = parts_of(service)
    ids = [service.id, *(o.id for key in ("phones", "schedules", "languages", "costs", "documents", "areas")
                         for o in parts[key])]
    for place in parts["places"]:
        ids += [place["location"].id, *(o.id for key in ("addresses", "phones", "schedules", "accessibility")
                                        for o in place[key])]
    ids += list(db.session.scalars(select(Attribute.id).where(Attribute.link_entity == "service", Attribute.link_id == ident)))
    return render("history.html", service=service, changes=audit.history(db.session, ids), labels=labels,
                  text_of=audit.text_of)


@bp.route("/changes")
def changes():
    page = page_number()
    rows, total = audit.recent(db.session, page, PER_PAGE, request.args.get("by", "")[:254])
    return render("changes.html", changes=rows, total=total, page=page, per_page=PER_PAGE, labels=labels,
                  text_of=audit.text_of, by=request.args.get("by", "")[:254])


@bp.route("/changes/<change_id>/revert", methods=["POST"])
def revert(change_id: str):
    change = audit.get(db.session, change_id) or abort(404)
    if change.resource_type in records.KINDS:
        locked(change.resource_type, change.resource_id)
    why = records.revert(db.session, change_id, who(), now())
    if why:
        db.session.rollback()
        return render("error.html", title=_("This change cannot be reverted"), message=why), 409
    commit_change()
    target = request.form.get("next", "")
    if target.startswith("/curate/") and not target.startswith("//"):
        return redirect(target)
    return redirect(url_for("curate.changes"))
