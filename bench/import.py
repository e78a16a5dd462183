"""Import time and peak memory: the real San Mateo County directory and 60,000 synthetic services.

Run: .venv/bin/python -m bench.import [--services 60000]   (writes its section of docs/benchmarks.md)
Each case runs in its own process on a fresh SQLite file, so peak memory (the process's maximum
resident set size) is the import's own. The times include every check and the search index.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ._common import ROOT, write_section

SAN_MATEO = ROOT.parent / "shared" / "data" / "ohana-smc" / "smc-2014-full-mongo"


def run_case(case: str, services: int) -> dict:
    """Convert or generate the input, then import it, timing each step; runs in a child process."""
    from pwa_app import create_app
    from pwa_app.cli.database import create_schema
    from pwa_app.db.extensions import db
    from pwa_app.cli.database import import_directory

    with tempfile.TemporaryDirectory() as tmp:
        package = Path(tmp) / "package"
        started = time.perf_counter()
        if case == "san-mateo":
            from pwa_app.hsds.legacy.ohana import convert_ohana_mongo

            convert_ohana_mongo(SAN_MATEO, package)
        else:
            from .make_synthetic import make

            make(package, services)
        prepared = time.perf_counter() - started
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite3"})
        with app.app_context():
            create_schema()
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            started = time.perf_counter()
            summary = import_directory(package)
            seconds = time.perf_counter() - started
            db.engine.dispose()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        rows = sum(summary.created.values())
    return {"case": case, "prepare_s": prepared, "import_s": seconds, "rows": rows,
            "services": summary.created["service"], "peak_mib": peak / 1024, "start_mib": before / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=60_000)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.services)))
        return 0
    results = []
    for case in ("san-mateo", "synthetic"):
        child = subprocess.run([sys.executable, "-m", "bench.import", "--case", case, "--services", str(args.services)],
                               cwd=ROOT, capture_output=True, text=True, check=True)
        results.append(json.loads(child.stdout.strip().splitlines()[-1]))
    names = {"san-mateo": "San Mateo County 2014 (Ohana Mongo, converted)",
             "synthetic": f"synthetic ({args.services:,} services, `bench/make_synthetic.py`)"}
    lines = ["## HSDS import (`bench/import.py`)", "",
             "`import-hsds` of a tabular datapackage into a fresh SQLite file: reading, every check, the writes "
             "and the search index, in one transaction. Peak memory is the importing process's maximum "
             "resident set size (the app alone, before importing, in brackets).", "",
             "| input | services | rows | import time | rows/s | peak memory |", "|---|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {names[r['case']]} | {r['services']:,} | {r['rows']:,} | {r['import_s']:.1f} s | "
                     f"{r['rows'] / r['import_s']:,.0f} | {r['peak_mib']:,.0f} MiB ({r['start_mib']:,.0f} MiB) |")
    report = "\n".join(lines)
    print(report)
    write_section("hsds-import", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
