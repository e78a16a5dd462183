"""HSDS 1.x and 2.0 tabular datapackages (Open Referral's sample and most 2016-2022 exports).

The two share most of their tables, and one converter reads both. Tables are renamed to their HSDS 3.0
names and columns copied where they still exist; references to records that are not in the package
are left empty and counted. Where they differ:

- schedules: 1.1 has `regular_schedules.csv` (a weekday and two times a row) and `holiday_schedules.csv`;
  2.0 has `schedules.csv`, already HSDS 3.0's recurrence columns (freq, byday, opens_at, ...);
- categories: 1.1 has `taxonomy.csv` (`name`, `vocabulary`) and `services_taxonomy.csv`; 2.0 has
  `taxonomy_terms.csv` (`term`, `description`, `taxonomy`, `language`), `service_attributes.csv` and
  `other_attributes.csv` (a term on any record, by `link_type`). Each vocabulary (1.1) or taxonomy
  (2.0) becomes one HSDS 3.0 taxonomy;
- eligibility: 1.1 writes it as text in `eligibility.csv`; 2.0 as terms linked to its `eligibility.csv`
  rows through `other_attributes.csv`. Both become the service's `eligibility_description`.

Size: one converter for both versions, so that what they share (ids, references, addresses, phones,
the report naming the user's own rows) is written once; the differences above are a few functions.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pwa_app.hsds.legacy.common import MissingDefault, Report, RowIds, Tables, _number, _read_csv, _split, _urls, legacy_id, locate
from pwa_app.hsds.legacy.hours_text import DAY_NAMES, DAYS, _holiday, parse_date, read_span
from pwa_app.hsds.schema import resources

# 1.1 and 2.0 table -> (3.0 table, column renames); columns with the same name are copied.
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


# 2.0 other_attributes link_type -> the HSDS 3.0 table its record became (eligibility is handled apart;
# payment_accepted has no HSDS 3.0 table, and its terms are counted as skipped).
LINKED_TABLES = {"organization": "organization", "program": "program", "service": "service",
                 "service_at_location": "service_at_location", "location": "location", "phone": "phone",
                 "contact": "contact", "physical_address": "address", "postal_address": "address",
                 "schedule": "schedule", "funding": "funding", "service_area": "service_area",
                 "required_document": "required_document", "language": "language",
                 "accessibility_for_disabilities": "accessibility"}


@dataclass(frozen=True)
class Version:
    kind: str  # as `import-legacy` names it, and the namespace of its stable ids
    label: str


HSDS11 = Version("hsds-1.1", "HSDS 1.1")
HSDS20 = Version("hsds-2.0", "HSDS 2.0")


def convert_hsds11(folder: Path, out: Path, country: str | None = None) -> Report:
    """Convert an HSDS 1.1 tabular datapackage. `country`: for addresses without one (HSDS 3.0 requires it)."""
    return _convert(folder, out, country, HSDS11)


def convert_hsds20(folder: Path, out: Path, country: str | None = None) -> Report:
    """Convert an HSDS 2.0 tabular datapackage (2.0.0 or 2.0.1). `country`: as for `convert_hsds11`."""
    return _convert(folder, out, country, HSDS20)


def _convert(folder: Path, out: Path, country: str | None, version: Version) -> Report:
    source = version.kind
    report = Report(f"{version.label} datapackage {folder.name}")
    tables = Tables()
    uid = lambda table, old: legacy_id(source, table, old)
    paths = _paths(folder)
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
        if re.fullmatch(r"[a-z]{2,3}", new.get("name", "")):  # both versions ask for ISO 639-1 codes here
            new["code"] = new["name"]
        tables.add("language", new)
    rows = read("eligibility")
    eligibility = {r.get("id"): r.get("service_id") for r in rows}  # 2.0: its terms are in other_attributes
    for row in rows:
        _add_eligibility(tables, uid("service", row.get("service_id")), row.get("eligibility"))

    def keep_as_text(new: dict, text: str | None) -> bool:
        """Keep unreadable hours as the text they came from (once per owner), not guessed: "9:00am-5:00", "Varies"."""
        owner = {k: new[k] for k in ("service_id", "location_id", "service_at_location_id") if new.get(k)}
        if not (text and owner):
            return False
        tables.add("schedule", {"id": uid("schedule", f"text:{sorted(owner.items())}:{text}"), **owner, "description": text})
        return True

    for number, row in enumerate(read("regular_schedules"), start=2):  # 1.1
        tables.at = f"{source_name('regular_schedules')}:{number}"
        new = convert(row, "schedule", {}, ids("regular_schedules", row, number))
        day = (row.get("weekday") or "").strip()
        code = DAYS[int(day) - 1] if day.isdigit() and 1 <= int(day) <= 7 else DAY_NAMES.get(day.lower())
        span = read_span(row.get("opens_at"), row.get("closes_at"))
        if code is None or span is None:
            text = row.get("original_text") or " - ".join(x for x in (row.get("opens_at"), row.get("closes_at")) if x)
            if keep_as_text(new, text):
                report.filled["regular schedules whose day or times are unsure: kept as their text"] += 1
            else:
                report.skipped["regular schedules with an unreadable day or time"] += 1
            continue
        tables.add("schedule", {**new, "freq": "WEEKLY", "byday": code, "opens_at": span[0], "closes_at": span[1]})
    for number, row in enumerate(read("holiday_schedules"), start=2):  # 1.1
        tables.at = f"{source_name('holiday_schedules')}:{number}"
        new = convert(row, "schedule", {}, ids("holiday_schedules", row, number))
        start, end = parse_date(row.get("start_date")), parse_date(row.get("end_date"))
        if start is None or end is None:
            report.skipped["holiday schedules with impossible dates"] += 1
            continue
        holiday = _holiday(row, start, end, report)
        if holiday is not None:
            tables.add("schedule", {**new, **holiday})
    if version is HSDS20:  # HSDS 3.0 has a schedules.csv too: only a 2.0 package's is read as a source
        for number, row in enumerate(read("schedules"), start=2):
            tables.at = f"{source_name('schedules')}:{number}"
            new = convert(row, "schedule", {}, ids("schedules", row, number))
            if not _schedule_times(new, row):
                text = " - ".join(x for x in (row.get("opens_at"), row.get("closes_at")) if x)
                if keep_as_text(new, "; ".join(x for x in (row.get("description"), text) if x)):
                    report.filled["schedules whose times are unreadable: kept as their text"] += 1
                else:
                    report.skipped["schedules with unreadable times"] += 1
                continue
            tables.add("schedule", new)
    tables.at = None
    if version is HSDS11:
        terms = read("taxonomy")
        _taxonomy_terms(terms, "name", "vocabulary", tables, uid, report, version)
        for number, row in enumerate(read("services_taxonomy"), start=2):
            _link(tables, uid, report, ids("services_taxonomy", row, number), "service", row.get("service_id"),
                  row.get("taxonomy_id"), {r["id"] for r in terms}, row.get("taxonomy_detail"))
    else:
        terms = read("taxonomy_terms")
        names = _taxonomy_terms(terms, "term", "taxonomy", tables, uid, report, version)
        for number, row in enumerate(read("service_attributes"), start=2):
            _link(tables, uid, report, ids("service_attributes", row, number), "service", row.get("service_id"),
                  row.get("taxonomy_term_id"), set(names))
        for number, row in enumerate(read("other_attributes"), start=2):
            kind, term = (row.get("link_type") or "").strip(), row.get("taxonomy_term_id")
            if kind == "eligibility" and term in names and eligibility.get(row.get("link_id")):
                _add_eligibility(tables, uid("service", eligibility[row["link_id"]]), names[term])
            elif kind in LINKED_TABLES:
                _link(tables, uid, report, ids("other_attributes", row, number), LINKED_TABLES[kind], row.get("link_id"),
                      term, set(names), kind=kind)
            else:
                report.skipped[f"other_attributes on {kind or 'no'} records (no HSDS 3.0 place for them)"] += 1
    title = _title(folder)
    tables.write(out, title, report)
    return report


ZONE = re.compile(r"^(.*?)\s*(Z|[+-]\d{1,2}(?::?\d{2})?)$", re.I)


def _schedule_times(new: dict, row: dict) -> bool:
    """Set a 2.0 schedule's opens_at and closes_at as HH:MM; False where they are given but unreadable.

    2.0.1 asks for times with their zone ("09:00Z", "09:00-05:00"): the zone goes to `timezone` (a UTC
    offset in hours, as in 2.0 and 3.0) where that is empty. 2.0.0 has no times: its rows keep what they have.
    """
    times, offset = [], None
    for column in ("opens_at", "closes_at"):
        text = (row.get(column) or "").strip()
        match = ZONE.match(text) if text and not re.search(r"[ap]\.?\s*m\.?$", text, re.I) else None
        if match and re.search(r"\d:\d", match.group(1)):
            text, zone = match.group(1), match.group(2).upper()
            offset = _offset(zone)
        times.append(text)
    new.pop("opens_at", None), new.pop("closes_at", None)
    if not any(times):
        return True
    span = read_span(*times)
    if span is None:
        return False
    new["opens_at"], new["closes_at"] = span
    if offset is not None and not new.get("timezone"):
        new["timezone"] = f"{offset:g}"
    return True


def _offset(zone: str) -> float:
    """A UTC offset in hours: "Z" 0, "-05:00" -5, "+0530" 5.5."""
    if zone == "Z":
        return 0.0
    digits = zone[1:].replace(":", "")
    hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
    return (-1 if zone[0] == "-" else 1) * (int(hours) + int(minutes) / 60)


def _paths(folder: Path) -> dict[str, str]:
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8-sig"))
        return {Path(r["path"]).stem: r["path"] for r in descriptor.get("resources", [])}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _title(folder: Path) -> str:
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8-sig"))
        return str(descriptor.get("title") or descriptor.get("name") or folder.name)
    except (OSError, ValueError):
        return folder.name



def _add_eligibility(tables: Tables, service_id: str, text: str | None) -> None:
    service = tables.rows["service"].get(service_id)
    if service is not None and text:
        service["eligibility_description"] = "; ".join(x for x in (service.get("eligibility_description"), text) if x)


def _taxonomy_terms(rows: list[dict], name: str, vocabulary: str, tables: Tables, uid, report: Report,
                    version: Version) -> dict[str, str]:
    """Add the terms, each in one HSDS 3.0 taxonomy per `vocabulary` column value; return old id -> term name.

    1.1 names a term in `name` and groups them by `vocabulary`; 2.0 in `term` (with a `description` and
    `language`) by `taxonomy`."""
    names = {r["id"]: r.get(name) or r["id"] for r in rows if r.get("id")}
    for row in rows:
        if not row.get("id"):
            report.skipped["taxonomy terms without an id (nothing can point at them)"] += 1
            continue
        group = row.get(vocabulary) or "Local"
        taxonomy_id = uid("taxonomy", group)
        tables.add("taxonomy", {"id": taxonomy_id, "name": group, "description": f"{group} terms (from {version.label})"})
        parent = row.get("parent_id")
        if parent and parent not in names:
            report.skipped["taxonomy parents not in the package (left empty)"] += 1
            parent = ""
        tables.add("taxonomy_term", {"id": uid("taxonomy_term", row["id"]), "name": names[row["id"]],
                                     "description": row.get("description") or names[row["id"]], "code": row["id"],
                                     "taxonomy": group, "taxonomy_id": taxonomy_id, "language": row.get("language"),
                                     "parent_id": uid("taxonomy_term", parent) if parent else ""})
    return names


def _link(tables: Tables, uid, report: Report, key: str, table: str, record: str | None, term: str | None,
          terms: set[str], value: str | None = None, kind: str = "service") -> None:
    """Link a term to a converted record as an HSDS 3.0 attribute; count a link whose either end is missing."""
    target = uid(table, record)
    if target not in tables.rows[table] or term not in terms:
        report.skipped[f"category links to a missing {kind} or term"] += 1
        return
    tables.add("attribute", {"id": uid("attribute", key), "link_id": target, "link_entity": table,
                             "link_type": "service_category" if table == "service" else f"{kind}_category",
                             "taxonomy_term_id": uid("taxonomy_term", term), "value": value})
