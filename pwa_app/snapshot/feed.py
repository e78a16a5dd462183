"""The documents phones receive: a whole `snapshot`, or the `changes` since the version they hold.

Both render the stored records in the reader's language (reader.py) for the regions the phone
keeps; wire.encode turns them into bytes. A record edited once since the phone's version goes as
a patch of the fields that changed, where that is smaller (`make_patch`). The documents and
patches: docs/snapshot-format.md.
"""
from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pwa_app.db.models import OfflineRecord
from pwa_app.snapshot.reader import render
from pwa_app.snapshot.unpack import unpack_services
from pwa_app.snapshot.versions import META_KEY, current_version, in_regions, state, without_cycle_collector
from pwa_app.snapshot.wire import FORMAT, compact, pack_services


def snapshot(session: Session, lang: str, wanted: tuple[str, ...]) -> dict:
    """Everything a phone needs for `lang` and the regions `wanted`, at the current version."""
    meta, services, _, _ = _entries(session, wanted, lang, None)
    return {"format": FORMAT, "lang": lang, "regions": list(wanted), "version": current_version(session),
            "state": state(session, wanted), **(meta or {"terms": [], "info": {}}), "services": services}


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
    return compact({**head, "state": state(session, wanted), **(meta or {}), "services": services,
                    "patches": patches, "deleted": deleted})


def _entries(session: Session, wanted: tuple[str, ...], lang: str, since: int | None):
    """The meta record, the services and the ids to delete; since a version, also the patches (see `changes`)."""
    table = OfflineRecord.__table__
    query = select(table.c.key, table.c.version, table.c.present, table.c.regions, table.c.body,
                   table.c.previous_version, table.c.previous_body)
    if since is not None:
        query = query.where(table.c.version > since)
    meta, services, deleted, patches = None, [], [], []
    with without_cycle_collector():
        for key, version, present, row_regions, body, previous_version, previous in session.execute(
                query.order_by(table.c.key)):
            if key == META_KEY:
                meta = json.loads(body).get(lang)
            elif present and in_regions(row_regions, wanted):
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


def flatten(record: dict) -> dict:
    """A record with its texts as "t.<key>" fields: the fields a patch sets and unsets."""
    return {**{k: v for k, v in record.items() if k != "t"}, **{f"t.{k}": v for k, v in record.get("t", {}).items()}}


def make_patch(held: dict, record: dict) -> dict | None:
    """The patch turning `held` into `record` as the phone keeps them, or None where sending the record whole is as small."""
    old, new = flatten(_shown(held)), flatten(_shown(record))
    changed = {k: v for k, v in new.items() if k not in ("i", "v") and old.get(k) != v}
    patch = compact({"i": record["i"], "v": record["v"], "set": changed, "unset": sorted(set(old) - set(new))})
    whole = json.dumps(new, ensure_ascii=False, separators=(",", ":"))
    return patch if len(json.dumps(patch, ensure_ascii=False, separators=(",", ":"))) < len(whole) else None
