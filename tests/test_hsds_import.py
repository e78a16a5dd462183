"""HSDS import beyond the CSV basics: JSON input, --lenient, --merge, the summary, the CLI."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pwa_app.db.extensions import db
from pwa_app.hsds.exporter import json_value
from pwa_app.cli.database import command_line_user, import_directory
from pwa_app.hsds.package import ImportFailed
from pwa_app.hsds.schema import resources
from pwa_app.db.models import Location, Metadata, Organization, Phone, Service, TaxonomyTerm, Translation

from .conftest import SHARED_DATA
from .helpers import edit_cell, read_csv, write_csv

EXAMPLES = SHARED_DATA / "hsds3-examples"
SERVICE_FULL = EXAMPLES / "json" / "service_full.json"
ORG_FIELDS = resources()["organization"].field_names


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def fingerprint(app) -> tuple:
    with app.app_context():
        first = db.session.scalar(select(Service).order_by(Service.id))
        return count(Service), count(Phone), count(Translation), first.id, first.name, first.description


def small_service(**changes) -> dict:
    """A minimal valid HSDS 3.0 service with its organization, a phone and a location."""
    service = {
        "id": "0b9a3c1e-6d2f-4f57-9a51-2f0c6b7d1a01", "name": "Test Pantry", "status": "active",
        "organization": {"id": "0b9a3c1e-6d2f-4f57-9a51-2f0c6b7d1a02", "name": "Test Org", "description": "Feeds people."},
        "phones": [{"id": "0b9a3c1e-6d2f-4f57-9a51-2f0c6b7d1a03", "number": "555-0142"}],
        "schedules": [{"id": "0b9a3c1e-6d2f-4f57-9a51-2f0c6b7d1a04", "freq": "WEEKLY", "byday": "MO",
                       "opens_at": "09:00", "closes_at": "17:00"}],
        "service_at_locations": [{"id": "0b9a3c1e-6d2f-4f57-9a51-2f0c6b7d1a05", "location": {
            "id": "0b9a3c1e-6d2f-4f57-9a51-2f0c6b7d1a06", "location_type": "physical", "latitude": 45.5, "longitude": -73.6}}],
    }
    for path, value in changes.items():
        target = service
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    return service


def write(tmp_path, data, name="services.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# --- the official examples -----------------------------------------------------------------

@pytest.mark.parametrize("source", [
    "csv", "json/service_full.json", "json/service_list.json", "json/organization_full.json",
    "json/organization_list.json", "json/service_at_location_full.json", "json/service_at_location_list.json",
    "json/taxonomy.json", "json/taxonomy_list.json", "json/taxonomy_term.json", "json/taxonomy_term_list.json",
    "uk-profile/csv", "uk-profile/json/service_full.json", "uk-profile/json/organization_full.json",
    "uk-profile/json/service_at_location_list.json", "uk-profile/json/taxonomy.json",
])
def test_official_examples_import_with_lenient(empty_app, source):
    with empty_app.app_context():
        summary = import_directory(EXAMPLES / source, lenient=True)
        assert sum(summary.created.values()) >= 1
        for warning in summary.warnings:  # every repair says where it was made
            assert ".csv:" in warning.where or ".json#" in warning.where


def test_official_examples_are_refused_by_default_with_their_defects_located(empty_app):
    with empty_app.app_context():
        with pytest.raises(ImportFailed) as failed:
            import_directory(EXAMPLES / "csv")
        places = {p.where for p in failed.value.problems}
        assert {"locations.csv:2:latitude", "contacts.csv:2:organization_id"} <= places
        assert "taxonomy_terms.csv:2:parent_id" not in places  # a missing parent term: a warning (below), not a defect
        with pytest.raises(ImportFailed) as failed:
            import_directory(SERVICE_FULL)
        assert any(p.where == "service_full.json#/attributes/0/link_entity" for p in failed.value.problems)
        assert count(Service) == 0


def test_lenient_repairs_are_reported_and_applied(empty_app):
    with empty_app.app_context():
        summary = import_directory(EXAMPLES / "csv", lenient=True)
        warnings = {w.where: w.message for w in summary.warnings}
        assert "coordinates were dropped" in warnings["locations.csv:2:latitude"]
        assert "left empty" in warnings["contacts.csv:2:organization_id"]
        location = db.session.scalar(select(Location))
        assert location.latitude is None and location.longitude is None
        assert db.session.scalar(select(TaxonomyTerm)).parent_id is None


def test_uk_profile_attribute_without_link_entity_is_inferred_or_dropped(empty_app):
    with empty_app.app_context():
        with pytest.raises(ImportFailed) as failed:
            import_directory(EXAMPLES / "uk-profile" / "csv")
        assert "attribute.csv:1:link_entity: required column is missing" in [str(p) for p in failed.value.problems]
        summary = import_directory(EXAMPLES / "uk-profile" / "csv", lenient=True)
        assert any("attribute was dropped" in w.message for w in summary.warnings)


# --- JSON shapes ---------------------------------------------------------------------------

def test_json_one_object_list_page_and_ndjson_load_the_same_rows(empty_app, tmp_path):
    service = small_service()
    shapes = {
        "one.json": service, "list.json": [service], "page.json": {"total_items": 1, "contents": [service]},
    }
    (tmp_path / "lines.ndjson").write_text(json.dumps(service) + "\n\n", encoding="utf-8")
    with empty_app.app_context():
        for name, data in shapes.items():
            import_directory(write(tmp_path, data, name))
            assert (count(Service), count(Organization), count(Phone), count(Location)) == (1, 1, 1, 1), name
        import_directory(tmp_path / "lines.ndjson")
        phone = db.session.scalar(select(Phone))
        assert phone.service_id == service["id"]  # nesting gives the parent's id
        assert db.session.scalar(select(Service)).organization_id == service["organization"]["id"]


def test_json_per_object_and_top_level_translations(empty_app, tmp_path):
    service = small_service(translations=[{"field": "name", "language": "fr", "value": "Banque test"}])
    bundle = {"services": [service], "translations": [
        {"entity": "organization", "id": service["organization"]["id"], "field": "name", "language": "fr", "value": "Org test"}]}
    with empty_app.app_context():
        import_directory(write(tmp_path, bundle, "bundle.json"))
        values = dict(db.session.execute(select(Translation.entity, Translation.value)).all())
        assert values == {"service": "Banque test", "organization": "Org test"}


def test_json_utf8_bom_is_accepted_and_latin1_is_refused(empty_app, tmp_path):
    path = tmp_path / "services.json"
    text = json.dumps(small_service(name="Café"), ensure_ascii=False)
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    with empty_app.app_context():
        import_directory(path)
        assert db.session.scalar(select(Service.name)) == "Café"
        path.write_bytes(text.encode("latin-1"))
        with pytest.raises(ImportFailed) as failed:
            import_directory(path)
        assert "not UTF-8" in failed.value.problems[0].message


# (what to change in the small service, where the problem must be reported, what the message says)
JSON_DEFECTS = [
    ({"name": 12}, "/contents/0/name", "not of type 'string'"),
    ({"status": "open"}, "/contents/0/status", "is not one of"),
    ({"id": "not-a-uuid"}, "/contents/0/id", "UUID"),
    ({"phones.0.number": None}, "/contents/0/phones/0", "'number' is a required property"),
    ({"schedules.0.opens_at": "25:00"}, "/contents/0/schedules/0/opens_at", "HH:MM"),
    ({"service_at_locations.0.location.latitude": 100}, "/contents/0/service_at_locations/0/location/latitude", "outside"),
    ({"service_at_locations.0.location.longitude": "east"}, "/contents/0/service_at_locations/0/location/longitude",
     "not of type 'number'"),
    ({"program_id": "0b9a3c1e-6d2f-4f57-9a51-2f0c6b7d1aff"}, "/contents/0/program_id", "not in the package"),
    ({"description": "x" * 25_000}, "/contents/0/description", "characters long"),
    ({"assured_date": "31/12/2025"}, "/contents/0/assured_date", "YYYY-MM-DD"),
    ({"email": "not an email"}, "/contents/0/email", "email"),
    ({"minimum_age": 70, "maximum_age": 12}, "/contents/0/minimum_age", "above maximum age"),
    ({"phones": {"id": "x"}}, "/contents/0/phones", "not of type 'array'"),
    ({"organization.name": "Another name", "service_at_locations.0.location.organization": {
        "id": "0b9a3c1e-6d2f-4f57-9a51-2f0c6b7d1a02", "name": "Another name", "description": "Feeds people."},
      "organization_id": "0b9a3c1e-6d2f-4f57-9a51-2f0c6b7d1a02"}, None, None),  # consistent copies: no defect
]


@pytest.mark.parametrize("changes,pointer,reason", JSON_DEFECTS[:-1], ids=[d[1] for d in JSON_DEFECTS[:-1]])
def test_json_defect_is_located_by_pointer_and_database_untouched(app, tmp_path, changes, pointer, reason):
    before = fingerprint(app)
    service = small_service(**changes)
    path = write(tmp_path, {"contents": [service]})
    with app.app_context(), pytest.raises(ImportFailed) as failed:
        import_directory(path)
    where = f"services.json#{pointer}"
    assert any(p.where == where and reason in p.message for p in failed.value.problems), failed.value.problems
    assert fingerprint(app) == before


def test_copies_of_one_object_must_agree(empty_app, tmp_path):
    service = small_service()
    service["service_at_locations"][0]["location"]["organization_id"] = service["organization"]["id"]
    service["service_at_locations"][0]["location"]["name"] = "Main site"
    service["organization"]["locations"] = [dict(service["service_at_locations"][0]["location"], name="Elsewhere")]
    with empty_app.app_context(), pytest.raises(ImportFailed) as failed:
        import_directory(write(tmp_path, service))
    assert any(p.where == "services.json#/service_at_locations/0/location/name" and "appears again" in p.message
               for p in failed.value.problems)
    consistent = small_service()
    consistent["organization"]["locations"] = [consistent["service_at_locations"][0]["location"]]
    with empty_app.app_context():
        import_directory(write(tmp_path, consistent))
        assert db.session.scalar(select(Location.organization_id)) == consistent["organization"]["id"]


def test_json_taxonomy_cycle_and_duplicate_translation(empty_app, tmp_path):
    a, b = "0b9a3c1e-6d2f-4f57-9a51-2f0c6b7d1b01", "0b9a3c1e-6d2f-4f57-9a51-2f0c6b7d1b02"
    terms = [{"id": a, "name": "A", "description": "A", "parent_id": b},
             {"id": b, "name": "B", "description": "B", "parent_id": a}]
    translation = {"entity": "taxonomy_term", "id": a, "field": "name", "language": "fr", "value": "Ah"}
    with empty_app.app_context(), pytest.raises(ImportFailed) as failed:
        import_directory(write(tmp_path, {"taxonomy_terms": terms, "translations": [translation, translation]}, "bundle.json"))
    places = {p.where: p.message for p in failed.value.problems}
    assert "loops back" in places["bundle.json#/taxonomy_terms/0/parent_id"]
    assert "repeats the translation" in places["bundle.json#/translations/1"]


def test_json_syntax_error_and_ndjson_line_are_located(empty_app, tmp_path):
    (tmp_path / "broken.json").write_text('{"id": "x",\n "name": }', encoding="utf-8")
    good = json.dumps(small_service())
    (tmp_path / "lines.ndjson").write_text(good + "\n" + json.dumps(small_service(status="open")) + "\n{oops\n",
                                           encoding="utf-8")
    with empty_app.app_context():
        with pytest.raises(ImportFailed) as failed:
            import_directory(tmp_path / "broken.json")
        assert str(failed.value.problems[0]).startswith("broken.json:2: is not valid JSON")
        with pytest.raises(ImportFailed) as failed:
            import_directory(tmp_path / "lines.ndjson")
        places = {p.where for p in failed.value.problems}
        assert {"lines.ndjson:2#/status", "lines.ndjson:3"} <= places


# --- replace, merge and the summary --------------------------------------------------------

def test_merge_upserts_by_id_and_keeps_the_rest(app, tmp_path):
    with app.app_context():
        services = count(Service)
        existing = db.session.scalar(select(Service).order_by(Service.id))
        org = db.session.get(Organization, existing.organization_id)
        changed = {"id": existing.id, "name": "Renamed service", "status": existing.status,
                   "organization_id": org.id, "description": existing.description}
        new = small_service()
        new["organization"] = {c: json_value(getattr(org, c)) for c in ORG_FIELDS if getattr(org, c) is not None}
        summary = import_directory(write(tmp_path, [changed, new]), merge=True)
        assert summary.updated["service"] == 1 and summary.created["service"] == 1
        assert summary.unchanged["organization"] == 1 and summary.removed["service"] == 0
        assert count(Service) == services + 1
        assert db.session.get(Service, existing.id).name == "Renamed service"
        assert db.session.get(Service, existing.id).phones  # children not in the file stay
        from pwa_app.search import fulltext

        assert fulltext.search(db.session, "Renamed").service_ids == [existing.id]  # the index was rebuilt


def test_merge_may_refer_to_records_already_in_the_database(app, tmp_path):
    with app.app_context():
        org = db.session.scalar(select(Organization.id).order_by(Organization.id))
        service = small_service(organization_id=org)
        del service["organization"]
        import_directory(write(tmp_path, service), merge=True)
        assert db.session.get(Service, service["id"]).organization_id == org
        with pytest.raises(ImportFailed):
            import_directory(write(tmp_path, service))  # a replace has no such organization


def test_replace_reports_removed_and_unchanged(app, copy_package):
    package = copy_package()
    header, rows = read_csv(package / "attributes.csv")
    write_csv(package / "attributes.csv", header, rows[:-3])
    edit_cell(package, "services.csv", 0, "name", "A new name")
    with app.app_context():
        summary = import_directory(package)
    assert summary.removed["attribute"] == 3 and summary.updated["service"] == 1
    assert summary.unchanged["service"] >= 149 and summary.created["service"] == 0
    assert "attribute: 0 created, 0 updated," in "\n".join(summary.lines())


def test_merge_then_replace_with_the_same_file_agree(app, tmp_path, copy_package):
    package = copy_package()
    with app.app_context():
        import_directory(package, merge=True)
        merged = {t.id: t.slug for t in db.session.scalars(select(TaxonomyTerm))}
        import_directory(package)
        assert merged == {t.id: t.slug for t in db.session.scalars(select(TaxonomyTerm))}


# --- the command line ----------------------------------------------------------------------

def test_cli_import_json_with_merge_and_lenient(app, runner, tmp_path):
    path = tmp_path / "service_full.json"
    shutil.copy(SERVICE_FULL, path)
    result = runner.invoke(args=["import-hsds", str(path), "--merge"])
    assert result.exit_code != 0 and "service_full.json#/organization/locations/0/latitude" in result.output
    assert "--lenient" in result.output
    result = runner.invoke(args=["import-hsds", str(path), "--merge", "--lenient"])
    assert result.exit_code == 0, result.output
    assert "service: 1 created, 0 updated, 0 unchanged, 0 removed" in result.output
    assert "warning: service_full.json#/organization/locations/0/latitude" in result.output
    with app.app_context():
        assert count(Service) >= 151


def test_cli_replace_is_the_default(app, runner, tmp_path):
    # One service in place of the demo's: refused unless said so (tests/test_import_guard.py).
    result = runner.invoke(args=["import-hsds", str(write(tmp_path, small_service())), "--allow-shrink"])
    assert result.exit_code == 0, result.output
    assert "service: 1 created, 0 updated, 0 unchanged" in result.output and "removed" in result.output
    with app.app_context():
        assert count(Service) == 1


def test_a_command_line_import_is_in_the_audit_trail_and_a_refused_one_is_not(app, runner, tmp_path):
    """As a curator's upload is (tests/test_curate_import.py): one row, replaced or merged, the services
    before and after, the file's name, who; in the import's transaction."""
    def trail():
        with app.app_context():
            return [(m.last_action_type, m.field_name, m.previous_value, m.replacement_value, m.updated_by)
                    for m in db.session.scalars(select(Metadata).where(Metadata.resource_type == "directory"))]
    with app.app_context():
        before = count(Service)
    path = write(tmp_path, small_service())
    assert runner.invoke(args=["import-hsds", str(path)]).exit_code != 0  # refused: it would shrink the directory
    assert trail() == []
    result = runner.invoke(args=["import-hsds", str(path), "--merge"])
    assert result.exit_code == 0, result.output
    [(action, field, was, now, who)] = trail()
    assert (action, field, was, now) == ("merge", "services", str(before), f"{before + 1} ({path.name})")
    assert who == command_line_user() and who.endswith("(command line)")


def test_json_from_another_api_imports(empty_app, tmp_path):
    """Services with embedded taxonomy terms whose parents are elsewhere, and numbers written as text
    (issue 16: HSDS JSON from third-party transformers): the terms come with a warning, strictly; the
    numbers under --lenient, one warning per field."""
    term = {"id": "0b9a3c1e-6d2f-4f57-9a51-2f0c6b7d1a07", "name": "Food pantries", "code": "BD-1800.2000",
            "parent_id": "0b9a3c1e-6d2f-4f57-9a51-2f0c6b7d1a08", "description": "Food pantries"}
    data = small_service(attributes=[{"id": "0b9a3c1e-6d2f-4f57-9a51-2f0c6b7d1a09", "taxonomy_term": term,
                                      "link_type": "service_category"}])
    with empty_app.app_context():
        summary = import_directory(write(tmp_path, data))
        assert [w.message for w in summary.warnings if w.where.endswith("parent_id")] == [
            f"refers to taxonomy_term {term['parent_id']}, which is not in the package nor the directory; left empty"]
        assert db.session.get(TaxonomyTerm, term["id"]).parent_id is None
        text = small_service(**{"service_at_locations.0.location.latitude": "28.283189",
                                "service_at_locations.0.location.longitude": "-81.4"})
        with pytest.raises(ImportFailed):  # strictly, text is not a number
            import_directory(write(tmp_path, text))
        summary = import_directory(write(tmp_path, text), lenient=True)
        assert db.session.scalar(select(Location.latitude)) == 28.283189
        assert sorted(w.message for w in summary.warnings if "written as text" in w.message) == [
            "is a number written as text (1 location.latitude value(s) in all); read as the number",
            "is a number written as text (1 location.longitude value(s) in all); read as the number"]


def test_an_import_says_its_stages_as_it_goes(app, runner, tmp_path):
    """Not on a terminal (a log, this test): one line a stage, in order, the row counts where known."""
    result = runner.invoke(args=["import-hsds", str(write(tmp_path, small_service())), "--merge"])
    assert result.exit_code == 0, result.output
    stages = [line.split(": ", 1)[1] for line in result.output.splitlines() if line.startswith("Importing ")]
    assert stages == ["reading…", "checking 6 rows…", "writing (6 rows)…", "indexing for search…",
                      "keeping the phones' snapshots…"], result.output
