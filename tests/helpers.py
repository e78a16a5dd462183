"""Small helpers shared by tests."""
from __future__ import annotations

import csv
from pathlib import Path


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def edit_cell(package: Path, file: str, row: int, column: str, value: str) -> None:
    """Set one cell; `row` counts data rows from 0 (spreadsheet row `row + 2`)."""
    header, rows = read_csv(package / file)
    rows[row][column] = value
    write_csv(package / file, header, rows)
