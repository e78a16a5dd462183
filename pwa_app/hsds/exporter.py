"""Write the directory out as HSDS 3.0: a tabular datapackage or one JSON document.

Both re-import into an identical database: every HSDS field is written as stored (a number
stored as 204.0 is written 204, dates as ISO 8601, times as HH:MM:SS in CSV), our own columns
(`LOCAL_COLUMNS`) never are, and record text in other languages travels in the `translations`
extension. See docs/hsds.md for the JSON shape.
"""
from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pwa_app.db.models import HSDS_MODELS, LOCAL_COLUMNS, DirectoryInfo, Translation
from pwa_app.hsds.importer import DIRECTORY_INFO_KEYS
from pwa_app.hsds.json_input import EXTRA_LISTS, PLURALS, object_schema
from pwa_app.hsds.schema import TRANSLATIONS_RESOURCE, package_descriptor, resources

SCHEMA_DIR = Path(__file__).parent / "schema"
SHORT_TIME = re.compile(r"^\d\d:\d\d$")
TRANSLATION_FIELDS = ("entity", "id", "field", "language", "value")
# Where a row with several parents is nested in JSON: the first parent it has, in this order.
HOMES = ("contact_id", "phone_id", "service_at_location_id", "service_id", "location_id", "organization_id",
         "taxonomy_id")


def cell(value: Any) -> str:
    """Write a stored value as a CSV cell that reads back as the same value."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.isoformat() + "Z"  # stored as UTC
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def json_value(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (date, datetime)):
        return cell(value)
    return value


def _columns(name: str) -> list[str]:
    return [f for f in resources()[name].field_names if f not in LOCAL_COLUMNS.get(name, set())]


def table_rows(session: Session, name: str) -> list[dict[str, Any]]:
    """Return one HSDS table's rows as stored, ordered by id."""
    table = HSDS_MODELS[name].__table__
    columns = _columns(name)
    query = select(*(table.c[c] for c in columns)).order_by(table.c.id)
    return [dict(zip(columns, row, strict=True)) for row in session.execute(query)]


def translation_rows(session: Session) -> list[dict[str, str]]:
    query = select(*(getattr(Translation, f) for f in TRANSLATION_FIELDS)).order_by(
        Translation.entity, Translation.id, Translation.field, Translation.language)
    return [dict(zip(TRANSLATION_FIELDS, row, strict=True)) for row in session.execute(query)]


def _info(session: Session) -> tuple[str, dict]:
    info = dict(session.execute(select(DirectoryInfo.key, DirectoryInfo.value)).all())
    title = info.pop("title", "")
    extra = {k: v for k, v in info.items() if v and k in DIRECTORY_INFO_KEYS}  # not derived keys (data_version)
    if info.get("demo"):
        extra["demo"] = True
    return title, extra


def export_csv(session: Session, out: Path, progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Write datapackage.json and one CSV per HSDS table (plus translations.csv) into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    official = json.loads((SCHEMA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    title, extra = _info(session)
    descriptor = {k: v for k, v in package_descriptor().items() if k not in ("name", "title")}
    if title:  # the importer takes an untitled package's name as its title, so an empty one has neither
        descriptor = {"name": "passerelle-export", "title": title, **descriptor}
    if extra:
        descriptor["passerelle"] = extra
    descriptor["resources"] = [*official["resources"], TRANSLATIONS_RESOURCE]
    counts = {}
    for resource in descriptor["resources"]:
        name = resource["name"]
        if name == "translations":
            header, rows = list(TRANSLATION_FIELDS), translation_rows(session)
        else:
            header, rows = _columns(name), table_rows(session, name)
        times = {f.name for f in resources()[name].fields if f.type == "time"} if name != "translations" else set()
        with (out / resource["path"]).open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            # A CSV time is HH:MM:SS (Table Schema's default, which `frictionless validate` holds it to).
            writer.writerows([cell(r[c]) + (":00" if c in times and SHORT_TIME.match(cell(r[c])) else "") for c in header]
                             for r in rows)
        counts[name] = len(rows)
        if progress:
            progress(name, len(rows))
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return counts


def _child_keys(parent: str) -> dict[str, str]:
    """Return child object type -> the key its list has inside `parent` (phone -> "phones")."""
    keys = set(object_schema(parent)["properties"]) | EXTRA_LISTS.get(parent, set())
    return {PLURALS[k]: k for k in keys if k in PLURALS and (
        object_schema(parent)["properties"].get(k, {}).get("type") == "array" or k in EXTRA_LISTS.get(parent, set()))}


def _home(name: str, row: dict) -> tuple[str, str] | None:
    """Return (parent type, parent id) under which `row` is nested in JSON, or None for the top level."""
    if name == "attribute":
        candidates = [(row["link_entity"], row["link_id"])]
    elif name == "metadata":
        candidates = [(row["resource_type"], row["resource_id"])]
    else:
        candidates = [(c[: -len("_id")], row.get(c)) for c in HOMES if c in row]
    for parent, ident in candidates:
        if ident is not None and parent in HSDS_MODELS and name in _child_keys(parent):
            return parent, ident
    return None


def build_json(session: Session) -> dict[str, Any]:
    """Return the whole directory as one JSON bundle of nested HSDS 3.0 objects."""
    objects: dict[str, dict[str, dict]] = {}
    for name in HSDS_MODELS:
        objects[name] = {r["id"]: {k: json_value(v) for k, v in r.items() if v is not None}
                         for r in table_rows(session, name)}
    top: dict[str, list[dict]] = defaultdict(list)
    for name in HSDS_MODELS:
        for row in objects[name].values():
            home = _home(name, row)
            parent = objects.get(home[0], {}).get(home[1]) if home else None
            if parent is None:
                top[name].append(row)
            else:
                parent.setdefault(_child_keys(home[0])[name], []).append(row)
    title, extra = _info(session)
    bundle: dict[str, Any] = {"title": title} if title else {}
    if extra:
        bundle["passerelle"] = extra
    plural = {v: k for k, v in PLURALS.items()}
    for name in HSDS_MODELS:
        if top[name]:
            bundle[plural[name]] = top[name]
    bundle["translations"] = translation_rows(session)
    return bundle


def export_json(session: Session, out: Path) -> dict[str, int]:
    """Write the JSON bundle to `out` (a file); return the number of rows of each table."""
    bundle = build_json(session)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(bundle, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    counts = {name: len(table_rows(session, name)) for name in HSDS_MODELS}
    counts["translations"] = len(bundle["translations"])
    return counts
