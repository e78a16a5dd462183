"""Load HSDS 3.0 data into the database: everything or nothing.

Reading and checking happen entirely before the first write, and the writes happen in one
transaction, so a defect anywhere leaves the database exactly as it was. The input is a tabular
datapackage (folder or .zip) or HSDS 3.0 JSON (see json_input.py), which is flattened into the
same tables and goes through the same checks.

Size: the checks that need the whole package at once (ids, references, taxonomy cycles,
translations) and the writes (replace or merge) share the parsed rows; reading and the package type
live in reading.py and package.py.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from pwa_app.db import data_version
from pwa_app.db.models import (HSDS_MODELS, LOCAL_COLUMNS, DirectoryInfo, Metadata, SearchDocument, TaxonomyTerm,
                               Translation)
from pwa_app.core.slugs import assign_slugs
from pwa_app.hsds.package import ImportFailed, Package, at
from pwa_app.hsds.reading import all_resources, read_source
from pwa_app.hsds.schema import Resource
from pwa_app.hsds.validate import EMAIL_RE, RANGES, Problem, check_row, find_cycles, is_language_code


DIRECTORY_INFO_KEYS = ("region_name", "timezone", "base_language")
BATCH = 2000
# A replacement that would leave fewer than this share of the services the directory holds is refused
# unless the caller allows it: an empty folder, a .zip a converter could not read, or a package whose
# files are not where it says must not empty a directory (issue 16).
SHRINK_FLOOR = 0.5
# Text a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM(…)", "+cmd|…"): warned about.
FORMULA = re.compile(r"^\s*(?:[=@]|[+\-]\s*[A-Za-z_]+\s*[(|!])")


class WouldShrink(ImportFailed):
    """Replacing the directory with this input would remove most of it; nothing was written."""

    def __init__(self, incoming: int, existing: int):
        super().__init__([Problem("service", f"the input holds {incoming} service(s); the directory holds {existing}")])
        self.incoming, self.existing = incoming, existing


@dataclass
class Summary:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)
    ignored: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def lines(self) -> list[str]:
        names = [n for n in [*HSDS_MODELS, "translations"]
                 if self.created[n] or self.updated[n] or self.unchanged[n] or self.removed[n]]
        out = [f"{name}: {self.created[name]} created, {self.updated[name]} updated, "
               f"{self.unchanged[name]} unchanged, {self.removed[name]} removed" for name in names]
        out += [f"warning: {w}" for w in self.warnings]
        return out + [f"ignored: {item}" for item in self.ignored]


@dataclass
class Known:
    """What the database already holds, for a merge: ids per table and each term's parent."""

    ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    parents: dict[str, str | None] = field(default_factory=dict)


def check_package(package: Package, lenient: bool = False, known: Known | None = None,
                  warnings: list[Problem] | None = None) -> tuple[dict[str, list[dict[str, Any]]], list[Problem]]:
    """Return every table's parsed rows and every problem: types, uniqueness, references.

    With `lenient`, three defects common in published examples become warnings instead:
    a dangling optional reference is emptied, out-of-range coordinates are dropped, and an
    attribute's missing link_entity is inferred from the table that holds its link_id.
    """
    problems: list[Problem] = []
    warnings = warnings if warnings is not None else []
    parsed: dict[str, list[dict[str, Any]]] = {}
    where: dict[tuple[str, str], str] = {}  # (resource, id) -> "file:row" for messages
    every = all_resources()
    formulas: list[str] = []
    schemeless: list[str] = []
    uris = {name: [f.name for f in r.fields if f.format == "uri"] for name, r in every.items()}
    raw_ids = {name: {r.get("id") for r in rows} for name, (_, rows) in package.tables.items()}
    for name, (path, rows) in package.tables.items():
        resource: Resource = every[name]
        out = parsed.setdefault(name, [])
        for number, row in enumerate(rows, start=2):
            place = row.get("__where") or f"{path}:{number}"
            if lenient:
                row = _lenient_row(name, row, place, raw_ids, known, warnings)
                if row is None:
                    continue
            values, found = check_row(resource, row, place)
            if "#" in place:
                found = [Problem(p.where.replace(place + ":", place + "/", 1), p.message) for p in found]
            problems += found
            # A row with a bad cell still has an id: knowing it avoids a cascade of "not in the package".
            if values.get("id") is not None and name != "translations":
                if (name, values["id"]) in where:
                    problems.append(Problem(at(place, "id"), f"duplicate id {values['id']} (first at {where[(name, values['id'])]})"))
                    continue
                where[(name, values["id"])] = place
            if not found:
                out.append(values | {"__where": place})
                formulas += [at(place, k) for k, v in values.items() if isinstance(v, str) and FORMULA.match(v)]
                schemeless += [at(place, f) for f in uris.get(name, ()) if values.get(f) and values[f] != (row.get(f) or "").strip()]
    if schemeless:
        warnings.append(Problem(schemeless[0], f"has no scheme ({len(schemeless)} web address(es) in all); read as https://…"))
    if formulas:  # kept exactly (an export is for programs), but a spreadsheet would run them
        warnings.append(Problem(formulas[0], f"starts like a spreadsheet formula ({len(formulas)} cell(s) in all); kept as "
                                             "written: open exports in a spreadsheet as text (docs/hsds.md)"))
    ids: dict[str, set[str]] = defaultdict(set)
    if known is not None:
        for name, present in known.ids.items():
            ids[name] |= present
    for (name, ident) in where:
        ids[name].add(ident)
    required = {name: {f.name for f in r.fields if f.required} for name, r in every.items()}
    for name, rows in parsed.items():
        resource = every[name]
        for row in rows:
            for column, target in resource.foreign_keys:
                value = row.get(column)
                if value is None or value in ids[target]:
                    continue
                message = f"refers to {target} {value}, which is not in the package"
                if lenient and column not in required[name]:
                    warnings.append(Problem(at(row["__where"], column), message + "; left empty"))
                    row[column] = None
                else:
                    problems.append(Problem(at(row["__where"], column), message))
    problems += _check_taxonomy(parsed.get("taxonomy_term", []), ids["taxonomy_term"], lenient, warnings,
                                known.parents if known else {})
    problems += _check_translations(parsed.get("translations", []), ids)
    return parsed, problems


def _lenient_row(name: str, row: dict, place: str, raw_ids: dict[str, set], known: Known | None,
                 warnings: list[Problem]) -> dict | None:
    """Return the row with the defects that --lenient forgives repaired (None: drop it), each reported."""
    if name == "location":
        for column in ("latitude", "longitude"):
            low, high = RANGES[("location", column)]
            try:
                value = float(row.get(column) or "nan")
            except ValueError:
                continue  # not a number at all: still an error
            if not low <= value <= high:  # NaN fails too, but only when the cell was a number
                warnings.append(Problem(at(place, column),
                                        f"{value:g} is outside {low:g}..{high:g}; the location's coordinates were dropped"))
                return {**row, "latitude": "", "longitude": ""}
    emails = [f.name for f in all_resources()[name].fields if f.format == "email"]
    bad = [c for c in emails if (row.get(c) or "").strip() and not EMAIL_RE.match((row.get(c) or "").strip())]
    if bad:
        for column in bad:
            warnings.append(Problem(at(place, column), f"{(row.get(column) or '')[:60]!r} is not an email address; dropped"))
        row = {**row, **dict.fromkeys(bad, "")}
    if name == "attribute" and not (row.get("link_entity") or "").strip():
        link = row.get("link_id")
        holders = [t for t, present in raw_ids.items() if link in present and t != "attribute"]
        holders += [t for t, present in (known.ids.items() if known else []) if link in present and t not in holders]
        if len(holders) == 1:
            warnings.append(Problem(at(place, "link_entity"), f"is empty; taken as {holders[0]!r}, the table that holds {link}"))
            return {**row, "link_entity": holders[0]}
        if not holders:
            warnings.append(Problem(at(place, "link_id"), f"{link} is in no table of the package; the attribute was dropped"))
            return None
    return row


def _check_taxonomy(terms: list[dict], term_ids: set[str], lenient: bool, warnings: list[Problem],
                    existing: dict[str, str | None]) -> list[Problem]:
    problems = []
    for term in terms:
        parent = term.get("parent_id")
        if parent is not None and parent not in term_ids:
            # Terms come embedded in services from other APIs, without their parents: a term is still
            # a category, so the link is left empty with a warning, never a refusal (issue 16).
            message = f"refers to taxonomy_term {parent}, which is not in the package nor the directory"
            warnings.append(Problem(at(term["__where"], "parent_id"), message + "; left empty"))
            term["parent_id"] = None
    parents = {**existing, **{t["id"]: t.get("parent_id") for t in terms}}
    by_id = {t["id"]: t for t in terms}
    for ident in find_cycles(parents):
        if ident in by_id:
            problems.append(Problem(at(by_id[ident]["__where"], "parent_id"), "the chain of parent terms loops back on itself"))
    return problems


def _check_translations(rows: list[dict], ids: dict[str, set[str]]) -> list[Problem]:
    problems = []
    seen = {}
    for row in rows:
        place, entity = row["__where"], row["entity"]
        model = HSDS_MODELS.get(entity)
        if model is None:
            problems.append(Problem(at(place, "entity"), f"{entity!r} is not an HSDS table"))
        elif row["id"] not in ids[entity]:
            problems.append(Problem(at(place, "id"), f"refers to {entity} {row['id']}, which is not in the package"))
        elif row["field"] not in model.__table__.columns or row["field"] == "id":
            problems.append(Problem(at(place, "field"), f"{entity} has no text field {row['field']!r}"))
        if not is_language_code(row["language"]):
            problems.append(Problem(at(place, "language"), f"{row['language']!r} is not a language code such as fr or zh-Hans"))
        key = (entity, row["id"], row["field"], row["language"])
        if key in seen:
            problems.append(Problem(place, f"repeats the translation first given at {seen[key]}"))
        seen[key] = place
    return problems


def _known(session) -> Known:
    known = Known()
    for name, model in HSDS_MODELS.items():
        known.ids[name] = set(session.scalars(select(model.id)))
    known.parents = dict(session.execute(select(TaxonomyTerm.id, TaxonomyTerm.parent_id)).all())
    return known


class Progress(Protocol):
    """What an import says as it goes (pwa_app.cli.database.StageProgress draws it)."""

    def stage(self, name: str, total: int = 0) -> None: ...  # "reading", "checking", "writing" (total rows)...

    def advance(self, rows: int) -> None: ...  # rows written


def import_package(session: Session, source: Path, progress: Progress | None = None, *,
                   merge: bool = False, lenient: bool = False, allow_shrink: bool = False) -> Summary:
    """Write the data at `source` into `session`'s transaction, or raise ImportFailed and write nothing.

    By default the directory is replaced; with `merge`, records are upserted by id and records
    absent from `source` stay. A replacement that would remove most of the directory (SHRINK_FLOOR)
    raises WouldShrink unless `allow_shrink`. With `lenient`, see `check_package`. The importer only writes: the
    caller rebuilds what derives from the records (search index, snapshots) and commits, so an
    import is all or nothing (pwa_app.cli.hsds.import_directory).
    """
    if progress:
        progress.stage("reading")
    package, problems = read_source(Path(source), lenient)
    warnings: list[Problem] = list(package.warnings)
    parsed: dict = {}
    if not problems or package.from_json:
        if progress:
            progress.stage(f"checking {sum(len(rows) for _, rows in package.tables.values()):,} rows")
        known = _known(session) if merge else None
        parsed, more = check_package(package, lenient, known, warnings)
        problems += more
        package.tables.clear()  # the raw cells are no longer needed: free them before writing
    if problems:
        raise ImportFailed(_first_per_place(problems))
    if not merge and not allow_shrink:
        existing = session.scalar(select(func.count()).select_from(HSDS_MODELS["service"]))
        incoming = len(parsed.get("service", []))
        if existing and incoming < existing * SHRINK_FLOOR:
            raise WouldShrink(incoming, existing)
    summary = Summary(ignored=package.ignored, warnings=warnings)
    if progress:
        progress.stage("writing", sum(len(rows) for rows in parsed.values()))
    _write(session, parsed, package, summary, progress, merge)
    data_version.touch(session)  # pages rendered from the old data are stale now
    return summary


def _first_per_place(problems: list[Problem]) -> list[Problem]:
    """Keep one problem per location: the JSON schema and the cell checks may both flag a value."""
    seen: set[str] = set()
    out = []
    for problem in problems:
        if problem.where not in seen or "#" not in problem.where:
            out.append(problem)
        seen.add(problem.where)
    return out


def _columns(name: str) -> list[str]:
    local = LOCAL_COLUMNS.get(name, set())
    return [c for c in HSDS_MODELS[name].__table__.columns.keys() if c not in local]  # noqa: SIM118 - a ColumnCollection yields Columns, keys() names


def _clean(rows: list[dict], columns: list[str]) -> list[dict]:
    """Drop our "__where" marks in place (a copy would double the memory of a big import)."""
    for row in rows:
        row.pop("__where", None)
        for column in columns:
            row.setdefault(column, None)
    return rows


def _write(session: Session, parsed, package: Package, summary: Summary, progress, merge: bool) -> None:
    incoming: dict[str, list[dict]] = {}
    for name in HSDS_MODELS:
        columns = _columns(name)
        rows = _clean(parsed.get(name, []), columns)
        incoming[name] = rows
        table = HSDS_MODELS[name].__table__
        existing = {r[0]: tuple(r) for r in session.execute(select(*(table.c[c] for c in columns)))}
        for row in rows:
            before = existing.pop(row["id"], None)
            if before is None:
                summary.created[name] += 1
            elif before == tuple(row[c] for c in columns):
                summary.unchanged[name] += 1
            else:
                summary.updated[name] += 1
        if not merge:
            summary.removed[name] = len(set(existing) - (_curators_trail(session) if name == "metadata" else set()))
    translations = _translation_rows(parsed.get("translations", []))
    existing = {(t.entity, t.id, t.field, t.language): t.value for t in session.scalars(select(Translation))}
    for row in translations:
        before = existing.pop(_key(row), None)
        counter = summary.created if before is None else summary.unchanged if before == row["value"] else summary.updated
        counter["translations"] += 1
    if merge:
        _merge(session, incoming, translations, progress)
    else:
        summary.removed["translations"] = len(existing)
        _replace(session, incoming, translations, progress)
    info = {"title": package.title, "demo": "1" if package.extra.get("demo") else "", **{
        k: str(v) for k, v in package.extra.items() if k in DIRECTORY_INFO_KEYS}}
    if not merge or package.title:
        session.execute(delete(DirectoryInfo))
        session.execute(insert(DirectoryInfo), [{"key": k, "value": v} for k, v in info.items()])


def _insert(session: Session, model, rows: list[dict], name: str, progress) -> None:
    # Core inserts: the ORM's bulk path costs a third of the import time on 60,000 services.
    for start in range(0, len(rows), BATCH):
        session.execute(insert(model.__table__), rows[start : start + BATCH])
        if progress:
            progress.advance(min(BATCH, len(rows) - start))


def _translation_rows(parsed_rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "__where"} for r in parsed_rows]


def _key(row) -> tuple:
    return (row["entity"], row["id"], row["field"], row["language"])


def _curators_trail(session: Session) -> set[str]:
    """The ids of the audit trail's rows that curators' changes wrote here (they have a `changed_at`)."""
    return set(session.scalars(select(Metadata.id).where(Metadata.changed_at.is_not(None))))


def _replace(session: Session, incoming: dict[str, list[dict]], translations: list[dict], progress) -> None:
    # The curators' audit trail outlives a replacement: it is the history of the directory, not of
    # one file. Imported metadata rows are replaced like any other table; a row of ours that comes
    # back in the file (an export re-imported) is kept as it is.
    kept = _curators_trail(session)
    for model in [SearchDocument, Translation, DirectoryInfo, *reversed(HSDS_MODELS.values())]:
        session.execute(delete(model).where(Metadata.changed_at.is_(None)) if model is Metadata else delete(model))
    for name, model in HSDS_MODELS.items():
        rows = [r for r in incoming[name] if r["id"] not in kept] if name == "metadata" else incoming[name]
        if name == "taxonomy_term":
            assign_slugs(rows)
        _insert(session, model, rows, name, progress)
    _insert(session, Translation, translations, "translations", progress)


def _merge(session: Session, incoming: dict[str, list[dict]], translations: list[dict], progress) -> None:
    """Upsert by id, parents before children so that every reference holds at every step."""
    for name, model in HSDS_MODELS.items():
        present = set(session.scalars(select(model.id)))
        new = [r for r in incoming[name] if r["id"] not in present]
        old = [r for r in incoming[name] if r["id"] in present]
        if name == "taxonomy_term":
            for row in new:
                row["slug"] = None  # given below, once every term is in
        _insert(session, model, new, name, progress)
        for start in range(0, len(old), BATCH):
            session.execute(update(model), old[start : start + BATCH])
            if progress:
                progress.advance(min(BATCH, len(old) - start))
    _reslug(session)
    existing = {(t.entity, t.id, t.field, t.language): t.value for t in session.scalars(select(Translation))}
    _insert(session, Translation, [r for r in translations if _key(r) not in existing], "translations", progress)
    changed = [r for r in translations if _key(r) in existing and existing[_key(r)] != r["value"]]
    if changed:
        session.execute(update(Translation), changed)


def _reslug(session) -> None:
    """Give every term the slug a fresh import would give it, so merge and replace agree."""
    terms = [dict(r._mapping) for r in session.execute(
        select(TaxonomyTerm.id, TaxonomyTerm.name, TaxonomyTerm.code, TaxonomyTerm.parent_id, TaxonomyTerm.slug))]
    before = {t["id"]: t["slug"] for t in terms}
    assign_slugs(terms)
    changed = [{"id": t["id"], "slug": t["slug"]} for t in terms if t["slug"] != before[t["id"]]]
    if changed:  # clear first: two terms may swap slugs, and slugs are unique
        session.execute(update(TaxonomyTerm), [{"id": c["id"], "slug": None} for c in changed])
        session.execute(update(TaxonomyTerm), changed)
