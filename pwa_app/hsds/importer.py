"""Load an HSDS 3.0 tabular datapackage into the database: everything or nothing.

Reading and checking happen entirely before the first write, and the writes happen in one
transaction, so a defect anywhere leaves the database exactly as it was.
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import delete, insert

from ..extensions import db
from ..models import HSDS_MODELS, DirectoryInfo, SearchDocument, Translation
from ..slugs import assign_slugs
from .. import search
from .schema import Resource, resources, translations_resource
from .validate import Problem, check_row, find_cycles, is_language_code

csv.field_size_limit(1_000_000)  # a longer cell is reported by the validator, not by csv


class ImportFailed(Exception):
    """The package has defects; nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass
class Package:
    """The decoded tables of a datapackage: resource name -> (file name, rows as dicts)."""

    title: str = ""
    extra: dict = field(default_factory=dict)
    tables: dict[str, tuple[str, list[dict[str, str]]]] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)


@dataclass
class Summary:
    created: Counter = field(default_factory=Counter)
    ignored: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{name}: {n} created" for name, n in self.created.items() if n]
        return out + [f"ignored: {item}" for item in self.ignored]


class _Files:
    """Read files by name from a folder or a .zip, whichever the curator gave."""

    def __init__(self, source: Path):
        self.source = source
        self.zip = zipfile.ZipFile(source) if source.is_file() else None
        if self.zip is not None:
            names = [n for n in self.zip.namelist() if n.endswith("datapackage.json")]
            self.prefix = min(names, key=len)[: -len("datapackage.json")] if names else ""

    def read(self, name: str) -> bytes | None:
        if self.zip is not None:
            try:
                return self.zip.read(self.prefix + name)
            except KeyError:
                return None
        path = self.source / name
        return path.read_bytes() if path.is_file() else None


def _decode(data: bytes, name: str, problems: list[Problem]) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(f"{name}:{line}", f"is not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8 and import again"))
        return None


def read_package(source: Path) -> tuple[Package, list[Problem]]:
    """Decode the datapackage at `source` (folder or .zip) without judging its contents."""
    problems: list[Problem] = []
    package = Package()
    if not source.exists():
        return package, [Problem(str(source), "does not exist")]
    try:
        files = _Files(source)
    except zipfile.BadZipFile:
        return package, [Problem(str(source), "is neither a folder nor a readable .zip file")]
    raw = files.read("datapackage.json")
    if raw is None:
        return package, [Problem(f"{source}/datapackage.json", "is missing; a tabular datapackage needs one")]
    text = _decode(raw, "datapackage.json", problems)
    if text is None:
        return package, problems
    try:
        descriptor = json.loads(text)
        listed = {r["name"]: r["path"] for r in descriptor["resources"]}
    except (ValueError, KeyError, TypeError) as exc:
        return package, [Problem("datapackage.json", f"is not a datapackage descriptor ({exc})")]
    package.title = str(descriptor.get("title") or descriptor.get("name") or "")
    package.extra = descriptor.get("passerelle") or {}
    known = {**{r.name: r for r in resources().values()}, "translations": translations_resource()}
    for name, path in listed.items():
        if name not in known:
            package.ignored.append(f"resource {name!r} ({path}) is not part of HSDS 3.0")
            continue
        data = files.read(path)
        if data is None:
            problems.append(Problem(path, "is listed in datapackage.json but missing"))
            continue
        content = _decode(data, path, problems)
        if content is None:
            continue
        reader = csv.DictReader(io.StringIO(content, newline=""))
        try:
            rows = list(reader)
        except csv.Error as exc:
            problems.append(Problem(f"{path}:{reader.line_num}", f"is not well-formed CSV ({exc})"))
            continue
        header = reader.fieldnames or []
        missing = [f.name for f in known[name].fields if f.required and f.name not in header]
        problems += [Problem(f"{path}:1:{col}", "required column is missing") for col in missing]
        extra = [h for h in header if h not in known[name].field_names]
        if extra:
            package.ignored.append(f"{path}: columns not in HSDS 3.0: {', '.join(extra)}")
        package.tables[name] = (path, rows)
    return package, problems


def check_package(package: Package) -> tuple[dict[str, list[dict[str, Any]]], list[Problem]]:
    """Return every table's parsed rows and every problem: types, uniqueness, references."""
    problems: list[Problem] = []
    parsed: dict[str, list[dict[str, Any]]] = {}
    where: dict[tuple[str, str], str] = {}  # (resource, id) -> "file:row" for messages
    all_resources = {**resources(), "translations": translations_resource()}
    for name, (path, rows) in package.tables.items():
        resource: Resource = all_resources[name]
        out = parsed.setdefault(name, [])
        for number, row in enumerate(rows, start=2):
            place = f"{path}:{number}"
            values, found = check_row(resource, row, place)
            problems += found
            # A row with a bad cell still has an id: knowing it avoids a cascade of "not in the package".
            if values.get("id") is not None and name != "translations":
                if (name, values["id"]) in where:
                    problems.append(Problem(f"{place}:id", f"duplicate id {values['id']} (first at {where[(name, values['id'])]})"))
                    continue
                where[(name, values["id"])] = place
            if not found:
                out.append(values | {"__where": place})
    ids = defaultdict(set)
    for (name, ident) in where:
        ids[name].add(ident)
    for name, rows in parsed.items():
        resource = all_resources[name]
        for row in rows:
            for column, target in resource.foreign_keys:
                value = row.get(column)
                if value is not None and value not in ids[target]:
                    problems.append(Problem(f"{row['__where']}:{column}", f"refers to {target} {value}, which is not in the package"))
    problems += _check_taxonomy(parsed.get("taxonomy_term", []), ids["taxonomy_term"])
    problems += _check_translations(parsed.get("translations", []), ids)
    return parsed, problems


def _check_taxonomy(terms: list[dict], term_ids: set[str]) -> list[Problem]:
    problems = []
    for term in terms:
        parent = term.get("parent_id")
        if parent is not None and parent not in term_ids:
            problems.append(Problem(f"{term['__where']}:parent_id", f"refers to taxonomy_term {parent}, which is not in the package"))
    parents = {t["id"]: t.get("parent_id") for t in terms}
    by_id = {t["id"]: t for t in terms}
    for ident in find_cycles(parents):
        problems.append(Problem(f"{by_id[ident]['__where']}:parent_id", "the chain of parent terms loops back on itself"))
    return problems


def _check_translations(rows: list[dict], ids: dict[str, set[str]]) -> list[Problem]:
    problems = []
    seen = {}
    for row in rows:
        place, entity = row["__where"], row["entity"]
        model = HSDS_MODELS.get(entity)
        if model is None:
            problems.append(Problem(f"{place}:entity", f"{entity!r} is not an HSDS table"))
        elif row["id"] not in ids[entity]:
            problems.append(Problem(f"{place}:id", f"refers to {entity} {row['id']}, which is not in the package"))
        elif row["field"] not in model.__table__.columns or row["field"] == "id":
            problems.append(Problem(f"{place}:field", f"{entity} has no text field {row['field']!r}"))
        if not is_language_code(row["language"]):
            problems.append(Problem(f"{place}:language", f"{row['language']!r} is not a language code such as fr or zh-Hans"))
        key = (entity, row["id"], row["field"], row["language"])
        if key in seen:
            problems.append(Problem(place, f"repeats the translation first given at {seen[key]}"))
        seen[key] = place
    return problems


def import_package(source: Path, progress: Callable[[str, int], None] | None = None) -> Summary:
    """Replace the directory with the package at `source`, or raise ImportFailed and change nothing."""
    package, problems = read_package(Path(source))
    parsed, more = check_package(package) if not problems else ({}, [])
    problems += more
    if problems:
        raise ImportFailed(problems)
    summary = Summary(ignored=package.ignored)
    try:
        _replace_all(parsed, package, summary, progress)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    return summary


def _replace_all(parsed, package: Package, summary: Summary, progress) -> None:
    session = db.session
    for model in [SearchDocument, Translation, DirectoryInfo, *reversed(HSDS_MODELS.values())]:
        session.execute(delete(model))
    for name, model in HSDS_MODELS.items():
        rows = [{k: v for k, v in r.items() if k != "__where"} for r in parsed.get(name, [])]
        if name == "taxonomy_term":
            assign_slugs(rows)
        for start in range(0, len(rows), 2000):
            session.execute(insert(model), rows[start : start + 2000])
            if progress:
                progress(name, min(2000, len(rows) - start))
        summary.created[name] = len(rows)
    translations = [{k: v for k, v in r.items() if k != "__where"} for r in parsed.get("translations", [])]
    if translations:
        session.execute(insert(Translation), translations)
    summary.created["translations"] = len(translations)
    info = {"title": package.title, "demo": "1" if package.extra.get("demo") else "", **{
        k: str(v) for k, v in package.extra.items() if k in ("region_name", "timezone", "base_language")}}
    session.execute(insert(DirectoryInfo), [{"key": k, "value": v} for k, v in info.items()])
    search.rebuild_index(session)
