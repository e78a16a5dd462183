"""Versions: `refresh` stores every record in its neutral form and bumps the version of those that changed.

A record's hash decides its version: one whose neutral form changed gets a new version (one that
left the directory is kept with `present` False, a tombstone). A phone holding version N asks for
the changes since N (feed.py) and receives only the records with a newer version, and the ids of
those it must delete. A large directory is split into regions (the cities of its locations, or
its service areas); a phone keeps the regions its owner chose. `state_checksum` lets the phone
check that it holds exactly the records it should.
"""
from __future__ import annotations

import gc
import hashlib
import json
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from pwa_app.core.slugs import slugify
from pwa_app.db.models import Address, OfflineRecord, ServiceArea, ServiceAtLocation
from pwa_app.present.categories import LISTED_STATUSES
from pwa_app.snapshot.records import RECORD_FORMAT, Settings, meta_records, neutral_records

META_KEY = "meta"  # the OfflineRecord of the categories and directory facts; services are "service:<id>"
ALL = "all"  # the region that is the whole directory
STATE_HEX = 32  # 128 bits catch a copy gone astray as surely as 256, and every sync is 16 bytes lighter


@contextmanager
def without_cycle_collector():
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


def service_regions(session: Session, only: set[str] | None = None) -> dict[str, dict[str, str]]:
    """Return service id -> {region id: name}: the cities of its locations, else its service areas.

    `only`: those services' (else every service's)."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    cities = select(ServiceAtLocation.service_id, Address.city).join(
        Address, Address.location_id == ServiceAtLocation.location_id)
    areas = select(ServiceArea.service_id, ServiceArea.name)
    if only is not None:
        cities = cities.where(ServiceAtLocation.service_id.in_(only))
        areas = areas.where(ServiceArea.service_id.in_(only))
    for service_id, city in session.execute(cities):
        if city and city.strip():
            out[service_id].setdefault(slugify(city), city.strip())
    for service_id, name in session.execute(areas):
        if name and name.strip() and service_id not in out:
            out[service_id][slugify(name)] = name.strip()
    return out


def _serialise(value) -> tuple[str, str]:
    """The stored JSON and its hash (keys sorted, so equal records hash alike)."""
    body = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return body, hashlib.sha256(body.encode()).hexdigest()


def refresh(session: Session, settings: Settings, services: set[str] | None = None,
            listed: dict[str, dict] | None = None) -> int:
    """Store every record as it is now and bump the version of those that changed; return the version.

    Runs inside the caller's transaction (after an import, in the importer's), so versions never
    describe data that was rolled back. Writes in bulk: a first build stores every record.
    `services`: only these services can have changed (a curator's save, pwa_app/curate/settle.py), so
    only their records are read and compared, and the categories' record only when one of them
    came, went or changed categories. `listed`: the listed records among them (or every listed
    record), when the caller has them already.
    """
    session.flush()  # the caller's pending changes are what the records must describe
    table = OfflineRecord.__table__
    query = select(table.c.key, table.c.content_hash, table.c.present, table.c.regions, table.c.body)
    if services is not None:
        query = query.where(table.c.key.in_([*(f"service:{sid}" for sid in services), META_KEY]))
    else:
        query = query.with_only_columns(*query.selected_columns[:4])  # bodies unread: every record is compared
    rows = {r.key: r for r in session.execute(query)}
    current = session.scalar(select(func.max(table.c.version))) or 0
    new = current + 1
    regions = service_regions(session, services)
    added, edited, updated = [], [], []
    with without_cycle_collector():
        if listed is None:
            listed = listed_records(session, settings, services)
        bodies = {f"service:{sid}": (record, " ".join(sorted(regions.get(sid, {}))))
                  for sid, record in listed.items()}
        if services is None or _categories_moved(rows, bodies):
            bodies[META_KEY] = (meta_records(session, settings), "")
        else:
            rows.pop(META_KEY, None)
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
    # An edited record keeps the body it replaces (SET reads the row as it was): see `feed.changes`.
    _update_by_key(session, edited, columns, {"previous_version": table.c.version, "previous_body": table.c.body})
    _update_by_key(session, updated, columns, {"previous_version": None, "previous_body": None})
    _update_by_key(session, gone, ("version", "present", "body"), {"previous_version": None, "previous_body": None})
    for obj in [o for o in session.identity_map.values() if isinstance(o, OfflineRecord)]:
        session.expire(obj)  # written above, behind the ORM's back
    return new if added or edited or updated or gone else current


def listed_records(session: Session, settings: Settings, services: set[str] | None = None) -> dict[str, dict]:
    """The neutral records of the listed services (`services`: of those among them)."""
    if services is None:
        return neutral_records(session, settings)
    return {sid: record for sid, record in neutral_records(session, settings, only=sorted(services)).items()
            if (record.get("s") or "active") in LISTED_STATUSES}


def _categories_moved(rows: dict, bodies: dict) -> bool:
    """Whether a service came into the directory, left it or changed categories (the categories' record may change)."""
    for key, row in rows.items():
        if key == META_KEY:
            continue
        was = json.loads(row.body).get("c") if row.present else None
        now = bodies[key][0].get("c") if key in bodies else None
        if (row.present, was) != (key in bodies, now):
            return True
    return any(key not in rows for key in bodies)


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


def in_regions(row_regions: str, wanted: tuple[str, ...]) -> bool:
    """Whether a record listed in `row_regions` (space-separated; none: everywhere) is in the regions `wanted`."""
    return ALL in wanted or not row_regions or bool(set(row_regions.split()) & set(wanted))


def state_checksum(pairs) -> str:
    """SHA-256 of the sorted "id:version" lines of the records a phone should hold, cut to STATE_HEX: cheap to recompute there."""
    return hashlib.sha256("\n".join(f"{i}:{v}" for i, v in sorted(pairs)).encode()).hexdigest()[:STATE_HEX]


def state(session: Session, wanted: tuple[str, ...]) -> str:
    """The state checksum of the records a phone keeping the regions `wanted` should hold now."""
    rows = session.execute(select(OfflineRecord.key, OfflineRecord.version, OfflineRecord.regions).where(
        OfflineRecord.present.is_(True), OfflineRecord.key != META_KEY))
    return state_checksum((key.split(":", 1)[1], v) for key, v, r in rows if in_regions(r, wanted))
