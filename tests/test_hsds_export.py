"""HSDS export: what we write validates against the HSDS 3.0 schemas and re-imports identically."""
from __future__ import annotations

import json

import frictionless
import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from sqlalchemy import select

from pwa_app.cli.database import DEMO_PACKAGE
from pwa_app.db import data_version
from pwa_app.db.extensions import db
from pwa_app.hsds.exporter import build_json, cell, export_csv, export_json
from pwa_app.cli.database import import_directory
from pwa_app.hsds.json_input import PLURALS, read_json
from pwa_app.hsds.legacy.ohana import convert_ohana_mongo
from pwa_app.hsds.schema import SCHEMA_DIR
from pwa_app.db.models import HSDS_MODELS, DirectoryInfo, Location, Organization, Service, Translation

from .conftest import SHARED_DATA, make_app
from .helpers import read_csv

EXAMPLES = SHARED_DATA / "hsds3-examples"


def dump() -> dict[str, list[tuple]]:
    """Every row of every HSDS table, our translations and the directory's facts, sorted."""
    tables = [*HSDS_MODELS.values(), Translation, DirectoryInfo]
    # The data version and its time are new with every import by design (they key the page cache): not data.
    rows = lambda m: (r for r in db.session.execute(select(m.__table__))
                      if m is not DirectoryInfo or r.key not in data_version.DERIVED_KEYS)
    return {m.__tablename__: sorted(tuple(r) for r in rows(m)) for m in tables}


def round_trip(app, tmp_path, fmt: str, databases) -> None:
    """Export from `app`, import into a fresh database, and compare every row."""
    with app.app_context():
        before = dump()
        target = tmp_path / ("out.json" if fmt == "json" else "out")
        (export_json if fmt == "json" else export_csv)(db.session, target)
    if fmt == "csv":  # the ecosystem's own check of a tabular datapackage: every table, every cell
        report = frictionless.validate(target / "datapackage.json")
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    fresh = make_app(databases.empty())
    with fresh.app_context():
        import_directory(target)  # strict: what we write has no defects
        after = dump()
        db.session.remove()
        db.engine.dispose()
    assert sum(len(rows) for rows in before.values()) > 0
    for table in before:
        assert after[table] == before[table], table


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_demo_region_round_trips(app, tmp_path, fmt, databases):
    round_trip(app, tmp_path, fmt, databases)


@pytest.mark.parametrize("source", [
    "csv", "json/organization_full.json", "uk-profile/csv", "uk-profile/json/service_full.json",
])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_official_examples_round_trip(empty_app, tmp_path, source, fmt, databases):
    with empty_app.app_context():
        summary = import_directory(EXAMPLES / source, lenient=True)
        assert summary.created["service"] + summary.created["organization"] >= 1
    round_trip(empty_app, tmp_path, fmt, databases)


@pytest.fixture(scope="module")
def san_mateo_package(tmp_path_factory):
    out = tmp_path_factory.mktemp("smc") / "package"
    convert_ohana_mongo(SHARED_DATA / "ohana-smc" / "smc-2014-full-mongo", out)
    return out


def test_san_mateo_round_trips_in_both_formats(empty_app, tmp_path, san_mateo_package, databases):
    with empty_app.app_context():
        import_directory(san_mateo_package)
        assert db.session.query(Service).count() > 1400
    assert json_export_checked(empty_app) > 1000
    round_trip(empty_app, tmp_path, "csv", databases)
    round_trip(empty_app, tmp_path, "json", databases)


def _registry() -> Registry:
    resources = []
    for path in SCHEMA_DIR.glob("*.json"):
        if path.name not in ("datapackage.json", "openapi.json"):
            resources.append((path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8")),
                                                                 default_specification=_draft())))
    return Registry().with_resources(resources)


def _draft():
    from referencing.jsonschema import DRAFT202012

    return DRAFT202012


def test_a_synthetic_region_round_trips_and_validates(empty_app, tmp_path, databases):
    """bench/make_synthetic.py's region (every table, many values per row), 300 services."""
    from bench.make_synthetic import make

    make(tmp_path / "synthetic", services=300)
    with empty_app.app_context():
        import_directory(tmp_path / "synthetic")
    assert json_export_checked(empty_app) >= 300
    round_trip(empty_app, tmp_path, "csv", databases)


def json_export_checked(app) -> int:
    """Check every object of `app`'s JSON export against its HSDS 3.0 schema, formats included
    (uri, email, uuid, date); return how many were checked."""
    with app.app_context():
        bundle = build_json(db.session)
    registry, validators = _registry(), {}
    checked = 0

    def validate(name: str, obj: dict) -> None:
        nonlocal checked
        if name not in validators:  # one per schema: its references are resolved once
            validators[name] = Draft202012Validator({"$ref": f"{name}.json"}, registry=registry,
                                                    format_checker=FormatChecker())
        errors = list(validators[name].iter_errors(obj))
        assert not errors, (name, obj.get("id"), errors[0].message)
        checked += 1
        for service in obj.get("services", []) if name == "organization" else []:
            validate("service", service)  # the organization schema does not list its services

    for key, items in bundle.items():
        if key in PLURALS:
            for obj in items:
                validate(PLURALS[key], obj)
    return checked


def test_json_export_validates_against_the_hsds_schemas(app):
    assert json_export_checked(app) >= 80  # every organization, with its services nested inside


def test_json_export_reads_back_without_a_problem(app, tmp_path):
    with app.app_context():
        export_json(db.session, tmp_path / "directory.json")
    package, problems = read_json(tmp_path / "directory.json")
    assert problems == [] and package.warnings == []
    assert len(package.tables["service"][1]) >= 150


def test_numbers_are_written_as_they_were_given(app, tmp_path):
    assert cell(204.0) == "204" and cell(37.5909749) == "37.5909749" and cell(None) == ""
    with app.app_context():
        export_csv(db.session, tmp_path / "out")
        stored = {o.id: o.year_incorporated for o in db.session.scalars(select(Organization))}
        latitudes = {loc.id: loc.latitude for loc in db.session.scalars(select(Location))}
    _, rows = read_csv(tmp_path / "out" / "organizations.csv")
    assert any(r["year_incorporated"] for r in rows)
    for row in rows:
        if row["year_incorporated"]:
            assert "." not in row["year_incorporated"]
            assert float(row["year_incorporated"]) == stored[row["id"]]
    _, rows = read_csv(tmp_path / "out" / "locations.csv")
    assert all(float(r["latitude"]) == latitudes[r["id"]] for r in rows if r["latitude"])


def test_local_columns_are_never_exported(app, tmp_path):
    with app.app_context():
        export_csv(db.session, tmp_path / "out")
        bundle = build_json(db.session)
    header, _ = read_csv(tmp_path / "out" / "taxonomy_terms.csv")
    assert "slug" not in header and "taxonomy_id" in header
    assert all("slug" not in term for taxonomy in bundle.get("taxonomies", []) for term in taxonomy.get("taxonomy_terms", []))
    assert "slug" not in json.dumps(bundle)
    descriptor = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert "translations" in {r["name"] for r in descriptor["resources"]}
    assert (tmp_path / "out" / "translations.csv").is_file()


def test_export_cli_writes_both_formats(runner, tmp_path):
    result = runner.invoke(args=["export-hsds", str(tmp_path / "csv"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "csv" / "datapackage.json").is_file() and (tmp_path / "csv" / "services.csv").is_file()
    result = runner.invoke(args=["export-hsds", str(tmp_path / "all.json"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["organizations"]


def test_demo_export_matches_the_shipped_package_rows(app, tmp_path):
    """The export of a fresh demo import has the very rows of the demo package."""
    with app.app_context():
        export_csv(db.session, tmp_path / "out")
    for name in ("services.csv", "schedules.csv", "phones.csv"):
        _, shipped = read_csv(DEMO_PACKAGE / name)
        _, written = read_csv(tmp_path / "out" / name)
        assert {r["id"] for r in shipped} == {r["id"] for r in written}
