"""Turn model objects into HSDS 3.0 JSON objects (the shapes of HSDS's API and JSON examples).

No request and no Flask here: the API and the JSON export both call it. Children are fetched in
batches (one `IN` query per kind of child for a whole page of parents, like `selectinload`), so
the number of queries does not grow with the number of rows. Several HSDS links have no ORM
relationship (attributes point at any table through `link_entity`/`link_id`; languages, contacts
and phones hang off several tables), which is why this batches by column rather than by
relationship.

Empty values are left out rather than written as null: HSDS types its fields as plain strings and
numbers, so a null would not validate. Shapes:
- `service(..., "full")`: the service with phones, schedules, service_areas, service_at_locations
  (each with its location, addresses, accessibility...), languages, organization (with its
  funding, contacts, phones, programs, identifiers), funding, cost_options, program,
  required_documents, contacts, attributes (each with its taxonomy_term) and metadata;
- `"list"`: the service's own fields plus organization and program (HSDS's `service_list`);
- `"minimal"`: id, name, status and last_modified.

Size: one small function per HSDS 3.0 object, in the order of the specification; they call each
other for nested objects.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pwa_app.db.models import (
    LOCAL_COLUMNS,
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Funding,
    Language,
    Location,
    Metadata,
    Organization,
    OrganizationIdentifier,
    Phone,
    Program,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

Variant = Literal["minimal", "list", "full"]
CHUNK = 500  # ids per IN (...): well under every engine's limit on bound parameters
MINIMAL_FIELDS = ("id", "name", "status", "last_modified")
# Required by the HSDS schemas but nullable in the tabular format; an empty string keeps the JSON valid.
REQUIRED_TEXT = {"organization": ("name", "description"), "program": ("name", "description"),
                 "taxonomy": ("name", "description"), "taxonomy_term": ("name", "description"),
                 "service": ("name",)}


def json_value(value):
    """Return a value as HSDS JSON writes it: ISO dates, UTC date-times with Z, whole numbers as integers."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat() + "Z"  # stored as UTC without an offset (see hsds/validate.py)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def fields(record) -> dict:
    """Return a record's own HSDS fields, without empty values or our local columns."""
    table = record.__table__
    skip = LOCAL_COLUMNS.get(table.name, set())
    out = {}
    for column in table.columns:
        if column.key in skip:
            continue
        value = getattr(record, column.key)
        if value is not None and value != "":
            out[column.key] = json_value(value)
    for name in REQUIRED_TEXT.get(table.name, ()):
        out.setdefault(name, "")
    return out


def page(contents: list, total: int, page_number: int, per_page: int) -> dict:
    """Wrap one page of results in an HSDS Page object."""
    total_pages = -(-total // per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(contents),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


class Serializer:
    """Serialize pages of records with a fixed number of queries per page, whatever its size."""

    def __init__(self, session: Session):
        self.session = session

    # -- batch fetching -------------------------------------------------------------------------

    def _rows(self, model, column: str, ids: Iterable[str | None], *where) -> dict[str, list]:
        """Fetch the rows of `model` whose `column` is one of `ids`, grouped by that column."""
        wanted = sorted({i for i in ids if i})
        grouped: dict[str, list] = defaultdict(list)
        attribute = getattr(model, column)
        for chunk in _chunks(wanted):
            query = select(model).where(attribute.in_(chunk), *where).order_by(model.id)
            for row in self.session.scalars(query):
                grouped[getattr(row, column)].append(row)
        return grouped

    def _one_each(self, model, ids: Iterable[str | None]) -> dict[str, object]:
        return {key: rows[0] for key, rows in self._rows(model, "id", ids).items()}

    # -- shared children ------------------------------------------------------------------------

    def _languages(self, column: str, ids: list[str]) -> dict[str, list[dict]]:
        return _many((k, [fields(r) for r in rows]) for k, rows in self._rows(Language, column, ids).items())

    def _phones(self, column: str, ids: list[str]) -> dict[str, list[dict]]:
        rows = self._rows(Phone, column, ids)
        languages = self._languages("phone_id", [p.id for ps in rows.values() for p in ps])
        return _many((k, [_with(fields(p), languages=languages[p.id]) for p in ps]) for k, ps in rows.items())

    def _contacts(self, column: str, ids: list[str]) -> dict[str, list[dict]]:
        rows = self._rows(Contact, column, ids)
        phones = self._phones("contact_id", [c.id for cs in rows.values() for c in cs])
        return _many((k, [_with(fields(c), phones=phones[c.id]) for c in cs]) for k, cs in rows.items())

    def _plain(self, model, column: str, ids: list[str]) -> dict[str, list[dict]]:
        return _many((k, [fields(r) for r in rows]) for k, rows in self._rows(model, column, ids).items())

    def _attributes(self, entity: str, ids: list[str]) -> dict[str, list[dict]]:
        rows = self._rows(Attribute, "link_id", ids, Attribute.link_entity == entity)
        terms = self.taxonomy_terms(
            list(self._one_each(TaxonomyTerm, [a.taxonomy_term_id for rs in rows.values() for a in rs]).values()),
            with_taxonomy=True,
        )
        by_id = {t["id"]: t for t in terms}
        return _many(
            (k, [_with(fields(a), taxonomy_term=by_id.get(a.taxonomy_term_id)) for a in rs]) for k, rs in rows.items()
        )

    def _metadata(self, ids: list[str]) -> dict[str, list[dict]]:
        return self._plain(Metadata, "resource_id", ids)

    # -- locations ------------------------------------------------------------------------------

    def locations(self, locations: list[Location]) -> list[dict]:
        """Return fully nested locations, in the given order."""
        ids = [loc.id for loc in locations]
        languages = self._languages("location_id", ids)
        addresses = self._plain(Address, "location_id", ids)
        contacts = self._contacts("location_id", ids)
        accessibility = self._plain(Accessibility, "location_id", ids)
        phones = self._phones("location_id", ids)
        schedules = self._plain(Schedule, "location_id", ids)
        attributes = self._attributes("location", ids)
        return [
            _with(fields(loc), languages=languages[loc.id], addresses=addresses[loc.id],
                  contacts=contacts[loc.id], accessibility=accessibility[loc.id],
                  phones=phones[loc.id], schedules=schedules[loc.id], attributes=attributes[loc.id])
            for loc in locations
        ]

    # -- organizations --------------------------------------------------------------------------

    def organizations(self, organizations: list[Organization], variant: Variant = "list",
                      services: Variant | None = None, with_locations: bool = True) -> list[dict]:
        """Return organizations: their own fields ("list") or fully nested ("full").

        `services` adds each organization's services in that variant (HSDS's `full_service`).
        """
        if variant != "full":
            return [fields(o) for o in organizations]
        ids = [o.id for o in organizations]
        funding = self._plain(Funding, "organization_id", ids)
        contacts = self._contacts("organization_id", ids)
        phones = self._phones("organization_id", ids)
        programs = self._plain(Program, "organization_id", ids)
        identifiers = self._plain(OrganizationIdentifier, "organization_id", ids)
        attributes = self._attributes("organization", ids)
        metadata = self._metadata(ids)
        locations: dict[str, list[dict]] = defaultdict(list)
        if with_locations:
            rows = [loc for ls in self._rows(Location, "organization_id", ids).values() for loc in ls]
            for loc in self.locations(rows):
                locations[loc["organization_id"]].append(loc)
        nested: dict[str, list[dict]] = defaultdict(list)
        if services:
            rows = [s for ss in self._rows(Service, "organization_id", ids).values() for s in ss]
            for service in self.services(rows, services, with_organization=False):
                nested[service["organization_id"]].append(service)
        return [
            _with(fields(o), funding=funding[o.id], contacts=contacts[o.id], phones=phones[o.id],
                  locations=locations[o.id] if with_locations else None, programs=programs[o.id],
                  organization_identifiers=identifiers[o.id], attributes=attributes[o.id],
                  metadata=metadata[o.id], services=nested[o.id] if services else None)
            for o in organizations
        ]

    # -- services -------------------------------------------------------------------------------

    def services(self, services: list[Service], variant: Variant = "list", *,
                 with_organization: bool = True, with_locations: bool = True) -> list[dict]:
        """Return services in the given variant, in the given order."""
        if variant == "minimal":
            return [{k: v for k, v in fields(s).items() if k in MINIMAL_FIELDS} for s in services]
        org_rows = self._one_each(Organization, [s.organization_id for s in services]) if with_organization else {}
        program_rows = self._one_each(Program, [s.program_id for s in services])
        if variant == "list":
            orgs = {k: fields(o) for k, o in org_rows.items()}
            programs = {k: fields(p) for k, p in program_rows.items()}
            return [_with(fields(s), organization=orgs.get(s.organization_id),
                          program=programs.get(s.program_id)) for s in services]
        ids = [s.id for s in services]
        orgs = {o["id"]: o for o in self.organizations(list(org_rows.values()), "full", with_locations=False)}
        programs = {k: fields(p) for k, p in program_rows.items()}
        phones = self._phones("service_id", ids)
        schedules = self._plain(Schedule, "service_id", ids)
        areas = self._plain(ServiceArea, "service_id", ids)
        languages = self._languages("service_id", ids)
        funding = self._plain(Funding, "service_id", ids)
        costs = self._plain(CostOption, "service_id", ids)
        documents = self._plain(RequiredDocument, "service_id", ids)
        contacts = self._contacts("service_id", ids)
        attributes = self._attributes("service", ids)
        metadata = self._metadata(ids)
        at_locations: dict[str, list[dict]] = defaultdict(list)
        if with_locations:
            rows = [r for rs in self._rows(ServiceAtLocation, "service_id", ids).values() for r in rs]
            for sal in self.service_at_locations(rows, "full", with_service=False):
                at_locations[sal["service_id"]].append(sal)
        return [
            _with(fields(s), phones=phones[s.id], schedules=schedules[s.id], service_areas=areas[s.id],
                  service_at_locations=at_locations[s.id] if with_locations else None,
                  languages=languages[s.id],
                  organization=orgs.get(s.organization_id), funding=funding[s.id], cost_options=costs[s.id],
                  program=programs.get(s.program_id), required_documents=documents[s.id],
                  contacts=contacts[s.id], attributes=attributes[s.id], metadata=metadata[s.id])
            for s in services
        ]

    def service_at_locations(self, rows: list[ServiceAtLocation], variant: Variant = "list", *,
                             with_service: bool = True) -> list[dict]:
        """Return services at locations: with their location's and service's own fields, or fully nested."""
        location_rows = self._one_each(Location, [r.location_id for r in rows])
        service_rows = self._one_each(Service, [r.service_id for r in rows]) if with_service else {}
        if variant != "full":
            locations = {k: fields(v) for k, v in location_rows.items()}
            services = {k: fields(v) for k, v in service_rows.items()}
            return [_with(fields(r), location=locations.get(r.location_id), service=services.get(r.service_id))
                    for r in rows]
        ids = [r.id for r in rows]
        contacts = self._contacts("service_at_location_id", ids)
        phones = self._phones("service_at_location_id", ids)
        schedules = self._plain(Schedule, "service_at_location_id", ids)
        attributes = self._attributes("service_at_location", ids)
        metadata = self._metadata(ids)
        locations = {loc["id"]: loc for loc in self.locations(list(location_rows.values()))}
        services = {s["id"]: s for s in self.services(list(service_rows.values()), "full", with_locations=False)}
        return [
            _with(fields(r), contacts=contacts[r.id], phones=phones[r.id], schedules=schedules[r.id],
                  location=locations.get(r.location_id), service=services.get(r.service_id),
                  attributes=attributes[r.id], metadata=metadata[r.id])
            for r in rows
        ]

    # -- taxonomies -----------------------------------------------------------------------------

    def taxonomies(self, taxonomies: list[Taxonomy]) -> list[dict]:
        return [fields(t) for t in taxonomies]

    def taxonomy_terms(self, terms: list[TaxonomyTerm], with_taxonomy: bool = False) -> list[dict]:
        """Return taxonomy terms; `with_taxonomy` nests each one's taxonomy as `taxonomy_detail`."""
        details = {}
        if with_taxonomy:
            details = {k: fields(v) for k, v in self._one_each(Taxonomy, [t.taxonomy_id for t in terms]).items()}
        return [_with(fields(t), taxonomy_detail=details.get(t.taxonomy_id)) for t in terms]


def _with(record: dict, **children) -> dict:
    """Add the children that are not None (a missing one-to-one link, or a list not asked for)."""
    for key, value in children.items():
        if value is not None:
            record[key] = value
    return record


def _many(pairs) -> defaultdict[str, list]:
    """Group children by parent id; a parent with none gets an empty list."""
    return defaultdict(list, pairs)
