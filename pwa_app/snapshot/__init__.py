"""Compact, versioned snapshots of the directory for phones to keep offline. No request in sight.

A phone gets one small record per listed service in its interface language, holding exactly what
the list and service pages show (text already in the reader's language, phone numbers already in
E.164, costs and language names already formatted), plus its raw schedules: the phone works out
"open now" itself with the JavaScript twin of hours.py.

`refresh` reads the tables in a few bulk queries (never one per service) and stores each record
in a language-neutral form: base-language texts with every translation the data has, language
codes, cost amounts. Its hash decides the version: a record whose neutral form changed gets a new
version (one that left the directory is kept with `present` False). `render` turns a neutral
record into a reader's language when a snapshot or the changes are asked for, so adding interface
languages costs nothing at import time. A phone holding version N asks for the changes since N and
receives only the records with a newer version, and the ids of those it must delete.
A large directory is split into regions (the cities of its locations, or its service areas);
a phone keeps the regions its owner chose.
"""
from __future__ import annotations

import gc
import hashlib
import json
import re
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass

from babel import Locale
from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from pwa_app.present import taxonomy_names
from pwa_app.present.categories import LISTED_STATUSES, load_tree
from pwa_app.present.localize import language_name, sorted_names
from pwa_app.db.models import (
    Accessibility,
    Address,
    Attribute,
    CostOption,
    DirectoryInfo,
    Language,
    Location,
    OfflineRecord,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
    Translation,
)
from pwa_app.core.phones import can_text, dial, to_e164
from pwa_app.present.presenters import SERVICE_TEXT_FIELDS, address_lines, cost_line, is_free
from pwa_app.core.security import safe_url
from pwa_app.core.slugs import slugify

FORMAT = 3  # of what phones receive (3: terms and ids packed too; 2: services packed by column; 1: records)
RECORD_FORMAT = 2  # of the neutral records stored in OfflineRecord.body (1 held one record per language)
META_KEY = "meta"
ALL = "all"  # the region that is the whole directory
# Service text fields the pages show (alternate_name only feeds search), with their short keys.
TEXT_KEYS = {
    "alternate_name": "an", "description": "de", "alert": "al", "eligibility_description": "el",
    "application_process": "ap", "fees_description": "fe", "interpretation_services": "is",
}
# Every text the server picks (wait_time too): phones are not shown them all, but "fb" counts their fallbacks.
NEUTRAL_TEXT_KEYS = {field: TEXT_KEYS.get(field, field) for field in SERVICE_TEXT_FIELDS}
UNSHOWN_TEXT_KEYS = tuple(key for key in NEUTRAL_TEXT_KEYS.values() if key not in TEXT_KEYS.values())
SCHEDULE_FIELDS = ("opens_at", "closes_at", "valid_from", "valid_to", "dtstart", "until", "freq", "byday",
                   "bymonthday", "interval", "description")  # description: text-only hours ("By appointment")
TRANSLATED = ("service", "organization", "phone", "location", "accessibility")


@dataclass(frozen=True)
class Settings:
    languages: tuple[str, ...]
    timezone: str
    country_code: str = "1"
    base_language: str = "en"
    region_max: int = 3000  # a directory with more listed services than this is offered in regions

    @classmethod
    def from_app(cls, app, session: Session) -> Settings:
        cfg = app.config
        base = session.scalar(select(DirectoryInfo.value).where(DirectoryInfo.key == "base_language"))
        return cls(tuple(cfg["LANGUAGES"]), cfg["REGION_TIMEZONE"], cfg["PHONE_COUNTRY_CODE"], base or "en",
                   int(cfg.get("OFFLINE_REGION_MAX_SERVICES", 3000)))


def _compact(d: dict) -> dict:
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def _plain(v):
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


@contextmanager
def _without_cycle_collector():
    """Build many small dicts and lists without the cyclic collector rescanning them again and again.

    They hold no reference cycles, so reference counting frees them all the same; at 60,000
    services the collector's passes otherwise cost a fifth of the time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _primary(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


# --- The neutral form: what refresh stores and hashes -------------------------------------------

class _Texts:
    """Every translation of the records a refresh reads, fetched in one query.

    A neutral text is None, the base-language string, or [base or None, {language: text}].
    Translations in the base language are left out: TextPicker never uses them.
    """

    def __init__(self, session: Session, base: str, entities: tuple[str, ...] = TRANSLATED):
        self.by_record: dict[tuple[str, str], dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
        base_primary = _primary(base)
        rows = session.execute(select(Translation.entity, Translation.id, Translation.field, Translation.language,
                                      Translation.value).where(Translation.entity.in_(entities)))
        for entity, record_id, field, language, value in rows:
            if _primary(language) != base_primary:
                self.by_record[(entity, record_id)][field][language] = value

    def get(self, entity: str, record_id: str, field: str, base: str | None):
        found = self.by_record.get((entity, record_id))
        translations = found.get(field) if found else None
        if translations:
            return [base or None, dict(sorted(translations.items()))]
        return base or None


def _group(rows, key: int) -> dict[str, list]:
    """Rows by one of their columns, each group in the order the database returned it."""
    out: dict[str, list] = defaultdict(list)
    for row in rows:
        if row[key] is not None:
            out[row[key]].append(row)
    return out


def _schedule(values) -> dict:
    """A schedule's SCHEDULE_FIELDS values as the phone's hours.js reads them."""
    out = {f: _plain(v) for f, v in zip(SCHEDULE_FIELDS, values, strict=True) if v is not None and v != ""}
    if "opens_at" in out or "closes_at" in out:
        out.pop("description", None)  # only text-only hours are shown (hours.descriptions)
    return out


def neutral_records(session: Session, settings: Settings) -> dict[str, dict]:
    """Return id -> neutral record for every listed service, from a few bulk queries.

    Relationships the ORM loads without an order are read in the database's natural order, as
    selectinload returns them, so each list keeps the order the server's pages show.
    """
    base = settings.base_language
    texts = _Texts(session, base)
    services = session.execute(select(
        Service.id, Service.organization_id, Service.name, Service.status, Service.url, Service.email,
        Service.assured_date, Service.minimum_age, Service.maximum_age,
        *(getattr(Service, f) for f in SERVICE_TEXT_FIELDS),
    ).where(Service.status.in_(LISTED_STATUSES)).order_by(Service.id)).all()
    organizations = dict(session.execute(select(Organization.id, Organization.name)).all())

    phones = session.execute(select(Phone.id, Phone.service_id, Phone.service_at_location_id, Phone.location_id,
                                    Phone.number, Phone.extension, Phone.type, Phone.description)).all()
    phone_records = {}
    for p in phones:
        d = dial(p.number, p.extension, settings.country_code)
        phone_records[p.id] = _compact({"d": d.display, "e": d.e164, "x": d.extension, "t": p.type,
                                        "c": texts.get("phone", p.id, "description", p.description),
                                        "m": 1 if can_text(p.type, d) else None})
    service_phones = {sid: sorted(rows, key=lambda p: p.id) for sid, rows in _group(phones, 1).items()}
    sal_phones, location_phones = _group(phones, 2), _group(phones, 3)

    schedules = [(row[0], row[1], _schedule(row[2:])) for row in session.execute(
        select(Schedule.service_id, Schedule.service_at_location_id, *(getattr(Schedule, f) for f in SCHEDULE_FIELDS)))]
    service_schedules = _group((s for s in schedules if not s[1]), 0)
    sal_schedules = _group(schedules, 1)

    addresses = defaultdict(list)
    for a in session.execute(select(Address.location_id, Address.address_type, Address.address_1, Address.address_2,
                                    Address.city, Address.state_province, Address.postal_code)):
        addresses[a.location_id].append(a)
    accessibility = _group(session.execute(select(Accessibility.location_id, Accessibility.id,
                                                  Accessibility.description)), 0)
    locations = {}
    for loc in session.execute(select(Location.id, Location.name, Location.transportation, Location.latitude,
                                      Location.longitude)):
        first = sorted(addresses.get(loc.id, ()), key=lambda a: a.address_type or "")[:1]  # as Location.addresses
        locations[loc.id] = {
            "n": texts.get("location", loc.id, "name", loc.name),
            "a": address_lines(first[0]) if first else [],
            "g": [loc.latitude, loc.longitude] if loc.latitude is not None and loc.longitude is not None else None,
            "r": texts.get("location", loc.id, "transportation", loc.transportation),
            "c": [t for t in (texts.get("accessibility", a.id, "description", a.description)
                              for a in accessibility.get(loc.id, ())) if t is not None],
            "p": [phone_records[p.id] for p in location_phones.get(loc.id, ()) if not p.service_id],
        }
    sals = _group(session.execute(select(ServiceAtLocation.service_id, ServiceAtLocation.id,
                                         ServiceAtLocation.location_id)), 0)
    languages = _group(session.execute(select(Language.service_id, Language.code, Language.name)), 0)
    costs = {sid: sorted(rows, key=lambda c: c.id) for sid, rows in _group(session.execute(select(
        CostOption.service_id, CostOption.id, CostOption.option, CostOption.amount, CostOption.currency,
        CostOption.amount_description)), 0).items()}
    slugs = dict(session.execute(select(TaxonomyTerm.id, TaxonomyTerm.slug)).all())
    terms = _group(session.execute(select(Attribute.link_id, Attribute.taxonomy_term_id)
                                   .where(Attribute.link_entity == "service")), 0)

    out: dict[str, dict] = {}
    for s in services:
        sid = s.id
        own_sals = sals.get(sid, ())
        own_schedules = service_schedules.get(sid) or next(
            (sal_schedules[sal.id] for sal in own_sals if sal.id in sal_schedules), [])  # as Presenter.service
        phones_here = [phone_records[p.id] for p in service_phones.get(sid, ())]
        places = []
        for sal in own_sals:
            if sal.location_id in locations:
                phones_here += [phone_records[p.id] for p in sal_phones.get(sal.id, ()) if p.service_id != sid]
                hours_here = [sc[2] for sc in sal_schedules.get(sal.id, ())]
                places.append(_compact({**locations[sal.location_id], "h": hours_here}))
        own_costs = costs.get(sid, ())
        ages = [_plain(s.minimum_age), _plain(s.maximum_age)]
        out[sid] = _compact({
            "_": RECORD_FORMAT, "b": base,
            "n": texts.get("service", sid, "name", s.name),
            "o": texts.get("organization", s.organization_id, "name", organizations[s.organization_id])
            if s.organization_id in organizations else None,
            "s": None if s.status == "active" else s.status,
            "t": _compact({key: texts.get("service", sid, field, getattr(s, field))
                           for field, key in NEUTRAL_TEXT_KEYS.items()}),
            "p": phones_here,
            "l": places,
            "h": [sc[2] for sc in own_schedules],
            "g": [[lang.code, lang.name] for lang in languages.get(sid, ())],
            "f": 1 if own_costs and is_free(own_costs) else None,
            "k": [[c.option, c.amount, c.currency, c.amount_description] for c in own_costs if (c.amount or 0) > 0],
            "w": safe_url(s.url), "e": s.email if s.email and "@" in s.email else None,
            "d": s.assured_date.isoformat() if s.assured_date else None,
            "a": ages if ages != [None, None] else None,
            "c": [slugs[t.taxonomy_term_id] for t in terms.get(sid, ()) if slugs.get(t.taxonomy_term_id)],
        })
    return out


def meta_records(session: Session, settings: Settings) -> dict[str, dict]:
    """language -> the categories that hold listed services (names in that language) and facts about the directory.

    One small record, so it is kept per language as phones receive it.
    """
    tree = load_tree(session)
    kept = [t for t in tree.terms.values() if tree.services_under(t.id)]
    texts = _Texts(session, settings.base_language, ("taxonomy_term",))
    names = {t.id: texts.get("taxonomy_term", t.id, "name", t.name) for t in kept}
    info = {r.key: r.value for r in session.scalars(select(DirectoryInfo))}
    info = _compact({"title": info.get("title"), "demo": bool(info.get("demo")), "timezone": settings.timezone})
    out = {}
    open_eligibility = {t.id for t in kept if taxonomy_names.is_open_eligibility(t.code, t.name)}
    for lang in settings.languages:
        reader = _reader(lang, settings.base_language)
        # Named as directory.term_names names them: our Open Eligibility translations first, then the data's.
        name = lambda t: (t.id in open_eligibility and taxonomy_names.name(t.code, lang)) or reader.text(names[t.id])  # noqa: E731, B023 - used in this iteration only
        # Sorted by name, as the server lists sub-categories; the top level sorts again by code (only it has "k").
        out[lang] = {"terms": [_compact({"s": t.slug, "n": name(t),
                                         "p": tree.terms[t.parent_id].slug if t.parent_id in tree.terms else None,
                                         "k": None if t.parent_id in tree.terms else t.code})
                               for t in sorted(kept, key=lambda t: (t.name, t.id))], "info": info}
    return out


# --- From the neutral form to a reader's language -------------------------------------------------

class _Reader:
    """Renders neutral records for one interface language, remembering what Babel formatted."""

    def __init__(self, lang: str, base: str):
        self.lang = lang.replace("_", "-")
        self.primary = _primary(lang)
        self.base = base
        self.same = self.lang == base or self.primary == _primary(base)  # as TextPicker.pick
        self.code = lang
        self._locale: Locale | None = None
        self._languages: dict[tuple, object] = {}
        self._costs: dict[tuple, str] = {}

    def text(self, value, fallbacks: set[str] | None = None):
        """A record text: the plain string, or [text, language] where it is not in the reader's language.

        Where it falls back, the fallback's language is added to `fallbacks`. Runs of spaces are sent
        as one: pages show them so (HTML collapses them), and San Mateo's texts hold hundreds.
        """
        picked = self._pick(value, fallbacks)
        if isinstance(picked, list):
            return [_squeeze(picked[0]), picked[1]]
        return _squeeze(picked) if picked else picked

    def _pick(self, value, fallbacks: set[str] | None):
        if value is None:
            return None
        if isinstance(value, str):
            base = value
        else:
            base, translations = value
            if not self.same:
                if self.lang in translations:
                    return translations[self.lang] or None
                for code, text in translations.items():
                    if _primary(code) == self.primary:
                        return text or None
        if not base:
            return None
        if self.same:
            return base
        if fallbacks is not None:
            fallbacks.add(self.base)
        return [base, self.base]

    @property
    def locale(self) -> Locale:
        """Babel's data for the language, loaded on first use (a refresh renders only category names)."""
        if self._locale is None:
            self._locale = Locale.parse(self.code)
        return self._locale

    def language(self, code: str | None, name: str | None):
        """The LocalText language_name gives, as the pages name the language."""
        key = (code, name)
        if key not in self._languages:
            self._languages[key] = language_name(self.locale, code, name, self.base)
        return self._languages[key]

    def cost(self, option, amount, currency, description) -> str:
        key = (option, amount, currency, description)
        if key not in self._costs:
            self._costs[key] = cost_line(self.locale, option, amount, currency, description)
        return self._costs[key]

    def phone(self, p: dict) -> dict:
        return _compact({k: self.text(v) if k == "c" else v for k, v in p.items()})

    def service(self, r: dict) -> dict:
        text, fallbacks = self.text, set()
        name, organization = text(r.get("n"), fallbacks), text(r.get("o"), fallbacks)
        t = r.get("t", {})
        shown = _compact({key: text(t.get(key), fallbacks) for key in TEXT_KEYS.values()})
        for key in UNSHOWN_TEXT_KEYS:  # counted all the same, as in ServiceView.fallback_langs
            text(t.get(key), fallbacks)
        return _compact({
            "n": name, "o": organization, "s": r.get("s"), "t": shown, "fb": sorted(fallbacks),
            "p": [self.phone(p) for p in r.get("p", ())],
            "l": [_compact({"n": text(loc.get("n")), "a": loc.get("a"), "g": _rounded(loc.get("g")), "r": text(loc.get("r")),
                            "c": [a for a in map(text, loc.get("c", ())) if a is not None],
                            "p": [self.phone(p) for p in loc.get("p", ())], "h": loc.get("h")})
                  for loc in r.get("l", ())],
            "h": r.get("h"),
            # Named as Presenter.languages names them: text, or [text, language] where it is not the reader's.
            "g": [[t.value, t.lang] if t.fallback else t.value
                  for t in sorted_names(self.language(code, label) for code, label in r.get("g", ()))],
            "f": r.get("f"), "k": [self.cost(*c) for c in r.get("k", ())],
            "w": r.get("w"), "e": r.get("e"), "d": r.get("d"), "a": r.get("a"), "c": r.get("c"),
        })


HORIZONTAL_SPACE = re.compile(r"[^\S\n]{2,}")


def _squeeze(text: str) -> str:
    """Runs of spaces and tabs as one space (line breaks stay: they separate paragraphs)."""
    return HORIZONTAL_SPACE.sub(" ", text)


def _rounded(point):
    """Coordinates to 5 decimals (about a metre), as the pages' geo: links give them: more digits only cost bytes."""
    return [round(point[0], 5), round(point[1], 5)] if point else point


_READERS: dict[tuple[str, str], _Reader] = {}


def _reader(lang: str, base: str) -> _Reader:
    if (lang, base) not in _READERS:
        _READERS[(lang, base)] = _Reader(lang, base)
    return _READERS[(lang, base)]


def render(record: dict, lang: str) -> dict:
    """A neutral service record as phones reading `lang` receive it."""
    return _reader(lang, record.get("b", "en")).service(record)


# --- Versions ------------------------------------------------------------------------------------

def service_regions(session: Session) -> dict[str, dict[str, str]]:
    """Return service id -> {region id: name}: the cities of its locations, else its service areas."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    rows = session.execute(
        select(ServiceAtLocation.service_id, Address.city)
        .join(Address, Address.location_id == ServiceAtLocation.location_id)
    )
    for service_id, city in rows:
        if city and city.strip():
            out[service_id].setdefault(slugify(city), city.strip())
    for service_id, name in session.execute(select(ServiceArea.service_id, ServiceArea.name)):
        if name and name.strip() and service_id not in out:
            out[service_id][slugify(name)] = name.strip()
    return out


def _serialise(value) -> tuple[str, str]:
    """The stored JSON and its hash (keys sorted, so equal records hash alike)."""
    body = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return body, hashlib.sha256(body.encode()).hexdigest()


def refresh(session: Session, settings: Settings) -> int:
    """Store every record as it is now and bump the version of those that changed; return the version.

    Runs inside the caller's transaction (after an import, in the importer's), so versions never
    describe data that was rolled back. Writes in bulk: a first build stores every record.
    """
    session.flush()  # the caller's pending changes are what the records must describe
    table = OfflineRecord.__table__
    rows = {r.key: r for r in session.execute(
        select(table.c.key, table.c.content_hash, table.c.present, table.c.regions))}
    current = session.scalar(select(func.max(table.c.version))) or 0
    new = current + 1
    regions = service_regions(session)
    added, edited, updated = [], [], []
    with _without_cycle_collector():
        bodies = {f"service:{sid}": (record, " ".join(sorted(regions.get(sid, {}))))
                  for sid, record in neutral_records(session, settings).items()}
        bodies[META_KEY] = (meta_records(session, settings), "")
        for key, (record, region_ids) in bodies.items():
            body, digest = _serialise(record)
            row = rows.pop(key, None)
            values = {"key": key, "content_hash": digest, "version": new, "present": True, "regions": region_ids,
                      "body": body}
            if row is None:
                added.append(values)
            elif row.present and row.regions == region_ids and key != META_KEY:
                if row.content_hash != digest:
                    edited.append(values)
            elif row.content_hash != digest or not row.present or row.regions != region_ids:
                updated.append(values)
    # Gone, or no longer listed: a tombstone tells phones to delete it.
    gone = [{"key": key, "version": new, "present": False, "body": "{}"} for key, row in rows.items() if row.present]
    if added:
        session.execute(insert(table), added)
    columns = ("content_hash", "version", "present", "regions", "body")
    # An edited record keeps the body it replaces (SET reads the row as it was): see `changes`.
    _update_by_key(session, edited, columns, {"previous_version": table.c.version, "previous_body": table.c.body})
    _update_by_key(session, updated, columns, {"previous_version": None, "previous_body": None})
    _update_by_key(session, gone, ("version", "present", "body"), {"previous_version": None, "previous_body": None})
    for obj in [o for o in session.identity_map.values() if isinstance(o, OfflineRecord)]:
        session.expire(obj)  # written above, behind the ORM's back
    return new if added or edited or updated or gone else current


def _update_by_key(session: Session, rows: list[dict], columns: tuple[str, ...], also: dict | None = None) -> None:
    """One executemany for many records: an UPDATE per record would cost a round trip each."""
    if rows:
        table = OfflineRecord.__table__
        session.execute(update(table).where(table.c.key == bindparam("_key"))
                        .values({**(also or {}), **{c: bindparam(f"_{c}") for c in columns}}),
                        [{"_key": r["key"], **{f"_{c}": r[c] for c in columns}} for r in rows])


def ensure_ready(session: Session, settings: Settings) -> None:
    """Build the records on first use, when a language was added to the configuration, or from an older format."""
    meta = session.scalar(select(OfflineRecord.body).where(OfflineRecord.key == META_KEY))
    stale = meta is None or set(json.loads(meta)) != set(settings.languages)
    if not stale:
        sample = session.scalar(select(OfflineRecord.body).where(
            OfflineRecord.present.is_(True), OfflineRecord.key != META_KEY).order_by(OfflineRecord.key).limit(1))
        stale = sample is not None and json.loads(sample).get("_") != RECORD_FORMAT
    if stale:
        refresh(session, settings)
        session.commit()


def current_version(session: Session) -> int:
    return session.scalar(select(func.max(OfflineRecord.version))) or 0


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    services: int


def regions(session: Session, settings: Settings) -> list[Region]:
    """The regions a phone can keep: the whole directory, and its cities when it is large."""
    rows = session.execute(select(OfflineRecord.regions).where(
        OfflineRecord.present.is_(True), OfflineRecord.key != META_KEY)).scalars().all()
    out = [Region(ALL, "", len(rows))]
    if len(rows) <= settings.region_max:
        return out
    names = {rid: name for names in service_regions(session).values() for rid, name in names.items()}
    everywhere = sum(1 for r in rows if not r)
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        for rid in r.split():
            counts[rid] += 1
    return out + [Region(rid, names.get(rid, rid), n + everywhere)
                  for rid, n in sorted(counts.items(), key=lambda x: names.get(x[0], x[0]))]


def _in_regions(row_regions: str, wanted: tuple[str, ...]) -> bool:
    return ALL in wanted or not row_regions or bool(set(row_regions.split()) & set(wanted))


STATE_HEX = 32  # 128 bits catch a copy gone astray as surely as 256, and every sync is 16 bytes lighter


def state_checksum(pairs) -> str:
    """SHA-256 of the sorted "id:version" lines of the records a phone should hold, cut to STATE_HEX: cheap to recompute there."""
    return hashlib.sha256("\n".join(f"{i}:{v}" for i, v in sorted(pairs)).encode()).hexdigest()[:STATE_HEX]


def _entries(session: Session, wanted: tuple[str, ...], lang: str, since: int | None):
    """The meta record, the services and the ids to delete; since a version, also the patches (see `changes`)."""
    table = OfflineRecord.__table__
    query = select(table.c.key, table.c.version, table.c.present, table.c.regions, table.c.body,
                   table.c.previous_version, table.c.previous_body)
    if since is not None:
        query = query.where(table.c.version > since)
    meta, services, deleted, patches = None, [], [], []
    with _without_cycle_collector():
        for key, version, present, row_regions, body, previous_version, previous in session.execute(
                query.order_by(table.c.key)):
            if key == META_KEY:
                meta = json.loads(body).get(lang)
            elif present and _in_regions(row_regions, wanted):
                record = {"i": key.split(":", 1)[1], "v": version, **render(json.loads(body), lang)}
                patch = None
                if since is not None and previous and previous_version is not None and previous_version <= since:
                    held = {"i": record["i"], "v": previous_version, **render(json.loads(previous), lang)}
                    patch = make_patch(held, record)
                if patch is not None:
                    patches.append(patch)
                else:
                    services.append(record)
            elif since is not None:
                deleted.append(key.split(":", 1)[1])
    return meta, services, deleted, patches


# --- Patches: what changed in a record the phone holds at the version before ----------------------

def _shown(record: dict) -> dict:
    """A record as the phone keeps it (what unpacking the packed form gives: faxes left out, and so on)."""
    return unpack_services(pack_services([record]))[0]


def _flat(record: dict) -> dict:
    return {**{k: v for k, v in record.items() if k != "t"}, **{f"t.{k}": v for k, v in record.get("t", {}).items()}}


def make_patch(held: dict, record: dict) -> dict | None:
    """{"i", "v", "set": {field: value}, "unset": [fields]} turning `held` into `record` (texts as "t.<key>"),
    or None where sending the record whole is as small."""
    old, new = _flat(_shown(held)), _flat(_shown(record))
    changed = {k: v for k, v in new.items() if k not in ("i", "v") and old.get(k) != v}
    patch = _compact({"i": record["i"], "v": record["v"], "set": changed, "unset": sorted(set(old) - set(new))})
    whole = json.dumps(new, ensure_ascii=False, separators=(",", ":"))
    return patch if len(json.dumps(patch, ensure_ascii=False, separators=(",", ":"))) < len(whole) else None


def apply_patch(held: dict, patch: dict) -> dict:
    """What sync.js does with a patch: the record as the phone keeps it after the change."""
    flat = {k: v for k, v in _flat(held).items() if k not in patch.get("unset", ())}
    flat.update(patch.get("set", {}), i=patch["i"], v=patch["v"])
    texts = {k[2:]: v for k, v in flat.items() if k.startswith("t.")}
    out = {k: v for k, v in flat.items() if not k.startswith("t.")}
    return {**out, "t": texts} if texts else out


def _state(session: Session, wanted: tuple[str, ...]) -> str:
    rows = session.execute(select(OfflineRecord.key, OfflineRecord.version, OfflineRecord.regions).where(
        OfflineRecord.present.is_(True), OfflineRecord.key != META_KEY))
    return state_checksum((key.split(":", 1)[1], v) for key, v, r in rows if _in_regions(r, wanted))


def snapshot(session: Session, lang: str, wanted: tuple[str, ...]) -> dict:
    """Everything a phone needs for `lang` and the regions `wanted`, at the current version."""
    meta, services, _, _ = _entries(session, wanted, lang, None)
    return {"format": FORMAT, "lang": lang, "regions": list(wanted), "version": current_version(session),
            "state": _state(session, wanted), **(meta or {"terms": [], "info": {}}), "services": services}


def changes(session: Session, lang: str, wanted: tuple[str, ...], since: int) -> dict:
    """What changed since version `since`: new or changed records, and the ids to delete.

    A record edited once since then (listed in the same regions) goes as a patch of the fields that
    changed, where that is smaller: the phone holds the version before.

    `reset` asks the phone to take a whole snapshot instead: its version is from another history
    (the database was restored), or the changes would outweigh a snapshot.
    """
    version = current_version(session)
    # The phone knows the language, regions and version it asked about (they are in the URL): only
    # what it does not know is sent, since a small feed is mostly this head.
    head = {"format": FORMAT, "version": version}
    if since > version:
        return {**head, "reset": True}
    meta, services, deleted, patches = _entries(session, wanted, lang, since)
    total = session.scalar(select(func.count()).select_from(OfflineRecord).where(OfflineRecord.present.is_(True)))
    if len(services) + len(patches) > max(50, total // 2):
        return {**head, "reset": True}
    return _compact({**head, "state": _state(session, wanted), **(meta or {}), "services": services,
                     "patches": patches, "deleted": deleted})


def encode(document: dict) -> bytes:
    """Serialise compactly (UTF-8, no spaces, services packed by column): on a prepaid plan every byte counts."""
    if isinstance(document.get("services"), list) and len(document["services"]) >= PACK_MIN:
        document = {**document, "services": pack_services(document["services"], document.get("terms"))}
    if isinstance(document.get("terms"), list):
        document = {**document, "terms": pack_terms(document["terms"])}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


# --- The packed form phones download (sync.js unpacks it into the records above) ----------------
#
# Columns compress better than records (each holds alike values: ids, names, descriptions...), and
# what a phone can work out is left out: an E.164 number its displayed form gives, "voice", whether
# a mobile can take texts, a location named as its service or organization. Faxes, and the type and
# description of a location's phones, are left out as well: no page shows them.
# Measured on San Mateo County (bench/offline.py): 293 brotli bytes per service as records, 248 packed.

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
PHONE_TEXT = re.compile(r"^[0-9 +().\-/]*$")  # displays whose digits and trimming read alike in JavaScript
SMS_TYPES = ("text", "cell", "mobile", "sms")  # phones.SMS_TYPES, as sync.js derives "m"
# Schedules are rows of values in this order (the packed form names it, so phones read any later field).
HOURS_ORDER = ("opens_at", "closes_at", "byday", "freq", "valid_from", "valid_to", "dtstart", "until", "bymonthday",
               "interval", *(f for f in SCHEDULE_FIELDS if f not in ("opens_at", "closes_at", "byday", "freq",
                                                                    "valid_from", "valid_to", "dtstart", "until",
                                                                    "bymonthday", "interval")))
SAME_AS_NAME, SAME_AS_ORGANIZATION = 1, 2
# A column of plain strings goes as one string, its values separated by DEL (null as ""): JSON leaves
# DEL as it is, a byte, and texts never hold it (a column where one does stays a list). Measured on
# San Mateo: 0.6 brotli bytes per service less than quotes and commas.
SEPARATOR = "\x7f"
TABULATED = ("g", "l.c")  # columns of lists sent as indexes into a table of their items
PACK_MIN = 4  # fewer records (a small changes feed) go as they are: the columns' header would cost more than it saves


def _country_code(phones: list[dict]) -> str:
    """The calling code most numbers were completed with (checked per number when packing)."""
    votes: dict[str, int] = defaultdict(int)
    for p in phones:
        e, d = p.get("e"), p.get("d", "")
        digits = re.sub(r"[^0-9]", "", d).lstrip("0")
        if e and e.startswith("+") and not d.strip().startswith("+") and digits and e.endswith(digits[-7:]):
            votes[e[1:len(e) - len(digits)] or "1"] += 1
    return max(votes, key=votes.get) if votes else "1"


def _pack_phone(p: dict, country_code: str, at_location: bool):
    d, e = p.get("d", ""), p.get("e")
    # sync.js repeats phones.to_e164 with ASCII digits: only displays of ASCII digits are left to it.
    guess = to_e164(d, country_code) if PHONE_TEXT.match(d) else None
    out = {"d": d}
    if guess != e or not PHONE_TEXT.match(d):
        out["e"] = e or ""
    if p.get("x"):
        out["x"] = p["x"]
    if not at_location:
        t = p.get("t") or ""
        if t != "voice":
            out["t"] = t
        if bool(p.get("m")) != bool(t.lower() in SMS_TYPES and e and len(e) > 5):
            out["m"] = 1 if p.get("m") else 0
        if p.get("c") is not None:
            out["c"] = p["c"]
    return out["d"] if len(out) == 1 else out


def _pack_hours(schedules: list[dict]) -> list[list]:
    rows = []
    for h in schedules:
        if set(h) - set(HOURS_ORDER):
            raise ValueError(f"schedule fields missing from HOURS_ORDER: {sorted(set(h) - set(HOURS_ORDER))}")
        row = [h.get(f) for f in HOURS_ORDER]
        while row and row[-1] is None:
            row.pop()
        rows.append(row)
    return rows


def _pack_order(record: dict) -> tuple:
    """By organization, then categories: alike services side by side compress best (the phone keeps them by id)."""
    dumps = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731
    return dumps(record.get("o")), dumps(record.get("c")), dumps(record.get("n")), record["i"]


def pack_terms(terms: list[dict]) -> dict:
    """Categories as columns {"s": slugs, "n": names, "p": parents as indexes, "k": codes}."""
    index = {t["s"]: n for n, t in enumerate(terms)}
    return {"s": [t["s"] for t in terms], "n": [t.get("n") for t in terms],
            "p": [index.get(t["p"], t["p"]) if t.get("p") is not None else None for t in terms],
            "k": [t.get("k") for t in terms]}


def unpack_terms(packed: dict) -> list[dict]:
    slugs = packed["s"]
    return [_compact({"s": s, "n": n, "p": slugs[p] if isinstance(p, int) else p, "k": k})
            for s, n, p, k in zip(slugs, packed["n"], packed["p"], packed["k"], strict=True)]


def _uuid_form(records: list[dict]):
    """How ids travel: 1 for UUIDs without dashes, their version digit where all share one (it is left out too),
    None for other ids."""
    if not records or not all(UUID.match(r["i"]) for r in records):
        return None
    versions = {r["i"][14] for r in records}
    return versions.pop() if len(versions) == 1 else 1


def _pack_id(i: str, uuid) -> str:
    i = i.replace("-", "")
    return i[:12] + i[13:] if isinstance(uuid, str) else i


def _unpack_id(i: str, uuid) -> str:
    if isinstance(uuid, str):
        i = i[:12] + uuid + i[12:]
    return f"{i[:8]}-{i[8:12]}-{i[12:16]}-{i[16:20]}-{i[20:]}"


def _tabulate(values: list) -> tuple[list, list]:
    """A column of lists as indexes into a table of their distinct items (a few language names, say)."""
    table = sorted({json.dumps(x, ensure_ascii=False) for v in values if v for x in v})
    index = {item: n for n, item in enumerate(table)}
    return ([json.loads(item) for item in table],
            [None if v is None else [index[json.dumps(x, ensure_ascii=False)] for x in v] for v in values])


def pack_services(records: list[dict], terms: list[dict] | None = None) -> dict:
    """Records as columns: {"cc": calling code, "uuid": see _uuid_form, "tab": tables, "cols": {column: values}}.

    Columns hold one value per service (null where it has none), except the "l." columns, which
    hold one per location ("l" counting each service's locations); "t.<key>" hold the texts.
    UUIDs travel as one string of fixed-width ids. Categories are indexes into `terms` where it is
    given; languages and accessibility are indexes into "tab". Services are ordered by organization,
    so that an organization's services sit together and compress together.
    """
    with_phones = [p for r in records for p in r.get("p", ())] + [p for r in records for loc in r.get("l", ())
                                                                  for p in loc.get("p", ())]
    cc = _country_code(with_phones)
    uuid = _uuid_form(records)
    slug_index = {t["s"]: i for i, t in enumerate(terms or ())}
    order = sorted(records, key=_pack_order)
    rows, locations = [], []
    for r in order:
        row = {k: v for k, v in r.items() if k not in ("t", "l", "p", "h", "o", "c")}
        if uuid:
            row["i"] = _pack_id(r["i"], uuid)
        if "o" in r:
            row["o"] = SAME_AS_NAME if r["o"] == r.get("n") else r["o"]
        if "e" in r:
            row["e"] = _pack_email(r["e"], r.get("w"))
        if "p" in r:
            row["p"] = [_pack_phone(p, cc, False) for p in r["p"] if p.get("t") != "fax"]
        if "h" in r:
            row["h"] = _pack_hours(r["h"])
        if "c" in r:
            row["c"] = [slug_index.get(slug, slug) for slug in r["c"]]
        for key, text in r.get("t", {}).items():
            row["t." + key] = text
        row["l"] = len(r.get("l", ()))
        for loc in r.get("l", ()):
            place = {k: v for k, v in loc.items() if k not in ("n", "p", "h")}
            if "n" in loc:
                place["n"] = (SAME_AS_NAME if loc["n"] == r.get("n") else
                              SAME_AS_ORGANIZATION if loc["n"] == r.get("o") else loc["n"])
            if "p" in loc:
                place["p"] = [_pack_phone(p, cc, True) for p in loc["p"] if p.get("t") != "fax"]
            if "h" in loc:
                place["h"] = _pack_hours(loc["h"])
            locations.append({"l." + k: v for k, v in place.items()})
        rows.append(row)
    cols = {key: [row.get(key) for row in rows] for key in sorted({k for row in rows for k in row})}
    cols.update({key: [loc.get(key) for loc in locations] for key in sorted({k for loc in locations for k in loc})})
    fallback = _fallback_language(records)
    for key in cols:
        if _holds_texts(key):
            cols[key] = [_shorten_texts(v, fallback) if key == "l.c" else _shorten_text(v, fallback) for v in cols[key]]
    tables = {}
    for key in TABULATED:
        if key in cols:
            tables[key], cols[key] = _tabulate(cols[key])
    # A column whose every text is in the fallback language (all of them, in a reader's language the
    # data lacks) drops the brackets as well; "fa" names it.
    in_fallback = [key for key in cols if _holds_texts(key) and key not in tables and _all_shortened(cols[key])]
    in_fallback += [key for key in tables if _holds_texts(key) and _all_shortened(tables[key])]
    for key in in_fallback:
        values = tables if key in tables else cols
        values[key] = [v[0] if isinstance(v, list) else v for v in values[key]]
    for key, values in cols.items():
        if key != "i" and all(v is None or (isinstance(v, str) and v and SEPARATOR not in v) for v in values):
            cols[key] = SEPARATOR.join(v or "" for v in values)
    if uuid:
        cols["i"] = "".join(cols["i"])
    return _compact({"cc": cc, "uuid": uuid, "fl": fallback, "fa": in_fallback, "hf": list(HOURS_ORDER),
                     "tab": tables, "cols": cols})


def _all_shortened(values: list) -> bool:
    """Every text a one-item [text] (ints mark "same as the name" and stay)."""
    return any(isinstance(v, list) for v in values) and all(
        v is None or isinstance(v, int) or (isinstance(v, list) and len(v) == 1) for v in values)


def _host(url: str | None) -> str:
    """A website's host without "www.", as sync.js reads it (the domain an organization's emails often use)."""
    return re.split(r"[/?#:]", re.sub(r"^www\.", "", re.sub(r"^https?://", "", url or "")))[0]


def _pack_email(email: str, website: str | None):
    """"info@" for an address at the website's host; a one-item list for one that ends in "@" by itself."""
    host = _host(website)
    if email.endswith("@"):
        return [email] if host else email
    return email[:-len(host)] if host and email.endswith("@" + host) else email


def _unpack_email(email, website: str | None) -> str:
    if isinstance(email, list):
        return email[0]
    host = _host(website)
    return email + host if email.endswith("@") and host else email


def _fallback_language(records: list[dict]) -> str | None:
    counts: dict[str, int] = defaultdict(int)
    for r in records:
        for code in r.get("fb", ()):
            counts[code] += 1
    return max(counts, key=counts.get) if counts else None


def _holds_texts(column: str) -> bool:
    return column in ("n", "o", "l.n", "l.r", "l.c") or column.startswith("t.")


def _shorten_text(value, fallback: str | None):
    """[text, language] as [text] where the language is the usual fallback: it repeats in every record."""
    if fallback and isinstance(value, list) and len(value) == 2 and value[1] == fallback:
        return [value[0]]
    return value


def _shorten_texts(values, fallback):
    return [_shorten_text(v, fallback) for v in values] if isinstance(values, list) else values


def _lengthen_text(value, fallback: str | None):
    return [value[0], fallback] if isinstance(value, list) and len(value) == 1 else value


def _unpack_phone(p, cc: str, at_location: bool) -> dict:
    p = {"d": p} if isinstance(p, str) else dict(p)
    if "e" not in p and PHONE_TEXT.match(p["d"]):
        p["e"] = to_e164(p["d"], cc)
    if not at_location:
        p.setdefault("t", "voice")
        if "m" not in p:
            p["m"] = 1 if p["t"].lower() in SMS_TYPES and p.get("e") and len(p["e"]) > 5 else None
        p["m"] = p["m"] or None
    return _compact(p)


def _unpack_hours(rows: list[list], fields: list[str]) -> list[dict]:
    return [{f: v for f, v in zip(fields, row, strict=False) if v is not None} for row in rows]  # rows drop trailing nulls


def unpack_services(packed: dict, terms: list[dict] | None = None) -> list[dict]:
    """The records `pack_services` packed, by id (what sync.js does on the phone, for tests and benchmarks)."""
    cols, cc, fallback = dict(packed.get("cols", {})), packed.get("cc", "1"), packed.get("fl")
    fields = packed.get("hf", HOURS_ORDER)
    uuid = packed.get("uuid")
    if isinstance(cols.get("i"), str):
        width = 31 if isinstance(uuid, str) else 32
        cols["i"] = [cols["i"][at:at + width] for at in range(0, len(cols["i"]), width)]
    for key, values in cols.items():
        if key != "i" and isinstance(values, str):
            cols[key] = [v or None for v in values.split(SEPARATOR)]
    tables = {key: list(table) for key, table in packed.get("tab", {}).items()}
    for key in packed.get("fa", ()):
        values = tables if key in tables else cols
        values[key] = [[v] if isinstance(v, str) else v for v in values[key]]
    for key, table in tables.items():
        cols[key] = [None if v is None else [table[n] for n in v] for v in cols[key]]
    for key in cols:
        if _holds_texts(key):
            cols[key] = [[_lengthen_text(t, fallback) for t in v] if key == "l.c" and v else _lengthen_text(v, fallback)
                         for v in cols[key]]
    count, place = len(cols.get("i", ())), 0
    out = []
    for at in range(count):
        raw = {k: v[at] for k, v in cols.items() if not k.startswith("l.") and v[at] is not None}
        r = {k: v for k, v in raw.items() if not k.startswith("t.") and k not in ("l", "p", "h", "o", "c")}
        if uuid:
            r["i"] = _unpack_id(raw["i"], uuid)
        if "o" in raw:
            r["o"] = raw.get("n") if raw["o"] == SAME_AS_NAME else raw["o"]
        if "e" in raw:
            r["e"] = _unpack_email(raw["e"], raw.get("w"))
        texts = {k[2:]: v for k, v in raw.items() if k.startswith("t.")}
        if texts:
            r["t"] = texts
        if "p" in raw:
            r["p"] = [_unpack_phone(p, cc, False) for p in raw["p"]]
        if "h" in raw:
            r["h"] = _unpack_hours(raw["h"], fields)
        if "c" in raw:
            r["c"] = [terms[c]["s"] if isinstance(c, int) else c for c in raw["c"]]
        locations = []
        for n in range(place, place + raw.get("l", 0)):
            loc = {k[2:]: v[n] for k, v in cols.items() if k.startswith("l.") and v[n] is not None}
            if "n" in loc:
                loc["n"] = r.get("n") if loc["n"] == SAME_AS_NAME else r.get("o") if loc["n"] == SAME_AS_ORGANIZATION else loc["n"]
            if "p" in loc:
                loc["p"] = [_unpack_phone(p, cc, True) for p in loc["p"]]
            if "h" in loc:
                loc["h"] = _unpack_hours(loc["h"], fields)
            locations.append(loc)
        place += raw.get("l", 0)
        if locations:
            r["l"] = locations
        out.append(r)
    return sorted(out, key=lambda r: r["i"])


def decode(body: bytes | str) -> dict:
    """A document as phones read it: JSON with its services unpacked into records."""
    document = json.loads(body)
    if isinstance(document.get("terms"), dict):
        document["terms"] = unpack_terms(document["terms"])
    if isinstance(document.get("services"), dict):
        document["services"] = unpack_services(document["services"], document.get("terms"))
    return document
