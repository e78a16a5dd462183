"""Page weight: the bytes the server sends for a first visit of each kind of page, as the browser saw them.

Run: .venv/bin/python -m bench.page_weight   (writes its section of docs/benchmarks.md)
The app is served as `make run` serves it (`flask run`, the demo region). Each page opens in a new
Chromium context (an empty cache: a first visit); every response is counted with the bytes that crossed
the network: its headers and its body as sent (compressed), from Chromium's network events through
Playwright's `Request.sizes()`. A response Chromium served from its HTTP cache counts nothing, and one the
service worker answered from its own cache counts nothing (the worker's own request counts, once).
Targets: first response <= 14 KB (one round trip on a new TCP connection); a whole first visit
<= 60 KB on the wire. What the service worker then fetches in the background to work offline (the app
shell it precaches, the search data and the directory snapshot) is counted in its own column: it is not
part of the page, and the directory grows with the region (bench/offline.py measures it per service).
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict

from playwright.sync_api import sync_playwright

from ._common import CHROMIUM, CHROMIUM_ARGS, load_average, make_run_server, page_paths, publish

FIRST_RESPONSE_TARGET = 14 * 1024
FIRST_VISIT_TARGET = 60 * 1024


# The directory download, made by the page in the background: the documents, and the sync worker's
# script, which the page starts only to download them (it is precached with the app shell too).
OFFLINE_DATA = ("/offline/", "/snapshots/", "/gen/sync-worker.")


def is_offline_data(url: str) -> bool:
    return any(part in url for part in OFFLINE_DATA)


def on_the_wire(response) -> tuple[int, int] | None:
    """(headers, body) bytes of a response as they crossed the network; None when nothing did (Chromium's
    HTTP cache answered). Chromium reports no body bytes for a worker's own script (sw.js,
    sync-worker.js: fetched by the browser process, not the page's loader): for those the body is the
    Content-Length the server sent, which is the compressed file as negotiated."""
    sizes = response.request.sizes()
    headers, body = sizes["responseHeadersSize"], sizes["responseBodySize"]
    if body < 0:  # encodedDataLength 0 minus the headers: read from the HTTP cache
        return None
    if body == 0 and "javascript" in (response.headers.get("content-type") or ""):
        body = int(response.headers.get("content-length") or 0)
    return headers, body


def resource_name(base: str, url: str, paths: dict[str, str]) -> str:
    """A resource's URL without the server or the content hash (the same name from run to run)."""
    path = url[len(base):] if url.startswith(base) else url
    for kind, page in paths.items():
        if path == page:
            return f"the page ({kind})"
    path = re.sub(r"\.[0-9a-f]{8}\.(js|css)$", r".\1", path)
    return re.sub(r"/services/[^/?#]+", "/services/<id>", path)


def measure(base: str) -> tuple[list[dict], dict]:
    """One row per page, and what was sent for each resource: (name, offline) -> {encoding, bytes, pages}."""
    en = page_paths(base, "en")
    pages = {"home": en["home"], "category": en["category"], "search": en["search"], "service": en["service"],
             "about": "/en/about", "saved lists": en["saved lists"], "referral sheet": en["referral sheet"],
             "guided help": "/en/situations/", "a plan": "/en/situations/lost-job?who=family&today=yes",
             "home (fr)": "/fr/", "home (ar)": "/ar/"}
    rows, resources = [], defaultdict(lambda: {"encoding": set(), "bytes": set(), "pages": set()})
    accept = set()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path in pages.items():
            context = browser.new_context(viewport={"width": 360, "height": 740})  # empty cache: a first visit
            page = context.new_page()
            responses = []
            context.on("response", lambda r, responses=responses: responses.append(r))
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_selector("#offline-status p.saved", timeout=60_000)  # the directory is saved
            page.wait_for_load_state("networkidle")  # the service worker's precache too
            first, visit, offline = None, [], []
            for r in responses:
                if r.from_service_worker or r.status in (301, 302, 303, 307, 308):
                    continue  # answered by the worker from its cache; a redirect is counted with its target
                wire = on_the_wire(r)
                if wire is None:
                    continue
                total = sum(wire)
                background = r.request.service_worker is not None or is_offline_data(r.url)
                (offline if background else visit).append(total)
                if r.url == base + path and first is None:
                    first = total
                    accept.add(r.request.all_headers().get("accept-encoding", ""))
                entry = resources[resource_name(base, r.url, pages), background]
                entry["encoding"].add(r.headers.get("content-encoding") or "none")
                entry["bytes"].add(total)
                entry["pages"].add(name)
            rows.append({"page": name, "path": path if name not in ("service", "referral sheet") else
                         {"service": "/en/services/<id>", "referral sheet": "/en/r/<token>"}[name],
                         "first": first, "visit": sum(visit), "requests": len(visit),
                         "offline": sum(offline), "offline_requests": len(offline)})
            context.close()
        browser.close()
    return rows, {"resources": resources, "accept": accept}


def main() -> int:
    load_before = load_average()
    with make_run_server() as base:
        rows, seen = measure(base)
    load_after = load_average()
    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    resources = seen["resources"]
    encodings = lambda offline: ", ".join(sorted(  # noqa: E731
        f"{enc} ({sum(1 for (_, o), r in resources.items() if o == offline and enc in r['encoding'])})"
        for enc in {e for (_, o), r in resources.items() if o == offline for e in r["encoding"]}))
    lines = ["## Page weight (`bench/page_weight.py`)", "",
             "First visit of each kind of page with an empty cache at 360×740 in Chromium, against the app as "
             "`make run` serves it (`flask run`, the demo region, http://127.0.0.1). Every figure is bytes on the "
             "wire as Chromium's network events count them (`Request.sizes()`: response headers and body as "
             "sent, compressed), not a recomputation; a response from the browser's cache counts nothing.",
             f"Chromium asked `Accept-Encoding: {' | '.join(sorted(seen['accept']))}` on plain HTTP to 127.0.0.1 "
             "(a local address is a secure context, so brotli is offered here too). The app answered the page's "
             f"own files with: {encodings(False)} (resources, by `Content-Encoding`); the background download "
             f"with: {encodings(True)}. The fingerprinted bundles go out as their precompressed `.br` siblings "
             "(`pwa_app/web/assets.py` `send_static`), pages gzipped on the fly, the snapshot and the search data "
             "compressed once per data version (brotli 11 where accepted: `pwa_app/web/compress.py` `send_json`), "
             "icons as they are.",
             "Targets: first response ≤ 14 KB; whole first visit ≤ 60 KB on the wire.",
             "The last column is what the page and its service worker fetch in the background once the page "
             "has loaded, so that everything works offline: the precached app shell (offline page, workers, "
             "`sw.js`), the search data and the demo region's directory. It is not part of the page, and the "
             "directory grows with the region (per-service figures: \"Offline snapshots\" below).", "",
             "| page | first response | whole first visit | requests | then the offline download (requests) |",
             "|---|---:|---:|---:|---:|"]
    ok = True
    for r in rows:
        ok &= r["first"] <= FIRST_RESPONSE_TARGET and r["visit"] <= FIRST_VISIT_TARGET
        lines.append(f"| {r['page']} `{r['path']}` | {kb(r['first'])} | {kb(r['visit'])} | {r['requests']} | "
                     f"{kb(r['offline'])} ({r['offline_requests']}) |")
    lines += ["", f"All pages within target: **{'yes' if ok else 'no'}**.", "",
              "Per resource, on the wire (headers included; a range where it differed from page to page):", "",
              "| resource | sent as | bytes | pages | part |", "|---|---|---:|---:|---|"]
    order = sorted(resources.items(), key=lambda kv: (kv[0][1], -max(kv[1]["bytes"])))
    for (name, offline), r in order:
        low, high = min(r["bytes"]), max(r["bytes"])
        size = kb(low) if low == high else f"{kb(low)}–{kb(high)}"
        pages = "all" if len(r["pages"]) == len(rows) else len(r["pages"])
        lines.append(f"| `{name}` | {', '.join(sorted(r['encoding']))} | {size} | {pages} | "
                     f"{'offline download' if offline else 'first visit'} |")
    lines += ["", f"Load average (1 / 5 / 15 min) of the shared machine before the run {load_before}, "
              f"after {load_after}."]
    publish("page-weight", lines)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
