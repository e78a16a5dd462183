"""The neutral form: what `versions.refresh` stores (in OfflineRecord.body) and hashes.

`neutral_records` reads the tables in a few bulk queries (never one per service) and makes one
record per listed service, holding exactly what the list and service pages show, in no language
in particular: base-language texts with every translation the data has, language codes, cost
amounts, phone numbers already dialled (E.164), and the raw schedules (the phone works out "open
now" itself with hours.js, the JavaScript twin of hours.py). reader.py renders it in a language.
`meta_records` holds the categories and facts about the directory, per language.
The keys: docs/snapshot-format.md ("Stored records").

Size: one function reads every table a record draws on, for the whole directory or (with `only`)
for the few services a server page shows; splitting it would split the one definition of a record.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pwa_app.core.phones import can_text, dial
from pwa_app.core.security import safe_url
from pwa_app.db.models import (
    Accessibility,
    Address,
    Attribute,
    CostOption,
    DirectoryInfo,
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
from pwa_app.present import inherit, situations, taxonomy_names
from pwa_app.present.categories import LISTED_STATUSES, load_tree
from pwa_app.present.presenters import SERVICE_TEXT_FIELDS, address_lines, is_free
from pwa_app.snapshot.reader import for_language, primary_language
from pwa_app.snapshot.wire import NEUTRAL_TEXT_KEYS, SCHEDULE_FIELDS, compact

RECORD_FORMAT = 3  # of the neutral records stored in OfflineRecord.body (3: weekly implied by days;
# 1 held one record per language)
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


def _plain(v):
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


@dataclass
class _Scope:
    """The rows a few services' records need: their places, locations and organizations."""
    services: set[str]
    organizations: set[str]
    sal_rows: dict[str, list]
    sals: set[str]
    locations: set[str]
    phones: set[str]
    accessibility: set[str]

    @classmethod
    def of(cls, session: Session, services) -> _Scope:
        ids = {s.id for s in services}
        rows = _group(session.execute(select(ServiceAtLocation.service_id, ServiceAtLocation.id,
                                             ServiceAtLocation.location_id)
                                      .where(ServiceAtLocation.service_id.in_(ids))), 0)
        flat = [r for group in rows.values() for r in group]
        organizations = {s.organization_id for s in services if s.organization_id}
        sals, locations = {r.id for r in flat}, {r.location_id for r in flat if r.location_id}
        phones = set(session.scalars(select(Phone.id).where(or_(
            Phone.service_id.in_(ids), Phone.service_at_location_id.in_(sals), Phone.location_id.in_(locations),
            Phone.organization_id.in_(organizations)))))
        access = set(session.scalars(select(Accessibility.id).where(Accessibility.location_id.in_(locations))))
        return cls(ids, organizations, rows, sals, locations, phones, access)

    def phone_filter(self):
        return Phone.id.in_(self.phones)

    def translated_ids(self) -> set[str]:
        """The ids of every row whose translations the records read."""
        return self.services | self.organizations | self.locations | self.phones | self.accessibility


def _within(query, column, ids):
    """`query` restricted to rows whose `column` is in `ids`; unrestricted where `ids` is None."""
    return query if ids is None else query.where(column.in_(ids))


class _Texts:
    """Every translation of the records a refresh reads, fetched in one query.

    Gives neutral texts (None, the base-language string, or [base or None, {language: text}]).
    Translations in the base language are left out: TextPicker never uses them.
    """

    def __init__(self, session: Session, base: str, entities: tuple[str, ...] = TRANSLATED, scope: _Scope | None = None):
        self.by_record: dict[tuple[str, str], dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
        base_primary = primary_language(base)
        query = select(Translation.entity, Translation.id, Translation.field, Translation.language,
                       Translation.value).where(Translation.entity.in_(entities))
        if scope is not None:
            query = query.where(Translation.id.in_(scope.translated_ids()))
        rows = session.execute(query)
        for entity, record_id, field, language, value in rows:
            if primary_language(language) != base_primary:
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
    if str(out.get("freq", "")).upper() == "WEEKLY" and out.get("byday") and not out.get("bymonthday"):
        del out["freq"]  # what hours.py and hours.js read days given alone as: one word less in every record
    return out


def neutral_records(session: Session, settings: Settings, only: list[str] | None = None) -> dict[str, dict]:
    """Return id -> neutral record for every listed service, from a few bulk queries.

    With `only`, the records of those services, listed or not, reading only the rows they need:
    what a server page shows (web/pages.records) is the record the phone keeps, made by this same
    function. Relationships the ORM loads without an order are read in the database's natural
    order, as selectinload returns them, so each list keeps the order the server's pages show.
    """
    base = settings.base_language
    query = select(
        Service.id, Service.organization_id, Service.name, Service.status, Service.url, Service.email,
        Service.assured_date, Service.minimum_age, Service.maximum_age,
        *(getattr(Service, f) for f in SERVICE_TEXT_FIELDS),
    ).order_by(Service.id)
    services = session.execute(query.where(Service.status.in_(LISTED_STATUSES)) if only is None
                               else query.where(Service.id.in_(only))).all()
    scope = None if only is None else _Scope.of(session, services)
    texts = _Texts(session, base, scope=scope)
    organizations = dict(session.execute(_within(select(Organization.id, Organization.name), Organization.id,
                                                 scope and scope.organizations)).all())

    phone_query = select(Phone.id, Phone.service_id, Phone.service_at_location_id, Phone.location_id,
                         Phone.organization_id, Phone.number, Phone.extension, Phone.type, Phone.description)
    phones = session.execute(phone_query if scope is None else phone_query.where(scope.phone_filter())).all()
    phone_records = {}
    for p in phones:
        d = dial(p.number, p.extension, settings.country_code)
        phone_records[p.id] = compact({"d": d.display, "e": d.e164, "x": d.extension, "t": p.type,
                                       "c": texts.get("phone", p.id, "description", p.description),
                                       "m": 1 if can_text(p.type, d) else None})
    service_phones = {sid: sorted(rows, key=lambda p: p.id) for sid, rows in _group(phones, 1).items()}
    sal_phones, location_phones = _group(phones, 2), _group(phones, 3)
    organization_phones = {oid: sorted(rows, key=lambda p: p.id) for oid, rows in _group(
        (p for p in phones if not p.service_id and not p.location_id and not p.service_at_location_id), 4).items()}

    schedule_query = select(Schedule.service_id, Schedule.service_at_location_id, Schedule.location_id,
                            *(getattr(Schedule, f) for f in SCHEDULE_FIELDS))
    if scope is not None:
        schedule_query = schedule_query.where(or_(Schedule.service_id.in_(scope.services),
                                                  Schedule.service_at_location_id.in_(scope.sals),
                                                  Schedule.location_id.in_(scope.locations)))
    schedules = [(row[0], row[1], row[2], _schedule(row[3:])) for row in session.execute(schedule_query)]
    service_schedules = _group((s for s in schedules if not s[1]), 0)
    sal_schedules = _group(schedules, 1)
    location_schedules = _group((s for s in schedules if not s[0] and not s[1]), 2)  # a location's own hours

    addresses = defaultdict(list)
    locations_only = scope and scope.locations
    for a in session.execute(_within(select(Address.location_id, Address.address_type, Address.address_1,
                                            Address.address_2, Address.city, Address.state_province,
                                            Address.postal_code), Address.location_id, locations_only)):
        addresses[a.location_id].append(a)
    accessibility = _group(session.execute(_within(select(Accessibility.location_id, Accessibility.id,
                                                          Accessibility.description),
                                                   Accessibility.location_id, locations_only)), 0)
    locations = {}
    for loc in session.execute(_within(select(Location.id, Location.name, Location.transportation,
                                              Location.latitude, Location.longitude), Location.id, locations_only)):
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
    services_only = scope and scope.services
    sals = scope.sal_rows if scope is not None else _group(session.execute(select(
        ServiceAtLocation.service_id, ServiceAtLocation.id, ServiceAtLocation.location_id)), 0)
    languages = _group(session.execute(_within(select(Language.service_id, Language.code, Language.name),
                                               Language.service_id, services_only)), 0)
    costs = {sid: sorted(rows, key=lambda c: c.id) for sid, rows in _group(session.execute(_within(select(
        CostOption.service_id, CostOption.id, CostOption.option, CostOption.amount, CostOption.currency,
        CostOption.amount_description), CostOption.service_id, services_only)), 0).items()}
    terms = _group(session.execute(_within(select(Attribute.link_id, Attribute.taxonomy_term_id)
                                           .where(Attribute.link_entity == "service"), Attribute.link_id,
                                           services_only)), 0)
    slugs = dict(session.execute(_within(select(TaxonomyTerm.id, TaxonomyTerm.slug), TaxonomyTerm.id,
                                         scope and {t.taxonomy_term_id for rows in terms.values() for t in rows}
                                         )).all())

    out: dict[str, dict] = {}
    for s in services:
        sid = s.id
        own_sals = sals.get(sid, ())
        here = [sal for sal in own_sals if sal.location_id in locations]  # as Presenter: places with a location
        # What the service inherits from its places and organization: present/inherit.py, as the pages.
        own_schedules = inherit.service_hours(service_schedules.get(sid, []), [
            (sal_schedules.get(sal.id, []), location_schedules.get(sal.location_id, [])) for sal in here])
        phones_here = [phone_records[p.id] for p in inherit.service_phones(
            service_phones.get(sid, []),
            [p for sal in here for p in sal_phones.get(sal.id, ()) if p.service_id != sid],
            [p for sal in here for p in location_phones.get(sal.location_id, ())
             if not p.service_id and not p.service_at_location_id],
            organization_phones.get(s.organization_id, []))]
        places = []
        for sal in here:
            hours_here = [sc[3] for sc in inherit.place_hours(sal_schedules.get(sal.id, []),
                                                              location_schedules.get(sal.location_id, []))]
            places.append(compact({**locations[sal.location_id], "h": hours_here}))
        own_costs = costs.get(sid, ())
        ages = [_plain(s.minimum_age), _plain(s.maximum_age)]
        out[sid] = compact({
            "_": RECORD_FORMAT, "b": base,
            "n": texts.get("service", sid, "name", s.name),
            "o": texts.get("organization", s.organization_id, "name", organizations[s.organization_id])
            if s.organization_id in organizations else None,
            "s": None if s.status == "active" else s.status,
            "t": compact({key: texts.get("service", sid, field, getattr(s, field))
                          for field, key in NEUTRAL_TEXT_KEYS.items()}),
            "p": phones_here,
            "l": places,
            "h": [sc[3] for sc in own_schedules],
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
    info = compact({"title": info.get("title"), "demo": bool(info.get("demo")), "timezone": settings.timezone})
    out = {}
    open_eligibility = {t.id for t in kept if taxonomy_names.is_open_eligibility(t.code, t.name)}
    # The categories guided help names by code (present/situations.py) keep their code on the phone too.
    by_code = set(situations.plan()["needs"].values())
    for lang in settings.languages:
        reader = for_language(lang, settings.base_language)
        # Named as directory.term_names names them: our Open Eligibility translations first, then the data's.
        name = lambda t: (t.id in open_eligibility and taxonomy_names.name(t.code, lang)) or reader.text(names[t.id])  # noqa: E731, B023 - used in this iteration only
        # Sorted by name, as the server lists sub-categories; the top level sorts again by code (it and the
        # categories guided help names have "k").
        out[lang] = {"terms": [compact({"s": t.slug, "n": name(t),
                                        "p": tree.terms[t.parent_id].slug if t.parent_id in tree.terms else None,
                                        "k": t.code if t.parent_id not in tree.terms or t.code in by_code else None})
                               for t in sorted(kept, key=lambda t: (t.name, t.id))], "info": info}
    return out
