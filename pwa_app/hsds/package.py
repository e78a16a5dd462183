"""What the importer reads before it judges anything: a package's decoded tables, and how a problem says where it is."""
from __future__ import annotations

from dataclasses import dataclass, field

from pwa_app.hsds.validate import Problem


class ImportFailed(Exception):
    """The package has defects; nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass
class Package:
    """The decoded tables of a datapackage: resource name -> (file name, rows as dicts).

    Rows from JSON carry their own location (a JSON pointer) under "__where".
    """

    title: str = ""
    extra: dict = field(default_factory=dict)
    tables: dict[str, tuple[str, list[dict[str, str]]]] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # defects repaired while reading (--lenient)
    from_json: bool = False  # JSON problems stay local, so the cells are worth checking anyway


def at(place: str, column: str) -> str:
    """Locate a column: `file:row:column` in a CSV, `file#/pointer/column` in JSON."""
    return f"{place}/{column}" if "#" in place else f"{place}:{column}"


def decode(data: bytes, name: str, problems: list[Problem]) -> str | None:
    """Return UTF-8 text (a BOM is dropped), or None with a problem naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(f"{name}:{line}", f"is not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8 and import again"))
        return None
