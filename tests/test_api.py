"""The HSDS 3.0 API: shapes checked against Open Referral's own schemas, filters, paging, errors, CORS."""
from __future__ import annotations

import importlib.util
import json
import math
from datetime import datetime
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from schemathesis.checks import (
    content_type_conformance, negative_data_rejection, not_a_server_error, response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import event, func, select, update

from pwa_app.search import fulltext
from pwa_app.views.api import MAX_PER_PAGE, OPENAPI
from pwa_app.db.extensions import db
from pwa_app.db.models import Address, Attribute, Location, Organization, Service, ServiceAtLocation, TaxonomyTerm

from .conftest import SHARED_DATA

HSDS = SHARED_DATA / "hsds-schema"
ROOT = Path(__file__).resolve().parents[1]
BASE = "https://hsds.invalid/"  # only names the schemas for `$ref`; nothing is fetched


@pytest.fixture(scope="module")
def validate():
    """Return check(data, name): validate against an HSDS schema (object or compiled) with formats."""
    def load(path):
        return Resource.from_contents(json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT202012)

    resources = [(BASE + p.name, load(p)) for p in HSDS.glob("*.json") if p.name not in ("openapi.json", "datapackage.json")]
    resources += [(BASE + "compiled/" + p.name, load(p)) for p in (HSDS / "compiled").glob("*.json")]
    registry = Registry().with_resources(resources)
    page_schema = json.loads((HSDS / "openapi.json").read_text(encoding="utf-8"))["components"]["schemas"]["Page"]

    def check(data, name: str) -> None:
        validator = Draft202012Validator({"$ref": BASE + name}, registry=registry, format_checker=FormatChecker())
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, errors[:5]

    def check_page(body: dict, item: str) -> None:
        Draft202012Validator(page_schema).validate(body)
        assert set(body) == {"total_items", "total_pages", "page_number", "size", "first_page", "last_page",
                             "empty", "contents"}
        for record in body["contents"]:
            check(record, item)

    check.page = check_page
    return check


def get_json(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, (url, response.get_data(as_text=True)[:300])
    assert response.mimetype == "application/json"
    return response.get_json()


def all_pages(client, url: str) -> list[dict]:
    records, page = [], 1
    while True:
        body = get_json(client, f"{url}{'&' if '?' in url else '?'}per_page=40&page={page}")
        records += body["contents"]
        if body["last_page"]:
            return records
        page += 1


def query(app, statement):
    with app.app_context():
        return db.session.execute(statement).all()


# -- the root and the document ------------------------------------------------------------------

def test_root_names_version_profile_and_openapi_document(client):
    body = get_json(client, "/api/")
    assert body["version"] == "3.0"
    assert body["profile"].startswith("https://")
    assert body["openapi_url"].endswith("/api/openapi.json")
    document = get_json(client, "/api/openapi.json")
    assert document["openapi"].startswith("3.1")
    assert {"/services", "/services/{id}", "/organizations", "/organizations/{id}", "/service_at_locations",
            "/service_at_locations/{id}", "/taxonomies", "/taxonomies/{id}", "/taxonomy_terms",
            "/taxonomy_terms/{id}", "/"} <= set(document["paths"])
    assert "raw.githubusercontent.com" not in json.dumps(document)  # every $ref is inside the document


def test_shipped_openapi_document_is_what_the_generator_writes():
    spec = importlib.util.spec_from_file_location("make_openapi", ROOT / "scripts" / "make_openapi.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    assert generator.TARGET.read_text(encoding="utf-8") == generator.render(), "run scripts/make_openapi.py"


# -- shapes against the HSDS schemas ------------------------------------------------------------

def test_every_full_service_validates_against_hsds(client, validate):
    services = all_pages(client, "/api/services?full=true")
    assert len(services) == 170
    for record in services:
        validate(record, "compiled/service_with_definitions.json")
        validate(record, "service.json")
    nested = next(s for s in services if s["service_at_locations"] and s["attributes"] and s["phones"])
    location = nested["service_at_locations"][0]["location"]
    assert location["addresses"] and "latitude" in location
    assert nested["attributes"][0]["taxonomy_term"]["name"]
    assert nested["organization"]["id"] == nested["organization_id"]


def test_single_objects_validate_against_hsds(client, validate, app):
    service_id, org_id = query(app, select(Service.id, Service.organization_id).limit(1))[0]
    sal_id = query(app, select(ServiceAtLocation.id).limit(1))[0][0]
    term_id, taxonomy_id = query(app, select(TaxonomyTerm.id, TaxonomyTerm.taxonomy_id).limit(1))[0]
    validate(get_json(client, f"/api/services/{service_id}"), "service.json")
    organization = get_json(client, f"/api/organizations/{org_id}")
    validate(organization, "organization.json")
    assert service_id in {s["id"] for s in organization["services"]}
    validate(get_json(client, f"/api/organizations/{org_id}?full_service=true"), "organization.json")
    sal = get_json(client, f"/api/service_at_locations/{sal_id}")
    validate(sal, "service_at_location.json")
    validate(sal["service"], "service.json")
    term = get_json(client, f"/api/taxonomy_terms/{term_id}")
    validate(term, "taxonomy_term.json")
    assert term["taxonomy_detail"]["id"] == taxonomy_id
    validate(get_json(client, f"/api/taxonomies/{taxonomy_id}"), "taxonomy.json")


@pytest.mark.parametrize(("url", "item"), [
    ("/api/services", "compiled/service_list.json"),
    ("/api/services?minimal=true", "compiled/service_list.json"),
    ("/api/organizations", "compiled/organization_list.json"),
    ("/api/organizations?full=true", "organization.json"),
    ("/api/organizations?full_service=true", "organization.json"),
    ("/api/service_at_locations", "compiled/service_at_location_list.json"),
    ("/api/service_at_locations?full=true", "service_at_location.json"),
    ("/api/taxonomies", "taxonomy.json"),
    ("/api/taxonomy_terms", "taxonomy_term.json"),
])
def test_list_pages_validate_against_hsds(client, validate, url, item):
    body = get_json(client, url + ("&" if "?" in url else "?") + "per_page=60")
    validate.page(body, item)
    assert body["size"] == len(body["contents"]) > 0


def test_variants_differ_as_documented(client):
    minimal = get_json(client, "/api/services?minimal=true&per_page=5")["contents"]
    assert all(set(s) <= {"id", "name", "status", "last_modified"} and "id" in s for s in minimal)
    listed = get_json(client, "/api/services?per_page=5")["contents"]
    assert all("organization" in s and "phones" not in s for s in listed)
    full = get_json(client, "/api/services?per_page=5&full=1")["contents"]
    assert all(isinstance(s["phones"], list) and isinstance(s["service_at_locations"], list) for s in full)
    assert [s["id"] for s in minimal] == [s["id"] for s in listed] == [s["id"] for s in full]


def test_inactive_and_defunct_services_stay_visible_with_their_status(client, app):
    statuses = {s["status"] for s in all_pages(client, "/api/services?minimal=true")}
    assert {"active", "inactive", "defunct"} <= statuses
    defunct = query(app, select(Service.id).where(Service.status == "defunct"))[0][0]
    assert get_json(client, f"/api/services/{defunct}")["status"] == "defunct"


# -- paging -------------------------------------------------------------------------------------

def test_pages_cover_every_service_once(client):
    first = get_json(client, "/api/services?per_page=7")
    assert (first["total_items"], first["total_pages"], first["page_number"], first["size"]) == (170, 25, 1, 7)
    assert first["first_page"] and not first["last_page"] and not first["empty"]
    last = get_json(client, "/api/services?per_page=7&page=25")
    assert (last["size"], last["first_page"], last["last_page"]) == (2, False, True)
    beyond = get_json(client, "/api/services?per_page=7&page=26")
    assert beyond["empty"] and beyond["contents"] == [] and beyond["total_items"] == 170
    ids = [s["id"] for s in all_pages(client, "/api/services?minimal=true")]
    assert len(ids) == len(set(ids)) == 170


def test_per_page_is_capped(client):
    assert get_json(client, f"/api/services?per_page={MAX_PER_PAGE}&minimal=1")["size"] == 170
    get_json(client, f"/api/services?per_page={MAX_PER_PAGE + 1}", 400)


def test_ndjson_gives_one_object_per_line(client):
    response = client.get("/api/services?format=ndjson")
    assert response.status_code == 200 and response.mimetype == "application/x-ndjson"
    lines = response.get_data(as_text=True).splitlines()
    assert len(lines) == 170  # no page asked for: every result
    assert all(json.loads(line)["id"] for line in lines)
    paged = client.get("/api/service_at_locations?format=ndjson&per_page=3&page=2").get_data(as_text=True)
    expected = get_json(client, "/api/service_at_locations?per_page=3&page=2")["contents"]
    assert [json.loads(line) for line in paged.splitlines()] == expected


# -- filters ------------------------------------------------------------------------------------

def test_organization_filter(client, app):
    org_id, count = query(app, select(Service.organization_id, func.count()).group_by(Service.organization_id)
                          .order_by(func.count().desc()).limit(1))[0]
    body = get_json(client, f"/api/services?organization_id={org_id}")
    assert body["total_items"] == count > 1
    assert {s["organization_id"] for s in body["contents"]} == {org_id}


def test_taxonomy_term_filter_includes_narrower_terms(client, app):
    food = query(app, select(TaxonomyTerm.id).where(TaxonomyTerm.name == "Food", TaxonomyTerm.parent_id.is_(None)))[0][0]
    children = {i for (i,) in query(app, select(TaxonomyTerm.id).where(TaxonomyTerm.parent_id == food))}
    tagged = {i for (i,) in query(app, select(Attribute.link_id).where(Attribute.taxonomy_term_id.in_(children | {food})))}
    found = {s["id"] for s in all_pages(client, f"/api/services?minimal=1&taxonomy_term_id={food}")}
    assert found and tagged <= found
    leaf, leaf_services = query(app, select(Attribute.taxonomy_term_id, func.count()).group_by(Attribute.taxonomy_term_id)
                                .order_by(func.count().desc()).limit(1))[0]
    assert get_json(client, f"/api/services?taxonomy_term_id={leaf}")["total_items"] >= leaf_services


def test_taxonomy_filter(client, app):
    taxonomy_id = query(app, select(TaxonomyTerm.taxonomy_id).limit(1))[0][0]
    tagged = query(app, select(func.count(func.distinct(Attribute.link_id))).where(Attribute.link_entity == "service"))[0][0]
    assert get_json(client, f"/api/services?taxonomy_id={taxonomy_id}")["total_items"] == tagged
    unknown = "00000000-0000-4000-8000-000000000000"
    assert get_json(client, f"/api/services?taxonomy_id={unknown}")["empty"]
    terms = get_json(client, f"/api/taxonomy_terms?taxonomy_id={taxonomy_id}&top_only=true&per_page=100")
    assert terms["total_items"] == 11 and all("parent_id" not in t for t in terms["contents"])


def test_modified_after(client, app):
    cut = datetime(2026, 1, 1)
    expected = query(app, select(func.count()).select_from(Service).where(Service.last_modified >= cut))[0][0]
    assert 0 < expected < 170
    for value in ("2026-01-01", "2026-01-01T00:00:00Z", "2025-12-31T19:00:00-05:00"):
        body = get_json(client, f"/api/services?minimal=1&per_page=500&modified_after={value}")
        assert body["total_items"] == expected
        assert all(s["last_modified"] >= "2026-01-01" for s in body["contents"])


def test_search_uses_the_site_search_and_combines_with_filters(client, app):
    with app.app_context():
        ranked = fulltext.search(db.session, "food", limit=1000).service_ids
        org_id = db.session.scalar(select(Service.organization_id).where(Service.id == ranked[-1]))
    body = get_json(client, "/api/services?search=food&per_page=500&minimal=1")
    assert [s["id"] for s in body["contents"]] == ranked  # same hits, same order
    both = get_json(client, f"/api/services?search=food&organization_id={org_id}&per_page=500")["contents"]
    assert both and all(s["organization_id"] == org_id and s["id"] in ranked for s in both)
    assert get_json(client, "/api/services?search=zzqxjw")["total_items"] == 0


def test_organizations_and_terms_search_by_name(client, app):
    name = query(app, select(Organization.name).limit(1))[0][0]
    found = get_json(client, f"/api/organizations?search={name.upper()}")["contents"]
    assert name in [o["name"] for o in found]
    assert all("food" in t["name"].lower() or "food" in t.get("description", "").lower()
               for t in get_json(client, "/api/taxonomy_terms?search=Food")["contents"])


# -- proximity -----------------------------------------------------------------------------------

def metres(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def test_service_at_locations_nearest_first_within_radius(client, app):
    here = (45.42, -75.60)
    everything = all_pages(client, f"/api/service_at_locations?lat={here[0]}&long={here[1]}")
    distances = [metres(here, (s["location"]["latitude"], s["location"]["longitude"])) for s in everything]
    assert distances == sorted(distances) and len(distances) > 20
    without_coordinates = query(app, select(func.count()).select_from(ServiceAtLocation).join(
        Location, Location.id == ServiceAtLocation.location_id).where(Location.latitude.is_(None)))[0][0]
    assert len(everything) == 219 - without_coordinates
    radius = sorted(distances)[len(distances) // 2]
    near = get_json(client, f"/api/service_at_locations?lat={here[0]}&long={here[1]}&proximity={radius:.0f}&per_page=500")
    near_distances = [metres(here, (s["location"]["latitude"], s["location"]["longitude"])) for s in near["contents"]]
    assert 0 < len(near_distances) < len(distances)
    assert max(near_distances) <= radius * 1.01
    assert sum(d <= radius * 0.99 for d in distances) <= near["total_items"] <= sum(d <= radius * 1.01 for d in distances)


def test_proximity_from_a_postcode_is_measured_from_its_centre(client, app):
    """HSDS: with `postcode` and `proximity`, the results within `proximity` metres of the postcode's
    centroid (here the mean of the directory's locations with that postcode), nearest first."""
    rows = query(app, select(Address.postal_code, Location.latitude, Location.longitude)
                 .join(Location, Location.id == Address.location_id).where(Location.latitude.is_not(None)))
    postcode = max({r[0] for r in rows}, key=lambda p: sum(r[0] == p for r in rows))
    points = [(lat, lon) for code, lat, lon in rows if code == postcode]
    centre = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
    got = all_pages(client, f"/api/service_at_locations?postcode={postcode.replace(' ', '%20')}&proximity=3000")
    by_point = all_pages(client, f"/api/service_at_locations?lat={centre[0]}&long={centre[1]}&proximity=3000")
    assert got and [s["id"] for s in got] == [s["id"] for s in by_point]
    unknown = client.get("/api/service_at_locations?postcode=Z9Z9Z9&proximity=1000")
    assert unknown.status_code == 400 and "Z9Z9Z9" in unknown.get_json()["detail"]


def test_service_at_locations_share_the_service_filters(client, app):
    org_id = query(app, select(Service.organization_id).limit(1))[0][0]
    sals = all_pages(client, f"/api/service_at_locations?organization_id={org_id}")
    assert sals and all(s["service"]["organization_id"] == org_id for s in sals)
    postcode = get_json(client, "/api/service_at_locations?full=1&per_page=1")["contents"][0]["location"]["addresses"][0]["postal_code"]
    matched = all_pages(client, f"/api/service_at_locations?full=1&postcode={postcode.lower().replace(' ', '')}")
    assert matched and all(postcode in {a["postal_code"] for a in s["location"]["addresses"]} for s in matched)


# -- errors, CORS -------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "/api/services?page=abc", "/api/services?page=0", "/api/services?page=-1", "/api/services?page=99999999999999999999",
    "/api/services?per_page=0", "/api/services?per_page=501", "/api/services?per_page=1.5",
    "/api/services?modified_after=yesterday", "/api/services?modified_after=2026-13-01",
    "/api/services?organization_id=not-a-uuid", "/api/services?taxonomy_term_id=1", "/api/services?taxonomy_id=%00",
    "/api/services?full=maybe", "/api/services?minimal=1&full=1", "/api/services?format=xml",
    "/api/service_at_locations?lat=999&long=0", "/api/service_at_locations?lat=45&long=-181",
    "/api/service_at_locations?lat=nan&long=0", "/api/service_at_locations?lat=45",
    "/api/service_at_locations?proximity=1000", "/api/service_at_locations?lat=45&long=-75&proximity=-1",
    "/api/taxonomy_terms?parent_id=x", "/api/taxonomy_terms?top_only=2", "/api/organizations?full_service=x",
])
def test_bad_parameters_are_400_json(client, url):
    body = get_json(client, url, 400)
    assert body["status"] == 400 and body["detail"]


@pytest.mark.parametrize("path", ["services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"])
def test_unknown_ids_are_404_json(client, path):
    for record_id in ("00000000-0000-4000-8000-000000000000", "not-an-id"):
        body = get_json(client, f"/api/{path}/{record_id}", 404)
        assert body["status"] == 404
    assert get_json(client, f"/api/{path}/%00", 400)["status"] == 400  # a NUL in a path: refused before any lookup


def test_any_origin_may_read_and_no_cookie_is_set(client):
    for url, status in (("/api/services?per_page=1", 200), ("/api/services?page=x", 400), ("/api/services/x", 404),
                        ("/api/openapi.json", 200), ("/api/services?format=ndjson", 200)):
        response = client.get(url)
        assert response.status_code == status
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "Set-Cookie" not in response.headers


# -- queries -------------------------------------------------------------------------------------

def count_queries(app, client, url: str) -> int:
    statements = []

    def record(*_args):
        statements.append(1)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return len(statements)


@pytest.mark.parametrize("url", [
    "/api/services?full=true", "/api/services", "/api/organizations?full_service=true",
    "/api/service_at_locations?full=true", "/api/taxonomy_terms",
])
def test_lists_do_not_query_per_row(app, client, url):
    # Eight times the rows: an N+1 would add hundreds of queries. A few more are fine (a kind of
    # child that none of the first 20 rows had is queried once the page has one).
    few = count_queries(app, client, f"{url}{'&' if '?' in url else '?'}per_page=20")
    many = count_queries(app, client, f"{url}{'&' if '?' in url else '?'}per_page=170")
    assert few <= many <= few + 10 and many < 60


def test_status_change_shows_in_the_api(client, app):
    with app.app_context():
        service_id = db.session.scalar(select(Service.id).where(Service.status == "active").limit(1))
        db.session.execute(update(Service).where(Service.id == service_id).values(status="temporarily closed"))
        db.session.commit()
    assert get_json(client, f"/api/services/{service_id}")["status"] == "temporarily closed"


# -- property-based: schemathesis against our own OpenAPI document -------------------------------

OPENAPI_SCHEMA = schemathesis.openapi.from_path(OPENAPI)


@OPENAPI_SCHEMA.parametrize()
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_generated_requests_never_get_a_server_error(case, app):
    # Valid and invalid parameters alike: never a 5xx, always a declared status, content type and
    # schema, and a 4xx for what the document says is invalid. (Werkzeug's test client does not
    # undo gzip, so ask for the plain body.)
    response = case.call(app=app, headers={"Accept-Encoding": "identity"})
    case.validate_response(response, checks=[
        not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
        negative_data_rejection,
    ])
