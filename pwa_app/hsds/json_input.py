"""Read HSDS 3.0 JSON into the same tables as a tabular datapackage.

Accepted shapes (see docs/hsds.md): one object, a list of objects, a Page object
(`{"contents": [...]}`), NDJSON (one object a line), or a bundle with one list per object type
(`{"services": [...], "organizations": [...], ..., "translations": [...]}`, what `export-hsds
--format json` writes). Top-level objects are services unless the file name starts with another
type (organization, service_at_location, location, taxonomy_term, taxonomy).

Each object is checked against its own HSDS 3.0 JSON schema (shipped in schema/), then
flattened: a nested list gives its children the parent's id (phones under a service get
`service_id`), a nested single object gives the parent the child's id (a service's `organization`
sets `organization_id`). The same object may appear several times (a location under a service
and under its organization); its copies are merged and must agree. Every row keeps the JSON
pointer where it was found, so problems read `services.json#/contents/3/phones/0/number`.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from pwa_app.hsds.schema import SCHEMA_DIR, resources
from pwa_app.hsds.package import Package, decode
from pwa_app.hsds.validate import Problem

NUMBER_TEXT = re.compile(r"^\s*-?\d+(\.\d+)?\s*$")  # "28.283189": a number some APIs send as text


# Bundle key -> object type; also how nested lists are named.
PLURALS = {
    "organizations": "organization", "programs": "program", "services": "service",
    "service_at_locations": "service_at_location", "locations": "location", "addresses": "address",
    "contacts": "contact", "phones": "phone", "schedules": "schedule", "funding": "funding",
    "service_areas": "service_area", "required_documents": "required_document", "languages": "language",
    "accessibility": "accessibility", "taxonomies": "taxonomy", "taxonomy_terms": "taxonomy_term",
    "attributes": "attribute", "metadata": "metadata", "meta_table_descriptions": "meta_table_description",
    "cost_options": "cost_option", "organization_identifiers": "organization_identifier",
}
# Nested single objects: key -> (object type, the parent's column that holds its id).
SINGLES = {
    "organization": ("organization", "organization_id"), "program": ("program", "program_id"),
    "service": ("service", "service_id"), "location": ("location", "location_id"),
    "taxonomy_term": ("taxonomy_term", "taxonomy_term_id"), "taxonomy_detail": ("taxonomy", "taxonomy_id"),
}
# Nesting used by the official examples beyond what each object's own schema lists.
EXTRA_LISTS = {"organization": {"services"}, "taxonomy": {"taxonomy_terms"}}
FILE_TYPES = ("service_at_location", "organization", "taxonomy_term", "taxonomy", "location")


@cache
def object_schema(name: str) -> dict:
    """Return the HSDS 3.0 JSON schema of one object type, as shipped."""
    return json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))


@cache
def _shallow_validator(name: str) -> Draft202012Validator:
    """Validate an object's own fields; nested objects are validated where the flattener meets them."""
    schema = json.loads(json.dumps(object_schema(name)))
    for key, prop in schema["properties"].items():
        if "$ref" in prop:
            schema["properties"][key] = {"type": "object"}
        elif prop.get("type") == "array":
            schema["properties"][key] = {"type": "array"}
    return Draft202012Validator(schema)


def _pointer_part(part: Any) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


def _cell(value: Any) -> str:
    """Write a JSON scalar as the CSV cell the tabular checks expect."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    return value if isinstance(value, str) else json.dumps(value)


class _Flattener:
    def __init__(self, file: str, lenient: bool = False):
        self.file = file
        self.lenient = lenient
        self.warnings: list[Problem] = []
        self.rows: dict[str, dict[str, dict]] = {name: {} for name in resources()}
        self.translations: list[dict] = []
        self.problems: list[Problem] = []
        self.ignored: set[str] = set()
        self.text_numbers: dict[tuple[str, str], tuple[str, int]] = {}

    def where(self, pointer: str) -> str:
        return f"{self.file}#{pointer}"

    def numbers_from_text(self, name: str, obj: dict, pointer: str) -> None:
        """--lenient: a number written as text ("28.283189", as some APIs send coordinates) is read as
        the number; one warning per field, with the first place and the count (text_numbers)."""
        for f in resources()[name].fields:
            value = obj.get(f.name)
            if f.type in ("number", "integer") and isinstance(value, str) and NUMBER_TEXT.match(value):
                number = float(value)
                obj[f.name] = int(number) if f.type == "integer" and number.is_integer() else number
                first, count = self.text_numbers.get((name, f.name), (self.where(f"{pointer}/{f.name}"), 0))
                self.text_numbers[(name, f.name)] = (first, count + 1)

    def add(self, name: str, obj: Any, pointer: str, implied: dict[str, str] | None = None,
            soft: dict[str, str] | None = None) -> str | None:
        """Flatten `obj` of type `name` found at `pointer`; return its id."""
        if not isinstance(obj, dict):
            self.problems.append(Problem(self.where(pointer), f"should be a {name} object, not {type(obj).__name__}"))
            return None
        obj = {k: v for k, v in obj.items() if v is not None}  # null means no value, as an empty cell does
        if self.lenient:
            self.numbers_from_text(name, obj, pointer)
        errors = sorted(_shallow_validator(name).iter_errors(obj), key=lambda e: list(e.absolute_path))
        for error in errors:
            path = "".join(f"/{_pointer_part(p)}" for p in error.absolute_path)
            self.problems.append(Problem(self.where(pointer + path), error.message))
        fields = set(resources()[name].field_names)
        record = {k: _cell(v) for k, v in obj.items() if k in fields and not isinstance(v, (dict, list))}
        ident = obj.get("id") if isinstance(obj.get("id"), str) else None
        # Nested single objects first: a service's organization tells its nested program whose it is.
        for key, value in sorted(obj.items(), key=lambda kv: kv[0] not in SINGLES):
            here = f"{pointer}/{_pointer_part(key)}"
            if key == "translations":
                self.add_translations(name, ident, value, here)
            elif key in SINGLES and key not in fields and isinstance(value, dict):
                child, column = SINGLES[key]
                # HSDS requires a program's organization; nested under a service it is the service's.
                soft = {"organization_id": record["organization_id"]} if (
                    name, child) == ("service", "program") and "organization_id" in record else {}
                child_id = self.add(child, value, here, soft=soft)
                if child_id is not None:
                    record.setdefault(column, child_id)
                    if record[column] != child_id:
                        self.problems.append(Problem(self.where(f"{pointer}/{column}"),
                                                     f"is {record[column]} but the nested {key} has id {child_id}"))
            elif key in PLURALS and isinstance(value, list) and (
                    key in object_schema(name)["properties"] or key in EXTRA_LISTS.get(name, ())):
                child = PLURALS[key]
                for index, item in enumerate(value):
                    self.add(child, item, f"{here}/{index}", self.parent_link(name, child, ident))
            elif key not in fields and key not in object_schema(name)["properties"]:
                self.ignored.add(f"{name}.{key}")
        if ident is None:
            return None
        for column, value in (soft or {}).items():
            record.setdefault(column, value)
        for column, value in (implied or {}).items():
            record.setdefault(column, value)
            if record[column] != value:
                message = f"is {record[column]!r} but the object is nested under {value!r}"
                if self.lenient:
                    self.warnings.append(Problem(self.where(f"{pointer}/{column}"), message + f"; taken as {value!r}"))
                    record[column] = value
                else:
                    self.problems.append(Problem(self.where(f"{pointer}/{column}"), message))
        self.merge(name, ident, record, pointer)
        return ident

    @staticmethod
    def parent_link(parent: str, child: str, parent_id: str | None) -> dict[str, str]:
        if parent_id is None:
            return {}
        if child == "attribute":
            return {"link_id": parent_id, "link_entity": parent}
        if child == "metadata":
            return {"resource_id": parent_id, "resource_type": parent}
        column = f"{parent}_id"
        return {column: parent_id} if column in resources()[child].field_names else {}

    def merge(self, name: str, ident: str, record: dict, pointer: str) -> None:
        first = self.rows[name].get(ident)
        if first is None:
            self.rows[name][ident] = record | {"__where": self.where(pointer)}
            return
        for key, value in record.items():
            if first.get(key, value) != value:
                self.problems.append(Problem(self.where(f"{pointer}/{key}"),
                                             f"{name} {ident} appears again with a different {key} (first at {first['__where']})"))
            first.setdefault(key, value)

    def add_translations(self, entity: str, ident: str | None, value: Any, pointer: str) -> None:
        """Per-object translations: [{"field": ..., "language": ..., "value": ...}]."""
        if not isinstance(value, list):
            self.problems.append(Problem(self.where(pointer), "should be a list of {field, language, value} objects"))
            return
        for index, item in enumerate(value):
            row = {"entity": entity, "id": ident or ""}
            self.add_translation(item, f"{pointer}/{index}", row)

    def add_translation(self, item: Any, pointer: str, row: dict | None = None) -> None:
        if not isinstance(item, dict):
            self.problems.append(Problem(self.where(pointer), "should be a translation object"))
            return
        row = {**(row or {}), **{k: v for k, v in item.items() if k in ("entity", "id", "field", "language", "value")}}
        bad = [k for k, v in row.items() if not isinstance(v, str)]
        for key in bad:
            self.problems.append(Problem(self.where(f"{pointer}/{key}"), "should be a string"))
        if not bad:
            self.translations.append(row | {"__where": self.where(pointer)})


def _top_type(path: Path) -> str:
    stem = path.name.lower()
    return next((t for t in FILE_TYPES if stem.startswith(t)), "service")


def read_json(path: Path, lenient: bool = False) -> tuple[Package, list[Problem]]:
    """Decode an HSDS JSON file into tables without judging the cells (check_package does)."""

    problems: list[Problem] = []
    package = Package(from_json=True)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return package, [Problem(str(path), f"cannot be read ({exc.strerror})")]
    text = decode(data, path.name, problems)
    if text is None:
        return package, problems
    flat = _Flattener(path.name, lenient)
    top = _top_type(path)
    documents = _documents(text, path, problems)
    if len(documents) == 1 and _is_bundle(documents[0][1]):
        package.title = str(documents[0][1].get("title") or "")
        package.extra = documents[0][1].get("passerelle") or {}
    for prefix, document in documents:
        flat.file = f"{path.name}:{prefix}" if prefix else path.name
        _add_document(flat, document, top)
    flat.file = path.name
    package.ignored += [f"{path.name}: fields not in HSDS 3.0: {', '.join(sorted(flat.ignored))}"] if flat.ignored else []
    for name, rows in flat.rows.items():
        if rows:
            package.tables[name] = (path.name, list(rows.values()))
    if flat.translations:
        package.tables["translations"] = (path.name, flat.translations)
    package.warnings += flat.warnings
    package.warnings += [Problem(first, f"is a number written as text ({count} {name}.{field} value(s) in all); read as the number")
                         for (name, field), (first, count) in flat.text_numbers.items()]
    return package, problems + flat.problems


def _documents(text: str, path: Path, problems: list[Problem]) -> list[tuple[str, Any]]:
    """Return (line number or "", parsed document) pairs: one for JSON, one a line for NDJSON."""
    if path.suffix.lower() == ".json":
        try:
            return [("", json.loads(text))]
        except ValueError as exc:
            problems.append(Problem(f"{path.name}:{getattr(exc, 'lineno', '?')}", f"is not valid JSON ({getattr(exc, 'msg', exc)})"))
            return []
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                out.append((str(number), json.loads(line)))
            except ValueError as exc:
                problems.append(Problem(f"{path.name}:{number}", f"is not valid JSON ({getattr(exc, 'msg', exc)})"))
    return out


def _is_bundle(document: Any) -> bool:
    return isinstance(document, dict) and "id" not in document and any(
        k in PLURALS or k == "translations" for k in document)


def _add_document(flat: _Flattener, document: Any, top: str) -> None:
    if isinstance(document, list):
        for index, item in enumerate(document):
            flat.add(top, item, f"/{index}")
    elif isinstance(document, dict) and "contents" in document:
        if not isinstance(document["contents"], list):
            flat.problems.append(Problem(flat.where("/contents"), "should be a list"))
            return
        for index, item in enumerate(document["contents"]):
            flat.add(top, item, f"/contents/{index}")
    elif _is_bundle(document):
        for key, items in document.items():
            if key not in PLURALS and key != "translations":
                continue  # title, passerelle... are read by the importer
            if not isinstance(items, list):
                flat.problems.append(Problem(flat.where(f"/{key}"), "should be a list"))
                continue
            for index, item in enumerate(items):
                if key == "translations":
                    flat.add_translation(item, f"/{key}/{index}")
                else:
                    flat.add(PLURALS[key], item, f"/{key}/{index}")
    else:
        flat.add(top, document, "")
