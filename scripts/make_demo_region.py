#!/usr/bin/env python3
"""Generate Passerelle's shipped demo region as an HSDS 3.0 tabular datapackage.

    .venv/bin/python scripts/make_demo_region.py            # (re)write pwa_app/demo_data/
    .venv/bin/python scripts/make_demo_region.py --check    # re-read the CSVs and validate them
    .venv/bin/python scripts/make_demo_region.py --out DIR  # write somewhere else

Everything in the demo region is FICTIONAL: the towns, organizations, people,
addresses, postal codes and web/e-mail domains are invented.  Phone numbers
only use the fictional 555-01xx block (613-555-0100..0199, 819-555-0100..0199).

The script is deterministic (``random.Random(2026)``, ids from ``uuid.uuid5`` over
stable names), so reruns give byte-identical files.  Besides the standard library
it needs Babel (a project dependency) for language and day names.

Where things are:
  * the records live in scripts/demo_region/ as JSON a curator can read and edit
    (its README.md describes every field):
      region.json          the region's name and its towns (province, centre, postal
                           prefix, area code, streets)
      sites.json           shared sites used by several organizations, and the
                           phone-only (virtual) locations
      organizations.json   the organizations with their services, in sections
      branches.json        satellite offices of organizations and their services
      patterns.json        reusable texts: eligibility, fees, application, hour
                           patterns, notes for services without hours, day ranges,
                           accessibility features, funding sources, transportation
      translations.json    service names and descriptions in other languages
      language_names.json  language names the demo writes its own way; the others come
                           from CLDR (Babel), else from pwa_app/present/language_names.json
      translations_resource.json  the datapackage resource of translations.csv
  * French names of the Open Eligibility terms come from the app's translations,
    pwa_app/taxonomy_i18n/fr.json, the terms themselves from the Open Eligibility
    taxonomy.csv (data/taxonomy/open-eligibility/ in the repository, else in
    ../shared/data/ beside it, or --taxonomy-csv).
  * this file: 1. constants and the loader, which applies SERVICE_DEFAULTS and
    ORGANIZATION_DEFAULTS (a service lists only the fields that differ) and checks
    that every key the records use resolves; 2. expansion into HSDS rows;
    3. writer (CSV + datapackage.json) and the --check validator.

Conventions (also recorded in datapackage.json under "passerelle"):
  * schedules: freq WEEKLY, byday like ``MO,TU,WE,TH,FR``, opens_at/closes_at HH:MM
    (local time, America/Toronto).  closes_at earlier than opens_at means the
    period ends the next day (overnight).  opens_at == closes_at == ``00:00``
    means open 24 hours; with all seven days in byday that is 24/7.
    Two rows with the same byday describe two ranges on the same day.
  * services with no schedule rows have no fixed hours (by appointment, or
    hours unknown); their description says so.
  * attributes: link_entity ``service``, link_type ``service_category``.
  * phones: type ``voice``, ``text`` (SMS), ``fax``, ``textphone`` (TTY).
  * translations.csv (extension): entity = HSDS resource name (``service``,
    ``organization``...), id, field, language (BCP 47), value.
"""

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import re
import sys
import types
import unicodedata
import uuid

from babel import Locale

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA_DIR = os.path.join(HERE, "demo_region")
OFFICIAL_DATAPACKAGE = os.path.join(ROOT, "pwa_app", "hsds", "schema", "datapackage.json")
TAXONOMY_FR = os.path.join(ROOT, "pwa_app", "taxonomy_i18n", "fr.json")
APP_LANGUAGE_NAMES = os.path.join(ROOT, "pwa_app", "present", "language_names.json")  # names CLDR does not have
OUT_DIR = os.path.join(ROOT, "pwa_app", "demo_data")
OE_CSV_CANDIDATES = [
    os.path.join(ROOT, "data", "taxonomy", "open-eligibility", "taxonomy.csv"),
    os.path.join(ROOT, "..", "shared", "data", "taxonomy", "open-eligibility", "taxonomy.csv"),  # beside the repo
]

NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://passerelle.example.org/demo-region/lac-riviere")
RNG_SEED = 2026
TODAY = dt.date(2026, 11, 28)  # reference date used to make some records stale

# Counts the checker asserts.
MIN_SERVICES = 160
MIN_ORGS = 85
MIN_PER_TOP_CATEGORY = 8
N_INACTIVE = 4
N_DEFUNCT = 1

DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]  # RFC 5545 BYDAY, Monday first as in Babel
DAYS_WK = ",".join(DAY_CODES[:5])
DAYS_ALL = ",".join(DAY_CODES)
LOCALE_EN, LOCALE_FR = Locale("en"), Locale("fr")
DAY_EN = {c: LOCALE_EN.days["format"]["wide"][i] for i, c in enumerate(DAY_CODES)}  # Monday...
DAY_FR = {c: LOCALE_FR.days["format"]["wide"][i] for i, c in enumerate(DAY_CODES)}  # lundi...


def uid(*parts):
    """Stable uuid5 from a readable name such as ('service', 'foodbank/hamper')."""
    return str(uuid.uuid5(NS, "/".join(str(p) for p in parts)))


# ---------------------------------------------------------------------------
# 1. Loading the records
# ---------------------------------------------------------------------------

# A service in organizations.json lists only the fields that differ from these.
# eligibility/fees/application/hours name a pattern of patterns.json (or give the text,
# resp. the schedule rows, inline); languages are added to English and French.
SERVICE_DEFAULTS = {"eligibility": "all", "fees": "free", "application": "walkin", "hours": "wk9_17",
                    "languages": [], "status": "active"}
SERVICE_FIELDS = set(SERVICE_DEFAULTS) | {
    "key", "name", "alternate_name", "description", "terms", "extra_cost_option", "hours_note", "hours_at",
    "only_languages", "interpretation_services", "ages", "wait_time", "alert", "virtual_location", "also_at",
    "phone", "service_areas", "required_documents",
}
ORGANIZATION_DEFAULTS = {"legal_status": {"en": "Non-profit corporation", "fr": "Organisme sans but lucratif"}}
ORGANIZATION_FIELDS = set(ORGANIZATION_DEFAULTS) | {
    "key", "town", "name", "alternate_name", "description", "year_incorporated", "parent", "no_main_location",
    "confidential_address", "fax", "contact", "funding", "program", "note", "services",
}
PHONE_KINDS = {"own", "text", "tty"}


def read_json(data_dir, name):
    with open(os.path.join(data_dir, name), encoding="utf-8") as f:
        return json.load(f)


def load_records(data_dir=DATA_DIR):
    """Read scripts/demo_region/, apply the defaults and check that every key used resolves."""
    region = read_json(data_dir, "region.json")
    sites = read_json(data_dir, "sites.json")
    patterns = read_json(data_dir, "patterns.json")
    towns, shared, virtual = region["towns"], sites["shared"], sites["virtual"]
    errors = []

    def need(cond, msg):
        if not cond:
            errors.append(msg)

    orgs = [{**ORGANIZATION_DEFAULTS, **o}
            for section in read_json(data_dir, "organizations.json") for o in section["organizations"]]
    org_by_key = {o["key"]: o for o in orgs}
    need(len(org_by_key) == len(orgs), "organizations.json: duplicate organization keys")
    for o in orgs:
        where = f"organizations.json: {o['key']}"
        need(set(o) <= ORGANIZATION_FIELDS, f"{where}: unknown fields {sorted(set(o) - ORGANIZATION_FIELDS)}")
        need(o["town"] in towns, f"{where}: town {o['town']!r} is not in region.json")
        need(o.get("parent", o["key"]) in org_by_key, f"{where}: parent {o.get('parent')!r} is not an organization")
        o["services"] = [{**SERVICE_DEFAULTS, **s} for s in o["services"]]
        skeys = [s["key"] for s in o["services"]]
        need(len(set(skeys)) == len(skeys), f"{where}: duplicate service keys")
        for skey in o.get("program", {}).get("services", []):
            need(skey in skeys, f"{where}: program service {skey!r} is not one of its services")
        for s in o["services"]:
            w = f"{where}/{s['key']}"
            need(set(s) <= SERVICE_FIELDS, f"{w}: unknown fields {sorted(set(s) - SERVICE_FIELDS)}")
            for field in ("eligibility", "fees", "application", "hours"):
                need(not isinstance(s[field], str) or s[field] in patterns[field],
                     f"{w}: {field} {s[field]!r} is not in patterns.json")
            if "virtual_location" in s:  # a phone-only service has no other location
                need(s["virtual_location"] in virtual and "also_at" not in s and "hours_at" not in s,
                     f"{w}: virtual_location must be a key of sites.json, without also_at or hours_at")
            places = set(s.get("also_at", [])) | (set() if o.get("no_main_location") else {o["key"]})
            for place in s.get("also_at", []):
                need(place in shared or place in org_by_key,
                     f"{w}: also_at {place!r} is neither a site nor an organization")
            for place, pattern in s.get("hours_at", {}).items():
                need(place in places, f"{w}: hours_at {place!r} is not one of the service's locations")
                need(pattern in patterns["hours"], f"{w}: hours_at pattern {pattern!r} is not in patterns.json")
            need(s.get("phone") in PHONE_KINDS | {None}, f"{w}: phone must be one of {sorted(PHONE_KINDS)}")
            for t in s.get("service_areas", []):
                need(t in towns, f"{w}: service area {t!r} is not a town of region.json")
    branches = read_json(data_dir, "branches.json")
    for b in branches:
        org = org_by_key.get(b["organization"])
        need(org is not None, f"branches.json: {b['organization']!r} is not an organization")
        need(b["town"] in towns, f"branches.json: town {b['town']!r} is not in region.json")
        for skey in b["services"] if org else []:
            need(any(s["key"] == skey for s in org["services"]),
                 f"branches.json: {b['organization']}/{skey} is not a service")
    translations = read_json(data_dir, "translations.json")
    for key in translations:
        okey, _, skey = key.partition("/")
        need(okey in org_by_key and any(s["key"] == skey for s in org_by_key[okey]["services"]),
             f"translations.json: {key!r} is not an organization/service")
    for key, v in virtual.items():
        need(v["organization"] in org_by_key, f"sites.json: {key}: {v['organization']!r} is not an organization")
    for key, s in shared.items():
        need(s["town"] in towns, f"sites.json: {key}: town {s['town']!r} is not in region.json")
    if errors:
        sys.exit(f"{os.path.relpath(data_dir)} is inconsistent:\n  " + "\n  ".join(errors))
    return types.SimpleNamespace(
        region=region, towns=towns, sites=shared, virtual_sites=virtual, patterns=patterns, orgs=orgs,
        branches=branches, translations=translations,
        language_names=read_json(data_dir, "language_names.json"),
        translations_resource=read_json(data_dir, "translations_resource.json"))


def load_oe_terms(path=None):
    for candidate in [path] if path else OE_CSV_CANDIDATES:
        if os.path.exists(candidate):
            with open(candidate, encoding="utf-8", newline="") as f:
                return list(csv.DictReader(f))
    sys.exit("Open Eligibility taxonomy.csv not found; tried: " + ", ".join([path] if path else OE_CSV_CANDIDATES))


def load_oe_french():
    """code -> French name, from the app's taxonomy translations (the one source of these names)."""
    with open(TAXONOMY_FR, encoding="utf-8") as f:
        return {code: t["name"] for code, t in json.load(f)["terms"].items()}


# ---------------------------------------------------------------------------
# 2. Expansion into HSDS rows
# ---------------------------------------------------------------------------

RESOURCES = [  # resources written, in the official order
    "organization", "program", "service", "attribute", "service_at_location", "location",
    "phone", "contact", "address", "schedule", "funding", "service_area", "required_document",
    "language", "accessibility", "taxonomy_term", "cost_option", "taxonomy",
]

# Fields whose values get a French row in translations.csv (entity -> fields).
TRANSLATABLE = {
    "organization": ["name", "alternate_name", "description", "legal_status"],
    "program": ["name", "description"],
    "service": ["name", "alternate_name", "description", "interpretation_services", "application_process",
                "fees_description", "wait_time", "eligibility_description", "alert"],
    "service_at_location": ["description"],
    "location": ["name", "description", "transportation"],
    "phone": ["description"],
    "contact": ["title", "department"],
    "funding": ["source"],
    "service_area": ["description"],
    "required_document": ["document"],
    "language": ["name"],
    "accessibility": ["description", "details"],
    "schedule": ["description"],
    "taxonomy_term": ["name", "description"],
    "cost_option": ["option", "amount_description"],
    "taxonomy": ["description"],
}


def bi(text):
    """An {"en": ..., "fr": ...} text of the records (or an (English, French) pair) as a pair."""
    return (text["en"], text["fr"]) if isinstance(text, dict) else text


def _join(words, conj):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {conj} " + words[-1]


def days_text(byday, day_ranges):
    if byday in day_ranges:
        return bi(day_ranges[byday])
    codes = byday.split(",")
    en = _join([DAY_EN[c] for c in codes], "and")
    fr = _join([DAY_FR[c] for c in codes], "et")
    return en, fr[0].upper() + fr[1:]


def time_text(hhmm):
    h, m = int(hhmm[:2]), int(hhmm[3:])
    if (h, m) == (12, 0):
        return "noon", "midi"
    if (h, m) == (0, 0):
        return "midnight", "minuit"
    suffix = "a.m." if h < 12 else "p.m."
    h12 = h % 12 or 12
    en = f"{h12} {suffix}" if m == 0 else f"{h12}:{m:02d} {suffix}"
    fr = f"{h} h" if m == 0 else f"{h} h {m:02d}"
    return en, fr


def schedule_text(byday, opens, closes, day_ranges):
    """Plain-language English and French description of one schedule row."""
    den, dfr = days_text(byday, day_ranges)
    if opens == closes == "00:00":
        if byday == DAYS_ALL:
            return "Open 24 hours a day, 7 days a week.", "Ouvert 24 heures sur 24, 7 jours sur 7."
        return f"{den}: open 24 hours.", f"{dfr} : ouvert 24 heures sur 24."
    o_en, o_fr = time_text(opens)
    c_en, c_fr = time_text(closes)
    if closes <= opens:  # ends the next day
        if closes == "00:00":
            return f"{den}, from {o_en} until midnight.", f"{dfr}, de {o_fr} jusqu'à minuit."
        return (f"{den}, overnight from {o_en} until {c_en} the next morning.",
                f"{dfr}, la nuit, de {o_fr} jusqu'à {c_fr} le lendemain matin.")
    end = "" if c_en.endswith(".") else "."
    return f"{den}, {o_en} to {c_en}{end}", f"{dfr}, de {o_fr} à {c_fr}."


def slug_email(name):
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]+", ".", s).strip(".")


class Builder:
    def __init__(self, records, oe_terms, oe_french):
        self.d = records
        self.pat = records.patterns
        self.oe_terms, self.oe_french = oe_terms, oe_french
        with open(APP_LANGUAGE_NAMES, encoding="utf-8") as f:
            self.app_language_names = json.load(f)
        self.rng = random.Random(RNG_SEED)
        self.rows = {r: [] for r in RESOURCES}
        self.translations = []
        self.pools = {}
        for area in ("613", "819"):
            nums = [f"{area}-555-01{n:02d}" for n in range(100)]
            self.rng.shuffle(nums)
            self.pools[area] = nums

    # -- helpers ----------------------------------------------------------
    def add(self, resource, **values):
        self.rows[resource].append(values)
        return values

    def tr(self, entity, rid, field, fr, lang="fr"):
        if fr:
            self.translations.append({"entity": entity, "id": rid, "field": field,
                                      "language": lang, "value": fr})

    def add_text(self, resource, row, field, value):
        """Set row[field] to the English text and record its French translation."""
        if value:
            en, fr = bi(value)
            row[field] = en
            self.tr(resource, row["id"], field, fr)

    def number(self, area):
        if not self.pools[area]:
            raise SystemExit(f"ran out of fictional {area}-555-01xx numbers")
        return self.pools[area].pop()

    def pick(self, options):
        """One of several texts at random; a single text is used as it is."""
        return bi(options[0] if len(options) == 1 else self.rng.choice(options))

    def language_name(self, code):
        """English and French names: the demo's own, else CLDR's (Babel), else the app's table of the names
        CLDR does not have."""
        if code in self.d.language_names:
            return bi(self.d.language_names[code])
        app = self.app_language_names.get(code, {})
        en, fr = LOCALE_EN.languages.get(code) or app.get("en"), LOCALE_FR.languages.get(code) or app.get("fr")
        if not (en and fr):
            sys.exit(f"no English or French name for language {code!r}: "
                     "add it to scripts/demo_region/language_names.json")
        return en, fr

    def assured_date(self):
        if self.rng.random() < 0.3:   # stale: checked more than a year ago
            start, end = dt.date(2024, 6, 1), TODAY - dt.timedelta(days=380)
        else:
            start, end = TODAY - dt.timedelta(days=360), dt.date(2026, 11, 27)
        return (start + dt.timedelta(days=self.rng.randint(0, (end - start).days))).isoformat()

    def coords(self, town):
        t = self.d.towns[town]
        lat = min(max(t["latitude"] + self.rng.uniform(-0.018, 0.018), 45.25), 45.65)
        lon = min(max(t["longitude"] + self.rng.uniform(-0.03, 0.03), -76.0), -75.3)
        return round(lat, 5), round(lon, 5)

    def postal_code(self, town):
        letters = "ABCEGHJKLMNPRSTVWXYZ"
        r = self.rng
        return f"{self.d.towns[town]['postal_prefix']} {r.randint(0, 9)}{r.choice(letters)}{r.randint(0, 9)}"

    def transportation(self, town):
        t, texts = self.d.towns[town], self.pat["transportation"]
        if t.get("transit"):  # a town with a bus network: a route number and a distance
            route, metres = self.rng.randint(1, 12), self.rng.choice([50, 100, 150, 200, 300])
            transit = bi(t["transit"])
            return tuple(text.format(transit=name, route=route, metres=metres)
                         for text, name in zip(bi(texts["transit"]), transit, strict=True))
        return self.pick(texts[t["province"]])

    # -- locations ----------------------------------------------------------
    def location(self, lid, town, name, desc, org_id="", postal_box=None):
        """A physical location with its address; with postal_box, the street address is kept confidential."""
        t = self.d.towns[town]
        row = self.add("location", id=lid, location_type="physical", organization_id=org_id)
        self.add_text("location", row, "name", name)
        self.add_text("location", row, "description", desc)
        if postal_box:
            self.add_text("location", row, "transportation",
                          ("The street address is given by phone for safety reasons.",
                           "Pour des raisons de sécurité, l'adresse est donnée par téléphone."))
            self.add("address", id=uid("address", lid), location_id=lid, address_1=postal_box,
                     city=t["name"], state_province=t["province"],
                     postal_code=self.postal_code(town), country="CA", address_type="postal")
            return row
        row["latitude"], row["longitude"] = self.coords(town)
        self.add_text("location", row, "transportation", self.transportation(town))
        number = self.rng.randint(10, 2400)
        street = self.rng.choice(t["streets"])
        line1 = f"{number}, {street}" if t["province"] == "QC" else f"{number} {street}"
        addr = self.add("address", id=uid("address", lid), location_id=lid, address_1=line1,
                        city=t["name"], state_province=t["province"],
                        postal_code=self.postal_code(town), country="CA", address_type="physical")
        if self.rng.random() < 0.2:
            addr["address_2"] = self.rng.choice(["Suite 200", "Unit 3", "2nd floor", "Lower level"])
        if self.rng.random() < 0.5:
            features = self.pat["accessibility"]
            for i, feature in enumerate(self.rng.sample(features, self.rng.randint(1, 3))):
                acc = self.add("accessibility", id=uid("accessibility", lid, i), location_id=lid)
                self.add_text("accessibility", acc, "description", feature["description"])
                self.add_text("accessibility", acc, "details", feature.get("details"))
        return row

    # -- main expansion -----------------------------------------------------
    def build(self):
        self.build_taxonomy()
        loc_ids = {}
        for key, site in self.d.sites.items():
            loc_ids[key] = uid("location", "site", key)
            self.location(loc_ids[key], site["town"], site["name"], site["description"])
        org_ids = {o["key"]: uid("organization", o["key"]) for o in self.d.orgs}
        for key, site in self.d.virtual_sites.items():
            # the virtual locations belong to the organizations running the lines
            loc_ids[key] = uid("location", "virtual", key)
            row = self.add("location", id=loc_ids[key], location_type="virtual", url=site["url"],
                           organization_id=org_ids[site["organization"]])
            self.add_text("location", row, "name", site["name"])
            self.add_text("location", row, "description", site["description"])
        # organizations and their own locations
        for o in self.d.orgs:
            self.build_org(o, org_ids, loc_ids)
        branch_locs = {}
        for branch in self.d.branches:
            org_key, town = branch["organization"], branch["town"]
            org = next(o for o in self.d.orgs if o["key"] == org_key)
            lid = uid("location", org_key, "branch", town)
            self.location(lid, town, branch["name"], (f"Satellite office of {org['name']['en']}.",
                                                      f"Point de service de l'organisme {org['name']['fr']}."),
                          org_ids[org_key])
            ph = self.add("phone", id=uid("phone", lid), location_id=lid,
                          number=self.number(self.d.towns[town]["area_code"]), type="voice")
            self.add_text("phone", ph, "description", ("Satellite office", "Point de service"))
            for sk in branch["services"]:
                branch_locs.setdefault((org_key, sk), []).append(lid)
        for o in self.d.orgs:
            for i, s in enumerate(o["services"]):
                self.build_service(o, s, i, org_ids, loc_ids, branch_locs)

    def build_taxonomy(self):
        tax_id = uid("taxonomy", "open-eligibility")
        tax = self.add("taxonomy", id=tax_id, name="Open Eligibility", version="2.0")
        self.add_text("taxonomy", tax, "description", (
            "Open Eligibility human services taxonomy, version 2.0, by Aunt Bertha, Inc. (CC BY-SA 3.0). "
            "English term names from the original; French names translated for Passerelle.",
            "Taxonomie des services sociaux Open Eligibility, version 2.0, d'Aunt Bertha, Inc. (CC BY-SA 3.0). "
            "Noms anglais tirés de l'original; noms français traduits pour Passerelle."))
        terms = self.oe_terms
        missing = [t["taxonomy_id"] for t in terms if t["taxonomy_id"] not in self.oe_french]
        if missing:
            sys.exit(f"{os.path.relpath(TAXONOMY_FR, ROOT)} has no French name for {', '.join(missing)}")
        by_code = {t["taxonomy_id"]: t for t in terms}
        self.term_ids = {}
        for t in terms:
            code = t["taxonomy_id"]
            tid = uid("taxonomy_term", "open-eligibility", code)
            self.term_ids[code] = tid
            row = self.add("taxonomy_term", id=tid, code=code,
                           parent_id=uid("taxonomy_term", "open-eligibility", t["parent_id"]) if t["parent_id"] else "",
                           taxonomy="Open Eligibility", language="en", taxonomy_id=tax_id)
            name_fr = self.oe_french[code]
            self.add_text("taxonomy_term", row, "name", (t["name"], name_fr))
            if t["parent_id"]:
                p, p_fr = by_code[t["parent_id"]]["name"], self.oe_french[t["parent_id"]]
                desc = (f"Open Eligibility term \u201c{t['name']}\u201d ({code}), under \u201c{p}\u201d.",
                        f"Terme Open Eligibility « {name_fr} » ({code}), sous « {p_fr} ».")
            else:
                desc = (f"Open Eligibility top-level category \u201c{t['name']}\u201d ({code}).",
                        f"Catégorie principale Open Eligibility « {name_fr} » ({code}).")
            self.add_text("taxonomy_term", row, "description", desc)

    def build_org(self, o, org_ids, loc_ids):
        key, town = o["key"], o["town"]
        oid = org_ids[key]
        qc = self.d.towns[town]["province"] == "QC"
        row = self.add("organization", id=oid,
                       email=f"info-{key}@example.ca" if qc and self.rng.random() < 0.5 else f"info@{key}.example.org",
                       website=f"https://{key}.example.org/", year_incorporated=o.get("year_incorporated", ""),
                       parent_organization_id=org_ids[o["parent"]] if o.get("parent") else "")
        self.add_text("organization", row, "name", o["name"])
        self.add_text("organization", row, "alternate_name", o.get("alternate_name"))
        self.add_text("organization", row, "description", o["description"])
        self.add_text("organization", row, "legal_status", o["legal_status"])
        area = self.d.towns[town]["area_code"]
        o["_main_number"] = self.number(area)
        ph = self.add("phone", id=uid("phone", key, "main"), organization_id=oid, number=o["_main_number"],
                      type="voice")
        self.add_text("phone", ph, "description", ("Main line", "Ligne principale"))
        if o.get("fax"):
            ph = self.add("phone", id=uid("phone", key, "fax"), organization_id=oid, number=self.number(area),
                          type="fax")
            self.add_text("phone", ph, "description", ("Fax", "Télécopieur"))
        if not o.get("no_main_location"):
            lid = uid("location", key)
            loc_ids[key] = lid
            self.location(lid, town, o["name"], (f"Main site of {o['name']['en']}.",
                                                 f"Site principal de l'organisme {o['name']['fr']}."),
                          oid, postal_box=o.get("confidential_address"))
        if o.get("contact"):
            contact = o["contact"]
            cname = contact["name"]
            cid = uid("contact", key)
            c = self.add("contact", id=cid, organization_id=oid, name=cname,
                         email=f"{slug_email(cname.replace('Dr. ', '').replace('Me ', ''))}@{key}.example.org")
            self.add_text("contact", c, "title", contact["title"])
            self.add_text("contact", c, "department", contact["department"])
            ph = self.add("phone", id=uid("phone", key, "contact"), contact_id=cid, number=o["_main_number"],
                          extension=300 + len(self.rows["contact"]), type="voice")
            self.add_text("phone", ph, "description", ("Direct extension", "Poste direct"))
        funding = list(o.get("funding", []))
        if not funding and self.rng.random() < 0.35:
            funding.append(self.rng.choice(self.pat["funding_sources"]))
        for i, f in enumerate(funding):
            fr = self.add("funding", id=uid("funding", key, i), organization_id=oid)
            self.add_text("funding", fr, "source", f)
        if o.get("program"):
            p = self.add("program", id=uid("program", key), organization_id=oid)
            self.add_text("program", p, "name", o["program"]["name"])
            self.add_text("program", p, "description", o["program"]["description"])

    def build_service(self, o, s, index, org_ids, loc_ids, branch_locs):
        okey, skey = o["key"], s["key"]
        sid = uid("service", okey, skey)
        town = self.d.towns[o["town"]]
        area = town["area_code"]
        qc = town["province"] == "QC"
        program_id = uid("program", okey) if skey in o.get("program", {}).get("services", []) else ""
        assured = self.assured_date()
        row = self.add("service", id=sid, organization_id=org_ids[okey], program_id=program_id,
                       url=f"https://{okey}.example.org/{skey}",
                       email=(f"{skey}-{okey}@example.ca" if qc and self.rng.random() < 0.5
                              else f"{skey}@{okey}.example.org") if self.rng.random() < 0.8 else "",
                       status=s["status"], assured_date=assured,
                       assurer_email="verification@passerelle-demo.example.org",
                       last_modified=f"{assured}T15:00:00Z")
        ages = s.get("ages")
        if ages:
            row["minimum_age"] = ages[0] if ages[0] is not None else ""
            row["maximum_age"] = ages[1] if ages[1] is not None else ""
        self.add_text("service", row, "name", s["name"])
        self.add_text("service", row, "alternate_name", s.get("alternate_name"))
        desc_en, desc_fr = bi(s["description"])
        hours = s["hours"]  # a pattern name, or the schedule rows themselves
        if isinstance(hours, str) and hours in self.pat["no_hours_note"]:
            note_en, note_fr = bi(s.get("hours_note") or self.pat["no_hours_note"][hours])
            desc_en, desc_fr = f"{desc_en} {note_en}", f"{desc_fr} {note_fr}"
        self.add_text("service", row, "description", (desc_en, desc_fr))
        self.add_text("service", row, "interpretation_services", s.get("interpretation_services"))
        application, eligibility = s["application"], s["eligibility"]
        self.add_text("service", row, "application_process",
                      self.pat["application"][application] if isinstance(application, str) else application)
        fees = s["fees"]
        fee_pair, amount = (self.pat["fees"][fees], None) if isinstance(fees, str) else (fees, fees.get("amount"))
        self.add_text("service", row, "fees_description", fee_pair)
        self.add_text("service", row, "wait_time", s.get("wait_time"))
        self.add_text("service", row, "eligibility_description",
                      self.pat["eligibility"][eligibility] if isinstance(eligibility, str) else eligibility)
        self.add_text("service", row, "alert", s.get("alert"))
        for lang, text in self.d.translations.get(f"{okey}/{skey}", {}).items():
            self.tr("service", sid, "name", text["name"], lang)
            self.tr("service", sid, "description", text["description"], lang)

        # cost options
        if fees in ("free", "donation", "healthcard"):
            c = self.add("cost_option", id=uid("cost_option", sid, 0), service_id=sid, currency="CAD", amount=0)
            self.add_text("cost_option", c, "option", ("Free", "Gratuit"))
            self.add_text("cost_option", c, "amount_description", fee_pair)
        elif fees == "sliding":
            c = self.add("cost_option", id=uid("cost_option", sid, 0), service_id=sid, currency="CAD")
            self.add_text("cost_option", c, "option", ("Sliding scale", "Tarif selon le revenu"))
            self.add_text("cost_option", c, "amount_description", fee_pair)
        else:
            c = self.add("cost_option", id=uid("cost_option", sid, 0), service_id=sid, currency="CAD",
                         amount=amount if amount is not None else "")
            self.add_text("cost_option", c, "option", ("Fee", "Frais") if amount else ("Reduced price", "Prix réduit"))
            self.add_text("cost_option", c, "amount_description", fee_pair)
        if s.get("extra_cost_option"):
            extra = s["extra_cost_option"]
            c = self.add("cost_option", id=uid("cost_option", sid, 1), service_id=sid, currency="CAD",
                         amount=extra["amount"])
            self.add_text("cost_option", c, "option", extra["option"])
            self.add_text("cost_option", c, "amount_description", extra["amount_description"])

        # taxonomy links
        for code in s["terms"]:
            if code not in self.term_ids:
                sys.exit(f"{okey}/{skey}: {code!r} is not an Open Eligibility code")
            self.add("attribute", id=uid("attribute", sid, code), link_id=sid,
                     taxonomy_term_id=self.term_ids[code], link_type="service_category", link_entity="service")

        # languages
        codes = s.get("only_languages") or ["en", "fr"] + s["languages"]
        for c in codes:
            lr = self.add("language", id=uid("language", sid, c), service_id=sid, code=c)
            self.add_text("language", lr, "name", self.language_name(c))

        # locations (service_at_location)
        sal_ids = {}
        own = [okey] if okey in loc_ids else []  # its organization's main location, if it has one
        places = [s["virtual_location"]] if s.get("virtual_location") else own + s.get("also_at", [])
        for place in places:
            lid = loc_ids[place]
            sal = self.add("service_at_location", id=uid("service_at_location", sid, lid), service_id=sid,
                           location_id=lid)
            sal_ids[place] = sal["id"]
            if place != okey and place not in self.d.virtual_sites:
                name = self.d.sites[place]["name"] if place in self.d.sites else \
                    next(x["name"] for x in self.d.orgs if x["key"] == place)
                self.add_text("service_at_location", sal, "description",
                              (f"Also offered at {name['en']}.", f"Aussi offert à : {name['fr']}."))
        for lid in branch_locs.get((okey, skey), []):
            sal = self.add("service_at_location", id=uid("service_at_location", sid, lid), service_id=sid,
                           location_id=lid)
            self.add_text("service_at_location", sal, "description",
                          ("Also offered at this satellite office.", "Aussi offert à ce point de service."))

        # schedules: service-wide rows, then location-specific ones
        patterns = [(None, self.pat["hours"][hours] if isinstance(hours, str) else hours)]
        for place, pat in s.get("hours_at", {}).items():
            patterns.append((place, self.pat["hours"][pat]))
        for place, rows in patterns:
            for i, (byday, opens, closes) in enumerate(rows):
                sch = self.add("schedule", id=uid("schedule", sid, place or "", i), service_id=sid,
                               service_at_location_id=sal_ids[place] if place else "",
                               freq="WEEKLY", byday=byday, opens_at=opens, closes_at=closes)
                self.add_text("schedule", sch, "description",
                              schedule_text(byday, opens, closes, self.pat["day_ranges"]))

        # phones
        multi = len(o["services"]) > 1
        kind = s.get("phone")
        if kind == "own":
            ph = self.add("phone", id=uid("phone", sid), service_id=sid, number=self.number(area), type="voice")
            self.add_text("phone", ph, "description", ("Direct line for this service", "Ligne directe de ce service"))
        else:
            ph = self.add("phone", id=uid("phone", sid), service_id=sid, number=o["_main_number"], type="voice",
                          extension=201 + index if multi else "")
            self.add_text("phone", ph, "description", ("Call the main line and ask for this service",
                                                      "Appelez la ligne principale et demandez ce service")
                          if multi else ("Main line", "Ligne principale"))
        if kind == "text":
            ph = self.add("phone", id=uid("phone", sid, "text"), service_id=sid, number=self.number(area), type="text")
            self.add_text("phone", ph, "description", ("Text (SMS) line", "Ligne texto (SMS)"))
        if kind == "tty":
            ph = self.add("phone", id=uid("phone", sid, "tty"), service_id=sid, number=self.number(area),
                          type="textphone")
            self.add_text("phone", ph, "description", ("TTY line for Deaf and hard-of-hearing callers",
                                                      "Ligne ATS pour les personnes sourdes ou malentendantes"))

        # service areas and required documents
        for t in s.get("service_areas", []):
            name = self.d.towns[t]["name"]
            sa = self.add("service_area", id=uid("service_area", sid, t), service_id=sid, name=name)
            self.add_text("service_area", sa, "description",
                          (f"Serves residents of {name}.", f"Dessert les résidents de {name}."))
        for i, doc in enumerate(s.get("required_documents", [])):
            rd = self.add("required_document", id=uid("required_document", sid, i), service_id=sid)
            self.add_text("required_document", rd, "document", doc)


# ---------------------------------------------------------------------------
# 3. Writing and checking
# ---------------------------------------------------------------------------

def fmt(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


def write_csv(path, fields, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(fields)
    for r in rows:
        w.writerow([fmt(r.get(f, "")) for f in fields])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def make_datapackage(official, resources, records):
    region_en, region_fr = bi(records.region["name"])
    by_name = {r["name"]: r for r in official["resources"]}
    dp = {
        "name": "passerelle-demo-region",
        "title": "Passerelle demo region (fictional data)",
        "description": (f"FICTIONAL DEMO DATA for Passerelle: the {region_en} and every town, organization, "
                        "service, person, address, phone number (555-01xx), e-mail and web address in it are "
                        "invented for testing and demonstration. Do not use it to seek help. "
                        "Données de démonstration FICTIVES : rien dans ce jeu de données n'existe réellement."),
        "profile": official["profile"],
        "version": official["version"],
        "homepage": official["homepage"],
        "license": official["license"],
        "sources": [
            {"title": "Human Services Data Specification, an Open Referral resource",
             "path": official["homepage"], "license": official["license"]["type"]},
            {"title": "Open Eligibility human services taxonomy 2.0 by Aunt Bertha, Inc.",
             "license": "CC-BY-SA-3.0"},
        ],
        "attribution": "Data structure: Human Services Data Specification (HSDS) 3.0, an Open Referral resource, "
                       "licensed CC BY-SA 4.0. Taxonomy: Open Eligibility 2.0 (CC BY-SA 3.0).",
        "passerelle": {"demo": True, "region_name": region_en, "region_name_fr": region_fr,
                       "timezone": "America/Toronto", "base_language": "en", "languages": ["en", "fr"],
                       "schedule_conventions": {
                           "open_24_hours": "opens_at 00:00 and closes_at 00:00",
                           "overnight": "closes_at earlier than opens_at: closes the next day",
                           "no_schedule_rows": "no fixed hours (by appointment or unknown)"},
                       "attribute_link_type": "service_category",
                       "sms_phone_type": "text"},
        "resources": [by_name[r] for r in resources] + [records.translations_resource],
    }
    return dp


def generate(out_dir, taxonomy_csv=None):
    with open(OFFICIAL_DATAPACKAGE, encoding="utf-8") as f:
        official = json.load(f)
    records = load_records()
    b = Builder(records, load_oe_terms(taxonomy_csv), load_oe_french())
    b.build()
    os.makedirs(out_dir, exist_ok=True)
    dp = make_datapackage(official, RESOURCES, records)
    for res in dp["resources"]:
        fields = [f["name"] for f in res["schema"]["fields"]]
        rows = b.translations if res["name"] == "translations" else b.rows[res["name"]]
        write_csv(os.path.join(out_dir, res["path"]), fields, rows)
    with open(os.path.join(out_dir, "datapackage.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(dp, f, ensure_ascii=False, indent=2)
        f.write("\n")
    for res in dp["resources"]:
        n = len(b.translations if res["name"] == "translations" else b.rows[res["name"]])
        print(f"{res['path']:28s} {n:6d}")


UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
EMAIL_RE = re.compile(r"^[A-Za-z0-9._+-]+@([A-Za-z0-9-]+\.)*(example\.org|example\.ca)$")
URI_RE = re.compile(r"^https?://[^\s/]+(/\S*)?$")
PHONE_RE = re.compile(r"^(613|819)-555-01\d\d$")
BCP47_RE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")


def check(out_dir, taxonomy_csv=None):
    errors = []

    def err(msg):
        errors.append(msg)

    with open(OFFICIAL_DATAPACKAGE, encoding="utf-8") as f:
        official = {r["name"]: r for r in json.load(f)["resources"]}
    with open(os.path.join(out_dir, "datapackage.json"), encoding="utf-8") as f:
        dp = json.load(f)
    assert dp["name"] == "passerelle-demo-region" and "fictional" in dp["title"].lower()
    assert "FICTIONAL" in dp["description"] and dp["passerelle"]["demo"] is True
    assert dp["passerelle"]["timezone"] == "America/Toronto" and dp["passerelle"]["base_language"] == "en"
    assert dp["license"]["type"] == "CC-BY-SA-4.0"
    data = {}
    for res in dp["resources"]:
        path = os.path.join(out_dir, res["path"])
        with open(path, "rb") as fh:
            raw = fh.read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{res['path']}: BOM")
        if b"\r" in raw:
            err(f"{res['path']}: CR in file")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
        header, body = rows[0], rows[1:]
        fields = res["schema"]["fields"]
        if res["name"] != "translations" and (res["schema"] != official[res["name"]]["schema"]
                                              or res["path"] != official[res["name"]]["path"]):
            err(f"{res['name']}: schema/path differs from the official datapackage")
        if header != [f["name"] for f in fields]:
            err(f"{res['path']}: header {header} != schema fields")
        recs = [dict(zip(header, r, strict=False)) for r in body]  # a short row reads as empty cells
        data[res["name"]] = recs
        for f in fields:
            name, typ, fmt_, cons = f["name"], f["type"], f.get("format"), f.get("constraints", {})
            seen = set()
            for i, r in enumerate(recs):
                v = r.get(name, "")
                where = f"{res['path']} row {i + 2} {name}={v!r}"
                if v == "":
                    if cons.get("required"):
                        err(f"{where}: required")
                    continue
                if cons.get("unique"):
                    if v in seen:
                        err(f"{where}: not unique")
                    seen.add(v)
                if "enum" in cons and v not in cons["enum"]:
                    err(f"{where}: not in enum")
                if typ == "string" and fmt_ == "uuid" and not UUID_RE.match(v):
                    err(f"{where}: bad uuid")
                if typ == "string" and fmt_ == "email" and not EMAIL_RE.match(v):
                    err(f"{where}: bad or non-example email")
                if typ == "string" and fmt_ == "uri" and not URI_RE.match(v):
                    err(f"{where}: bad uri")
                if typ == "number":
                    try:
                        float(v)
                    except ValueError:
                        err(f"{where}: not a number")
                if typ == "date":
                    try:
                        dt.date.fromisoformat(v)
                        assert re.match(r"^\d{4}-\d{2}-\d{2}$", v)
                    except (ValueError, AssertionError):
                        err(f"{where}: bad date")
                if typ == "time" and not re.match(r"^([01]\d|2[0-3]):[0-5]\d$", v):
                    err(f"{where}: bad time (HH:MM)")
                if typ == "datetime" and not re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", v):
                    err(f"{where}: bad datetime")
        pk = res["schema"].get("primaryKey")
        if isinstance(pk, list):
            keys = [tuple(r[k] for k in pk) for r in recs]
            if len(keys) != len(set(keys)):
                err(f"{res['path']}: duplicate primary key")
    ids = {name: {r["id"] for r in recs} for name, recs in data.items() if name != "translations"}
    for res in dp["resources"]:
        for fk in res["schema"].get("foreignKeys", []):
            target = fk["reference"]["resource"]
            for r in data[res["name"]]:
                v = r[fk["fields"]]
                if v and v not in ids.get(target, set()):
                    err(f"{res['path']}: {fk['fields']}={v} does not resolve to {target}")
    S_, T = data["service"], data["translations"]
    sids = ids["service"]
    for r in data["attribute"]:
        if r["link_entity"] != "service" or r["link_id"] not in sids:
            err(f"attribute {r['id']}: link does not resolve to a service")
    for r in data["organization"]:
        if r["parent_organization_id"] and r["parent_organization_id"] not in ids["organization"]:
            err("organization parent does not resolve")

    # translations: every translatable text has French; rows point at real records
    fields_of = {res["name"]: [f["name"] for f in res["schema"]["fields"]] for res in dp["resources"]}
    tr = {(t["entity"], t["id"], t["field"], t["language"]) for t in T}
    for t in T:
        if t["entity"] not in ids or t["id"] not in ids[t["entity"]] or t["field"] not in fields_of[t["entity"]]:
            err(f"translation {t['entity']}/{t['id']}/{t['field']} does not resolve")
        if not BCP47_RE.match(t["language"]):
            err(f"translation language {t['language']!r} is not a simple BCP 47 tag")
    for entity, flds in TRANSLATABLE.items():
        for r in data[entity]:
            for fld in flds:
                if r.get(fld) and (entity, r["id"], fld, "fr") not in tr:
                    err(f"missing French translation for {entity}.{fld} of {r['id']}")
    other = {(t["id"]) for t in T if t["entity"] == "service" and t["language"] not in ("fr",)}
    other_ok = {sid for sid in other if all(any(t["id"] == sid and t["field"] == f and t["language"] not in ("fr",)
                                                for t in T) for f in ("name", "description"))}

    # counts and content rules
    n_orgs, n_services, n_locs = len(data["organization"]), len(S_), len(data["location"])
    status = {}
    for r in S_:
        status[r["status"]] = status.get(r["status"], 0) + 1
    terms = {r["id"]: r for r in data["taxonomy_term"]}
    oe = load_oe_terms(taxonomy_csv)
    top_categories = [t["name"] for t in oe if not t["parent_id"]]
    per_service = {}
    for a in data["attribute"]:
        per_service.setdefault(a["link_id"], []).append(a["taxonomy_term_id"])

    def top_name(tid):
        while terms[tid]["parent_id"]:
            tid = terms[tid]["parent_id"]
        return terms[tid]["name"]
    per_top, subterms = {}, {}
    for tids in per_service.values():
        for top in {top_name(t) for t in tids}:
            per_top[top] = per_top.get(top, 0) + 1
        for t in tids:
            subterms.setdefault(top_name(t), set()).add(t)
    sal_count = {}
    for r in data["service_at_location"]:
        sal_count[r["service_id"]] = sal_count.get(r["service_id"], 0) + 1
    sched = data["schedule"]
    sched_services = {r["service_id"] for r in sched}
    bydays = {}
    for r in sched:
        bydays.setdefault((r["service_id"], r["service_at_location_id"], r["byday"]), []).append(r)

    def expect(cond, msg):
        if not cond:
            err(msg)
    expect(n_services >= MIN_SERVICES, f"only {n_services} services")
    expect(n_orgs >= MIN_ORGS, f"only {n_orgs} organizations")
    expect(95 <= n_locs <= 125, f"{n_locs} locations (expected about 110)")
    expect(status.get("inactive") == N_INACTIVE and status.get("defunct") == N_DEFUNCT,
           f"status counts {status}")
    expect(len(data["taxonomy"]) == 1 and data["taxonomy"][0]["name"] == "Open Eligibility"
           and data["taxonomy"][0]["version"] == "2.0", "taxonomy row")
    expect(len(terms) == 290 and {r["code"] for r in terms.values()} == {t["taxonomy_id"] for t in oe},
           "taxonomy terms do not match the 290 Open Eligibility codes")
    for r in terms.values():
        expect(r["id"] == uid("taxonomy_term", "open-eligibility", r["code"]), f"term id of {r['code']}")
    for top in top_categories:
        expect(per_top.get(top, 0) >= MIN_PER_TOP_CATEGORY, f"category {top}: {per_top.get(top, 0)} services")
        expect(len(subterms.get(top, ())) >= 4, f"category {top}: few distinct terms")
    for sid in sids:
        expect(1 <= len(per_service.get(sid, [])) <= 3, f"service {sid}: {len(per_service.get(sid, []))} terms")
        expect(sal_count.get(sid, 0) >= 1, f"service {sid} has no location")
    expect(sum(1 for c in sal_count.values() if c >= 2) >= 15, "too few services at several locations")
    expect(max(sal_count.values()) <= 3, "a service is offered at more than 3 locations")
    orgs_multi = {}
    for r in S_:
        orgs_multi[r["organization_id"]] = orgs_multi.get(r["organization_id"], 0) + 1
    expect(sum(1 for c in orgs_multi.values() if c >= 3) >= 5, "too few organizations with several services")
    for r in data["phone"]:
        expect(PHONE_RE.match(r["number"]) is not None, f"phone {r['number']} is not a fictional 555-01xx number")
        expect(r["type"] in ("voice", "text", "fax", "cell", "video", "pager", "textphone"), f"phone type {r['type']}")
    ptypes = {r["type"] for r in data["phone"]}
    expect({"voice", "text", "fax"} <= ptypes, f"phone types {ptypes}")
    expect(any(r["extension"] for r in data["phone"]), "no phone extensions")
    for r in sched:
        expect(r["freq"] == "WEEKLY", "schedule freq")
        expect(all(d in DAY_CODES for d in r["byday"].split(",")), f"byday {r['byday']}")
        expect(bool(r["description"]), "schedule without description")
    expect(any(r["byday"] == DAYS_ALL and r["opens_at"] == r["closes_at"] == "00:00" for r in sched),
           "no 24/7 schedule")
    expect(any(r["closes_at"] < r["opens_at"] and r["closes_at"] != "00:00" for r in sched), "no overnight schedule")
    expect(any(len(v) >= 2 for v in bydays.values()), "no day with two ranges")
    expect(any(r["byday"] == "SA,SU" for r in sched), "no weekend-only schedule")
    expect(any(r["opens_at"] >= "17:00" and r["closes_at"] > r["opens_at"] for r in sched), "no evening schedule")
    expect(len(sids - sched_services) >= 3, "fewer than 3 services without a schedule")
    expect(any(r["service_at_location_id"] for r in sched), "no location-specific hours")
    for r in data["location"]:
        if r["latitude"]:
            expect(45.25 <= float(r["latitude"]) <= 45.65 and -76.0 <= float(r["longitude"]) <= -75.3,
                   f"location {r['id']} outside the demo region")
        if r["location_type"] == "virtual":
            expect(not r["latitude"], "virtual location with coordinates")
    expect(sum(1 for r in data["location"] if r["location_type"] == "virtual") >= 2, "virtual locations")
    for r in data["address"]:
        expect(r["country"] == "CA" and r["state_province"] in ("ON", "QC"), "address province/country")
        expect(re.match(r"^[A-Z]\d[A-Z] \d[A-Z]\d$", r["postal_code"]) is not None, f"postal code {r['postal_code']}")
    for r in S_:
        expect(r["url"].startswith("https://") and ".example.org/" in r["url"], f"service url {r['url']}")
        for fld in ("description", "eligibility_description", "fees_description", "application_process"):
            expect(bool(r[fld]), f"service {r['name']} lacks {fld}")
    for r in data["cost_option"]:
        expect(r["currency"] == "CAD", "currency")
    codes = {r["code"] for r in data["language"]}
    expect(len(codes) >= 15, f"only {len(codes)} languages")
    expect(len(data["accessibility"]) >= 40, "few accessibility rows")
    expect(any("aînés" in r["name"] for r in S_), "no accented English service name")
    expect(len(other_ok) >= 18, f"only {len(other_ok)} services translated into other languages")

    if errors:
        for e in errors[:60]:
            print("ERROR:", e)
        print(f"{len(errors)} error(s)")
        return 1
    print(f"OK: {n_orgs} organizations, {n_services} services, {n_locs} locations, "
          f"{len(T)} translations, status {status}")
    for top in top_categories:
        print(f"  {top:10s} {per_top.get(top, 0):3d} services, {len(subterms.get(top, ())):2d} distinct terms")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="validate the CSVs instead of writing them")
    ap.add_argument("--out", default=OUT_DIR, help="output directory (default: pwa_app/demo_data)")
    ap.add_argument("--taxonomy-csv", help="the Open Eligibility taxonomy.csv (default: data/taxonomy/open-eligibility/"
                                           "taxonomy.csv in the repository, else in ../shared/data beside it)")
    args = ap.parse_args()
    if args.check:
        sys.exit(check(args.out, args.taxonomy_csv))
    generate(args.out, args.taxonomy_csv)


if __name__ == "__main__":
    main()
