"""Read a datapackage (folder or .zip) or an HSDS JSON file into a Package, without judging its contents."""
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from pwa_app.hsds.json_input import read_json
from pwa_app.hsds.package import Package, decode
from pwa_app.hsds.schema import Resource, resources, translations_resource
from pwa_app.hsds.validate import Problem

JSON_SUFFIXES = (".json", ".ndjson", ".jsonl")
csv.field_size_limit(1_000_000)  # a longer cell is reported by the validator, not by csv


class _Files:
    """Read files by name from a folder or a .zip, whichever the curator gave."""

    def __init__(self, source: Path):
        self.source = source
        self.zip = zipfile.ZipFile(source) if source.is_file() else None
        if self.zip is not None:
            names = [n for n in self.zip.namelist() if n.endswith("datapackage.json")]
            self.prefix = min(names, key=len)[: -len("datapackage.json")] if names else ""

    def names(self) -> set[str]:
        """The names of the files in it (at any depth), to tell its format."""
        if self.zip is not None:
            return {n.rsplit("/", 1)[-1] for n in self.zip.namelist()}
        return {p.name for p in self.source.rglob("*") if p.is_file() and len(p.relative_to(self.source).parts) <= 3}

    def read(self, name: str) -> bytes | None:
        if self.zip is not None:
            try:
                return self.zip.read(self.prefix + name)
            except KeyError:
                return None
        path = self.source / name
        return path.read_bytes() if path.is_file() else None


# Files only the older formats have, and how `import-legacy` names each (issue 16: one front door).
LEGACY_FORMATS = (  # Ohana's first: its CSV export has holiday_schedules.csv too
    ("ohana-csv", "an Ohana CSV export", {"mail_addresses.csv"}),
    ("ohana-mongo", "an Ohana MongoDB export", {"organizations.json"}),
    ("hsds-1.1", "an HSDS 1.x datapackage", {"physical_addresses.csv", "postal_addresses.csv", "services_at_location.csv",
                                             "services_taxonomy.csv", "accessibility_for_disabilities.csv",
                                             "holiday_schedules.csv"}),
)
# HSDS 2.0 keeps 1.x's address, service-at-location and accessibility files (3.0 has not), but its
# schedules.csv and attributes are 3.0's. Its own files, those it shares with 1.x, and 1.x's own.
HSDS2_ONLY = {"service_attributes.csv", "other_attributes.csv"}
HSDS1_AND_2 = {"physical_addresses.csv", "postal_addresses.csv", "services_at_location.csv",
               "accessibility_for_disabilities.csv"}
HSDS1_ONLY = {"services_taxonomy.csv", "regular_schedules.csv", "holiday_schedules.csv", "taxonomy.csv"}


class OtherFormat(Problem):
    """The input is in an older format that `import-legacy` converts: one line says the command."""


def legacy_kind(names: set[str], version: str = "") -> tuple[str, str, str] | None:
    """The older format of a package with files `names` and datapackage.json `version`, as (its
    `import-legacy` kind, what it is, why): None for HSDS 3.0 or anything else the checks then describe.
    Files decide first; the `version` Open Referral's templates write ("1.0", "2.0.1") only settles a
    package that has none of the files only one version has."""
    shared, own = sorted(names & HSDS1_AND_2), sorted(names & HSDS2_ONLY)
    if own or (shared and "schedules.csv" in names):
        return "hsds-2.0", "an HSDS 2.0 datapackage", f"it has {(own or shared)[0]}" + ("" if own else " and schedules.csv")
    if shared and version.startswith("2.") and not names & HSDS1_ONLY:
        return "hsds-2.0", "an HSDS 2.0 datapackage", f"its datapackage.json says version {version} and it has {shared[0]}"
    if "schedules.csv" in names or "schedule.csv" in names:
        return None  # HSDS 3.0 (its schedules table); the checks then say what else is wrong
    for kind, what, marks in LEGACY_FORMATS:
        found = sorted(names & marks)
        if found and (kind != "ohana-mongo" or {"locations.json", "services.json"} <= names):
            return kind, what, f"it has {found[0]}"
    return None


def legacy_format(names: set[str], source: Path, version: str = "") -> OtherFormat | None:
    found = legacy_kind(names, version)
    if found is None:
        return None
    kind, what, why = found
    return OtherFormat(str(source), f"is {what} ({why}), not HSDS 3.0: import it with "
                                    f"`flask --app pwa_app import-legacy {kind} {source}`")


def declared_version(raw: bytes | None) -> str:
    """The `version` a datapackage.json declares, or "" (none, or not a readable descriptor)."""
    try:
        descriptor = json.loads((raw or b"").decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return ""
    return str(descriptor.get("version") or "").strip() if isinstance(descriptor, dict) else ""


def package_kind(source: Path) -> tuple[str, str, str] | None:
    """`legacy_kind` of the package (folder or .zip) at `source`."""
    try:
        files = _Files(source)
    except (OSError, zipfile.BadZipFile):
        return None
    return legacy_kind(files.names(), declared_version(files.read("datapackage.json")))


def all_resources() -> dict[str, Resource]:
    return {**resources(), "translations": translations_resource()}


def read_package(source: Path, lenient: bool = False) -> tuple[Package, list[Problem]]:
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
    other = legacy_format(files.names(), source, declared_version(raw))
    if other is not None:
        return package, [other]
    if raw is None:
        return package, [Problem(f"{source}/datapackage.json", "is missing; a tabular datapackage needs one")]
    text = decode(raw, "datapackage.json", problems)
    if text is None:
        return package, problems
    try:
        descriptor = json.loads(text)
        listed = {r["name"]: r["path"] for r in descriptor["resources"]}
    except (ValueError, KeyError, TypeError) as exc:
        return package, [Problem("datapackage.json", f"is not a datapackage descriptor ({exc})")]
    package.title = str(descriptor.get("title") or descriptor.get("name") or "")
    package.extra = descriptor.get("passerelle") or {}
    known = {r.name: r for r in all_resources().values()}
    for name, path in listed.items():
        if name not in known:
            package.ignored.append(f"resource {name!r} ({path}) is not part of HSDS 3.0")
            continue
        data = files.read(path)
        if data is None:
            problems.append(Problem(path, "is listed in datapackage.json but missing"))
            continue
        content = decode(data, path, problems)
        if content is None:
            continue
        reader = csv.reader(io.StringIO(content, newline=""))
        try:
            header, rows = _rows(reader, path, problems)
        except csv.Error as exc:
            problems.append(Problem(f"{path}:{reader.line_num}", f"is not well-formed CSV ({exc})"))
            continue
        missing = [f.name for f in known[name].fields if f.required and f.name not in header]
        if lenient and name == "attribute" and "link_entity" in missing:
            missing.remove("link_entity")  # inferred from link_id in check_package (the UK profile omits it)
        problems += [Problem(f"{path}:1:{col}", "required column is missing") for col in missing]
        extra = [h for h in header if h not in known[name].field_names]
        if extra:
            package.ignored.append(f"{path}: columns not in HSDS 3.0: {', '.join(extra)}")
        package.tables[name] = (path, rows)
    return package, problems


def _rows(reader, path: str, problems: list[Problem]) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows as dicts, as csv.DictReader reads them, but a row whose number of cells
    differs from the header's is reported as exactly that: its cells cannot be matched to columns, and
    the rows are not checked further until it is mended. Rows are counted as a spreadsheet shows them
    (the header is row 1, a cell with line breaks is still one row)."""
    header = next(reader, [])
    rows: list[dict[str, str]] = []
    number = 1
    for cells in reader:
        if not cells:
            continue  # a blank line, which a spreadsheet does not show either
        number += 1
        if len(cells) != len(header):
            why = {1: ": one cell too many (a comma in a cell without quotes?)", -1: ": one cell too few"}
            problems.append(Problem(f"{path}:{number}", f"has {len(cells)} cells where the header has {len(header)} "
                                    f"columns{why.get(len(cells) - len(header), '')}"))
            continue
        rows.append(dict(zip(header, cells, strict=True)))
    return header, rows


def read_source(source: Path, lenient: bool = False) -> tuple[Package, list[Problem]]:
    """Read a datapackage (folder or .zip) or an HSDS JSON file, whichever `source` is."""
    if source.is_file() and source.suffix.lower() in JSON_SUFFIXES:
        return read_json(source, lenient)
    return read_package(source, lenient)
