"""HSDS 1.x tabular datapackages (Open Referral's sample and most 2016-2020 exports).

Tables are renamed to their HSDS 3.0 names and columns copied where they still exist; references to
records that are not in the package are left empty and counted; 1.1 taxonomy rows become terms of one
3.0 taxonomy per vocabulary.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from pwa_app.hsds.legacy.common import MissingDefault, Report, RowIds, Tables, _number, _read_csv, _split, _urls, legacy_id, locate
from pwa_app.hsds.legacy.hours_text import DAY_NAMES, DAYS, _holiday, parse_date, read_span
from pwa_app.hsds.schema import resources

# 1.1 table -> (3.0 table, column renames); columns with the same name are copied.
HSDS11_TABLES = {
    "organizations": ("organization", {"url": "website"}),
    "programs": ("program", {}),
    "services": ("service", {}),
    "locations": ("location", {}),
    "services_at_location": ("service_at_location", {}),
    "contacts": ("contact", {}),
    "phones": ("phone", {}),
    "funding": ("funding", {}),
    "required_documents": ("required_document", {}),
    "service_areas": ("service_area", {"service_area": "name"}),
    "accessibility_for_disabilities": ("accessibility", {"accessibility": "description"}),
    "meta_table_descriptions": ("meta_table_description", {}),
}
REFERENCES = {"organization_id": "organization", "program_id": "program", "service_id": "service",
              "location_id": "location", "service_at_location_id": "service_at_location", "contact_id": "contact"}


def convert_hsds11(folder: Path, out: Path, country: str | None = None) -> Report:
    """Convert an HSDS 1.1 tabular datapackage. `country`: for addresses without one (HSDS 3.0 requires it)."""
    source = "hsds-1.1"
    report = Report(f"HSDS 1.1 datapackage {folder.name}")
    tables = Tables()
    uid = lambda table, old: legacy_id(source, table, old)
    paths = _hsds11_paths(folder)
    if not locate(folder, "services", paths.get("services")).is_file():
        raise FileNotFoundError(2, "no services table", "services.csv")
    read = lambda name: _read_csv(locate(folder, name, paths.get(name)))
    source_name = lambda name: locate(folder, name, paths.get(name)).relative_to(folder).as_posix()  # noqa: E731
    ids = RowIds(report)
    present: dict[str, set[str]] = defaultdict(set)
    for old_name, (table, _) in HSDS11_TABLES.items():
        present[table] = {r["id"] for r in read(old_name)}

    def convert(row: dict, table: str, renames: dict, old_id: str) -> dict:
        fields = set(resources()[table].field_names)
        new = {"id": uid(table, old_id)}
        for column, value in row.items():
            column = renames.get(column, column)
            if column == "id" or column not in fields or not value:
                continue
            if column in ("website", "url"):
                value = (_urls(value) or [""])[0]  # the first of several web addresses in one cell
            if column in REFERENCES:
                target = REFERENCES[column]
                if value not in present[target]:
                    report.skipped[f"{table} references to missing {target} records (left empty)"] += 1
                    continue
                value = uid(target, value)
            new[column] = value
        return new

    for old_name, (table, renames) in HSDS11_TABLES.items():
        for number, row in enumerate(read(old_name), start=2):
            tables.at = f"{source_name(old_name)}:{number}"
            key = ids(old_name, row, number)
            new = convert(row, table, renames, key)
            if table == "location":
                new["location_type"] = "physical"
            if table == "program":
                new.setdefault("description", new.get("alternate_name") or new["name"])
            if table == "organization":
                new.setdefault("description", new["name"])
            if table == "phone" and not new.get("number"):
                report.skipped["phones without a number"] += 1
                continue
            if table == "phone":
                new["extension"] = _number(row.get("extension")) or None
                if row.get("department"):
                    new["description"] = "; ".join(x for x in (row["department"], row.get("description")) if x)
                for code in _split(row.get("language")):
                    tables.add("language", {"id": uid("language", f"phone:{key}:{code}"), "phone_id": new["id"],
                                            "code": code, "name": code})
            if table == "service_at_location" and not (new.get("service_id") and new.get("location_id")):
                report.skipped["service_at_location rows missing their service or location"] += 1
                continue
            if table == "service" and "organization_id" not in new:
                # Kept, not dropped with what hangs off it: listed under an organization of its own name.
                new["organization_id"] = tables.add("organization", {
                    "id": uid("organization", f"for service {new['id']}"), "name": new.get("name") or "",
                    "description": "The source export names no organization for this service: listed under the service's own name.",
                })["id"]
                report.filled["services without an organization: each listed under one of its own name"] += 1
            if table == "service":
                new.setdefault("status", "active")
            tables.add(table, new)
    lacking = 0
    for kind, name in (("physical", "physical_addresses"), ("postal", "postal_addresses")):
        for number, row in enumerate(read(name), start=2):
            tables.at = f"{source_name(name)}:{number}"
            new = convert(row, "address", {}, ids(name, row, number))
            new["address_type"] = kind
            if not all(new.get(f) for f in ("address_1", "city", "state_province", "postal_code")):
                report.skipped[f"{kind} addresses without a street, city, state or postal code (HSDS 3.0 requires each)"] += 1
                continue
            extra = [row.get("address_3"), row.get("address_4")]
            if any(extra):
                new["address_2"] = ", ".join(x for x in [new.get("address_2"), *extra] if x)
            if not new.get("country"):
                lacking += 1
                new["country"] = country
            tables.add("address", new)
    if lacking and not country:
        raise MissingDefault("addresses have no country", lacking, "--country (its ISO 3166-1 code, e.g. --country US)")
    if lacking:
        report.filled[f"addresses without a country: {country} (--country)"] += lacking
    for number, row in enumerate(read("languages"), start=2):
        tables.at = f"{source_name('languages')}:{number}"
        new = convert(row, "language", {"language": "name"}, ids("languages", row, number))
        tables.add("language", new)
    for row in read("eligibility"):
        service = tables.rows["service"].get(uid("service", row.get("service_id")))
        if service is not None and row.get("eligibility"):
            service["eligibility_description"] = "; ".join(x for x in (service.get("eligibility_description"), row["eligibility"]) if x)
    for number, row in enumerate(read("regular_schedules"), start=2):
        tables.at = f"{source_name('regular_schedules')}:{number}"
        new = convert(row, "schedule", {}, ids("regular_schedules", row, number))
        day = (row.get("weekday") or "").strip()
        code = DAYS[int(day) - 1] if day.isdigit() and 1 <= int(day) <= 7 else DAY_NAMES.get(day.lower())
        span = read_span(row.get("opens_at"), row.get("closes_at"))
        if code is None or span is None:
            # Kept as the text it came from (once per service), not guessed: "9:00am-5:00", "Varies".
            text = row.get("original_text") or " - ".join(x for x in (row.get("opens_at"), row.get("closes_at")) if x)
            owner = {k: new[k] for k in ("service_id", "location_id", "service_at_location_id") if new.get(k)}
            if text and owner:
                tables.add("schedule", {"id": uid("schedule", f"text:{sorted(owner.items())}:{text}"), **owner, "description": text})
                report.filled["regular schedules whose day or times are unsure: kept as their text"] += 1
            else:
                report.skipped["regular schedules with an unreadable day or time"] += 1
            continue
        tables.add("schedule", {**new, "freq": "WEEKLY", "byday": code, "opens_at": span[0], "closes_at": span[1]})
    for number, row in enumerate(read("holiday_schedules"), start=2):
        tables.at = f"{source_name('holiday_schedules')}:{number}"
        new = convert(row, "schedule", {}, ids("holiday_schedules", row, number))
        start, end = parse_date(row.get("start_date")), parse_date(row.get("end_date"))
        if start is None or end is None:
            report.skipped["holiday schedules with impossible dates"] += 1
            continue
        holiday = _holiday(row, start, end, report)
        if holiday is not None:
            tables.add("schedule", {**new, **holiday})
    tables.at = None
    _hsds11_taxonomy(read, tables, uid, report)
    title = _hsds11_title(folder)
    tables.write(out, title, report)
    return report


def _hsds11_paths(folder: Path) -> dict[str, str]:
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8-sig"))
        return {Path(r["path"]).stem: r["path"] for r in descriptor.get("resources", [])}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _hsds11_title(folder: Path) -> str:
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8-sig"))
        return str(descriptor.get("title") or descriptor.get("name") or folder.name)
    except (OSError, ValueError):
        return folder.name


def _hsds11_taxonomy(read: Callable[[str], list[dict]], tables: Tables, uid, report: Report) -> None:
    """1.1 taxonomy rows are terms; each vocabulary becomes an HSDS 3.0 taxonomy."""
    rows = read("taxonomy")
    ids = {r["id"] for r in rows}
    for row in rows:
        vocabulary = row.get("vocabulary") or "Local"
        taxonomy_id = uid("taxonomy", vocabulary)
        tables.add("taxonomy", {"id": taxonomy_id, "name": vocabulary, "description": f"{vocabulary} terms (from HSDS 1.1)"})
        parent = row.get("parent_id")
        if parent and parent not in ids:
            report.skipped["taxonomy parents not in the package (left empty)"] += 1
            parent = ""
        tables.add("taxonomy_term", {"id": uid("taxonomy_term", row["id"]), "name": row["name"], "description": row["name"],
                                     "code": row["id"], "taxonomy": vocabulary, "taxonomy_id": taxonomy_id,
                                     "parent_id": uid("taxonomy_term", parent) if parent else ""})
    for row in read("services_taxonomy"):
        service = uid("service", row.get("service_id"))
        if service in tables.rows["service"] and row.get("taxonomy_id") in ids:
            tables.add("attribute", {"id": uid("attribute", row["id"]), "link_id": service, "link_entity": "service",
                                     "link_type": "service_category", "taxonomy_term_id": uid("taxonomy_term", row["taxonomy_id"]),
                                     "value": row.get("taxonomy_detail")})
