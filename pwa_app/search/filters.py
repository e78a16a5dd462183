"""Search and category filters: parsed from GET parameters, applied to a list of service ids. No request in sight.

Every filter is optional and they combine (AND). A value that cannot be used is dropped and
named in `Filters.ignored`, so the page can say so kindly instead of failing. The same rules run
in the browser (static/js/filters.js) over the offline snapshot.

Size: the filters are one contract (parse, offer, apply) that static/js/filters.js mirrors line for
line; split, the two would be harder to compare.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from pwa_app.core import hours
from pwa_app.db.models import (
    Accessibility,
    Address,
    CostOption,
    Language,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
)
from pwa_app.core.slugs import slugify
from pwa_app.core.textnorm import normalize

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PERIODS = {"morning": time(10), "afternoon": time(14), "evening": time(19)}
# Age groups in years, both ends inclusive; a service's own range only has to overlap.
AGE_GROUPS = {"child": (0, 12), "youth": (13, 17), "adult": (18, 64), "senior": (65, 200)}
DISTANCES_KM = (1, 2, 5, 10, 25, 50)
SORTS = ("relevance", "name", "distance")
# Accessibility records say "wheelchair" in many ways; these normalised phrases mean step-free access.
WHEELCHAIR_WORDS = ("wheelchair", "step free", "fauteuil roulant", "sans marche", "de plain pied", "barrier free")
PARAMS = ("category", "open", "day", "time", "speaks", "free", "age", "access", "near", "within", "sort")
_CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_IN_CHUNK = 900  # ids per IN (...) list, well under SQLite's and PostgreSQL's limits


@dataclass(frozen=True)
class Filters:
    category: str | None = None  # a taxonomy term slug
    open_now: bool = False
    day: int | None = None  # 0 = Monday
    time: str | None = None  # a period name or HH:MM
    speaks: str | None = None  # a language code
    free: bool = False
    age: str | None = None
    wheelchair: bool = False
    near: str | None = None  # a place id
    within: int | None = None  # km
    sort: str | None = None
    ignored: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return any(self.params(without_sort=True).values())

    def params(self, without_sort: bool = False) -> dict[str, str]:
        """The GET parameters that reproduce these filters (for links and the pager)."""
        out = {
            "category": self.category, "open": "now" if self.open_now else None,
            "day": DAYS[self.day] if self.day is not None else None, "time": self.time,
            "speaks": self.speaks, "free": "1" if self.free else None, "age": self.age,
            "access": "wheelchair" if self.wheelchair else None, "near": self.near,
            "within": str(self.within) if self.within else None,
            "sort": None if without_sort else self.sort,
        }
        return {k: v for k, v in out.items() if v}

    def without(self, name: str) -> Filters:
        """These filters less one (by parameter name): for "try removing a filter" links."""
        cleared = {"category": {"category": None}, "open": {"open_now": False}, "day": {"day": None, "time": None},
                   "time": {"day": None, "time": None}, "speaks": {"speaks": None}, "free": {"free": False},
                   "age": {"age": None}, "access": {"wheelchair": False}, "near": {"near": None, "within": None},
                   "within": {"within": None}}[name]
        return replace(self, **cleared)


def _one(args: Mapping, name: str) -> str:
    value = args.get(name, "")
    return value.strip()[:100] if isinstance(value, str) else ""


def parse(args: Mapping, categories: set[str] = frozenset(), languages: set[str] = frozenset(),
          places: set[str] = frozenset()) -> Filters:
    """Read filters from GET parameters; keep what is valid, list the names of what is not."""
    ignored: list[str] = []
    values: dict = {}

    def take(name: str, valid, convert=lambda v: v, key: str | None = None):
        raw = _one(args, name)
        if not raw:
            return
        if valid(raw):
            values[key or name] = convert(raw)
        else:
            ignored.append(name)

    take("category", lambda v: v in categories)
    take("open", lambda v: v == "now", lambda v: True, "open_now")
    take("day", lambda v: v.lower() in DAYS, lambda v: DAYS.index(v.lower()))
    take("time", lambda v: v in PERIODS or bool(_CLOCK.fullmatch(v)))
    take("speaks", lambda v: v in languages)
    take("free", lambda v: v in ("1", "on", "true", "yes"), lambda v: True)
    take("age", lambda v: v in AGE_GROUPS)
    take("access", lambda v: v == "wheelchair", lambda v: True, "wheelchair")
    take("near", lambda v: v in places)
    take("within", lambda v: v.isdigit() and int(v) in DISTANCES_KM, int)
    take("sort", lambda v: v in SORTS)
    if "time" in values and "day" not in values:
        values["day"] = None  # a time alone means today
    if values.get("within") and not values.get("near"):
        values.pop("within")  # a distance needs a place; nothing to say, the picker shows both
    if values.get("sort") == "distance" and not values.get("near"):
        values.pop("sort")
    return Filters(**values, ignored=tuple(ignored))


def moment(f: Filters, now: datetime, tz: ZoneInfo) -> datetime | None:
    """The instant "open on <day> at <time>" means: the next such day (today counts), in the region's zone."""
    if f.day is None and f.time is None:
        return None
    local = now.astimezone(tz)
    day = local.date() + timedelta(days=((f.day - local.weekday()) % 7) if f.day is not None else 0)
    if f.time in PERIODS:
        clock = PERIODS[f.time]
    elif f.time:
        h, m = _CLOCK.fullmatch(f.time).groups()
        clock = time(int(h), int(m))
    else:
        clock = PERIODS["morning"]
    return datetime.combine(day, clock, tzinfo=tz)


# --- places: towns and postal-code prefixes, with the centroid of their locations ---

@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: str  # "city" | "postal"
    latitude: float
    longitude: float


def places(session: Session) -> list[Place]:
    """Towns and postal-code prefixes (first three characters) found in the data, each at its locations' centroid."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    names: dict[tuple[str, str], str] = {}
    rows = session.execute(
        select(Address.city, Address.postal_code, Location.latitude, Location.longitude)
        .join(Location, Location.id == Address.location_id)
        .where(Location.latitude.is_not(None), Location.longitude.is_not(None))
    )
    for city, postal, lat, lon in rows:
        if city and city.strip() and slugify(city):
            key = ("city", slugify(city))
            names.setdefault(key, city.strip())
            points[key].append((lat, lon))
        prefix = re.sub(r"[^0-9A-Za-z]", "", postal or "")[:3].upper()
        if len(prefix) == 3:
            key = ("postal", prefix.lower())
            names.setdefault(key, prefix)
            points[key].append((lat, lon))
    out = [Place(f"{kind}-{slug}", names[(kind, slug)], kind,
                 round(sum(p[0] for p in pts) / len(pts), 5), round(sum(p[1] for p in pts) / len(pts), 5))
           for (kind, slug), pts in points.items()]
    return sorted(out, key=lambda p: (p.kind != "city", normalize(p.name), p.id))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


# --- facts about services, loaded for a set of ids ---

def _chunks(ids: list[str]):
    for start in range(0, len(ids), _IN_CHUNK):
        yield ids[start:start + _IN_CHUNK]


def service_points(session: Session, ids: list[str]) -> dict[str, list[tuple[float, float]]]:
    """Service id -> the coordinates of its locations."""
    out: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for chunk in _chunks(ids):
        for sid, lat, lon in session.execute(
            select(ServiceAtLocation.service_id, Location.latitude, Location.longitude)
            .join(Location, Location.id == ServiceAtLocation.location_id)
            .where(ServiceAtLocation.service_id.in_(chunk), Location.latitude.is_not(None), Location.longitude.is_not(None))
        ):
            out[sid].append((lat, lon))
    return out


def _schedules(session: Session, ids: list[str]) -> dict[str, list]:
    # As Presenter.card: the service's own rows first, else any row naming it.
    rows: dict[str, list] = defaultdict(list)
    for chunk in _chunks(ids):
        for sc in session.scalars(select(Schedule).where(Schedule.service_id.in_(chunk))):
            rows[sc.service_id].append(sc)
    return {sid: [sc for sc in r if not sc.service_at_location_id] or r for sid, r in rows.items()}


def _set(session: Session, ids: list[str], statement) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(ids):
        out.update(session.scalars(statement(chunk)))
    return out


def is_wheelchair_text(*texts: str | None) -> bool:
    words = normalize(" ".join(t for t in texts if t))
    return any(w in words for w in WHEELCHAIR_WORDS)


def _wheelchair(session: Session, ids: list[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(ids):
        for sid, desc, details in session.execute(
            select(ServiceAtLocation.service_id, Accessibility.description, Accessibility.details)
            .join(Accessibility, Accessibility.location_id == ServiceAtLocation.location_id)
            .where(ServiceAtLocation.service_id.in_(chunk))
        ):
            if is_wheelchair_text(desc, details):
                out.add(sid)
    return out


def _free(session: Session, ids: list[str]) -> set[str]:
    amounts: dict[str, list[float | None]] = defaultdict(list)
    for chunk in _chunks(ids):
        for sid, amount in session.execute(select(CostOption.service_id, CostOption.amount).where(CostOption.service_id.in_(chunk))):
            amounts[sid].append(amount)
    # As presenters.is_free: some option costs nothing and none costs something.
    return {sid for sid, a in amounts.items() if any(x == 0 for x in a) and not any((x or 0) > 0 for x in a)}


def _ages(session: Session, ids: list[str], group: str) -> set[str]:
    low, high = AGE_GROUPS[group]
    out: set[str] = set()
    for chunk in _chunks(ids):
        for sid, lo, hi in session.execute(select(Service.id, Service.minimum_age, Service.maximum_age).where(Service.id.in_(chunk))):
            if (lo is None or lo <= high) and (hi is None or hi >= low):
                out.add(sid)
    return out


@dataclass
class Applied:
    ids: list[str]
    distances: dict[str, float] = field(default_factory=dict)  # km, where a place was chosen
    place: Place | None = None


def apply(session: Session, ids: list[str], f: Filters, now: datetime, tz: ZoneInfo,
          category_ids: set[str] | None = None, place_list: list[Place] | None = None) -> Applied:
    """Keep the ids (in order) that pass every filter; with a place, measure and maybe sort by distance."""
    keep = list(ids)
    if category_ids is not None:
        keep = [i for i in keep if i in category_ids]
    if f.speaks and keep:
        speaking = _set(session, keep, lambda c: select(Language.service_id).where(Language.service_id.in_(c), Language.code == f.speaks))
        keep = [i for i in keep if i in speaking]
    if f.free and keep:
        free = _free(session, keep)
        keep = [i for i in keep if i in free]
    if f.age and keep:
        fits = _ages(session, keep, f.age)
        keep = [i for i in keep if i in fits]
    if f.wheelchair and keep:
        accessible = _wheelchair(session, keep)
        keep = [i for i in keep if i in accessible]
    at = moment(f, now, tz)
    if (f.open_now or at) and keep:
        schedules = _schedules(session, keep)
        if f.open_now:
            keep = [i for i in keep if hours.is_open_at(schedules.get(i, []), now, tz)]
        if at:
            keep = [i for i in keep if hours.is_open_at(schedules.get(i, []), at, tz)]
    place = next((p for p in (place_list or []) if p.id == f.near), None) if f.near else None
    distances: dict[str, float] = {}
    if place and keep:
        for sid, pts in service_points(session, keep).items():
            distances[sid] = min(distance_km(place.latitude, place.longitude, lat, lon) for lat, lon in pts)
        if f.within:
            keep = [i for i in keep if distances.get(i, math.inf) <= f.within]
        if f.sort == "distance":
            keep.sort(key=lambda i: distances.get(i, math.inf))  # stable: ties keep their order
    return Applied(keep, distances, place)
