"""Edit one HSDS object of any kind a page shows: read it as text, check it, save it, or refuse.

The checks are the importer's (`pwa_app.hsds.validate.check_row` against the same HSDS 3.0
schema), so an edit can never put into the directory what an import would refuse. A save names the
version of the record its form was drawn from (`fingerprint`); when the record changed since, the
save is refused as a `Conflict` that holds both versions, and nothing is written. Every field that
changes is written to the audit trail (audit.py) in the same transaction.

Size: one table of what each kind of object is (its place in the URL, what it belongs to), and the
four writes (save, create, delete, and the link between a service and a category) sharing the checks.
"""
from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pwa_app.curate import audit
from pwa_app.db.models import HSDS_MODELS, Attribute, Location, Service, ServiceAtLocation, Translation
from pwa_app.hsds.schema import resources
from pwa_app.hsds.validate import check_row


@dataclass(frozen=True)
class Kind:
    name: str  # the HSDS resource
    plural: str  # its place in curator URLs: /curate/<plural>/<id>/edit
    parents: tuple[str, ...] = ()  # the foreign keys a new one may be made under
    removable: bool = True


KINDS = {k.name: k for k in (
    Kind("service", "services", removable=False),
    Kind("organization", "organizations", removable=False),
    Kind("location", "locations", parents=("service_id",), removable=False),
    Kind("address", "addresses", parents=("location_id",)),
    Kind("phone", "phones", parents=("service_id", "location_id", "organization_id")),
    Kind("schedule", "schedules", parents=("service_id", "location_id")),
    Kind("language", "languages", parents=("service_id", "location_id")),
    Kind("cost_option", "cost-options", parents=("service_id",)),
    Kind("required_document", "required-documents", parents=("service_id",)),
    Kind("service_area", "service-areas", parents=("service_id",)),
    Kind("accessibility", "accessibility", parents=("location_id",)),
)}
BY_PLURAL = {k.plural: k for k in KINDS.values()}
# Set by other steps, not typed: verification sets assured_date and assurer_email (verify.py), a save last_modified.
NOT_TYPED = {"service": {"assured_date", "assurer_email", "last_modified"}}


def editable_fields(kind: str) -> list[str]:
    """The fields a curator types, in the schema's order: not the id, not a link to another object."""
    skip = NOT_TYPED.get(kind, set())
    return [f.name for f in resources()[kind].fields
            if f.name != "id" and not f.name.endswith("_id") and f.name not in skip]


def as_text(value) -> str:
    """A stored value as a form shows it (and the audit trail writes it): "" for none."""
    if value is None:
        return ""
    if isinstance(value, float):  # every digit it has (a coordinate keeps its precision), no ".0" on a whole number
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def get(session: Session, kind: str, ident: str):
    return session.get(HSDS_MODELS[kind], ident)


def values_of(obj, kind: str) -> dict[str, str]:
    return {name: as_text(getattr(obj, name)) for name in editable_fields(kind)}


def fingerprint(values: dict[str, str]) -> str:
    """The version of a record a form was drawn from: a save from an older one is a conflict."""
    body = json.dumps(values, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(body.encode()).hexdigest()[:32]


@dataclass
class Outcome:
    problems: dict[str, str] = field(default_factory=dict)  # field -> message, shown beside it
    changed: list[str] = field(default_factory=list)
    conflict: dict[str, tuple[str, str]] | None = None  # field -> (saved now, yours), when someone saved first
    current: str = ""  # the fingerprint of the record as saved now

    @property
    def ok(self) -> bool:
        return not self.problems and self.conflict is None


def check(kind: str, submitted: dict[str, str], stored: dict | None = None) -> tuple[dict, dict[str, str]]:
    """The values a form's text stands for, and the problems, by field: the importer's checks, on one row."""
    row = dict(stored or {})
    row.update({name: submitted.get(name, "") for name in editable_fields(kind)})
    row.setdefault("id", str(uuid.uuid4()))
    values, problems = check_row(resources()[kind], row, kind)
    return values, {p.where.rpartition(":")[2]: p.message for p in problems}


def _stored_row(obj, kind: str) -> dict[str, str]:
    return {f.name: as_text(getattr(obj, f.name)) for f in resources()[kind].fields}


def save(session: Session, kind: str, obj, submitted: dict[str, str], base: str, who: str,
         now: datetime | None = None) -> Outcome:
    """Write the fields that changed, or say why not (problems, or a conflict with a newer save)."""
    now = now or _now()
    before = values_of(obj, kind)
    outcome = Outcome(current=fingerprint(before))
    if base != outcome.current:
        theirs = {n: (before[n], submitted.get(n, "")) for n in before}
        outcome.conflict = {n: pair for n, pair in theirs.items() if pair[0] != pair[1]}
        return outcome
    values, outcome.problems = check(kind, submitted, _stored_row(obj, kind))
    if outcome.problems:
        return outcome
    for name in editable_fields(kind):
        old, new = getattr(obj, name), values.get(name)
        if as_text(old) != as_text(new):
            setattr(obj, name, new)
            audit.record(session, kind, obj.id, "update", name, as_text(old), as_text(new), who, now)
            outcome.changed.append(name)
    if outcome.changed:
        touch(session, kind, obj, now)
    outcome.current = fingerprint(values_of(obj, kind))
    return outcome


def create(session: Session, kind: str, parent_field: str, parent_id: str, submitted: dict[str, str], who: str,
           now: datetime | None = None) -> tuple[object | None, dict[str, str]]:
    """A new object under its parent (a phone of a service, an address of a location), or the problems."""
    now = now or _now()
    spec = KINDS[kind]
    if parent_field not in spec.parents:
        raise ValueError(f"a {kind} is not made under {parent_field}")
    stored = {parent_field: parent_id}
    if kind == "location":  # a service's new place: the organization's, linked to the service
        stored = {"organization_id": session.get(Service, parent_id).organization_id}
    if kind == "cost_option":
        stored["service_id"] = parent_id
    values, problems = check(kind, submitted, stored)
    if problems:
        return None, problems
    obj = HSDS_MODELS[kind](**values)
    session.add(obj)
    if kind == "location":
        session.add(ServiceAtLocation(id=str(uuid.uuid4()), service_id=parent_id, location_id=obj.id))
    for name in editable_fields(kind):
        if values.get(name) is not None:
            audit.record(session, kind, obj.id, "create", name, "", as_text(values[name]), who, now)
    audit.record(session, kind, obj.id, "create", parent_field, "", parent_id, who, now)
    session.flush()
    touch(session, kind, obj, now)
    return obj, {}


def remove(session: Session, kind: str, obj, who: str, now: datetime | None = None) -> None:
    """Delete a part of a record (a phone, a schedule...), every field it had written to the audit trail."""
    now = now or _now()
    if not KINDS[kind].removable:
        raise ValueError(f"a {kind} is not removed from here")
    touch(session, kind, obj, now)
    for name, value in _stored_row(obj, kind).items():
        if value and name != "id":
            audit.record(session, kind, obj.id, "delete", name, value, "", who, now)
    # Its text in other languages goes with it: a translation of nothing would stop an export from importing.
    for row in session.scalars(select(Translation).where(Translation.entity == kind, Translation.id == obj.id)):
        audit.record(session, kind, obj.id, "delete", f"{row.field} ({row.language})", row.value, "", who, now)
        session.delete(row)
    session.delete(obj)


def unlink_location(session: Session, service_id: str, location_id: str, who: str, now: datetime | None = None) -> None:
    """The service is no longer offered at the location (the location stays, for other services)."""
    now = now or _now()
    for link in session.scalars(select(ServiceAtLocation).where(ServiceAtLocation.service_id == service_id,
                                                                ServiceAtLocation.location_id == location_id)):
        audit.record(session, "service_at_location", link.id, "delete", "location_id", location_id, "", who, now)
        session.delete(link)
    _touch(session, service_id, now)


def set_category(session: Session, service_id: str, term_id: str, on: bool, who: str,
                 now: datetime | None = None) -> bool:
    """Add or remove one category of a service (an HSDS attribute); False when nothing changed."""
    now = now or _now()
    found = session.scalars(select(Attribute).where(Attribute.link_entity == "service", Attribute.link_id == service_id,
                                                    Attribute.taxonomy_term_id == term_id)).all()
    if on and not found:
        attr = Attribute(id=str(uuid.uuid4()), link_id=service_id, taxonomy_term_id=term_id, link_entity="service",
                         link_type="service")
        session.add(attr)
        audit.record(session, "attribute", attr.id, "create", "taxonomy_term_id", "", term_id, who, now)
    elif not on and found:
        for attr in found:
            audit.record(session, "attribute", attr.id, "delete", "taxonomy_term_id", term_id, "", who, now)
        session.execute(delete(Attribute).where(Attribute.id.in_([a.id for a in found])))
    else:
        return False
    _touch(session, service_id, now)
    return True


def revert(session: Session, change_id: str, who: str, now: datetime | None = None) -> str:
    """Put one field back as it was before a change; the revert is itself a change in the trail.

    Returns "" when done, else why not: the record or the field changed again since (revert the
    later change first), or the change is not a field's update.
    """
    now = now or _now()
    change = audit.get(session, change_id)
    if change is None or change.last_action_type not in ("update", "revert") or change.resource_type not in KINDS:
        return "only a change to a field of a record can be reverted"
    obj = get(session, change.resource_type, change.resource_id)
    if obj is None:
        return "the record is no longer in the directory"
    kind, name = change.resource_type, change.field_name
    if name not in editable_fields(kind) and name not in NOT_TYPED.get(kind, ()):
        return "this field is not edited here"
    now_text = as_text(getattr(obj, name))
    if now_text != audit.text_of(change.replacement_value):
        return "the field changed again since: revert the later change first"
    wanted = audit.text_of(change.previous_value)
    values, problems = check(kind, {**values_of(obj, kind), name: wanted}, _stored_row(obj, kind))
    if name in problems:
        return problems[name]
    setattr(obj, name, values.get(name))
    audit.record(session, kind, obj.id, "revert", name, now_text, wanted, who, now)
    touch(session, kind, obj, now)
    return ""


def services_of(session: Session, kind: str, obj) -> list[str]:
    """The services whose pages show this object (where a save takes the curator back to)."""
    if kind == "service":
        return [obj.id]
    if getattr(obj, "service_id", None):
        return [obj.service_id]
    if getattr(obj, "service_at_location_id", None):
        return list(session.scalars(select(ServiceAtLocation.service_id)
                                    .where(ServiceAtLocation.id == obj.service_at_location_id)))
    location_id = obj.id if kind == "location" else getattr(obj, "location_id", None)
    if location_id:
        return list(session.scalars(select(ServiceAtLocation.service_id)
                                    .where(ServiceAtLocation.location_id == location_id)))
    if kind == "organization" or getattr(obj, "organization_id", None):
        org = obj.id if kind == "organization" else obj.organization_id
        return list(session.scalars(select(Service.id).where(Service.organization_id == org).order_by(Service.name)))
    return []


def locations_of(session: Session, service_id: str) -> list[Location]:
    return list(session.scalars(select(Location).join(ServiceAtLocation, ServiceAtLocation.location_id == Location.id)
                                .where(ServiceAtLocation.service_id == service_id).order_by(Location.name)))


# session.info key: the services whose pages a transaction's changes touch, for settle.py to rebuild.
CHANGED = "passerelle.changed_services"


def touch(session: Session, kind: str, obj, now: datetime) -> None:
    """Every change calls this (before a removal): the services that show `obj` were modified now."""
    for sid in services_of(session, kind, obj):
        _touch(session, sid, now)


def _touch(session: Session, service_id: str, now: datetime) -> None:
    session.info.setdefault(CHANGED, set()).add(service_id)
    service = session.get(Service, service_id)
    if service is not None:
        service.last_modified = now.replace(microsecond=0)


def changed(session: Session) -> set[str]:
    """The services this transaction's changes touched (and forget them: the next transaction starts afresh)."""
    return session.info.pop(CHANGED, set())


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

