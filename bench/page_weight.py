"""Page weight: each page type's first response and a whole first visit, raw and gzipped.

Run: .venv/bin/python -m bench.page_weight   (writes its section of docs/benchmarks.md)
Targets: first response <= 14 KB gzipped (one round trip on a new TCP connection);
a whole first visit <= 60 KB gzipped.
"""
from __future__ import annotations

import gzip

import sys

from playwright.sync_api import sync_playwright

from ._common import CHROMIUM, CHROMIUM_ARGS, demo_server, write_section

FIRST_RESPONSE_TARGET = 14 * 1024
FIRST_VISIT_TARGET = 60 * 1024


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
            bodies: list[tuple[str, bytes]] = []
            page.on("response", lambda r: bodies.append((r.url, r.body())) if r.status == 200 else None)
            page.goto(base + path, wait_until="networkidle")
            first = next(body for url, body in bodies if url == base + path)
            rows.append({
                "page": name, "path": path if name != "service" else "/en/services/<id>",
                "first_raw": len(first), "first_gz": gz(first),
                "visit_raw": sum(len(b) for _, b in bodies), "visit_gz": sum(gz(b) for _, b in bodies),
                "requests": len(bodies),
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
             "Targets: first response ≤ 14 KB gzipped; whole first visit ≤ 60 KB gzipped.", "",
             "| page | first response raw | gzipped | whole first visit raw | gzipped | requests |",
             "|---|---:|---:|---:|---:|---:|"]
    ok = True
    for r in rows:
        ok &= r["first_gz"] <= FIRST_RESPONSE_TARGET and r["visit_gz"] <= FIRST_VISIT_TARGET
        lines.append(f"| {r['page']} `{r['path']}` | {kb(r['first_raw'])} | {kb(r['first_gz'])} | "
                     f"{kb(r['visit_raw'])} | {kb(r['visit_gz'])} | {r['requests']} |")
    lines += ["", f"All pages within target: **{'yes' if ok else 'no'}**."]
    report = "\n".join(lines)
    print(report)
    write_section("page-weight", report)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
