"""The HSDS importer: validates everything first, writes all or nothing."""
from __future__ import annotations


import pytest
from sqlalchemy import func, select

from pwa_app.cli.database import DEMO_PACKAGE
from pwa_app.db.extensions import db
from pwa_app.cli.database import import_directory
from pwa_app.hsds.package import ImportFailed
from pwa_app.db.models import (
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
    Translation,
)

from .helpers import edit_cell, read_csv, write_csv

TOP_LEVEL = {"Emergency", "Food", "Housing", "Goods", "Transit", "Health", "Money", "Care", "Education", "Work", "Legal"}


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_demo_region_is_big_and_varied_enough(app):
    with app.app_context():
        assert count(Service) >= 150
        assert count(Organization) >= 80
        assert db.session.scalar(select(func.count(func.distinct(Service.status))).where(Service.status != "active")) >= 1
        assert count(Translation) > count(Service)
        assert db.session.scalar(select(func.count(func.distinct(Language.code)))) >= 6
        multi = db.session.execute(
            select(ServiceAtLocation.service_id).group_by(ServiceAtLocation.service_id).having(func.count() > 1)
        ).all()
        assert multi, "some services are offered at several locations"
        assert db.session.scalar(select(func.count()).select_from(Phone).where(Phone.extension.is_not(None)))
        assert db.session.scalar(select(func.count()).select_from(Location).where(Location.latitude.is_not(None))) >= 80
        # Every phone number is fictional: 555-01xx.
        for number in db.session.scalars(select(Phone.number)):
            assert "555-01" in number, number
        roots = {t.name for t in db.session.scalars(select(TaxonomyTerm).where(TaxonomyTerm.parent_id.is_(None)))}
        assert roots >= TOP_LEVEL
        closes = {(s.opens_at, s.closes_at) for s in db.session.scalars(select(Schedule))}
        assert any(c and o and c < o for o, c in closes), "an overnight range"
        assert ("00:00", "00:00") in closes, "a 24-hour service"


def test_top_level_categories_have_plain_slugs(app):
    with app.app_context():
        slugs = set(db.session.scalars(select(TaxonomyTerm.slug).where(TaxonomyTerm.parent_id.is_(None))))
        assert {"food", "housing", "legal", "emergency"} <= slugs
        all_slugs = list(db.session.scalars(select(TaxonomyTerm.slug)))
        assert len(all_slugs) == len(set(all_slugs)) and None not in all_slugs


def test_demo_package_reimports_identically(app):
    with app.app_context():
        before = db.session.get(Service, db.session.scalar(select(Service.id).order_by(Service.id))).description
        import_directory(DEMO_PACKAGE)
        assert count(Service) >= 150
        assert db.session.get(Service, db.session.scalar(select(Service.id).order_by(Service.id))).description == before


# (file, data row, column, bad value, what the message must say)
DEFECTS = [
    ("services.csv", 0, "name", "", "required"),
    ("services.csv", 1, "id", "not-a-uuid", "UUID"),
    ("services.csv", 2, "status", "open", "one of"),
    ("services.csv", 3, "assured_date", "31/12/2025", "YYYY-MM-DD"),
    ("services.csv", 4, "organization_id", "00000000-0000-4000-8000-000000000000", "not in the package"),
    ("services.csv", 5, "minimum_age", "twelve", "not a number"),
    ("services.csv", 6, "description", "x" * 25_000, "characters long"),
    ("schedules.csv", 0, "opens_at", "25:00", "HH:MM"),
    ("locations.csv", 0, "latitude", "100", "outside"),
    ("locations.csv", 1, "longitude", "-181", "outside"),
    ("phones.csv", 0, "service_id", "11111111-1111-4111-8111-111111111111", "not in the package"),
    ("organizations.csv", 0, "email", "not an email", "email"),
    ("phones.csv", 1, "number", "613-555-0100 " * 400, "a number holds at most 40"),  # 5,200 characters
    ("services.csv", 7, "name", "Food bank " * 60, "a name holds at most 500"),
]


def snapshot(app) -> tuple:
    with app.app_context():
        first = db.session.scalar(select(Service).order_by(Service.id))
        return count(Service), count(Translation), first.id, first.name, first.description


@pytest.mark.parametrize("file,row,column,value,reason", DEFECTS, ids=[f"{d[0]}:{d[2]}" for d in DEFECTS])
def test_defect_is_located_and_database_untouched(app, copy_package, file, row, column, value, reason):
    before = snapshot(app)
    package = copy_package()
    edit_cell(package, file, row, column, value)
    with app.app_context(), pytest.raises(ImportFailed) as failed:
        import_directory(package)
    where = f"{file}:{row + 2}:{column}"
    assert any(str(p).startswith(where) and reason in p.message for p in failed.value.problems), failed.value.problems
    assert snapshot(app) == before


def test_a_row_whose_cells_do_not_match_the_header_is_called_that(app, copy_package):
    before = snapshot(app)
    package = copy_package()
    lines = (package / "services.csv").read_text(encoding="utf-8").split("\n")
    columns = len(lines[0].split(","))
    lines[3] += ',"an extra cell"'  # spreadsheet row 4
    lines[5] = lines[5][: lines[5].rindex(",")]  # row 6 loses its last cell
    (package / "services.csv").write_text("\n".join(lines), encoding="utf-8")
    with app.app_context(), pytest.raises(ImportFailed) as failed:
        import_directory(package)
    messages = {p.where: p.message for p in failed.value.problems}
    assert messages["services.csv:4"] == (f"has {columns + 1} cells where the header has {columns} columns: "
                                          "one cell too many (a comma in a cell without quotes?)")
    assert messages["services.csv:6"] == f"has {columns - 1} cells where the header has {columns} columns: one cell too few"
    assert len(failed.value.problems) == 2  # not one problem per column of the shifted rows
    assert snapshot(app) == before


def test_rows_are_counted_as_a_spreadsheet_shows_them(app, copy_package):
    """A cell with line breaks is still one row: problems name the row a curator sees."""
    package = copy_package()
    edit_cell(package, "services.csv", 0, "description", "First paragraph.\n\nSecond paragraph.")  # file lines 2-4
    edit_cell(package, "services.csv", 2, "status", "open")  # spreadsheet row 4, file line 6
    edit_cell(package, "services.csv", 5, "status", "shut")  # spreadsheet row 7, file line 9
    with app.app_context(), pytest.raises(ImportFailed) as failed:
        import_directory(package)
    assert sorted(p.where for p in failed.value.problems) == ["services.csv:4:status", "services.csv:7:status"]


def test_duplicate_id_names_both_rows(app, copy_package):
    package = copy_package()
    header, rows = read_csv(package / "organizations.csv")
    rows[3]["id"] = rows[1]["id"]
    write_csv(package / "organizations.csv", header, rows)
    with app.app_context(), pytest.raises(ImportFailed) as failed:
        import_directory(package)
    assert any(str(p).startswith("organizations.csv:5:id") and "first at organizations.csv:3" in p.message
               for p in failed.value.problems)


def test_taxonomy_cycle_is_rejected(app, copy_package):
    package = copy_package()
    header, rows = read_csv(package / "taxonomy_terms.csv")
    child = next(r for r in rows if r["parent_id"])
    parent = next(r for r in rows if r["id"] == child["parent_id"])
    parent["parent_id"] = child["id"]
    write_csv(package / "taxonomy_terms.csv", header, rows)
    with app.app_context(), pytest.raises(ImportFailed) as failed:
        import_directory(package)
    assert any("loops back" in p.message for p in failed.value.problems)


def test_every_problem_is_reported_at_once(app, copy_package):
    package = copy_package()
    edit_cell(package, "services.csv", 0, "status", "bogus")
    edit_cell(package, "locations.csv", 0, "latitude", "91")
    with app.app_context(), pytest.raises(ImportFailed) as failed:
        import_directory(package)
    places = {str(p).split(": ")[0] for p in failed.value.problems}
    assert {"services.csv:2:status", "locations.csv:2:latitude"} <= places


def test_not_utf8_is_reported_not_imported_as_mojibake(app, copy_package):
    package = copy_package()
    text = (package / "organizations.csv").read_text(encoding="utf-8")
    (package / "organizations.csv").write_bytes(text.replace("a", "é", 1).encode("latin-1", "replace"))
    with app.app_context(), pytest.raises(ImportFailed) as failed:
        import_directory(package)
    assert any(str(p).startswith("organizations.csv:") and "not UTF-8" in p.message for p in failed.value.problems)


def test_utf8_with_bom_is_accepted(app, copy_package):
    package = copy_package()
    path = package / "services.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with app.app_context():
        import_directory(package)
        assert count(Service) >= 150


def test_missing_required_column_and_missing_file(app, copy_package):
    package = copy_package()
    header, rows = read_csv(package / "addresses.csv")
    header.remove("city")
    for r in rows:
        r.pop("city")
    write_csv(package / "addresses.csv", header, rows)
    (package / "phones.csv").unlink()
    with app.app_context(), pytest.raises(ImportFailed) as failed:
        import_directory(package)
    messages = [str(p) for p in failed.value.problems]
    assert "addresses.csv:1:city: required column is missing" in messages
    assert "phones.csv: is listed in datapackage.json but missing" in messages


def test_translation_of_unknown_field_is_rejected(app, copy_package):
    package = copy_package()
    header, rows = read_csv(package / "translations.csv")
    rows[0]["field"] = "no_such_field"
    rows[1]["language"] = "not a language"
    write_csv(package / "translations.csv", header, rows)
    with app.app_context(), pytest.raises(ImportFailed) as failed:
        import_directory(package)
    places = {str(p).split(": ")[0] for p in failed.value.problems}
    assert {"translations.csv:2:field", "translations.csv:3:language"} <= places


def test_zip_package_imports(app, copy_package, tmp_path):
    import shutil

    package = copy_package()
    archive = shutil.make_archive(str(tmp_path / "region"), "zip", package)
    with app.app_context():
        summary = import_directory(archive)
        assert summary.unchanged["service"] >= 150  # the same region again: nothing new


def test_missing_descriptor(app, copy_package):
    package = copy_package()
    (package / "datapackage.json").unlink()
    with app.app_context(), pytest.raises(ImportFailed) as failed:
        import_directory(package)
    assert "datapackage.json" in str(failed.value.problems[0])


def test_cli_reports_problems_and_exits_nonzero(app, runner, copy_package):
    package = copy_package()
    edit_cell(package, "services.csv", 0, "status", "bogus")
    result = runner.invoke(args=["import-hsds", str(package)])
    assert result.exit_code != 0
    assert "services.csv:2:status" in result.output
    assert "nothing was imported" in result.output


def test_init_db_with_broken_demo_names_file_row_field(empty_app, copy_package, monkeypatch):
    package = copy_package()
    edit_cell(package, "locations.csv", 2, "latitude", "north")
    monkeypatch.setattr("pwa_app.cli.database.DEMO_PACKAGE", package)
    result = empty_app.test_cli_runner().invoke(args=["init-db", "--demo-if-empty"])
    assert result.exit_code != 0
    assert "locations.csv:4:latitude" in result.output


def test_init_db_loads_demo_only_when_empty(empty_app):
    runner = empty_app.test_cli_runner()
    assert runner.invoke(args=["init-db", "--demo-if-empty"]).exit_code == 0
    with empty_app.app_context():
        n = count(Service)
    assert n >= 150
    result = runner.invoke(args=["init-db", "--demo-if-empty"])
    assert result.exit_code == 0 and "created" not in result.output


def test_line_breaks_written_out_are_read_as_line_breaks(app, copy_package):
    """Text as written: an export's "\\n" (two characters) is a line break, so a paragraph, not a literal."""
    package = copy_package()
    _, rows = read_csv(package / "services.csv")
    edit_cell(package, "services.csv", 0, "description", r"First paragraph.\n\nSecond paragraph.\r\nThird.")
    with app.app_context():
        import_directory(package)
        assert db.session.get(Service, rows[0]["id"]).description == "First paragraph.\n\nSecond paragraph.\nThird."


def test_text_that_a_spreadsheet_would_run_is_kept_and_warned_about(app, copy_package):
    package = copy_package()
    _, rows = read_csv(package / "services.csv")
    edit_cell(package, "services.csv", 1, "name", '=HYPERLINK("http://example.org","Click")')
    edit_cell(package, "services.csv", 3, "fees", "@SUM(A1:A9)")
    edit_cell(package, "services.csv", 4, "description", "- Free breakfast\n- Showers")  # a list, not a formula
    with app.app_context():
        summary = import_directory(package)
        assert db.session.get(Service, rows[1]["id"]).name == '=HYPERLINK("http://example.org","Click")'  # exact
    formula = [w for w in summary.warnings if "spreadsheet formula" in w.message]
    assert len(formula) == 1 and formula[0].where == "services.csv:3:name" and "(2 cell(s) in all)" in formula[0].message


def test_web_addresses_without_a_scheme_and_broken_emails(app, copy_package):
    """HSDS wants URIs and emails: "www.example.org" is read as https://www.example.org (one warning
    for all); a broken email is refused, or with --lenient dropped with a warning."""
    package = copy_package()
    _, orgs = read_csv(package / "organizations.csv")
    edit_cell(package, "organizations.csv", 0, "website", "www.example.org/food")
    edit_cell(package, "organizations.csv", 1, "website", "example.org")
    edit_cell(package, "organizations.csv", 2, "email", "info@@example")
    with app.app_context():
        with pytest.raises(ImportFailed) as failed:
            import_directory(package)
        assert [p.where for p in failed.value.problems] == ["organizations.csv:4:email"]
        summary = import_directory(package, lenient=True)
        assert db.session.get(Organization, orgs[0]["id"]).website == "https://www.example.org/food"
        assert db.session.get(Organization, orgs[1]["id"]).website == "https://example.org"
        assert db.session.get(Organization, orgs[2]["id"]).email is None
    warned = {w.where: w.message for w in summary.warnings}
    assert warned["organizations.csv:2:website"] == "has no scheme (2 web address(es) in all); read as https://…"
    assert warned["organizations.csv:4:email"] == "'info@@example' is not an email address; dropped"
