"""Page weight: each page type's first response and a whole first visit, raw and gzipped.

Run: .venv/bin/python -m bench.page_weight   (writes its section of docs/benchmarks.md)
Targets: first response <= 14 KB gzipped (one round trip on a new TCP connection);
a whole first visit <= 60 KB gzipped. What the service worker then fetches in the background to
work offline (issue 4: the app shell it precaches and the directory snapshot) is counted in its own
column: it is not part of the page, and the directory grows with the region (bench/offline.py
measures it per service).
"""
from __future__ import annotations

import gzip
import sys
import urllib.request

from playwright.sync_api import sync_playwright

from ._common import CHROMIUM, CHROMIUM_ARGS, demo_server, write_section

FIRST_RESPONSE_TARGET = 14 * 1024
FIRST_VISIT_TARGET = 60 * 1024


# The directory download, made by the page in the background: the documents, and the sync worker's
# script, which the page starts only to download them (it is precached with the app shell too).
OFFLINE_DATA = ("/offline/", "/snapshots/", "/gen/sync-worker.")


def is_offline_data(url: str) -> bool:
    return any(part in url for part in OFFLINE_DATA)


def fetch(url: str) -> bytes:
    """The bytes of a response the service worker fetched (Playwright cannot read those bodies)."""
    with urllib.request.urlopen(url) as response:
        return response.read()


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))  # nginx's and most servers' default level


def measure(base: str) -> list[dict]:
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        probe = browser.new_page()
        probe.goto(base + "/en/categories/health")
        service = probe.locator(".results .card h2 a").first.get_attribute("href")
        pages = {"home": "/en/", "category": "/en/categories/food", "search": "/en/search?q=food",
                 "service": service, "about": "/en/about", "home (fr)": "/fr/"}
        for name, path in pages.items():
            context = browser.new_context(viewport={"width": 360, "height": 740})  # empty cache: a first visit
            page = context.new_page()
            seen: dict[str, bool] = {}  # url -> fetched to work offline (the worker's install, the directory)
            context.on("response", lambda r, seen=seen: seen.update({r.url: seen.get(r.url, True) and (
                r.request.service_worker is not None or is_offline_data(r.url))}) if r.status == 200 else None)
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_selector("#offline-status p.saved", timeout=60_000)  # the directory is saved
            bodies = {url: fetch(url) for url in seen}
            first = bodies[base + path]
            visit = [b for url, b in bodies.items() if not seen[url]]
            offline = [b for url, b in bodies.items() if seen[url]]
            rows.append({
                "page": name, "path": path if name != "service" else "/en/services/<id>",
                "first_raw": len(first), "first_gz": gz(first),
                "visit_raw": sum(map(len, visit)), "visit_gz": sum(map(gz, visit)), "requests": len(visit),
                "offline_gz": sum(map(gz, offline)), "offline_requests": len(offline),
            })
            context.close()
        browser.close()
    return rows


def main() -> int:
    with demo_server() as base:
        rows = measure(base)
    kb = lambda n: f"{n / 1024:.1f} KB"
    lines = ["## Page weight (`bench/page_weight.py`)", "",
             "First visit with an empty cache at 360×740 in Chromium; gzip level 6 as a server would send it.",
             "Targets: first response ≤ 14 KB gzipped; whole first visit ≤ 60 KB gzipped.",
             "The last column is what the service worker fetches in the background once the page has loaded,",
             "so that everything works offline: the precached app shell (search worker, offline page, sw.js)",
             "and the demo region's directory. It is not part of the page and the directory grows with the",
             "region (per-service figures: \"Offline snapshots\" below). Files already loaded by the page",
             "count once.", "",
             "| page | first response raw | gzipped | whole first visit raw | gzipped | requests "
             "| then offline app and directory, gzipped (requests) |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    ok = True
    for r in rows:
        ok &= r["first_gz"] <= FIRST_RESPONSE_TARGET and r["visit_gz"] <= FIRST_VISIT_TARGET
        lines.append(f"| {r['page']} `{r['path']}` | {kb(r['first_raw'])} | {kb(r['first_gz'])} | "
                     f"{kb(r['visit_raw'])} | {kb(r['visit_gz'])} | {r['requests']} | "
                     f"{kb(r['offline_gz'])} ({r['offline_requests']}) |")
    lines += ["", f"All pages within target: **{'yes' if ok else 'no'}**."]
    report = "\n".join(lines)
    print(report)
    write_section("page-weight", report)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
