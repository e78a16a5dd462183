"""What every legacy converter shares: stable ids, the conversion report, and the package being written.

`legacy_id` gives a legacy record a stable uuid5 of its format, table and old id, so converting the
same file twice gives the same ids and a later --merge updates in place. `Tables` collects HSDS 3.0
rows by table and writes them as a tabular datapackage (with our translations resource); `Report`
counts what was converted and skipped. `open_eligibility` adds the shipped Open Eligibility taxonomy
(demo_data/taxonomy_terms.csv, same ids), and the small readers are shared by the Ohana and HSDS 1.x
converters.
"""
from __future__ import annotations

import csv
import json
import re
import tempfile
import uuid
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pwa_app.hsds.schema import SCHEMA_DIR, TRANSLATIONS_RESOURCE, package_descriptor, resources
from pwa_app.hsds.validate import EMAIL_RE

NAMESPACE = uuid.UUID("6f1c3c8e-2f53-4c55-9d7e-5d0b6a1f6b11")  # Passerelle's legacy-id namespace
DEMO_DATA = Path(__file__).resolve().parents[2] / "demo_data"


def legacy_id(source: str, table: str, old: Any) -> str:
    """Return the stable UUID of a legacy record."""
    return str(uuid.uuid5(NAMESPACE, f"{source}:{table}:{old}"))


@dataclass
class Report:
    source: str
    counts: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    filled: Counter = field(default_factory=Counter)  # what HSDS 3.0 needs and the source lacked, and how it was filled
    notes: list[str] = field(default_factory=list)
    # Converted file -> the source place ("data/services.csv:14") of each of its rows, in order.
    origins: dict[str, list[str | None]] = field(default_factory=dict)

    def place(self, where: str) -> str:
        """A place in the converted package ("services.csv:3:status") as the place in the source it came from."""
        match = re.match(r"^([\w.]+\.csv):(\d+)(:.*)?$", where)
        rows = self.origins.get(match.group(1), []) if match else []
        index = int(match.group(2)) - 2 if match else -1
        if 0 <= index < len(rows) and rows[index]:
            return rows[index] + (match.group(3) or "")
        return f"{where} (of the converted package)"

    def lines(self) -> list[str]:
        out = [f"converted from {self.source}: " + ", ".join(f"{n} {k}" for k, n in self.counts.items() if n)]
        out += [f"filled {n:,} {what}" for what, n in sorted(self.filled.items()) if n]
        out += [f"skipped {n:,} {what}" for what, n in sorted(self.skipped.items()) if n]
        return out + self.notes


class MissingDefault(ValueError):
    """The source lacks a value HSDS 3.0 requires, and no default was given for it."""

    def __init__(self, what: str, count: int, option: str):
        super().__init__(f"{count:,} {what}, which HSDS 3.0 requires: give it with {option}")


class RowIds:
    """Ids for a source's rows: their own, or, where a row has none or repeats one already seen in its
    table, a stable one of its own (its file and row number; the same on every conversion), counted.
    Rows are never merged because their ids are empty or repeated."""

    def __init__(self, report: Report):
        self.report, self.seen = report, {}

    def __call__(self, table: str, row: dict, number: int) -> str:
        old = (row.get("id") or "").strip()
        seen = self.seen.setdefault(table, set())
        if not old:
            self.report.filled[f"{table} rows without an id: each given its own"] += 1
            old = f"{table} row {number}"
        elif old in seen:
            self.report.filled[f"{table} rows repeating another row's id: each given its own"] += 1
            old = f"{old} (row {number})"
        seen.add(old)
        return old


class Tables:
    """HSDS 3.0 rows by table, written out as a tabular datapackage."""

    def __init__(self):
        self.rows: dict[str, dict[str, dict]] = {name: {} for name in resources()}
        self.translations: list[dict] = []
        self.broken_emails = 0
        self.at: str | None = None  # the source row being converted ("data/services.csv:14"), set by the converter
        self.origins: dict[tuple[str, str], str] = {}

    def add(self, table: str, row: dict) -> dict:
        row = {k: v for k, v in row.items() if v not in (None, "")}
        if "email" in row and not EMAIL_RE.match(row["email"]):  # "info@_idausa.org", "scl@svsinc.org1638"
            self.broken_emails += 1
            del row["email"]
        if row["id"] not in self.rows[table] and self.at:
            self.origins[(table, row["id"])] = self.at
        self.rows[table].setdefault(row["id"], row)
        return row

    def write(self, out: Path, title: str, report: Report) -> None:
        out.mkdir(parents=True, exist_ok=True)
        if self.broken_emails:
            report.skipped["email addresses that are not email addresses (left empty)"] += self.broken_emails
        official = json.loads((SCHEMA_DIR / "datapackage.json").read_text(encoding="utf-8"))
        descriptor = {**package_descriptor(), "name": "passerelle-legacy-import", "title": title,
                      "resources": [*official["resources"], TRANSLATIONS_RESOURCE]}
        for resource in descriptor["resources"]:
            name = resource["name"]
            if name == "translations":
                header, rows = ["entity", "id", "field", "language", "value"], self.translations
            else:
                header, rows = list(resources()[name].field_names), list(self.rows[name].values())
                report.counts[name] = len(rows)
                report.origins[resource["path"]] = [self.origins.get((name, r["id"])) for r in rows]
            with (out / resource["path"]).open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, header, lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
        (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False), encoding="utf-8")


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k: _text(v) for k, v in row.items() if k} for row in csv.DictReader(f)]


def _text(value: str | None) -> str:
    """A cell as written: trimmed, with line breaks written out as "\\n" read as line breaks."""
    return (value or "").replace("\\r\\n", "\n").replace("\\n", "\n").replace("\r\n", "\n").strip()


@contextmanager
def legacy_input(path: Path) -> Iterator[Path]:
    """The folder to convert: `path` itself, or a .zip unpacked for the conversion; in either, the
    folder that holds datapackage.json where it sits deeper (an archive of its parent folder)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = path
        if path.is_file() and zipfile.is_zipfile(path):
            folder = Path(tmp) / path.stem  # named as the archive, in the report
            with zipfile.ZipFile(path) as archive:
                archive.extractall(folder)
        if folder.is_dir() and not (folder / "datapackage.json").is_file():
            found = sorted(folder.rglob("datapackage.json"), key=lambda p: len(p.parts))
            folder = found[0].parent if found else folder
        yield folder


def locate(folder: Path, name: str, listed: str | None = None) -> Path:
    """Where `name`.csv is: the path datapackage.json gives, else beside it, else in data/, else the
    first anywhere below (exports often move their CSVs without mending datapackage.json)."""
    for candidate in (listed, f"{name}.csv", f"data/{name}.csv"):
        if candidate and (folder / candidate).is_file():
            return folder / candidate
    found = sorted(folder.rglob(f"{name}.csv"), key=lambda p: len(p.parts)) if folder.is_dir() else []
    return found[0] if found else folder / (listed or f"{name}.csv")


def open_eligibility(tables: Tables) -> dict[str, str]:
    """Add the shipped Open Eligibility taxonomy (with its translations); return code -> term id."""
    for row in _read_csv(DEMO_DATA / "taxonomies.csv"):
        tables.add("taxonomy", row)
    codes = {}
    for row in _read_csv(DEMO_DATA / "taxonomy_terms.csv"):
        tables.add("taxonomy_term", row)
        codes[row["code"]] = row["id"]
    tables.translations += [r for r in _read_csv(DEMO_DATA / "translations.csv")
                            if r["entity"] in ("taxonomy", "taxonomy_term")]
    return codes


def _split(text: str) -> list[str]:
    return [p.strip() for p in (text or "").split(",") if p.strip()]


def _urls(text: str) -> list[str]:
    """Web addresses in a cell: exports put several in one, apart by commas, semicolons or spaces."""
    return [p for p in re.split(r"[\s,;]+", text or "") if p]


def _number(text: str) -> str:
    """Return a phone extension if it is a plain number, else ""."""
    digits = (text or "").strip()
    return digits if digits.isdigit() else ""
