"""Every benchmark, one after the other, each with its defaults and each rewriting its own section of
docs/benchmarks.md; then this run's own section: when it started, how long each bench took and whether it
met its target. All the figures in docs/benchmarks.md then come from one run.

Run: make bench   (or PYTHONPATH=. .venv/bin/python -m bench [NAME ...] to run some of them again:
their rows in the last whole run's section are replaced and marked "run again alone")
Hours on a 2-core machine: bench.parity opens every page in 20 languages, bench.load imports 60,000
services into both engines. A bench that fails or misses its target does not stop the others; the run
fails at the end and names them.
"""
from __future__ import annotations

import re
import subprocess
import sys
import time
from datetime import UTC, datetime

from ._common import REPORT, load_average, write_section

# In this order: the ones that time the page in a browser first, while the machine is freshest.
BENCHES = [["page_weight"], ["lighthouse"], ["main_thread"], ["first_render"], ["offline"], ["offline_refresh", "--write"],
           ["search"], ["import"], ["curate"], ["load"], ["parity", "--write"], ["real_data", "--write"]]


# Benches that report without judging: a clean exit says they ran, not that a target was met.
REPORTS_ONLY = {"first_render"}


def row_of(name: str, seconds: float, rc: int, before: str, after: str, note: str = "") -> str:
    met = "ran (it reports; it judges nothing)" if name in REPORTS_ONLY else "met its target"
    result = met if rc == 0 else f"**missed its target or failed** (exit {rc})"
    return f"| `bench/{name}.py` | {seconds / 60:.1f} | {result}{f' ({note})' if note else ''} | {before} | {after} |"


def section(name: str) -> str | None:
    """The body of a section of docs/benchmarks.md, without its "Measured" line."""
    found = REPORT.exists() and re.search(rf"<!-- {name}:start -->\n(.*?)\n\n_Measured [^\n]*\n<!-- {name}:end -->",
                                          REPORT.read_text(encoding="utf-8"), re.S)
    return found.group(1) if found else None


def main() -> int:
    chosen = [b for b in BENCHES if not sys.argv[1:] or b[0] in sys.argv[1:]]
    unknown = set(sys.argv[1:]) - {b[0] for b in BENCHES}
    if unknown:
        sys.exit(f"no such bench: {', '.join(sorted(unknown))} (there are {', '.join(b[0] for b in BENCHES)})")
    started, rows = datetime.now(UTC), []
    for name, *args in chosen:
        print(f"== bench.{name} {' '.join(args)}", flush=True)
        before, t0 = load_average(), time.monotonic()
        rc = subprocess.run([sys.executable, "-m", f"bench.{name}", *args]).returncode
        rows.append((name, time.monotonic() - t0, rc, before, load_average()))
        print(f"== bench.{name}: {'met its target' if rc == 0 else f'exit {rc}'} in {rows[-1][1] / 60:.1f} min",
              flush=True)
    total = sum(r[1] for r in rows)
    if len(chosen) == len(BENCHES):
        lines = ["## This run (`make bench`)", "",
                 f"Started {started.strftime('%Y-%m-%d %H:%M UTC')}, {total / 60:.0f} minutes in all. "
                 "Every section below comes from this run.", "",
                 "| bench | minutes | result | load average before (1 / 5 / 15 min) | after |",
                 "|---|---:|---|---|---|"]
        lines += [row_of(*row) for row in rows]
        write_section("run", "\n".join(lines))
    else:  # some benches again, alone: their rows of the last whole run are replaced, and say so
        again = f"run again alone, {started.strftime('%Y-%m-%d %H:%M UTC')}"
        text = section("run") or ""
        for row in rows:
            text = re.sub(rf"^\| `bench/{row[0]}\.py` \|.*$", lambda _, row=row: row_of(*row, note=again), text, flags=re.M)
        text = text.replace("Every section below comes from this run.",
                            "Every section below comes from this run, except those of the benches run again alone.")
        if text:
            write_section("run", text)
    failed = [name for name, _, rc, _, _ in rows if rc]
    if failed:
        print(f"make bench: failed or missed a target: {' '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
