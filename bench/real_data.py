"""Real directories as they are published: what goes in, what the import keeps and why, and how many
phone numbers a person can tap to call.

Run: PYTHONPATH=. .venv/bin/python -m bench.real_data [--extra KIND:PATH[:COUNTRY] ...] [--write]

Each directory is imported, with the command a curator would type (`import-hsds` or `import-legacy`,
through Flask's CLI runner), into a throwaway SQLite file. "Services in" counts the services in the
files as published; "imported" those in the database after; "filled" and "skipped" are the
conversion report's lines, "warnings" the import's. A number is tappable when the phone gets a tel:
target for it (`pwa_app.core.phones.dial`, which the snapshot records use); "before" is the rule
used until issue 16 (`digits_only_rule`, digits only). The directories of ../shared/data are always run;
so are the published exports of PUBLISHED (Open211 Miami, Baltimore's iCarol export), whose licences
keep them out of this repository, when they sit in bench/published/ (see docs/hsds.md); others with
--extra (e.g. `--extra 'Miami=hsds-1.1:path/to/datapackage-1566177582.zip:US'`).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

from ._common import ROOT, write_section

SHARED = ROOT.parent / "shared" / "data"
# Directories whose numbers are made up: their tappable share is shown, not held to the target.
FICTIONAL = ("Demo region (fictional)", "HSDS 1.1 sample (Open Referral, made-up numbers)")
BUILT_IN = [
    (FICTIONAL[0], "hsds-3", ROOT / "pwa_app" / "demo_data", None),
    (FICTIONAL[1], "hsds-1.1", SHARED / "hsds1.1-sample", "US"),
    ("San Mateo County 2014 (Ohana, MongoDB export)", "ohana-mongo", SHARED / "ohana-smc" / "smc-2014-full-mongo", None),
    ("Ohana CSV sample (San Mateo County)", "ohana-csv", SHARED / "ohana-smc" / "sample-csv", None),
]
# Published exports whose licences keep them out of this repository (docs/hsds.md): run by default when
# they sit in bench/published/ (ignored by git), as the repositories named here publish them.
PUBLISHED_FOLDER = ROOT / "bench" / "published"
PUBLISHED = [
    ("Open211 Miami 2019 (HSDS 1.x, 211 Miami)", "hsds-1.1", PUBLISHED_FOLDER / "datapackage-1566177582.zip", "US",
     "openreferral/open211-miami-data-api, lib/datapackage/datapackage-1566177582.zip"),
    ("Baltimore CHARMcare 2019 (Ohana CSV, iCarol)", "ohana-csv", PUBLISHED_FOLDER / "icarol-csv", None,
     "bchd/bahc-ohana-api, data/icarol-csv/"),
]


def digits_only_rule(number: str, country_code: str = "1") -> str | None:
    """The rule numbers were dialled by until issue 16 (`guess_e164`, gone from pwa_app since), kept here
    for the "before" column: the digits alone, a +, a short code, or ten digits in North America."""
    digits = re.sub(r"\D", "", number or "")
    if number.strip().startswith("+"):
        return f"+{digits}" if 7 <= len(digits) <= 15 else None
    if 3 <= len(digits) <= 4 and len(digits) == len(number.strip()):
        return digits
    if country_code == "1":
        if len(digits) == 11 and digits.startswith("1"):
            digits = digits[1:]
        return f"+1{digits}" if len(digits) == 10 else None
    return f"+{country_code}{digits.lstrip('0')}" if 6 <= len(digits) <= 14 else None


def services_in(kind: str, path: Path) -> int:
    """Services in the files as published, before any conversion."""
    if kind == "ohana-mongo":
        return sum(1 for line in (path / "services.json").open(encoding="utf-8") if line.strip())
    if path.is_file() and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            name = next(n for n in archive.namelist() if n.endswith("services.csv"))
            return sum(1 for _ in csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
    found = sorted(path.rglob("services.csv"), key=lambda p: len(p.parts))
    with found[0].open(encoding="utf-8-sig", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


def run(name: str, kind: str, path: Path, country: str | None) -> dict:
    from sqlalchemy import func, select

    from pwa_app import create_app
    from pwa_app.cli.database import create_schema
    from pwa_app.core.phones import dial
    from pwa_app.db.extensions import db
    from pwa_app.db.models import Phone, Service

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/real.sqlite3"})
        with app.app_context():
            create_schema()
        args = (["import-hsds", str(path)] if kind == "hsds-3"
                else ["import-legacy", kind, str(path), *(["--country", country] if country else [])])
        started = time.perf_counter()
        result = app.test_cli_runner().invoke(args=args)
        seconds = time.perf_counter() - started
        lines = result.output.splitlines()
        with app.app_context():
            imported = db.session.scalar(select(func.count()).select_from(Service))
            numbers = db.session.execute(select(Phone.number, Phone.extension)).all()
            cc = app.config["PHONE_COUNTRY_CODE"]
            tappable = sum(dial(n, x, cc).e164 is not None for n, x in numbers)
            before = sum(digits_only_rule(n, cc) is not None for n, _ in numbers)
            missed = Counter(n for n, x in numbers if dial(n, x, cc).e164 is None)
            db.engine.dispose()
    return {
        "name": name, "command": " ".join(["import-hsds PATH" if kind == "hsds-3" else f"import-legacy {kind} PATH",
                                           *([f"--country {country}"] if country and kind != "hsds-3" else [])]),
        "exit": result.exit_code, "in": services_in(kind, path), "imported": imported, "seconds": seconds,
        "filled": [line[len("filled "):] for line in lines if line.startswith("filled ")],
        "skipped": [line[len("skipped "):] for line in lines if line.startswith("skipped ")],
        "warnings": Counter(re.sub(r"^warning: [^:]*:\S* ?", "", line)[:60] for line in lines if line.startswith("warning: ")),
        "numbers": len(numbers), "tappable": tappable, "before": before, "missed": missed.most_common(5),
        "error": "" if result.exit_code == 0 else lines[-1] if lines else repr(result.exception),
    }


def report(rows: list[dict]) -> str:
    out = ["## Real directories (`bench/real_data.py`)", "",
           "Each directory imported with one command into an empty SQLite file. A number is tappable when the phone "
           "gets a tel: link for it; \"before\" is the digits-only rule used until issue 16. Target: at least 99.5 % "
           "tappable in every directory.", "",
           "| directory | command | services in | imported | import time | numbers | tappable | before |",
           "|---|---|---:|---:|---:|---:|---:|---:|"]
    def share(n: int, total: int) -> str:
        return f"{n:,} ({100 * n / total:.2f} %)" if total else "—"

    for r in rows:
        out.append(f"| {r['name']} | `{r['command']}` | {r['in']:,} | {r['imported']:,} | {r['seconds']:.1f} s | "
                   f"{r['numbers']:,} | {share(r['tappable'], r['numbers'])} | {share(r['before'], r['numbers'])} |")
    out += ["", "What each import filled, left out and warned about:", ""]
    for r in rows:
        notes = [*(f"filled {x}" for x in r["filled"]), *(f"skipped {x}" for x in r["skipped"]),
                 *(f"{n} warning(s): {w}" for w, n in r["warnings"].items())]
        if r["error"]:
            notes.append(f"**failed**: {r['error']}")
        if r["missed"]:
            notes.append("numbers without a link (the most frequent): " + ", ".join(f"`{n}` ({k})" for n, k in r["missed"]))
        out.append(f"- **{r['name']}**: " + ("; ".join(notes) if notes else "nothing filled, skipped or warned about") + ".")
    met = all(r["name"] in FICTIONAL or r["tappable"] >= 0.995 * r["numbers"] for r in rows) and all(r["exit"] == 0 for r in rows)
    return "\n".join(out) + (f"\n\nEvery directory imported, and at least 99.5 % of the numbers of every real one tappable: "
                             f"**{'yes' if met else 'no'}**.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extra", action="append", default=[], metavar="NAME=KIND:PATH[:COUNTRY]",
                        help="another directory, e.g. 'Open211 Miami 2019=hsds-1.1:/data/miami.zip:US'")
    parser.add_argument("--write", action="store_true", help="rewrite this section of docs/benchmarks.md")
    args = parser.parse_args()
    todo = [d for d in BUILT_IN if d[2].exists()] + [d[:4] for d in PUBLISHED if d[2].exists()]
    absent = [f"{d[0]} (from {d[4]})" for d in PUBLISHED if not d[2].exists()]
    for extra in args.extra:
        name, spec = extra.split("=", 1)
        kind, path, *country = spec.split(":")
        todo.append((name, kind, Path(path), country[0] if country else None))
    rows = []
    for name, kind, path, country in todo:
        row = run(name, kind, path, country)
        print(json.dumps({k: v for k, v in row.items() if k not in ("filled", "skipped")}, default=str))
        rows.append(row)
    text = report(rows)
    if absent:
        text += ("\n\nNot run, not found in `bench/published/`: " + "; ".join(absent) + ".")
    print(text)
    if args.write:
        write_section("real-data", text)


if __name__ == "__main__":
    main()
