"""Convert older directory formats into HSDS 3.0 tabular datapackages, which the importer then checks.

- HSDS 1.1 datapackages (Open Referral's sample and most 2016-2020 exports);
- Ohana API CSV exports (sample-csv) and Ohana's MongoDB export (one JSON object a line), such
  as the 2014 San Mateo County directory.

Legacy ids are not UUIDs, so every record gets a stable uuid5 of its format, table and old id:
converting the same file twice gives the same ids, and a later --merge updates in place. Open
Eligibility category codes map to the terms shipped in demo_data/taxonomy_terms.csv (same ids).
Free-text hours become schedules where they are unambiguous; otherwise the text is kept as the
schedule's description. Locations that are not human services (parks, museums, libraries, ...)
and test records are skipped and counted.
"""
from __future__ import annotations

import csv
import json
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pwa_app.hsds.schema import TRANSLATIONS_RESOURCE, package_descriptor, resources

NAMESPACE = uuid.UUID("6f1c3c8e-2f53-4c55-9d7e-5d0b6a1f6b11")  # Passerelle's legacy-id namespace
DEMO_DATA = Path(__file__).resolve().parent.parent / "demo_data"

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = {name: code for code, names in zip(DAYS, (
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")), strict=True) for name in names}
ALWAYS_OPEN = re.compile(r"^(open )?24[ -]hours?( a day)?(,? (daily|facility|7 days a week))?\.?$|^24/7$", re.I)

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


def legacy_id(source: str, table: str, old: Any) -> str:
    """Return the stable UUID of a legacy record."""
    return str(uuid.uuid5(NAMESPACE, f"{source}:{table}:{old}"))


# --- hours -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Opening:
    days: tuple[str, ...]  # MO..SU
    opens_at: str  # HH:MM
    closes_at: str


_TIME = r"(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|noon)?"
_RANGE = re.compile(rf"^{_TIME}\s*(?:-|–|to)\s*{_TIME}$", re.I)


def _days(text: str) -> list[str] | None:
    """Return the day codes of "Monday-Friday", "Tuesday", "Daily", "Mon - Thu"; None if not days."""
    text = text.strip().lower().rstrip(".")
    if text in ("daily", "every day", "7 days a week", "seven days a week"):
        return list(DAYS)
    parts = [p.strip() for p in re.split(r"\s*(?:-|–|through|thru|to)\s*", text)]
    codes = [DAY_NAMES.get(p) for p in parts]
    if None in codes or len(codes) not in (1, 2):
        return None
    if len(codes) == 1:
        return codes
    start, end = DAYS.index(codes[0]), DAYS.index(codes[1])
    return [DAYS[(start + i) % 7] for i in range((end - start) % 7 + 1)]


def _clock(hour: str, minute: str | None, meridiem: str | None) -> tuple[int, int, bool]:
    """Return (hour, minute, explicit) where explicit says am/pm was written."""
    h, m = int(hour), int(minute or 0)
    if m > 59 or h > 23:
        raise ValueError
    if meridiem:
        tag = meridiem.lower().replace(".", "")
        if tag == "noon":
            return 12, m, True
        if h > 12:
            raise ValueError
        return (h % 12) + (12 if tag == "pm" else 0), m, True
    return h, m, False


def parse_range(text: str) -> tuple[str, str] | None:
    """Return ("08:00", "17:00") for "8-5", "8:30-4:30", "4 pm-8 pm", "10-9"; None when ambiguous.

    Without am/pm, an opening hour from 7 to 12 is the morning (12 is noon), from 1 to 5 the
    afternoon, and 6 could be either, so it is left as text. The closing time is the first one
    after the opening (so "8-5" closes at 17:00 and "10-9" at 21:00).
    """
    match = _RANGE.match(text.strip())
    if not match:
        return None
    try:
        oh, om, open_explicit = _clock(*match.group(1, 2, 3))
        ch, cm, close_explicit = _clock(*match.group(4, 5, 6))
    except ValueError:
        return None
    if not open_explicit:
        if 7 <= oh <= 12 or oh >= 13:
            pass
        elif 1 <= oh <= 5:
            oh += 12
        else:
            return None
    start = oh * 60 + om
    if not close_explicit and ch <= 12:
        options = [ch * 60 + cm, (ch + 12) * 60 + cm] if ch < 12 else [12 * 60 + cm, 24 * 60 + cm]
        end = next((o for o in options if o > start), None)
        if end is None:
            return None
    else:
        end = ch * 60 + cm
    if end == 24 * 60:
        end = 0  # midnight
    elif end <= start:
        return None  # an overnight range written without am/pm is too easy to misread
    return f"{start // 60:02d}:{start % 60:02d}", f"{end // 60:02d}:{end % 60:02d}"


def parse_hours(text: str) -> list[Opening] | None:
    """Turn free text such as "Monday-Friday, 8-5; Saturday, 10-2" into openings; None if unsure."""
    text = " ".join((text or "").split()).strip().rstrip(".")
    if not text:
        return None
    if ALWAYS_OPEN.match(text):
        return [Opening(DAYS, "00:00", "00:00")]
    openings: list[Opening] = []
    for segment in text.split(";"):
        days: list[str] = []
        ranges: list[tuple[str, str]] = []
        for token in [t.strip() for t in segment.split(",") if t.strip()]:
            token = re.sub(r"^(\w+)\s+and\s+(\w+)$", r"\1, \2", token)
            pieces = [p.strip() for p in token.split(",")]
            for piece in pieces:
                day_codes = _days(piece)
                if day_codes is not None and not ranges:
                    days += day_codes
                    continue
                lead = re.match(r"^([A-Za-z]+(?:\s*-\s*[A-Za-z]+)?)\s+(\d.*)$", piece)  # "Sunday 11-5"
                if lead and _days(lead.group(1)) is not None and not ranges:
                    days += _days(lead.group(1))
                    piece = lead.group(2)
                hours = parse_range(piece)
                if hours is None or not days:
                    return None
                ranges.append(hours)
        if not days or not ranges:
            return None
        openings += [Opening(tuple(dict.fromkeys(days)), o, c) for o, c in ranges]
    return openings


def schedule_rows(text: str, owner: dict[str, str], source: str, key: str) -> tuple[list[dict], bool]:
    """Return HSDS schedule rows for `text` owned by `owner` (e.g. {"location_id": ...}), and
    whether the text was understood. Text that is not is kept whole as the description."""
    openings = parse_hours(text)
    if openings is None:
        return [{"id": legacy_id(source, "schedule", f"{key}:text"), **owner, "description": text.strip()}], False
    rows = []
    for n, o in enumerate(openings):
        rows.append({"id": legacy_id(source, "schedule", f"{key}:{n}"), **owner, "freq": "WEEKLY",
                     "byday": ",".join(o.days), "opens_at": o.opens_at, "closes_at": o.closes_at})
    return rows, True


def parse_time(text: str) -> str | None:
    """Return HH:MM for "08:00", "4:00 PM", "3pm", "09:00:00"; None if it is not a time."""
    match = re.match(rf"^{_TIME}(?::\d{{2}})?$", (text or "").strip(), re.I)
    if not match:
        return None
    try:
        h, m, _ = _clock(*match.group(1, 2, 3))
    except ValueError:
        return None
    return f"{h:02d}:{m:02d}"


def parse_date(text: str) -> date | None:
    """Return the date of "2019-12-24", "12/24/15", "December 24, 2015"; None for year 1 or nonsense."""
    for fmt in ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%B %d, %Y", "%b %d, %Y"):
        try:
            value = datetime.strptime((text or "").strip(), fmt).date()
        except ValueError:
            continue
        return value if value.year >= 1900 else None
    return None


# --- the package being written ---------------------------------------------------------------

@dataclass
class Report:
    source: str
    counts: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"converted from {self.source}: " + ", ".join(f"{n} {k}" for k, n in self.counts.items() if n)]
        out += [f"skipped {n} {what}" for what, n in sorted(self.skipped.items()) if n]
        return out + self.notes


class Tables:
    """HSDS 3.0 rows by table, written out as a tabular datapackage."""

    def __init__(self):
        self.rows: dict[str, dict[str, dict]] = {name: {} for name in resources()}
        self.translations: list[dict] = []

    def add(self, table: str, row: dict) -> dict:
        row = {k: v for k, v in row.items() if v not in (None, "")}
        self.rows[table].setdefault(row["id"], row)
        return row

    def write(self, out: Path, title: str, report: Report) -> None:
        out.mkdir(parents=True, exist_ok=True)
        official = json.loads((Path(__file__).parent / "schema" / "datapackage.json").read_text(encoding="utf-8"))
        descriptor = {**package_descriptor(), "name": "passerelle-legacy-import", "title": title,
                      "resources": [*official["resources"], TRANSLATIONS_RESOURCE]}
        for resource in descriptor["resources"]:
            name = resource["name"]
            if name == "translations":
                header, rows = ["entity", "id", "field", "language", "value"], self.translations
            else:
                header, rows = list(resources()[name].field_names), list(self.rows[name].values())
                report.counts[name] = len(rows)
            with (out / resource["path"]).open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, header, lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
        (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False), encoding="utf-8")


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(f)]


def open_eligibility(tables: Tables) -> dict[str, str]:
    """Add the shipped Open Eligibility taxonomy (with its translations); return code -> term id."""
    for row in _read_csv(DEMO_DATA / "taxonomies.csv"):
        tables.add("taxonomy", row)
    codes = {}
    for row in _read_csv(DEMO_DATA / "taxonomy_terms.csv"):
        tables.add("taxonomy_term", row)
        codes[row["code"]] = row["id"]
    tables.translations += [r for r in _read_csv(DEMO_DATA / "translations.csv")
                            if r["entity"] in ("taxonomy", "taxonomy_term")]
    return codes


def _split(text: str) -> list[str]:
    return [p.strip() for p in (text or "").split(",") if p.strip()]


def _number(text: str) -> str:
    """Return a phone extension if it is a plain number, else ""."""
    digits = (text or "").strip()
    return digits if digits.isdigit() else ""


# --- Ohana (CSV and Mongo share one record shape: the Mongo one) -----------------------------

def _ohana_records_from_mongo(folder: Path) -> tuple[list[dict], list[dict], list[dict]]:
    def lines(name: str) -> list[dict]:
        with (folder / name).open(encoding="utf-8-sig") as f:
            return [json.loads(line) for line in f if line.strip()]
    return lines("organizations.json"), lines("locations.json"), lines("services.json")


def _ohana_records_from_csv(folder: Path, report: Report) -> tuple[list[dict], list[dict], list[dict]]:
    """Read an Ohana CSV export into the Mongo export's shape."""
    organizations = [{"id": r["id"], "name": r["name"], "description": r.get("description"), "urls": _split(r.get("website")),
                      "emails": _split(r.get("email")), "legal_status": r.get("legal_status"), "tax_id": r.get("tax_id"),
                      "tax_status": r.get("tax_status")} for r in _read_csv(folder / "organizations.csv")]
    by_location: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for table in ("addresses", "mail_addresses", "contacts", "phones", "regular_schedules", "holiday_schedules"):
        for r in _read_csv(folder / f"{table}.csv"):
            owner = ("location", r.get("location_id")) if r.get("location_id") else ("service", r.get("service_id"))
            if owner[1]:
                by_location[owner][table].append(r)
    locations = []
    for r in _read_csv(folder / "locations.csv"):
        related = by_location[("location", r["id"])]
        address = (related["addresses"] or [None])[0]
        mail = (related["mail_addresses"] or [None])[0]
        coordinates = [float(r["longitude"]), float(r["latitude"])] if r.get("latitude") and r.get("longitude") else None
        locations.append({
            "id": r["id"], "organization_id": r["organization_id"], "name": r["name"], "description": r.get("description"),
            "short_desc": r.get("short_desc"), "transportation": r.get("transportation"), "coordinates": coordinates,
            "accessibility": _split(r.get("accessibility")), "languages": _split(r.get("languages")),
            "urls": _split(r.get("website")), "emails": _split(r.get("email")), "kind": "virtual" if r.get("virtual") == "true" else "",
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
        })
    services = []
    for r in _read_csv(folder / "services.csv"):
        related = by_location[("service", r["id"])]
        services.append({
            "id": r["id"], "location_id": r["location_id"], "name": r.get("name"), "description": r.get("description"),
            "audience": r.get("audience"), "eligibility": r.get("eligibility"), "fees": r.get("fees"),
            "how_to_apply": r.get("application_process"), "wait": r.get("wait_time"), "status": r.get("status"),
            "funding_sources": _split(r.get("funding_sources")), "service_areas": _split(r.get("service_areas")),
            "category_ids": _split(r.get("taxonomy_ids")), "urls": _split(r.get("website")), "emails": _split(r.get("email")),
            "languages": _split(r.get("languages")), "required_documents": _split(r.get("required_documents")),
            "interpretation_services": r.get("interpretation_services"), "alternate_name": r.get("alternate_name"),
            "regular_schedules": related["regular_schedules"], "holiday_schedules": related["holiday_schedules"],
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


def _holiday(r: dict, start: date, end: date, report: Report) -> dict | None:
    """A closure is a dated row without times; special hours are a dated row with both."""
    dates = {"valid_from": start.isoformat(), "valid_to": end.isoformat()}
    if (r.get("closed") or "").lower() == "true":
        return {**dates, "description": "Closed"}
    opens, closes = parse_time(r.get("opens_at")), parse_time(r.get("closes_at"))
    if opens is None or closes is None:
        report.skipped["holiday schedules with unreadable times"] += 1
        return None
    return {**dates, "opens_at": opens, "closes_at": closes, "description": "Special hours"}


def _ohana(organizations: list[dict], locations: list[dict], services: list[dict], source: str, out: Path,
           title: str, report: Report) -> Report:
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
                "state_province": attrs["state"], "postal_code": attrs["zip"], "country": attrs.get("country") or "US",
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


def convert_ohana_mongo(folder: Path, out: Path) -> Report:
    """Convert Ohana's MongoDB export (organizations.json, locations.json, services.json)."""
    report = Report(f"Ohana MongoDB export {folder.name}")
    return _ohana(*_ohana_records_from_mongo(folder), "ohana-mongo", out, "San Mateo County directory (Ohana, 2014)"
                  if "smc" in folder.name.lower() else f"Ohana export {folder.name}", report)


def convert_ohana_csv(folder: Path, out: Path) -> Report:
    """Convert an Ohana API CSV export (organizations.csv, locations.csv, services.csv, ...)."""
    report = Report(f"Ohana CSV export {folder.name}")
    return _ohana(*_ohana_records_from_csv(folder, report), "ohana-csv", out, f"Ohana CSV export {folder.name}", report)


# --- HSDS 1.1 --------------------------------------------------------------------------------

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


def convert_hsds11(folder: Path, out: Path) -> Report:
    """Convert an HSDS 1.1 tabular datapackage."""
    source = "hsds-1.1"
    report = Report(f"HSDS 1.1 datapackage {folder.name}")
    tables = Tables()
    uid = lambda table, old: legacy_id(source, table, old)
    paths = _hsds11_paths(folder)
    read = lambda name: _read_csv(folder / paths.get(name, f"{name}.csv"))
    present: dict[str, set[str]] = defaultdict(set)
    for old_name, (table, _) in HSDS11_TABLES.items():
        present[table] = {r["id"] for r in read(old_name)}

    def convert(row: dict, table: str, renames: dict) -> dict | None:
        fields = set(resources()[table].field_names)
        new = {"id": uid(table, row["id"])}
        for column, value in row.items():
            column = renames.get(column, column)
            if column == "id" or column not in fields or not value:
                continue
            if column in REFERENCES:
                target = REFERENCES[column]
                if value not in present[target]:
                    report.skipped[f"{table} references to missing {target} records (left empty)"] += 1
                    continue
                value = uid(target, value)
            new[column] = value
        return new

    for old_name, (table, renames) in HSDS11_TABLES.items():
        for row in read(old_name):
            new = convert(row, table, renames)
            if table == "location":
                new["location_type"] = "physical"
            if table == "program":
                new.setdefault("description", new.get("alternate_name") or new["name"])
            if table == "organization":
                new.setdefault("description", new["name"])
            if table == "phone":
                new["extension"] = _number(row.get("extension")) or None
                if row.get("department"):
                    new["description"] = "; ".join(x for x in (row["department"], row.get("description")) if x)
                for code in _split(row.get("language")):
                    tables.add("language", {"id": uid("language", f"phone:{row['id']}:{code}"), "phone_id": new["id"],
                                            "code": code, "name": code})
            if table == "service_at_location" and not (new.get("service_id") and new.get("location_id")):
                report.skipped["service_at_location rows missing their service or location"] += 1
                continue
            if table == "service" and "organization_id" not in new:
                report.skipped["services with no organization"] += 1
                continue
            if table == "service":
                new.setdefault("status", "active")
            tables.add(table, new)
    for kind, name in (("physical", "physical_addresses"), ("postal", "postal_addresses")):
        for row in read(name):
            new = convert(row, "address", {})
            new["address_type"] = kind
            extra = [row.get("address_3"), row.get("address_4")]
            if any(extra):
                new["address_2"] = ", ".join(x for x in [new.get("address_2"), *extra] if x)
            tables.add("address", new)
    for row in read("languages"):
        new = convert(row, "language", {"language": "name"})
        tables.add("language", new)
    for row in read("eligibility"):
        service = tables.rows["service"].get(uid("service", row.get("service_id")))
        if service is not None and row.get("eligibility"):
            service["eligibility_description"] = "; ".join(x for x in (service.get("eligibility_description"), row["eligibility"]) if x)
    for row in read("regular_schedules"):
        new = convert(row, "schedule", {})
        day = (row.get("weekday") or "").strip()
        code = DAYS[int(day) - 1] if day.isdigit() and 1 <= int(day) <= 7 else DAY_NAMES.get(day.lower())
        opens, closes = parse_time(row.get("opens_at")), parse_time(row.get("closes_at"))
        if code is None or opens is None or closes is None:
            report.skipped["regular schedules with an unreadable day or time"] += 1
            continue
        tables.add("schedule", {**new, "freq": "WEEKLY", "byday": code, "opens_at": opens, "closes_at": closes})
    for row in read("holiday_schedules"):
        new = convert(row, "schedule", {})
        start, end = parse_date(row.get("start_date")), parse_date(row.get("end_date"))
        if start is None or end is None:
            report.skipped["holiday schedules with impossible dates"] += 1
            continue
        holiday = _holiday(row, start, end, report)
        if holiday is not None:
            tables.add("schedule", {**new, **holiday})
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


CONVERTERS: dict[str, Callable[[Path, Path], Report]] = {
    "hsds-1.1": convert_hsds11,
    "ohana-csv": convert_ohana_csv,
    "ohana-mongo": convert_ohana_mongo,
}

