"""Check HSDS tables before anything touches the database.

Each check turns a raw CSV cell into a Python value or a `Problem` that says where
(`file:row:column`, rows counted as a spreadsheet shows them, the header being row 1) and why,
in plain words. The importer collects every problem first, so a curator fixes a file in one pass.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from pwa_app.hsds.schema import Field, Resource

MAX_TEXT = 20_000  # characters in one cell; more is a broken export, not a description
# Short fields, by name: longer is a broken cell (a whole row pasted into a phone number), not data.
MAX_SHORT = {"number": 40, "email": 254, "url": 2_000, "website": 2_000, "name": 500, "alternate_name": 500,
             "postal_code": 20, "city": 200, "state_province": 200, "country": 60, "code": 200}
UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)(:([0-5]\d)(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$")
# An address whose domain is made of host names (no "_", no trailing digits in the top level), as the
# ecosystem's checks (`frictionless validate`) read format "email".
EMAIL_RE = re.compile(r"^[^@\s]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$")
LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
BARE_HOST = re.compile(r"^(?![a-z][a-z0-9+.-]*:)[a-z0-9-]+(\.[a-z0-9-]+)+\.?(?::\d+)?(?:[/?#]|$)", re.IGNORECASE)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class Invalid(ValueError):
    """A cell that cannot be read as its field's type; the message is for a curator."""


def _number(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise Invalid(f"{raw[:40]!r} is not a number") from None
    if math.isnan(value) or math.isinf(value):
        raise Invalid(f"{raw[:40]!r} is not a finite number")
    return value


def _date(raw: str) -> date:
    try:
        if len(raw) != 10:
            raise ValueError
        return date.fromisoformat(raw)
    except ValueError:
        raise Invalid(f"{raw[:40]!r} is not a date in the form YYYY-MM-DD") from None


def _datetime(raw: str) -> datetime:
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise Invalid(f"{raw[:40]!r} is not a date and time in ISO 8601 form") from None
    # Stored as UTC without an offset so both database engines keep the same value.
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def _time(raw: str) -> str:
    if not TIME_RE.match(raw):
        raise Invalid(f"{raw[:40]!r} is not a time in the form HH:MM (24-hour clock)")
    return raw[:5] if re.fullmatch(r"\d\d:\d\d:00", raw) else raw  # "09:00:00", as CSV exports write it, is 09:00


def _string(raw: str, field: Field) -> str:
    if field.format == "uuid" and not UUID_RE.match(raw):
        raise Invalid(f"{raw[:40]!r} is not an identifier in UUID form")
    if field.format == "email" and not EMAIL_RE.match(raw):
        raise Invalid(f"{raw[:60]!r} is not an email address")
    if field.format == "uri" and any(ch.isspace() for ch in raw):
        raise Invalid(f"{raw[:60]!r} is not a web address (it contains spaces)")
    if field.format == "uri" and BARE_HOST.match(raw):
        return "https://" + raw  # "www.example.org": HSDS wants a URI (the importer says so, once)
    if field.enum and raw not in field.enum:
        raise Invalid(f"{raw[:40]!r} is not one of: {', '.join(field.enum)}")
    return raw


def parse_cell(raw: str | None, field: Field) -> Any:
    """Return the cell as its field's Python value (None when empty), or raise Invalid."""
    if raw is None or raw.strip() == "":
        if field.required:
            raise Invalid("is required but empty")
        return None
    if len(raw) > MAX_TEXT:
        raise Invalid(f"is {len(raw):,} characters long; at most {MAX_TEXT:,} are accepted")
    limit = MAX_SHORT.get(field.name) if field.type == "string" else None
    if limit and len(raw.strip()) > limit:
        raise Invalid(f"is {len(raw.strip()):,} characters long; a {field.name.replace('_', ' ')} holds at most {limit:,}")
    if CONTROL_RE.search(raw):
        raise Invalid("contains control characters")
    raw = raw.strip()
    if field.type == "string" and not field.format:  # text as written: line breaks spelled "\n" are line breaks
        raw = raw.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\r\n", "\n")
    if field.type == "number":
        return _number(raw)
    if field.type == "integer":
        value = _number(raw)
        if not value.is_integer():
            raise Invalid(f"{raw!r} is not a whole number")
        return int(value)
    if field.type == "date":
        return _date(raw)
    if field.type == "datetime":
        return _datetime(raw)
    if field.type == "time":
        return _time(raw)
    return _string(raw, field)


# Checks the schemas leave out: ranges that make a record nonsense on a map or a clock.
RANGES = {
    ("location", "latitude"): (-90.0, 90.0),
    ("location", "longitude"): (-180.0, 180.0),
    ("service", "minimum_age"): (0.0, 130.0),
    ("service", "maximum_age"): (0.0, 130.0),
    ("phone", "extension"): (0.0, 1e12),
}


def check_row(resource: Resource, row: dict[str, str | None], where: str) -> tuple[dict[str, Any], list[Problem]]:
    """Parse one CSV row; return the values and the problems found, each with its column."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for field in resource.fields:
        try:
            value = parse_cell(row.get(field.name), field)
        except Invalid as exc:
            problems.append(Problem(f"{where}:{field.name}", str(exc)))
            continue
        bounds = RANGES.get((resource.name, field.name))
        if value is not None and bounds and not bounds[0] <= value <= bounds[1]:
            problems.append(Problem(f"{where}:{field.name}", f"{value:g} is outside {bounds[0]:g}..{bounds[1]:g}"))
            continue
        values[field.name] = value
    if resource.name == "service" and not problems:
        lo, hi = values.get("minimum_age"), values.get("maximum_age")
        if lo is not None and hi is not None and lo > hi:
            problems.append(Problem(f"{where}:minimum_age", f"minimum age {lo:g} is above maximum age {hi:g}"))
    return values, problems


def is_language_code(code: str) -> bool:
    return bool(LANG_RE.match(code))


def find_cycles(parents: dict[str, str | None]) -> list[str]:
    """Return the ids whose chain of parents loops back on itself."""
    looping = []
    for start in parents:
        seen, node = set(), start
        while node is not None and node in parents:
            if node in seen:
                looping.append(start)
                break
            seen.add(node)
            node = parents[node]
    return looping
