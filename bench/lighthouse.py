"""Lighthouse 12.8.2 (mobile) on home, a category, a service and a search, in English and Arabic,
against the app served as `make run` serves it (`flask run`, demo region, a free port).

Run: .venv/bin/python -m bench.lighthouse [--no-write]   (writes its section of docs/benchmarks.md)
Lighthouse is installed for the bench only, pinned by bench/lighthouse/package-lock.json, with
`make bench/lighthouse/node_modules/.installed` (`make bench` does it on first use); it drives Debian's
Chromium (CHROME_PATH). Each page is a first visit: Lighthouse starts Chromium with a fresh profile.
Targets (issue 17): performance >= 98; accessibility, best practices and SEO 100. The full reports
are kept in bench/out/lighthouse/ (not committed).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request

from ._common import ROOT, load_average, make_run_server, page_paths, write_section
from .page_weight import is_offline_data

LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
OUT = ROOT / "bench" / "out" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run --disable-quic")
LANGS = ("en", "ar")
KINDS = ("home", "category", "service", "search")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
PASS = 0.9  # Lighthouse's own line between a passed audit and one it lists to fix


ATTEMPTS = 3


def run(url: str, out: str) -> tuple[dict, int]:
    """One Lighthouse run (mobile, simulated throttling: its defaults): its JSON report, and how many runs
    it took. A run that ends in a runtime error (on a busy machine Chromium's trace now and then misses
    the navigation: NO_NAVSTART) is made again, up to ATTEMPTS times."""
    for attempt in range(1, ATTEMPTS + 1):
        done = subprocess.run([str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
                               f"--chrome-flags={CHROME_FLAGS}"],
                              env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
        if done.returncode == 0:
            with open(out, encoding="utf-8") as f:
                report = json.load(f)
            if not report.get("runtimeError"):
                return report, attempt
    raise RuntimeError(f"Lighthouse failed {ATTEMPTS} times on {url}")


def failing(report: dict, category: str) -> list[str]:
    """The audits a category under 100 fails: those that cost it points (score < 1 with a weight), then
    the unweighted ones Lighthouse lists to fix (score < 0.9), each with its score or value."""
    audits, refs = report["audits"], report["categories"][category]["auditRefs"]
    out = []
    for weighted in (True, False):
        for ref in refs:
            audit = audits[ref["id"]]
            score = audit.get("score")
            if score is None or audit["scoreDisplayMode"] not in ("binary", "numeric", "metricSavings"):
                continue
            if (ref["weight"] > 0) == weighted and score < (1 if weighted else PASS):
                shown = ", ".join(x for x in (audit.get("displayValue"), f"score {score:.2f}",
                                              None if weighted else "unweighted", *blamed(audit)) if x)
                out.append(f"`{ref['id']}` ({shown})")
    return out


def blamed(audit: dict) -> list[str]:
    """The lines of the server's files an audit points at (`is-crawlable`: the robots.txt rule), as read now."""
    out = []
    for item in (audit.get("details") or {}).get("items", [])[:3]:
        source = item.get("source") if isinstance(item, dict) else None
        if isinstance(source, dict) and source.get("type") == "source-location":
            with urllib.request.urlopen(source["url"]) as response:
                line = response.read().decode().splitlines()[source["line"]]  # zero-based
            out.append(f"{urllib.parse.urlsplit(source['url']).path} line {source['line'] + 1}: `{line}`")
    return out


def task_source(url: str, page: str) -> str:
    """Where Lighthouse's `long-tasks` audit puts a task: a file of ours, the page itself, or none."""
    if url == page:
        return "the page"
    if url.endswith("_lighthouse-eval.js"):
        return "Lighthouse's own script"
    if "://" not in url:
        return url  # "Unattributable": no script of the page's (the browser's own work)
    return urllib.parse.urlsplit(url).path


def summarize(report: dict) -> dict:
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    offline = [r for r in requests if is_offline_data(r["url"]) or r.get("sessionTargetType") != "page"]
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    return {
        "scores": scores,
        "transfer": audits["total-byte-weight"]["numericValue"],
        "offline": sum(r.get("transferSize", 0) for r in offline),
        "offline_requests": len(offline), "requests": len(requests),
        "tbt": audits["total-blocking-time"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "failing": {c: failing(report, c) for c in CATEGORIES if scores[c] < 100},
        "long_tasks": [(task_source(t["url"], report["finalDisplayedUrl"]), t["duration"])
                       for t in sorted(audits["long-tasks"]["details"]["items"], key=lambda t: -t["duration"])[:3]],
        "resources": sorted(((r["url"], r.get("transferSize", 0)) for r in requests), key=lambda x: -x[1]),
        "warnings": report.get("runWarnings", []),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print the report without writing docs/benchmarks.md")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: make bench/lighthouse/node_modules/.installed")
    OUT.mkdir(parents=True, exist_ok=True)
    load_before = load_average()
    rows, meta = [], {}
    with make_run_server() as base:
        for lang in LANGS:
            paths = page_paths(base, lang)
            for kind in KINDS:
                report, attempts = run(base + paths[kind], str(OUT / f"{lang}-{kind}.json"))
                meta = {"lighthouse": report["lighthouseVersion"], "axe": report["environment"]["credits"]["axe-core"],
                        "index": report["environment"]["benchmarkIndex"],
                        "throttling": report["configSettings"]["throttling"]}
                row = {"lang": lang, "kind": kind, "path": paths[kind], "attempts": attempts, **summarize(report)}
                print(json.dumps({k: v for k, v in row.items() if k != "resources"}), flush=True)
                rows.append(row)
    load_after = load_average()
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    t = meta["throttling"]
    lines = ["## Lighthouse (`bench/lighthouse.py`)", "",
             f"Lighthouse {meta['lighthouse']} (axe-core {meta['axe']}, Node {node}) driving Debian's Chromium "
             "(version below) headless, against the app as `make run` serves it (`flask run`, the demo region, "
             "plain HTTP on 127.0.0.1), each page a first visit with a fresh profile. Mobile form factor, "
             f"Lighthouse's simulated throttling ({t['rttMs']:.0f} ms round trip, "
             f"{t['throughputKbps'] / 1024:.1f} Mbps down, CPU slowed {t['cpuSlowdownMultiplier']:.0f}×; "
             f"benchmark index {meta['index']:.0f}). Targets (issue 17): performance ≥ {TARGETS['performance']}; "
             "accessibility, best practices and SEO 100.",
             "",
             "Transfer is Lighthouse's `total-byte-weight` (every response's bytes on the wire, headers included); "
             "in brackets, what of it is the offline download the page starts once loaded (the sync worker, "
             "`/offline/…` and the snapshot), which Lighthouse catches while it waits for the network to go quiet. "
             "TBT and LCP are Lighthouse's simulated figures; the longest tasks are its `long-tasks` audit "
             "(durations as Lighthouse reports them under its throttling) with what it blames each on: a file, "
             "the page's HTML, Lighthouse's own script or `Unattributable` (no script: the browser's own work).", "",
             "| page | performance | accessibility | best practices | SEO | transfer (of which offline download) "
             "| TBT | longest tasks | LCP | failing audits (categories under 100) |",
             "|---|---:|---:|---:|---:|---:|---:|---|---:|---|"]
    ok = True
    for r in rows:
        s = r["scores"]
        ok &= all(s[c] >= TARGETS[c] for c in CATEGORIES)
        fails = "; ".join(f"{c}: " + (", ".join(ids) or "none listed") for c, ids in r["failing"].items()) or "none"
        path = r["path"] if r["kind"] != "service" else f"/{r['lang']}/services/<id>"
        lines.append(f"| {r['kind']} `{path}` | {s['performance']} | {s['accessibility']} | {s['best-practices']} | "
                     f"{s['seo']} | {kb(r['transfer'])} ({kb(r['offline'])}) | {r['tbt']:.0f} ms | "
                     f"{', '.join(f'{src} {ms:.0f} ms' for src, ms in r['long_tasks']) or 'none'} | "
                     f"{r['lcp'] / 1000:.1f} s | {fails} |")
    again = [f"{r['lang']} {r['kind']} ({r['attempts']} runs)" for r in rows if r["attempts"] > 1]
    if again:
        lines += ["", "Made again after a Lighthouse runtime error: " + ", ".join(again) + "."]
    warnings = sorted({w for r in rows for w in r["warnings"]})
    if warnings:
        lines += ["", "Lighthouse's warnings: " + " ".join(warnings)]
    lines += ["", f"All eight pages within target: **{'yes' if ok else 'no'}**. Load average (1 / 5 / 15 min) "
              f"of the shared machine ({os.cpu_count()} cores) before the runs {load_before}, after {load_after}."]
    report = "\n".join(lines)
    print(report)
    if not args.no_write:
        write_section("lighthouse", report)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
