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


def main_of(html: str) -> str:
    """What a page holds in its `<main>`, as the server sent it."""
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def wait_until(condition, timeout: float = 10.0, interval: float = 0.02, message: str = ""):
    """Poll `condition()` until it returns something truthy, and return that; fail after `timeout` seconds.

    For code outside a browser, where nothing signals the moment a condition holds (another process's
    log, a row written by a server thread): the wait ends as soon as it holds, not after a fixed sleep.
    """
    import time

    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(message or f"not true within {timeout} s: {getattr(condition, '__name__', condition)}")
        time.sleep(interval)


def reindex(app) -> None:
    """Rebuild the search index from the directory as the import does (within an app context, uncommitted)."""
    from pwa_app.db.extensions import db
    from pwa_app.search import fulltext
    from pwa_app.snapshot import records

    settings = records.Settings.from_app(app, db.session)
    fulltext.rebuild_index(db.session, records.neutral_records(db.session, settings))


# Demo services whose number has an extension (demo_data/phones.csv): "(613) 555-0115" and "(819) 555-0125", ext. 202.
WITH_EXTENSION = ["1a4b7a51-d585-5294-b3bb-ab2df7c9b378", "3df3e61a-e06b-505b-a94f-8061d78a2bf0"]
