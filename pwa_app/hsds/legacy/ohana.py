"""Ohana API exports: the CSV export (sample-csv) and the MongoDB export (one JSON object a line).

Both are read into one record shape, the Mongo one, then converted together. Locations that are not
human services (parks, museums, libraries, ...) and test records are skipped and counted. Open
Eligibility category codes map to the shipped terms; languages get their codes.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pwa_app.hsds.legacy.common import Report, Tables, _number, _read_csv, _split, _urls, legacy_id, open_eligibility
from pwa_app.hsds.legacy.hours_text import DAY_NAMES, _holiday, parse_date, parse_hours, parse_time, schedule_rows

# Ohana location kinds that are not human services, and are skipped.
SKIPPED_KINDS = {"libraries", "entertainment", "arts", "parks", "sports", "museums", "farmers_markets", "test"}
TEST_NAME = re.compile(r"\b(fake|test|example)\b", re.I)
ACCESSIBILITY = {
    "wheelchair": "Wheelchair accessible", "restroom": "Accessible restroom", "disabled_parking": "Disabled parking",
    "ramp": "Ramp", "elevator": "Elevator", "deaf_interpreter": "Interpreter for the deaf",
    "cd": "Information on CD", "tty": "TTY", "tape_braille": "Information on tape or in Braille",
    "wheelchair_van": "Wheelchair-accessible van",
}
LANGUAGE_CODES = {
    "english": "en", "spanish": "es", "filipino (tagalog)": "tl", "tagalog": "tl", "chinese (mandarin)": "cmn",
    "mandarin": "cmn", "chinese (cantonese)": "yue", "cantonese": "yue", "chinese": "zh", "vietnamese": "vi",
    "french": "fr", "russian": "ru", "italian": "it", "german": "de", "japanese": "ja", "hindi": "hi",
    "persian (farsi)": "fa", "farsi": "fa", "portuguese": "pt", "arabic": "ar", "korean": "ko", "hebrew": "he",
    "samoan": "sm", "tongan": "to", "polish": "pl", "greek": "el", "swedish": "sv", "armenian": "hy",
    "amharic": "am", "yiddish": "yi", "panjabi": "pa", "punjabi": "pa", "burmese": "my", "urdu": "ur",
    "tamil": "ta", "gujarati": "gu", "lao": "lo", "tigrinya": "ti", "dutch": "nl", "sign languages": "sgn",
    "american sign language": "ase", "chinese (taiwanese)": "nan", "taiwanese": "nan", "filipino (cebuano)": "ceb",
    "serbo-croatian": "sh", "thai": "th", "cambodian": "km", "khmer": "km", "hungarian": "hu", "romanian": "ro",
    "ukrainian": "uk", "turkish": "tr", "bengali": "bn", "somali": "so", "fijian": "fj", "ilocano": "ilo",
    "hmong": "hmn", "laotian": "lo", "norwegian": "no", "danish": "da", "czech": "cs", "croatian": "hr",
    "indonesian": "id", "malay": "ms", "telugu": "te", "marathi": "mr", "nepali": "ne", "swahili": "sw",
}


def _ohana_records_from_mongo(folder: Path) -> tuple[list[dict], list[dict], list[dict]]:
    def lines(name: str) -> list[dict]:  # each record with its place in the export (problems name it)
        with (folder / name).open(encoding="utf-8-sig") as f:
            return [{**json.loads(line), "__at": f"{name}:{n}"} for n, line in enumerate(f, start=1) if line.strip()]
    return lines("organizations.json"), lines("locations.json"), lines("services.json")


def _ohana_records_from_csv(folder: Path, report: Report) -> tuple[list[dict], list[dict], list[dict]]:
    """Read an Ohana CSV export into the Mongo export's shape."""
    organizations = [{"id": r["id"], "name": r["name"], "description": r.get("description"), "urls": _urls(r.get("website")),
                      "emails": _split(r.get("email")), "legal_status": r.get("legal_status"), "tax_id": r.get("tax_id"),
                      "tax_status": r.get("tax_status"), "__at": f"organizations.csv:{n}"}
                     for n, r in enumerate(_read_csv(folder / "organizations.csv"), start=2)]
    by_location: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for table in ("addresses", "mail_addresses", "contacts", "phones", "regular_schedules", "holiday_schedules"):
        for r in _read_csv(folder / f"{table}.csv"):
            owner = ("location", r.get("location_id")) if r.get("location_id") else ("service", r.get("service_id"))
            if owner[1]:
                by_location[owner][table].append(r)
    locations = []
    for n, r in enumerate(_read_csv(folder / "locations.csv"), start=2):
        related = by_location[("location", r["id"])]
        address = (related["addresses"] or [None])[0]
        mail = (related["mail_addresses"] or [None])[0]
        coordinates = [float(r["longitude"]), float(r["latitude"])] if r.get("latitude") and r.get("longitude") else None
        locations.append({
            "id": r["id"], "organization_id": r["organization_id"], "name": r["name"], "description": r.get("description"),
            "short_desc": r.get("short_desc"), "transportation": r.get("transportation"), "coordinates": coordinates,
            "accessibility": _split(r.get("accessibility")), "languages": _split(r.get("languages")),
            "urls": _urls(r.get("website")), "emails": _split(r.get("email")), "kind": "virtual" if r.get("virtual") == "true" else "",
            "address_attributes": address and {"street": address["address_1"], "street_2": address.get("address_2"),
                                               "city": address["city"], "state": address["state_province"],
                                               "zip": address["postal_code"], "country": address.get("country")},
            "mail_address_attributes": mail and {"attention": mail.get("attention"), "street": mail["address_1"],
                                                 "street_2": mail.get("address_2"), "city": mail["city"],
                                                 "state": mail["state_province"], "zip": mail["postal_code"],
                                                 "country": mail.get("country")},
            "contacts_attributes": related["contacts"],
            "phones_attributes": [{"number": p["number"], "extension": p.get("extension"), "department": p.get("department"),
                                   "number_type": p.get("number_type"), "vanity_number": p.get("vanity_number")}
                                  for p in related["phones"]],
            "regular_schedules": related["regular_schedules"], "holiday_schedules": related["holiday_schedules"],
            "__at": f"locations.csv:{n}",
        })
    services = []
    for n, r in enumerate(_read_csv(folder / "services.csv"), start=2):
        related = by_location[("service", r["id"])]
        services.append({
            "id": r["id"], "location_id": r["location_id"], "name": r.get("name"), "description": r.get("description"),
            "audience": r.get("audience"), "eligibility": r.get("eligibility"), "fees": r.get("fees"),
            "how_to_apply": r.get("application_process"), "wait": r.get("wait_time"), "status": r.get("status"),
            "funding_sources": _split(r.get("funding_sources")), "service_areas": _split(r.get("service_areas")),
            "category_ids": _split(r.get("taxonomy_ids")), "urls": _urls(r.get("website")), "emails": _split(r.get("email")),
            "languages": _split(r.get("languages")), "required_documents": _split(r.get("required_documents")),
            "interpretation_services": r.get("interpretation_services"), "alternate_name": r.get("alternate_name"),
            "regular_schedules": related["regular_schedules"], "holiday_schedules": related["holiday_schedules"],
            "__at": f"services.csv:{n}",
        })
    return organizations, locations, services


def _meaningful(text: str | None) -> str:
    text = (text or "").strip()
    return "" if text.lower().rstrip(".") in ("", "none", "n/a", "na") else text


def _structured_schedules(tables: Tables, source: str, owner: dict, regular: list[dict], holiday: list[dict],
                          report: Report, prefix: str = "") -> None:
    """Ohana CSV's regular_schedules (weekday, opens_at, closes_at) and holiday_schedules."""
    for r in regular:
        day = DAY_NAMES.get((r.get("weekday") or "").strip().lower())
        opens, closes = parse_time(r.get("opens_at")), parse_time(r.get("closes_at"))
        if day and opens and closes:
            tables.add("schedule", {"id": legacy_id(source, "schedule", f"{prefix}regular:{r['id']}"), **owner, "freq": "WEEKLY",
                                    "byday": day, "opens_at": opens, "closes_at": closes})
        else:
            report.skipped["regular schedules with an unreadable day or time"] += 1
    for r in holiday:
        start, end = parse_date(r.get("start_date")), parse_date(r.get("end_date"))
        if start is None or end is None:
            report.skipped["holiday schedules with impossible dates"] += 1
            continue
        row = _holiday(r, start, end, report)
        if row is not None:
            tables.add("schedule", {"id": legacy_id(source, "schedule", f"{prefix}holiday:{r['id']}"), **owner, **row})


def _ohana(organizations: list[dict], locations: list[dict], services: list[dict], source: str, out: Path,
           title: str, report: Report, country: str) -> Report:
    tables = Tables()
    terms = open_eligibility(tables)
    uid = lambda table, old: legacy_id(source, table, old)
    orgs = {str(o["id"]): o for o in organizations}
    test_orgs = {k for k, o in orgs.items() if TEST_NAME.search(o.get("name") or "")}
    kept_locations: dict[str, dict] = {}
    for loc in locations:
        kind = (loc.get("kind") or "").strip()
        org_id = str(loc.get("organization_id"))
        if kind in SKIPPED_KINDS:
            report.skipped[f"locations of kind {kind!r}"] += 1
        elif org_id in test_orgs or TEST_NAME.search(loc.get("name") or "") and "test" in (loc.get("name") or "").lower():
            report.skipped["test locations"] += 1
        elif org_id not in orgs:
            report.skipped["locations of no known organization"] += 1
        else:
            kept_locations[str(loc["id"])] = loc
    used_orgs = {str(loc["organization_id"]) for loc in kept_locations.values()}
    report.skipped["organizations with no human-service location"] += len(set(orgs) - used_orgs - test_orgs)
    report.skipped["test organizations"] += len(test_orgs)
    for key in sorted(used_orgs, key=lambda k: int(k) if k.isdigit() else 0):
        org = orgs[key]
        tables.at = org.get("__at")
        first = next(loc for loc in kept_locations.values() if str(loc["organization_id"]) == key)
        tables.add("organization", {
            "id": uid("organization", key), "name": org["name"].strip(),
            # HSDS requires a description; Ohana's organizations rarely have one, their locations do.
            "description": _meaningful(org.get("description")) or _meaningful(first.get("short_desc"))
            or _meaningful(first.get("description")) or org["name"].strip(),
            "website": (org.get("urls") or [None])[0], "email": (org.get("emails") or [None])[0],
            "legal_status": org.get("legal_status"), "tax_id": org.get("tax_id"), "tax_status": org.get("tax_status"),
        })
    hours_read = Counter()
    for key, loc in kept_locations.items():
        tables.at = loc.get("__at")
        location_id = uid("location", key)
        coordinates = loc.get("coordinates") or None
        address = loc.get("address_attributes") or None
        tables.add("location", {
            "id": location_id, "organization_id": uid("organization", loc["organization_id"]),
            "location_type": "virtual" if loc.get("kind") == "virtual" or not (address or coordinates) else "physical",
            "name": loc.get("name"), "description": _meaningful(loc.get("description")),
            "transportation": _meaningful(loc.get("transportation")), "url": (loc.get("urls") or [None])[0],
            "latitude": coordinates[1] if coordinates else None, "longitude": coordinates[0] if coordinates else None,
            "external_identifier": str(loc["id"]), "external_identifier_type": "ohana location id",
        })
        for kind, attrs in (("physical", address), ("postal", loc.get("mail_address_attributes"))):
            if not attrs:
                continue
            if not all(attrs.get(k) for k in ("street", "city", "state", "zip")):
                report.skipped[f"incomplete {kind} addresses"] += 1
                continue
            tables.add("address", {
                "id": uid(f"address:{kind}", key), "location_id": location_id, "attention": attrs.get("attention"),
                "address_1": attrs["street"], "address_2": attrs.get("street_2"), "city": attrs["city"],
                "state_province": attrs["state"], "postal_code": attrs["zip"], "country": attrs.get("country") or country,
                "address_type": kind})
        for n, contact in enumerate(loc.get("contacts_attributes") or []):
            tables.add("contact", {"id": uid("contact", f"{key}:{n}"), "location_id": location_id,
                                   "name": contact.get("name"), "title": contact.get("title"),
                                   "email": contact.get("email"), "department": contact.get("department")})
        phones = [(p, p.get("number_type")) for p in loc.get("phones_attributes") or []]
        phones += [(p, "fax") for p in loc.get("faxes_attributes") or []]
        for n, (phone, kind) in enumerate(phones):
            if not (phone.get("number") or "").strip():
                continue
            kind = (kind or "voice").lower()
            notes = [phone.get("department"), phone.get("hours") or phone.get("phone_hours"),
                     phone.get("vanity_number") and f"({phone['vanity_number']})"]
            extension = _number(phone.get("extension"))
            if phone.get("extension") and not extension:
                notes.append(f"ext. {phone['extension']}")
            tables.add("phone", {
                "id": uid("phone", f"{key}:{n}"), "location_id": location_id, "number": phone["number"].strip(),
                "extension": extension, "type": {"tty": "textphone", "fax": "fax", "hotline": "voice"}.get(kind, "voice"),
                "description": "; ".join(x.strip(" ()") for x in notes if x)})
        for item in loc.get("accessibility") or []:
            tables.add("accessibility", {"id": uid("accessibility", f"{key}:{item}"), "location_id": location_id,
                                         "description": ACCESSIBILITY.get(item, item.replace("_", " ").capitalize())})
        if loc.get("hours"):
            hours_read[parse_hours(loc["hours"]) is not None] += 1
    unknown_codes = Counter()
    for svc in services:
        tables.at = svc.get("__at")
        loc = kept_locations.get(str(svc.get("location_id")))
        if loc is None:
            report.skipped["services at skipped locations"] += 1
            continue
        key = str(svc["id"])
        service_id = uid("service", key)
        audience, eligibility = _meaningful(svc.get("audience")), _meaningful(svc.get("eligibility"))
        tables.add("service", {
            "id": service_id, "organization_id": uid("organization", loc["organization_id"]),
            "name": (svc.get("name") or loc.get("name") or "").strip(), "alternate_name": svc.get("alternate_name"),
            "description": _meaningful(svc.get("description")) or _meaningful(loc.get("description")),
            "url": (svc.get("urls") or loc.get("urls") or [None])[0],
            "email": (svc.get("emails") or loc.get("emails") or [None])[0],
            "status": svc.get("status") if svc.get("status") in ("active", "inactive", "defunct") else "active",
            "application_process": _meaningful(svc.get("how_to_apply")), "fees_description": _meaningful(svc.get("fees")),
            "wait_time": _meaningful(svc.get("wait")), "interpretation_services": svc.get("interpretation_services"),
            "eligibility_description": " ".join(x if x.endswith(".") else x + "." for x in (
                audience and f"For: {audience}", eligibility and f"Eligibility: {eligibility}") if x),
            "last_modified": _mongo_date(svc.get("updated_at")),
        })
        tables.add("service_at_location", {"id": uid("service_at_location", key), "service_id": service_id,
                                           "location_id": uid("location", loc["id"])})
        for n, source_name in enumerate(svc.get("funding_sources") or []):
            tables.add("funding", {"id": uid("funding", f"{key}:{n}"), "service_id": service_id, "source": source_name})
        for n, area in enumerate(svc.get("service_areas") or []):
            tables.add("service_area", {"id": uid("service_area", f"{key}:{n}"), "service_id": service_id, "name": area})
        for n, document in enumerate(svc.get("required_documents") or []):
            tables.add("required_document", {"id": uid("required_document", f"{key}:{n}"), "service_id": service_id,
                                             "document": document})
        # Ohana keeps hours and languages on the location; HSDS pages read them from the service.
        if loc.get("hours") and not svc.get("hours"):
            for row in schedule_rows(loc["hours"], {"service_id": service_id}, source, f"service:{key}:location")[0]:
                tables.add("schedule", row)
        _structured_schedules(tables, source, {"service_id": service_id}, loc.get("regular_schedules") or [],
                              loc.get("holiday_schedules") or [], report, f"{key}:")
        for n, name in enumerate(dict.fromkeys([*(loc.get("languages") or []), *(svc.get("languages") or [])])):
            tables.add("language", {"id": uid("language", f"service:{key}:{n}"), "service_id": service_id,
                                    "name": name, "code": LANGUAGE_CODES.get(name.lower())})
        for code in dict.fromkeys(svc.get("category_ids") or []):
            if code not in terms:
                unknown_codes[code] += 1
                continue
            tables.add("attribute", {"id": uid("attribute", f"{key}:{code}"), "link_id": service_id,
                                     "link_entity": "service", "link_type": "service_category",
                                     "taxonomy_term_id": terms[code]})
        if svc.get("hours"):
            rows, understood = schedule_rows(svc["hours"], {"service_id": service_id}, source, f"service:{key}")
            hours_read[understood] += 1
            for row in rows:
                tables.add("schedule", row)
        _structured_schedules(tables, source, {"service_id": service_id}, svc.get("regular_schedules") or [],
                              svc.get("holiday_schedules") or [], report)
    if hours_read:
        report.notes.append(f"opening hours: {hours_read[True]} texts read into schedules, "
                            f"{hours_read[False]} kept as text (ambiguous)")
    if unknown_codes:
        report.notes.append(f"{sum(unknown_codes.values())} category codes are not Open Eligibility terms and were "
                            f"left out: {', '.join(sorted(unknown_codes)[:10])}")
    tables.write(out, title, report)
    return report


def _mongo_date(value: Any) -> str | None:
    if isinstance(value, dict) and "$date" in value:
        raw = value["$date"]
        moment = datetime.fromtimestamp(raw / 1000, UTC) if isinstance(raw, (int, float)) else \
            datetime.fromisoformat(str(raw).replace("Z", "+00:00"))
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return None


def convert_ohana_mongo(folder: Path, out: Path, country: str | None = None) -> Report:
    """Convert Ohana's MongoDB export (organizations.json, locations.json, services.json). Ohana is
    a United States directory: addresses without a country are in `country`, else the US."""
    report = Report(f"Ohana MongoDB export {folder.name}")
    return _ohana(*_ohana_records_from_mongo(folder), "ohana-mongo", out, "San Mateo County directory (Ohana, 2014)"
                  if "smc" in folder.name.lower() else f"Ohana export {folder.name}", report, country or "US")


def convert_ohana_csv(folder: Path, out: Path, country: str | None = None) -> Report:
    """Convert an Ohana API CSV export (organizations.csv, locations.csv, services.csv, ...); `country` as above."""
    report = Report(f"Ohana CSV export {folder.name}")
    return _ohana(*_ohana_records_from_csv(folder, report), "ohana-csv", out, f"Ohana CSV export {folder.name}", report,
                  country or "US")
