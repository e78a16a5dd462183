"""Offline records: how long `versions.refresh` takes after an import, with 20 interface languages.

Run: .venv/bin/python -m bench.offline_refresh [--services 60000] [--write]
The import writes only the records (the importer alone, not `flask import-hsds`), so each step is timed on its own: the first build
(every record new), a refresh with nothing changed, a refresh after 1 % of services changed, and
building one language's whole snapshot from the stored records. `--write` also updates its
section of docs/benchmarks.md. Target (issue 4): 60,000 services in well under a minute, the demo
region in well under a second.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select, update

from ._common import write_section

LANGUAGES = ("en", "fr", "es", "pt", "ar", "fa", "ur", "zh_Hans", "zh_Hant", "pa", "hi", "ta", "tl", "vi", "ko",
             "uk", "ru", "so", "ti", "iu")


def measure(services: int) -> dict:
    """Import the demo region (0) or `services` synthetic ones, then time each refresh step."""
    from pwa_app import create_app
    from pwa_app.cli.database import DEMO_PACKAGE, create_schema
    from pwa_app.db.extensions import db
    from pwa_app.hsds.importer import import_package
    from pwa_app.db.models import Service
    from pwa_app.snapshot import feed, records, versions

    with tempfile.TemporaryDirectory() as tmp:
        package = DEMO_PACKAGE
        if services:
            from .make_synthetic import make

            package = Path(tmp) / "package"
            make(package, services)
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite3", "LANGUAGES": LANGUAGES})
        with app.app_context():
            create_schema()
            import_package(db.session, package)  # the records only: the refresh is timed below
            db.session.commit()
            settings = records.Settings.from_app(app, db.session)
            row = {"services": 0}

            def timed(name, step):
                started = time.perf_counter()
                result = step()
                db.session.commit()
                row[name] = time.perf_counter() - started
                return result

            timed("first", lambda: versions.refresh(db.session, settings))
            timed("unchanged", lambda: versions.refresh(db.session, settings))
            ids = list(db.session.scalars(select(Service.id).where(Service.status == "active").order_by(Service.id)))
            for sid in ids[::100]:
                db.session.execute(update(Service).where(Service.id == sid).values(name=Service.name + " (updated)"))
            timed("changed", lambda: versions.refresh(db.session, settings))
            for lang in ("en", "ar"):
                doc = timed(f"snapshot_{lang}", lambda lang=lang: feed.snapshot(db.session, lang, (versions.ALL,)))
                row["services"] = len(doc["services"])
            db.engine.dispose()
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=60_000, help="synthetic directory size (0 to skip)")
    parser.add_argument("--write", action="store_true", help="update the section of docs/benchmarks.md")
    args = parser.parse_args()
    cases = [("Demo region", 0)] + ([(f"{args.services:,} synthetic services", args.services)] if args.services else [])
    lines = ["## Offline records refresh (`bench/offline_refresh.py`)", "",
             f"`versions.refresh` after an import, with {len(LANGUAGES)} interface languages configured "
             "(records are stored language-neutral; each language is rendered when a snapshot is asked for).", "",
             "| directory | services | first build | unchanged | after 1 % changed | snapshot `en` | snapshot `ar` |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for label, services in cases:
        r = measure(services)
        lines.append(f"| {label} | {r['services']:,} | {r['first']:.2f} s | {r['unchanged']:.2f} s | "
                     f"{r['changed']:.2f} s | {r['snapshot_en']:.2f} s | {r['snapshot_ar']:.2f} s |")
    report = "\n".join(lines)
    print(report)
    if args.write:
        write_section("offline-refresh", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
