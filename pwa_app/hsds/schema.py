"""The HSDS 3.0 tabular datapackage schema shipped inside the package (never read from elsewhere)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SCHEMA_DIR = Path(__file__).parent / "schema"

# Our documented extension: record text in other languages (see docs and README).
TRANSLATIONS_RESOURCE = {
    "name": "translations",
    "path": "translations.csv",
    "profile": "tabular-data-resource",  # as the HSDS resources: `frictionless validate` checks the whole package
    "schema": {
        "primaryKey": ["entity", "id", "field", "language"],
        "fields": [
            {"name": n, "type": "string", "constraints": {"required": True}}
            for n in ("entity", "id", "field", "language", "value")
        ],
    },
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    format: str | None
    required: bool
    unique: bool
    enum: tuple[str, ...] | None


@dataclass(frozen=True)
class Resource:
    name: str
    path: str
    fields: tuple[Field, ...]
    foreign_keys: tuple[tuple[str, str], ...]  # (column, referenced resource); always to its id

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _resource(raw: dict) -> Resource:
    fields = []
    for f in raw["schema"]["fields"]:
        c = f.get("constraints", {})
        enum = tuple(c["enum"]) if c.get("enum") else None
        fields.append(Field(f["name"], f["type"], f.get("format"), bool(c.get("required")), bool(c.get("unique")), enum))
    fks = tuple((k["fields"], k["reference"]["resource"]) for k in raw["schema"].get("foreignKeys", []))
    return Resource(raw["name"], raw["path"], tuple(fields), fks)


@cache
def resources() -> dict[str, Resource]:
    """Return the HSDS resources by name, in the official order."""
    raw = json.loads((SCHEMA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: _resource(r) for r in raw["resources"]}


@cache
def translations_resource() -> Resource:
    return _resource(TRANSLATIONS_RESOURCE)


@cache
def package_descriptor() -> dict:
    """Return the official descriptor's top level (name, licence, attribution) without resources."""
    raw = json.loads((SCHEMA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if k != "resources"}
