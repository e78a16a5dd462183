"""Converters from older formats: HSDS 1.1, Ohana CSV and Ohana's MongoDB export."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pwa_app.cli.database import DEMO_PACKAGE
from pwa_app.db.extensions import db
from pwa_app.cli.database import import_directory
from pwa_app.hsds.legacy.common import legacy_id
from pwa_app.hsds.legacy.hours_text import DAYS, Opening, parse_date, parse_hours, parse_range, parse_time
from pwa_app.hsds.legacy.hsds1 import convert_hsds11
from pwa_app.hsds.legacy.ohana import convert_ohana_csv, convert_ohana_mongo
from pwa_app.db.models import (Address, Attribute, Language, Location, Organization, Phone, Schedule, Service,
                                TaxonomyTerm)

from .conftest import SHARED_DATA
from .helpers import edit_cell, read_csv, write_csv

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")

# Real strings from the 2014 San Mateo County directory and what they must become.
READABLE_HOURS = [
    ("Monday-Friday, 8-5", [(WEEKDAYS, "08:00", "17:00")]),
    ("Monday-Friday, 9-5", [(WEEKDAYS, "09:00", "17:00")]),
    ("24 hours daily", [(DAYS, "00:00", "00:00")]),
    ("24-hour facility", [(DAYS, "00:00", "00:00")]),
    ("24 hour facility", [(DAYS, "00:00", "00:00")]),
    ("Monday-Friday, 8:30-5", [(WEEKDAYS, "08:30", "17:00")]),
    ("Monday-Friday, 8-4:30", [(WEEKDAYS, "08:00", "16:30")]),
    ("Monday-Friday, 8-12, 1-5", [(WEEKDAYS, "08:00", "12:00"), (WEEKDAYS, "13:00", "17:00")]),
    ("Monday-Friday, 8:30-12:30, 1:30-5:30", [(WEEKDAYS, "08:30", "12:30"), (WEEKDAYS, "13:30", "17:30")]),
    ("Monday, 2-7; Tuesday, Wednesday, 11-8; Thursday-Saturday, 10-6",
     [(("MO",), "14:00", "19:00"), (("TU", "WE"), "11:00", "20:00"), (("TH", "FR", "SA"), "10:00", "18:00")]),
    ("Monday-Thursday, 8:30-5; Friday, 8:30-4", [(WEEKDAYS[:4], "08:30", "17:00"), (("FR",), "08:30", "16:00")]),
    ("Daily, 10-5", [(DAYS, "10:00", "17:00")]),
    ("Wednesday-Sunday, 12-4", [(("WE", "TH", "FR", "SA", "SU"), "12:00", "16:00")]),
    ("Monday-Wednesday, 4 pm-8 pm", [(("MO", "TU", "WE"), "16:00", "20:00")]),
    ("Monday-Friday, 8 am-10 pm", [(WEEKDAYS, "08:00", "22:00")]),
    ("Monday - Friday, 9-5", [(WEEKDAYS, "09:00", "17:00")]),
    ("Monday, Tuesday, Thursday, Friday, 8-5; Wednesday, 9-5",
     [(("MO", "TU", "TH", "FR"), "08:00", "17:00"), (("WE",), "09:00", "17:00")]),
    ("Monday-Friday, 8-5; Saturday, 10-6; Sunday 11-5",
     [(WEEKDAYS, "08:00", "17:00"), (("SA",), "10:00", "18:00"), (("SU",), "11:00", "17:00")]),
    ("Monday-Wednesday, 10-9; Thursday, Friday, 10-6; Saturday, 10-5; Sunday, 1-5",
     [(("MO", "TU", "WE"), "10:00", "21:00"), (("TH", "FR"), "10:00", "18:00"), (("SA",), "10:00", "17:00"),
      (("SU",), "13:00", "17:00")]),
    ("Monday-Friday 8 am - 5 pm", [(WEEKDAYS, "08:00", "17:00")]),
    ("Monday-Friday, 6:45 am-5:15 pm", [(WEEKDAYS, "06:45", "17:15")]),
    ("Monday-Friday, 2:30-6", [(WEEKDAYS, "14:30", "18:00")]),
    ("Monday-Thursday, 9-9; Friday, 9-2", [(WEEKDAYS[:4], "09:00", "21:00"), (("FR",), "09:00", "14:00")]),
    ("Monday-Friday, 8:00 - 4:00", [(WEEKDAYS, "08:00", "16:00")]),
    ("Monday-Friday, 7-6", [(WEEKDAYS, "07:00", "18:00")]),
]

# Real strings that are not safe to read as a weekly timetable: they stay as text.
AMBIGUOUS_HOURS = [
    "Vary", "Varies", "By appointment", "Varies according to program", "9-5",
    "Investigations: 24 hours daily; Administration: Monday-Friday, 8-5",
    "Monday, Tuesday, Thursday, Friday, 8-5; Wednesday, 11-5; closed 12-1",
    "Gallery: Friday-Sunday, 1-5", "Monday-Friday, 8:30-5; some evening appointments",
    "24 hours on weekends and holidays, 6 pm-8 am weeknights", "Monday-Firday, 9-5",
    "Meetings: 7:30 pm the 4th Thursday of the month", "Monday-Friday, 6-10",
    "January - December Saturday 9:00 AM to 1:00 PM", "Monday-Friday, 9-5 (EST)",
]


@pytest.mark.parametrize("text,expected", READABLE_HOURS, ids=[t for t, _ in READABLE_HOURS])
def test_free_text_hours_become_schedules(text, expected):
    assert parse_hours(text) == [Opening(tuple(days), o, c) for days, o, c in expected]


@pytest.mark.parametrize("text", AMBIGUOUS_HOURS)
def test_ambiguous_hours_stay_text(text):
    assert parse_hours(text) is None


def test_ranges_times_and_dates():
    assert parse_range("10-9") == ("10:00", "21:00")
    assert parse_range("8-12") == ("08:00", "12:00")
    assert parse_range("6-10") is None  # morning or evening?
    assert parse_range("9 pm-2 am") is None  # overnight written loosely
    assert parse_time("4:00 PM") == "16:00" and parse_time("3pm") == "15:00" and parse_time("09:00:00") == "09:00"
    assert parse_time("noonish") is None
    assert parse_date("12/24/15").isoformat() == "2015-12-24"
    assert parse_date("January 01, 0001") is None and parse_date("soon") is None


def test_legacy_ids_are_stable_uuids():
    assert legacy_id("ohana-mongo", "service", 12) == legacy_id("ohana-mongo", "service", "12")
    assert legacy_id("ohana-mongo", "service", 12) != legacy_id("ohana-csv", "service", 12)
    assert len(legacy_id("x", "y", "z")) == 36


def test_hsds11_sample_converts_and_imports(empty_app, tmp_path):
    report = convert_hsds11(SHARED_DATA / "hsds1.1-sample", tmp_path / "pkg")
    assert report.counts["service"] == 13 and report.counts["service_at_location"] == 13
    with empty_app.app_context():
        import_directory(tmp_path / "pkg")  # strict: the converter writes no defect
        assert db.session.scalar(select(func.count()).select_from(Service)) == 13
        schedules = list(db.session.scalars(select(Schedule).where(Schedule.freq == "WEEKLY").order_by(Schedule.byday)))
        assert [(s.byday, s.opens_at, s.closes_at) for s in schedules] == [
            ("MO", "09:00", "17:00"), ("TU", "09:00", "17:00"), ("WE", "09:00", "17:00")]
        assert db.session.scalar(select(Organization.website).where(Organization.website.is_not(None)))


def test_ohana_csv_skips_test_records(empty_app, tmp_path):
    report = convert_ohana_csv(SHARED_DATA / "ohana-smc" / "sample-csv", tmp_path / "pkg")
    assert report.skipped["test organizations"] == 3
    assert any(line == "skipped 3 test organizations" for line in report.lines())
    with empty_app.app_context():
        import_directory(tmp_path / "pkg")
        names = set(db.session.scalars(select(Organization.name)))
        assert "Fake Org" not in names and "Admin Test Org" not in names and len(names) == 5
        located = db.session.scalar(select(func.count()).select_from(Location).where(Location.latitude.is_not(None)))
        assert located >= 18


@pytest.fixture(scope="module")
def san_mateo(tmp_path_factory):
    out = tmp_path_factory.mktemp("smc") / "package"
    report = convert_ohana_mongo(SHARED_DATA / "ohana-smc" / "smc-2014-full-mongo", out)
    return out, report


def test_san_mateo_county_loads_its_human_services(empty_app, san_mateo):
    package, report = san_mateo
    kept = report.counts["service"]
    skipped = report.skipped["services at skipped locations"]
    assert kept + skipped == 1695 and kept > 1400
    assert report.skipped["locations of kind 'libraries'"] == 84 and report.skipped["locations of kind 'test'"] == 4
    assert any(line.startswith("opening hours: ") for line in report.lines())
    with empty_app.app_context():
        import_directory(package)
        assert db.session.scalar(select(func.count()).select_from(Service)) == kept
        assert db.session.scalar(select(func.count()).select_from(Attribute)) > 3000
        # Categories are the shipped Open Eligibility terms, with their ids.
        _, shipped = read_csv(DEMO_PACKAGE / "taxonomy_terms.csv")
        assert {r["id"] for r in shipped} == set(db.session.scalars(select(TaxonomyTerm.id)))
        weekly = db.session.scalar(select(func.count()).select_from(Schedule).where(Schedule.freq == "WEEKLY"))
        as_text = db.session.scalar(select(func.count()).select_from(Schedule).where(Schedule.freq.is_(None)))
        assert weekly > 600 and as_text > 100
        assert db.session.scalar(select(Schedule.description).where(Schedule.description == "Varies"))


def test_import_legacy_command(empty_app, tmp_path):
    runner = empty_app.test_cli_runner()
    result = runner.invoke(args=["import-legacy", "ohana-csv", str(SHARED_DATA / "ohana-smc" / "sample-csv")])
    assert result.exit_code == 0, result.output
    assert "skipped 3 test organizations" in result.output and "service: 19 created" in result.output
    out = tmp_path / "converted"
    result = runner.invoke(args=["import-legacy", "hsds-1.1", str(SHARED_DATA / "hsds1.1-sample"), "--out", str(out)])
    assert result.exit_code == 0 and (out / "datapackage.json").is_file()
    with empty_app.app_context():  # --out only converts
        assert db.session.scalar(select(func.count()).select_from(Service)) == 19


def test_holidays_are_closures_or_special_hours():
    from datetime import date

    from pwa_app.hsds.legacy.common import Report
    from pwa_app.hsds.legacy.hours_text import _holiday

    day, report = date(2015, 12, 24), Report("test")
    assert _holiday({"closed": "true"}, day, day, report) == {
        "valid_from": "2015-12-24", "valid_to": "2015-12-24", "description": "Closed"}
    special = _holiday({"closed": "false", "opens_at": "10:00", "closes_at": "4:00 PM"}, day, day, report)
    assert (special["opens_at"], special["closes_at"]) == ("10:00", "16:00")
    # Open with no readable hours would read as a closure: left out and counted instead.
    assert _holiday({"closed": "false", "opens_at": "soon"}, day, day, report) is None
    assert report.skipped["holiday schedules with unreadable times"] == 1


def hsds11_in_data_folder(tmp_path) -> Path:
    """The HSDS 1.1 sample with its CSVs in data/ while datapackage.json, beside it, names them at its side."""
    folder = tmp_path / "export"
    shutil.copytree(SHARED_DATA / "hsds1.1-sample", folder / "data")
    shutil.move(folder / "data" / "datapackage.json", folder / "datapackage.json")
    return folder


def ohana_sample(tmp_path) -> Path:
    """A copy of the Ohana CSV sample to edit."""
    shutil.copytree(SHARED_DATA / "ohana-smc" / "sample-csv", tmp_path / "ohana")
    return tmp_path / "ohana"


def published_export(tmp_path):
    """The HSDS 1.1 sample made to look like a real 211's export (the Open211 Miami datapackage of
    2019, whose quirks these are): zipped with its CSVs in data/ while datapackage.json names them
    at its side, schedules without ids, language rows repeating ids, a service whose organization is
    not in the export (with its phones), blank countries, a phone without a number, and line breaks
    written out as "\\n"."""
    folder = hsds11_in_data_folder(tmp_path)
    data = folder / "data"
    header, rows = read_csv(data / "regular_schedules.csv")
    write_csv(data / "regular_schedules.csv", header, [{**r, "id": ""} for r in rows])
    header, rows = read_csv(data / "languages.csv")
    write_csv(data / "languages.csv", header, [{**r, "id": rows[0]["id"]} for r in rows])
    header, rows = read_csv(data / "services.csv")
    rows[0]["organization_id"] = "organization-not-in-the-export"
    rows[1]["description"] = r"First paragraph.\n\nSecond paragraph."
    write_csv(data / "services.csv", header, rows)
    header, phones = read_csv(data / "phones.csv")
    phones.append({**phones[0], "id": "phone-of-the-orphan", "service_id": rows[0]["id"], "location_id": "", "language": "en"})
    phones.append({**phones[0], "id": "phone-without-a-number", "number": ""})
    write_csv(data / "phones.csv", header, phones)
    header, rows = read_csv(data / "physical_addresses.csv")
    write_csv(data / "physical_addresses.csv", header, [{**r, "country": "   "} for r in rows])
    return Path(shutil.make_archive(str(tmp_path / "export"), "zip", folder)), rows


def test_a_published_hsds1_export_imports_with_one_command(empty_app, tmp_path):
    archive, addresses = published_export(tmp_path)
    _, schedules = read_csv(SHARED_DATA / "hsds1.1-sample" / "regular_schedules.csv")
    _, languages = read_csv(SHARED_DATA / "hsds1.1-sample" / "languages.csv")
    _, services = read_csv(SHARED_DATA / "hsds1.1-sample" / "services.csv")
    runner = empty_app.test_cli_runner()
    refused = runner.invoke(args=["import-legacy", "hsds-1.1", str(archive)])
    assert refused.exit_code == 1 and isinstance(refused.exception, SystemExit)
    assert refused.output.strip().replace("\n", " ") == (
        f"Error: {archive}: {len(addresses)} addresses have no country, which HSDS 3.0 requires: give it with --country "
        "(its ISO 3166-1 code, e.g. --country US). Nothing was changed.")
    result = runner.invoke(args=["import-legacy", "hsds-1.1", str(archive), "--country", "us"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "converted from HSDS 1.1 datapackage export:" in out
    assert f"filled {len(schedules)} regular_schedules rows without an id: each given its own" in out
    assert f"filled {len(languages) - 1} languages rows repeating another row's id: each given its own" in out
    assert "filled 1 services without an organization: each listed under one of its own name" in out
    assert f"filled {len(addresses)} addresses without a country: US (--country)" in out
    assert "skipped 1 phones without a number" in out
    with empty_app.app_context():
        count = lambda model: db.session.scalar(select(func.count()).select_from(model))  # noqa: E731
        weekly = db.session.scalar(select(func.count()).select_from(Schedule).where(Schedule.freq == "WEEKLY"))
        assert count(Service) == len(services) and weekly == len(schedules)  # nothing collapsed, nothing dropped
        assert count(Language) >= len(languages)
        orphan = db.session.get(Service, legacy_id("hsds-1.1", "service", services[0]["id"]))
        assert orphan.organization.name == orphan.name and "names no organization" in orphan.organization.description
        assert [p.id for p in orphan.phones] == [legacy_id("hsds-1.1", "phone", "phone-of-the-orphan")]
        text = db.session.get(Service, legacy_id("hsds-1.1", "service", services[1]["id"])).description
        assert text == "First paragraph.\n\nSecond paragraph."
        assert {a.country for a in db.session.scalars(select(Address))} == {"US"}


def test_a_cell_with_several_web_addresses_keeps_the_first(empty_app, tmp_path):
    """Baltimore's iCarol export (2019) puts several web addresses in one cell, apart by spaces."""
    source = ohana_sample(tmp_path)
    edit_cell(source, "organizations.csv", 0, "website", "http://www.first.example.org      http://second.example.org")
    result = empty_app.test_cli_runner().invoke(args=["import-legacy", "ohana-csv", str(source)])
    assert result.exit_code == 0, result.output
    with empty_app.app_context():
        sites = set(db.session.scalars(select(Organization.website)))
        assert "http://www.first.example.org" in sites and not any(s and " " in s for s in sites)


# Opening and closing times given apart, as HSDS 1.x exports write them (the 2019 Open211 Miami
# export's regular_schedules.csv has each of these pairs), and how they are read.
SPANS = [
    ("8:00am", "5:00pm", ("08:00", "17:00")),
    ("1:00pm", "5:00", ("13:00", "17:00")),  # the same half-day: plausible
    ("9:00am", "11:30", ("09:00", "11:30")),
    ("4:00pm", "12:00am", ("16:00", "00:00")),  # to midnight
    ("09:00:00", "17:00:00", ("09:00", "17:00")),
    ("22:00", "08:00", ("22:00", "08:00")),  # a night shelter, on the 24-hour clock
    ("12:00am", "11:59pm", ("00:00", "23:59")),  # said in full
    ("9", "5pm", ("09:00", "17:00")),
    ("11:00", "2:00pm", ("11:00", "14:00")),
    ("9:00am", "5:00", None),  # 5 in the morning, 20 hours later? left to a person, as text
    ("9:00", "5:00", None),
    ("", "", None),
]


@pytest.mark.parametrize("opens,closes,expected", SPANS)
def test_times_given_apart_are_read_only_where_plausible(opens, closes, expected):
    from pwa_app.hsds.legacy.hours_text import read_span

    assert read_span(opens, closes) == expected


def test_unsure_schedules_are_kept_as_their_text(empty_app, tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(SHARED_DATA / "hsds1.1-sample", folder)
    header, rows = read_csv(folder / "regular_schedules.csv")
    for row in rows[:2]:
        row.update(opens_at="9:00am", closes_at="5:00", original_text="9:00am-5:00, Mon-Tue")
    write_csv(folder / "regular_schedules.csv", [*header, "original_text"], rows)
    result = empty_app.test_cli_runner().invoke(args=["import-legacy", "hsds-1.1", str(folder), "--country", "US"])
    assert result.exit_code == 0, result.output
    assert "filled 2 regular schedules whose day or times are unsure: kept as their text" in result.output
    with empty_app.app_context():
        texts = db.session.scalars(select(Schedule).where(Schedule.description == "9:00am-5:00, Mon-Tue")).all()
        assert len(texts) == 1 and texts[0].opens_at is None  # once for the service, not once a day
        assert not db.session.scalars(select(Schedule).where(Schedule.opens_at == "09:00", Schedule.closes_at == "05:00")).all()


def test_problems_name_the_curators_own_file_row_and_column(empty_app, tmp_path):
    """A converted export's problems point into the export as published, not the package made of it."""
    folder = hsds11_in_data_folder(tmp_path)
    edit_cell(folder / "data", "services.csv", 2, "status", "bogus")
    edit_cell(folder / "data", "locations.csv", 1, "latitude", "100")
    runner = empty_app.test_cli_runner()
    result = runner.invoke(args=["import-legacy", "hsds-1.1", str(folder), "--country", "US"])
    assert result.exit_code == 1
    assert "  data/services.csv:4:status: 'bogus' is not one of" in result.output, result.output
    edit_cell(folder / "data", "services.csv", 2, "status", "active")
    lenient = runner.invoke(args=["import-legacy", "hsds-1.1", str(folder), "--country", "US", "--lenient"])
    assert lenient.exit_code == 0, lenient.output
    assert "warning: data/locations.csv:3:latitude: 100 is outside -90..90" in lenient.output, lenient.output


def test_ohana_problems_name_the_exports_own_rows(empty_app, tmp_path):
    source = ohana_sample(tmp_path)
    edit_cell(source, "locations.csv", 1, "latitude", "100")
    result = empty_app.test_cli_runner().invoke(args=["import-legacy", "ohana-csv", str(source)])
    assert result.exit_code == 1
    assert "  locations.csv:3:latitude: 100 is outside -90..90" in result.output, result.output


# HSDS 2.0.1's tables as its datapackage.json names them (openreferral/specification, tag 2.0.1), with
# the columns the sample below fills; each file is written with all of them, as a 2.0 export is.
HSDS20_COLUMNS = {
    "organization": ("organizations.csv", "id,name,alternate_name,description,email,url,tax_status,tax_id,"
                                          "year_incorporated,legal_status"),
    "program": ("programs.csv", "id,organization_id,name,alternate_name"),
    "service": ("services.csv", "id,organization_id,program_id,name,alternate_name,description,url,email,status,"
                                "interpretation_services,application_process,wait_time,fees,accreditations,licenses"),
    "service_attribute": ("service_attributes.csv", "id,service_id,taxonomy_term_id"),
    "other_attribute": ("other_attributes.csv", "id,link_id,link_type,taxonomy_term_id"),
    "service_at_location": ("services_at_location.csv", "id,service_id,location_id,description"),
    "location": ("locations.csv", "id,organization_id,name,alternate_name,description,transportation,latitude,longitude"),
    "phone": ("phones.csv", "id,location_id,service_id,organization_id,contact_id,service_at_location_id,number,"
                            "extension,type,language,description,department"),
    "physical_address": ("physical_addresses.csv", "id,location_id,attention,address_1,address_2,address_3,address_4,"
                                                   "city,region,state_province,postal_code,country"),
    "schedule": ("schedules.csv", "id,service_id,location_id,service_at_location_id,valid_from,valid_to,dtstart,"
                                  "timezone,until,count,wkst,freq,interval,byday,byweekno,bymonthday,byyearday,"
                                  "description,opens_at,closes_at"),
    "eligibility": ("eligibility.csv", "id,service_id"),
    "language": ("languages.csv", "id,service_id,location_id,language"),
    "taxonomy_term": ("taxonomy_terms.csv", "id,term,description,parent_id,taxonomy,language"),
}
HSDS20_ROWS = {
    "organization": [{"id": "org-1", "name": "Harbor Food Bank", "url": "https://harbor.example.org"},
                     {"id": "org-2", "name": "Northside Clinic", "description": "A community clinic."}],
    "program": [],
    "service": [{"id": "svc-1", "organization_id": "org-1", "name": "Food Pantry", "status": "active",
                 "fees": "Free"},
                {"id": "svc-2", "organization_id": "org-2", "name": "Walk-in Clinic", "status": "active"},
                {"id": "svc-3", "organization_id": "", "name": "Crisis Line", "status": "active"}],
    "taxonomy_term": [{"id": "food", "term": "Food", "description": "Food for people in need", "taxonomy": "Local"},
                      {"id": "pantry", "term": "Food Pantries", "description": "Groceries to take home",
                       "parent_id": "food", "taxonomy": "Local", "language": "en"},
                      {"id": "health", "term": "Health Care", "description": "Care for the body", "taxonomy": "Local"},
                      {"id": "crisis", "term": "Crisis Hotlines", "description": "Help at once", "taxonomy": "Local"},
                      {"id": "seniors", "term": "Seniors", "description": "People 65 and over",
                       "taxonomy": "Eligibility"}],
    "service_attribute": [{"id": "sa-1", "service_id": "svc-1", "taxonomy_term_id": "pantry"},
                          {"id": "sa-2", "service_id": "svc-2", "taxonomy_term_id": "health"},
                          {"id": "sa-3", "service_id": "svc-3", "taxonomy_term_id": "crisis"},
                          {"id": "sa-4", "service_id": "svc-3", "taxonomy_term_id": "food"},
                          {"id": "sa-5", "service_id": "svc-gone", "taxonomy_term_id": "food"}],
    "other_attribute": [{"id": "oa-1", "link_id": "elig-1", "link_type": "eligibility", "taxonomy_term_id": "seniors"}],
    "location": [{"id": "loc-1", "organization_id": "org-1", "name": "Harbor warehouse", "latitude": "25.77",
                  "longitude": "-80.19"},
                 {"id": "loc-2", "organization_id": "org-2", "name": "Northside", "latitude": "25.85",
                  "longitude": "-80.21"}],
    "service_at_location": [{"id": "sal-1", "service_id": "svc-1", "location_id": "loc-1"},
                            {"id": "sal-2", "service_id": "svc-2", "location_id": "loc-2"}],
    "physical_address": [{"id": "pa-1", "location_id": "loc-1", "address_1": "1 Harbor Way", "city": "Miami",
                          "state_province": "FL", "postal_code": "33101", "country": "US"},
                         {"id": "pa-2", "location_id": "loc-2", "address_1": "200 North St", "address_4": "Suite 4",
                          "city": "Miami", "state_province": "FL", "postal_code": "33150"}],
    "phone": [{"id": "ph-1", "service_id": "svc-1", "number": "305-555-0100", "extension": "12", "type": "voice",
               "language": "en,es"},
              {"id": "ph-2", "location_id": "loc-2", "number": "305-555-0200", "type": "voice"},
              {"id": "ph-3", "service_id": "svc-3", "number": "1-800-555-0199", "extension": "4", "type": "voice"}],
    "schedule": [{"id": "sch-1", "service_id": "svc-1", "freq": "WEEKLY", "byday": "MO,TU,WE", "opens_at": "09:00",
                  "closes_at": "17:00"},
                 {"id": "sch-2", "location_id": "loc-2", "freq": "WEEKLY", "byday": "SA", "opens_at": "10:00-05:00",
                  "closes_at": "14:00-05:00"},
                 {"id": "sch-3", "service_id": "svc-2", "freq": "WEEKLY", "byday": "FR", "opens_at": "9:00am",
                  "closes_at": "5:00", "description": "Fridays"}],
    "eligibility": [{"id": "elig-1", "service_id": "svc-2"}],
    "language": [{"id": "lang-1", "service_id": "svc-1", "language": "es"},
                 {"id": "lang-2", "service_id": "svc-2", "language": "fr"}],
}


def hsds20_sample(tmp_path, version: str = "2.0.1", leave_out: tuple[str, ...] = ()) -> Path:
    """A small HSDS 2.0.1 datapackage: a folder of its CSVs and a datapackage.json naming them."""
    import json

    folder = tmp_path / "hsds20"
    folder.mkdir()
    resources = []
    for name, (path, columns) in HSDS20_COLUMNS.items():
        if path in leave_out:
            continue
        write_csv(folder / path, columns.split(","), HSDS20_ROWS[name])
        resources.append({"name": name, "path": path, "profile": "tabular-data-resource",
                          "schema": {"fields": [{"name": c, "type": "string"} for c in columns.split(",")]}})
    descriptor = {"name": "human_services_data", "title": "Harbor 211", "profile": "tabular-data-package",
                  "version": version, "resources": resources}
    (folder / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    return folder


def zipped(folder: Path) -> Path:
    return Path(shutil.make_archive(str(folder), "zip", folder))


@pytest.mark.parametrize("archive", [False, True], ids=["folder", "zip"])
def test_import_hsds_names_the_command_for_hsds20(app, tmp_path, archive):
    folder = hsds20_sample(tmp_path)
    path = zipped(folder) if archive else folder
    result = app.test_cli_runner().invoke(args=["import-hsds", str(path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.strip() and not line.startswith(("Importing", "INFO"))]
    assert lines == [f"Error: {path} is an HSDS 2.0 datapackage (it has other_attributes.csv), not HSDS 3.0: import it "
                     f"with `flask --app pwa_app import-legacy hsds-2.0 {path}`. Nothing was changed."], result.output


@pytest.mark.parametrize("version,kind,why", [
    ("2.0.1", "hsds-2.0", "its datapackage.json says version 2.0.1 and it has physical_addresses.csv"),
    ("1.0", "hsds-1.1", "it has physical_addresses.csv"),
])
def test_the_declared_version_tells_2_0_from_1_x_when_the_files_do_not(app, tmp_path, version, kind, why):
    """Without its attribute files and schedules.csv (an export leaves empty tables out), a 2.0 package has
    only files 1.x has too: its datapackage.json's version decides."""
    path = hsds20_sample(tmp_path, version, leave_out=("service_attributes.csv", "other_attributes.csv", "schedules.csv"))
    result = app.test_cli_runner().invoke(args=["import-hsds", str(path)])
    assert result.exit_code == 1
    what = {"hsds-2.0": "an HSDS 2.0 datapackage", "hsds-1.1": "an HSDS 1.x datapackage"}[kind]
    assert f"{path} is {what} ({why}), not HSDS 3.0: import it with `flask --app pwa_app import-legacy {kind} {path}`" \
        in result.output.replace("\n", " "), result.output


@pytest.mark.parametrize("archive", [False, True], ids=["folder", "zip"])
def test_an_hsds20_package_imports_with_one_command(empty_app, tmp_path, archive):
    folder = hsds20_sample(tmp_path)
    path = zipped(folder) if archive else folder
    runner = empty_app.test_cli_runner()
    refused = runner.invoke(args=["import-legacy", "hsds-2.0", str(path)])
    assert refused.exit_code == 1 and "1 addresses have no country" in refused.output, refused.output
    result = runner.invoke(args=["import-legacy", "hsds-2.0", str(path), "--country", "US"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "converted from HSDS 2.0 datapackage hsds20:" in out
    assert "filled 1 services without an organization: each listed under one of its own name" in out
    assert "filled 1 schedules whose times are unreadable: kept as their text" in out
    assert "skipped 1 category links to a missing service or term" in out
    uid = lambda table, old: legacy_id("hsds-2.0", table, old)  # noqa: E731
    with empty_app.app_context():
        count = lambda model: db.session.scalar(select(func.count()).select_from(model))  # noqa: E731
        assert (count(Service), count(Organization), count(Location), count(Address)) == (3, 3, 2, 2)
        links = {(a.link_id, a.taxonomy_term_id) for a in db.session.scalars(select(Attribute))}
        assert links == {(uid("service", s), uid("taxonomy_term", t)) for s, t in
                         [("svc-1", "pantry"), ("svc-2", "health"), ("svc-3", "crisis"), ("svc-3", "food")]}
        pantry = db.session.get(TaxonomyTerm, uid("taxonomy_term", "pantry"))
        assert (pantry.name, pantry.description, pantry.parent_id) == (
            "Food Pantries", "Groceries to take home", uid("taxonomy_term", "food"))
        phones = {p.id: (p.number, p.extension) for p in db.session.scalars(select(Phone))}
        assert phones == {uid("phone", "ph-1"): ("305-555-0100", 12), uid("phone", "ph-2"): ("305-555-0200", None),
                          uid("phone", "ph-3"): ("1-800-555-0199", 4)}
        crisis = db.session.get(Service, uid("service", "svc-3"))
        assert crisis.organization.name == "Crisis Line" and [p.id for p in crisis.phones] == [uid("phone", "ph-3")]
        hours = {(s.id, s.byday, s.opens_at, s.closes_at, s.timezone, s.description)
                 for s in db.session.scalars(select(Schedule))}
        text = [h for h in hours if h[0] not in (uid("schedule", "sch-1"), uid("schedule", "sch-2"))]
        assert hours - set(text) == {(uid("schedule", "sch-1"), "MO,TU,WE", "09:00", "17:00", None, None),
                                     (uid("schedule", "sch-2"), "SA", "10:00", "14:00", -5, None)}
        assert [(t[2], t[3], t[5]) for t in text] == [(None, None, "Fridays; 9:00am - 5:00")]  # not 9 am to 5 am
        clinic = db.session.get(Service, uid("service", "svc-2"))
        assert clinic.eligibility_description == "Seniors"
        assert {(lang.code, lang.name) for lang in db.session.scalars(select(Language).where(Language.service_id.is_not(None)))} \
            == {("es", "es"), ("fr", "fr")}
        assert db.session.get(Address, uid("address", "pa-2")).address_2 == "Suite 4"


def test_an_hsds20_package_read_as_1_1_is_refused(empty_app, tmp_path):
    """Read as 1.1, a 2.0 package would lose its schedules and categories without a word."""
    path = hsds20_sample(tmp_path)
    result = empty_app.test_cli_runner().invoke(args=["import-legacy", "hsds-1.1", str(path), "--country", "US"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.output.replace("\n", " ").strip() == (
        f"Error: {path} is an HSDS 2.0 datapackage (it has other_attributes.csv), not hsds-1.1: import it with "
        f"`flask --app pwa_app import-legacy hsds-2.0 {path}`. Nothing was changed.")
    with empty_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Service)) == 0


def test_hsds20_problems_name_the_curators_own_file_and_row(empty_app, tmp_path):
    folder = hsds20_sample(tmp_path)
    edit_cell(folder, "services.csv", 1, "status", "bogus")
    result = empty_app.test_cli_runner().invoke(args=["import-legacy", "hsds-2.0", str(folder), "--country", "US"])
    assert result.exit_code == 1
    assert "  services.csv:3:status: 'bogus' is not one of" in result.output, result.output


def test_an_hsds20_import_does_not_shrink_the_directory_unasked(app, tmp_path):
    path = zipped(hsds20_sample(tmp_path))
    runner = app.test_cli_runner()
    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(Service))
    refused = runner.invoke(args=["import-legacy", "hsds-2.0", str(path), "--country", "US"])
    assert refused.exit_code == 1, refused.output
    message = refused.output.replace("\n", " ")
    assert f"holds 3 service(s) and the directory {before}: replacing it would remove {before - 3}" in message
    assert "--allow-shrink" in message
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Service)) == before
    replaced = runner.invoke(args=["import-legacy", "hsds-2.0", str(path), "--country", "US", "--allow-shrink"])
    assert replaced.exit_code == 0, replaced.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Service)) == 3


def test_an_hsds1_package_read_as_2_0_is_refused(empty_app):
    path = SHARED_DATA / "hsds1.1-sample"
    result = empty_app.test_cli_runner().invoke(args=["import-legacy", "hsds-2.0", str(path), "--country", "US"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.output.replace("\n", " ").strip() == (
        f"Error: {path} is an HSDS 1.x datapackage (it has accessibility_for_disabilities.csv), not hsds-2.0: import it "
        f"with `flask --app pwa_app import-legacy hsds-1.1 {path}`. Nothing was changed.")
