"""The Open Referral HSDS 3.0 API at /api/: read-only, paginated, open to any origin.

Every service is listed whatever its status: the API is for exchanging data, and "this service
is defunct" is data another directory needs (the site's search still only finds services people
can use). Lists are HSDS Page objects ordered by id, or by distance when `lat` and `long` are
given, or by relevance with `search`; every parameter narrows the list (AND). `format=ndjson`
gives one object per line, and every result when no page is asked for. A malformed parameter is a
400 and an unknown id a 404, both in JSON (see errors.py). Messages are for developers, in English.

Size: one blueprint for the HSDS API's endpoints, each a few lines over shared paging and filtering;
together they are one contract (hsds/schema/openapi.json).
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

from flask import Blueprint, Response, jsonify, request, stream_with_context
from sqlalchemy import Select, func, or_, select

from pwa_app.search import fulltext
from pwa_app.web import site
from pwa_app.web.errors import AppError
from pwa_app.db.extensions import db
from pwa_app.hsds import serialize
from pwa_app.db.models import (
    Address,
    Attribute,
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

bp = Blueprint("api", __name__, url_prefix="/api")

HSDS_VERSION = "3.0"
HSDS_PROFILE = "https://docs.openreferral.org/en/latest/hsds/"
OPENAPI = Path(__file__).resolve().parents[1] / "hsds" / "schema" / "openapi.json"  # written by scripts/make_openapi.py
DEFAULT_PER_PAGE, MAX_PER_PAGE, MAX_PAGE = 50, 500, 1_000_000
BATCH = 500  # records serialized at a time when streaming NDJSON
METRES_PER_DEGREE = 111_195  # of latitude, on a sphere of the Earth's mean radius
UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
TRUE, FALSE = {"true", "1", "yes"}, {"false", "0", "no"}


@bp.after_request
def allow_any_origin(response: Response) -> Response:
    # Public data for any web app; no cookie is ever set or read here, so "*" is safe.
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


# -- parameters ------------------------------------------------------------------------------

def bad(name: str, expected: str) -> AppError:
    return AppError(400, "Bad Request", f"Parameter {name!r} must be {expected}.")


def text_arg(name: str, max_length: int = 200) -> str | None:
    value = request.args.get(name, "")
    value = re.sub(r"[\x00-\x1f\x7f]", " ", value).strip()[:max_length]  # no engine stores a NUL
    return value or None


def given(name: str) -> str | None:
    """Return a parameter's value, or None when it is absent (present but empty is malformed)."""
    return request.args[name].strip() if name in request.args else None


def int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = given(name)
    if raw is None:
        return default
    if not re.fullmatch(r"[0-9]{1,9}", raw) or not low <= int(raw) <= high:
        raise bad(name, f"a whole number from {low} to {high:,}")
    return int(raw)


def float_arg(name: str, low: float, high: float) -> float | None:
    raw = given(name)
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and low <= value <= high):
        raise bad(name, f"a number from {low:g} to {high:g}")
    return value


def bool_arg(name: str) -> bool:
    raw = given(name)
    if raw is None:
        return False
    raw = raw.lower()
    if raw not in TRUE | FALSE:
        raise bad(name, "true or false")
    return raw in TRUE


def uuid_arg(name: str) -> str | None:
    raw = given(name)
    if raw is not None and not UUID_RE.match(raw):
        raise bad(name, "a UUID")
    return raw


def datetime_arg(name: str) -> datetime | None:
    """Read an ISO 8601 date or date-time; without an offset it is UTC, as stored."""
    raw = given(name)
    if raw is None:
        return None
    try:
        value = (datetime.fromisoformat(raw) if "T" in raw or " " in raw
                 else datetime.combine(date.fromisoformat(raw), datetime.min.time()))
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):
        raise bad(name, "an ISO 8601 date or date-time, such as 2026-01-31 or 2026-01-31T12:00:00Z") from None
    return value


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int
    ndjson: bool
    everything: bool  # NDJSON without page or per_page: stream every result

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def paging() -> Paging:
    fmt = (given("format") or "").lower() if "format" in request.args else "json"
    if fmt not in ("json", "ndjson"):
        raise bad("format", "json or ndjson")
    page = int_arg("page", 1, 1, MAX_PAGE)
    per_page = int_arg("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    asked = "page" in request.args or "per_page" in request.args
    return Paging(page, per_page, fmt == "ndjson", fmt == "ndjson" and not asked)


# -- filters ---------------------------------------------------------------------------------

def contains(query: str, *columns):
    """Case-insensitive substring match on any of the columns (for the small lists)."""
    return or_(*(func.lower(c).contains(query.lower(), autoescape=True) for c in columns))


def service_conditions() -> list:
    """Read the service filters shared by /services and /service_at_locations."""
    conditions = []
    if term_id := uuid_arg("taxonomy_term_id"):
        # The term and everything under it: a service tagged "Food Pantry" is a "Food" service.
        tree = select(TaxonomyTerm.id).where(TaxonomyTerm.id == term_id).cte("subtree", recursive=True)
        tree = tree.union(select(TaxonomyTerm.id).where(TaxonomyTerm.parent_id == tree.c.id))
        conditions.append(Service.id.in_(select(Attribute.link_id).where(
            Attribute.link_entity == "service", Attribute.taxonomy_term_id.in_(select(tree.c.id)))))
    if taxonomy_id := uuid_arg("taxonomy_id"):
        conditions.append(Service.id.in_(
            select(Attribute.link_id).join(TaxonomyTerm, TaxonomyTerm.id == Attribute.taxonomy_term_id)
            .where(Attribute.link_entity == "service", TaxonomyTerm.taxonomy_id == taxonomy_id)))
    if organization_id := uuid_arg("organization_id"):
        conditions.append(Service.organization_id == organization_id)
    if modified_after := datetime_arg("modified_after"):
        conditions.append(Service.last_modified >= modified_after)
    return conditions


def ranked_service_ids() -> list[str] | None:
    """Return the ids the full-text search finds, best first, or None when there is no search."""
    query = text_arg("search")
    if query is None:
        return None
    return fulltext.search(db.session, query, limit=1_000_000).service_ids


# -- responses -------------------------------------------------------------------------------

def load(model, ids: list[str]) -> list:
    rows = {r.id: r for r in db.session.scalars(select(model).where(model.id.in_(ids)))} if ids else {}
    return [rows[i] for i in ids if i in rows]


def listing(statement: Select, model, render: Callable[[list], list[dict]],
            ranked: list[str] | None = None, by_rank: bool = True) -> Response:
    """Answer one page (or an NDJSON stream) of `statement`, which selects (id, service id) in order.

    With `ranked` (service ids from the full-text search), only rows whose service is in it are
    kept, ordered by its rank unless `by_rank` is False (then the statement's order stands).
    """
    p = paging()
    if ranked is not None:
        position = {service_id: n for n, service_id in enumerate(ranked)}
        rows = [(i, s) for i, s in db.session.execute(statement) if s in position]
        if by_rank:
            rows.sort(key=lambda row: position[row[1]])
        ids = [i for i, _ in rows]
        total, ids = len(ids), (ids if p.everything else ids[p.offset : p.offset + p.per_page])
    elif p.everything:
        ids = [i for i, _ in db.session.execute(statement)]
        total = len(ids)
    else:
        total = db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
        ids = [i for i, _ in db.session.execute(statement.limit(p.per_page).offset(p.offset))]
    if p.ndjson:
        return ndjson(ids, model, render, stream=p.everything)
    return jsonify(serialize.page(render(load(model, ids)), total, p.page, p.per_page))


def ndjson(ids: list[str], model, render, stream: bool) -> Response:
    def lines():
        for start in range(0, len(ids), BATCH):
            for record in render(load(model, ids[start : start + BATCH])):
                yield (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()

    if not stream:
        return Response(b"".join(lines()), mimetype="application/x-ndjson")
    response = Response(stream_with_context(lines()), mimetype="application/x-ndjson")
    response.direct_passthrough = True  # stream as written: buffering 60,000 records to gzip them would not
    return response


def one(model, record_id: str):
    record = db.session.get(model, record_id) if UUID_RE.match(record_id) else None
    if record is None:
        raise AppError(404, "Not Found", f"No {model.__tablename__} has the id {record_id[:64]!r}.")
    return record


def serializer() -> serialize.Serializer:
    return serialize.Serializer(db.session)


# -- endpoints -------------------------------------------------------------------------------

@bp.get("/")
def index():
    return jsonify(version=HSDS_VERSION, profile=HSDS_PROFILE, openapi_url=site.external_url("api.openapi"))


@cache
def _openapi_bytes() -> bytes:
    return OPENAPI.read_bytes()


@bp.get("/openapi.json")
def openapi():
    return Response(_openapi_bytes(), mimetype="application/json")


@bp.get("/services")
def services():
    minimal, full = bool_arg("minimal"), bool_arg("full")
    if minimal and full:
        raise AppError(400, "Bad Request", "Choose either 'minimal' or 'full', not both.")
    variant = "minimal" if minimal else "full" if full else "list"
    statement = select(Service.id, Service.id).where(*service_conditions()).order_by(Service.id)
    return listing(statement, Service, lambda rows: serializer().services(rows, variant), ranked_service_ids())


@bp.get("/services/<record_id>")
def service(record_id: str):
    return jsonify(serializer().services([one(Service, record_id)], "full")[0])


@bp.get("/organizations")
def organizations():
    full, full_service = bool_arg("full"), bool_arg("full_service")
    statement = select(Organization.id, Organization.id).order_by(Organization.id)
    if query := text_arg("search"):
        statement = statement.where(contains(query, Organization.name, Organization.alternate_name,
                                             Organization.description))
    nested = "full" if full_service else "list" if full else None

    def render(rows):
        return serializer().organizations(rows, "full" if full or full_service else "list", services=nested)

    return listing(statement, Organization, render)


@bp.get("/organizations/<record_id>")
def organization(record_id: str):
    nested = "full" if bool_arg("full_service") else "list"
    return jsonify(serializer().organizations([one(Organization, record_id)], "full", services=nested)[0])


@bp.get("/service_at_locations")
def service_at_locations():
    full = bool_arg("full")
    statement = (
        select(ServiceAtLocation.id, ServiceAtLocation.service_id)
        .outerjoin(Service, Service.id == ServiceAtLocation.service_id)
        .where(*service_conditions())
    )
    postcode = text_arg("postcode", 20)
    lat, long = float_arg("lat", -90, 90), float_arg("long", -180, 180)
    radius = float_arg("proximity", 0, 20_000_000)
    if (lat is None) != (long is None):
        raise AppError(400, "Bad Request", "Give both 'lat' and 'long', or neither.")
    if postcode:
        same = func.upper(func.replace(Address.postal_code, " ", "")) == postcode.replace(" ", "").upper()
        if radius is not None and lat is None:
            # As the spec says: within `proximity` metres of the postcode's centroid, here the mean of
            # the directory's locations with that postcode.
            lat, long = db.session.execute(
                select(func.avg(Location.latitude), func.avg(Location.longitude)).join(Address, Address.location_id == Location.id)
                .where(same, Location.latitude.is_not(None), Location.longitude.is_not(None))).one()
            if lat is None:
                raise AppError(400, "Bad Request", f"No location in this directory has the postcode {postcode!r}, so its "
                                                   "centre is unknown: give 'lat' and 'long' with 'proximity'.")
        else:
            statement = statement.where(ServiceAtLocation.location_id.in_(select(Address.location_id).where(same)))
    if radius is not None and lat is None:
        raise AppError(400, "Bad Request", "'proximity' needs 'lat' and 'long', or a 'postcode'.")
    if lat is not None:
        # Equirectangular distance: portable SQL (no trigonometry in SQLite) and within a fraction
        # of a percent at a region's scale, which is all a "nearest first" list needs.
        dlat = Location.latitude - lat
        dlong = (Location.longitude - long) * math.cos(math.radians(lat))
        squared = dlat * dlat + dlong * dlong
        statement = statement.join(Location, Location.id == ServiceAtLocation.location_id).where(
            Location.latitude.is_not(None), Location.longitude.is_not(None))
        if radius is not None:
            statement = statement.where(squared <= (radius / METRES_PER_DEGREE) ** 2)
        statement = statement.order_by(squared, ServiceAtLocation.id)
    else:
        statement = statement.order_by(ServiceAtLocation.id)

    def render(rows):
        return serializer().service_at_locations(rows, "full" if full else "list")

    return listing(statement, ServiceAtLocation, render, ranked_service_ids(), by_rank=lat is None)


@bp.get("/service_at_locations/<record_id>")
def service_at_location(record_id: str):
    return jsonify(serializer().service_at_locations([one(ServiceAtLocation, record_id)], "full")[0])


@bp.get("/taxonomies")
def taxonomies():
    statement = select(Taxonomy.id, Taxonomy.id).order_by(Taxonomy.id)
    if query := text_arg("search"):
        statement = statement.where(contains(query, Taxonomy.name, Taxonomy.description))
    return listing(statement, Taxonomy, lambda rows: serializer().taxonomies(rows))


@bp.get("/taxonomies/<record_id>")
def taxonomy(record_id: str):
    return jsonify(serializer().taxonomies([one(Taxonomy, record_id)])[0])


@bp.get("/taxonomy_terms")
def taxonomy_terms():
    statement = select(TaxonomyTerm.id, TaxonomyTerm.id).order_by(TaxonomyTerm.id)
    if query := text_arg("search"):
        statement = statement.where(contains(query, TaxonomyTerm.name, TaxonomyTerm.code, TaxonomyTerm.description))
    if taxonomy_id := uuid_arg("taxonomy_id"):
        statement = statement.where(TaxonomyTerm.taxonomy_id == taxonomy_id)
    if parent_id := uuid_arg("parent_id"):
        statement = statement.where(TaxonomyTerm.parent_id == parent_id)
    if bool_arg("top_only"):
        statement = statement.where(or_(TaxonomyTerm.parent_id.is_(None), TaxonomyTerm.parent_id == ""))
    return listing(statement, TaxonomyTerm, lambda rows: serializer().taxonomy_terms(rows))


@bp.get("/taxonomy_terms/<record_id>")
def taxonomy_term(record_id: str):
    return jsonify(serializer().taxonomy_terms([one(TaxonomyTerm, record_id)], with_taxonomy=True)[0])
