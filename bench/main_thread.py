"""The page's main thread during a first visit of each kind of page, the directory download included: the
longest task from opening the page to "Available offline", with the CPU slowed 4× as Lighthouse does for a
mid-range phone.

Run: .venv/bin/python -m bench.main_thread [--no-write]   (writes its section of docs/benchmarks.md)
Target (issues 14 and 17): no task over 50 ms on any page, the download included. The snapshot is fetched,
checked, unpacked and written by the sync worker (static/js/sync-worker.js) and the search index is
built by the search worker; the page only shows the progress. Each task over 50 ms is named by the
script that ran longest in it (the Long Animation Frames API's script attribution).

Each page is opened three times (a new browser each time) and the median is reported, beside the same
page served without its scripts: what the browser itself spends parsing, styling, laying out and painting
that HTML, which no script of ours can take away; and served bare (no scripts, stylesheet or icons). The
floor below them all: a plain page of 150 paragraphs of text, opened nine times.
"""
from __future__ import annotations

import re
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from ._common import CHROMIUM, CHROMIUM_ARGS, demo_server, load_average, page_paths, publish
from .offline import SAN_MATEO

TARGET_MS = 50
SLOWDOWN = 4
RUNS = 3
SCRIPT_TAGS = re.compile(r'<script[^>]*\bsrc="[^"]*"[^>]*></script>|<link rel="modulepreload"[^>]*>')
# Taken out too for the "bare" page: the stylesheet and the inline icons, leaving the HTML's elements and text.
STYLE_AND_ICONS = re.compile(r'<link rel="stylesheet"[^>]*>|<svg\b.*?</svg>', re.S)
# The plainest page of about the same size: 150 short paragraphs, nothing else.
PLAIN_PAGE = ('<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" '
              'content="width=device-width, initial-scale=1"><title>Plain</title><body>'
              + "<p>Free and confidential help near you, open today.</p>" * 150 + "</body></html>")

OBSERVE = """() => {
    window.__longTasks = [];
    window.__frames = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
        .observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
            window.__frames.push({ start: e.startTime, end: e.startTime + e.duration,
                layout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
                scripts: e.scripts.map((s) => ({ invoker: s.invoker, type: s.invokerType, source: s.sourceURL,
                    fn: s.sourceFunctionName, ms: s.duration, forced: s.forcedStyleAndLayoutDuration })) });
        }
    }).observe({ type: 'long-animation-frame', buffered: true });
}"""
# Where the download starts and ends (sync-client.js marks them).
MARK = "(performance.getEntriesByName('{}')[0] || {{startTime: 0}}).startTime"


def script_ms(task: tuple[float, float], frames: list[dict]) -> float:
    """The time the page's scripts ran in the long animation frames holding `task`."""
    start, duration = task
    return sum(s["ms"] for f in frames if f["start"] <= start + 1 and start + duration <= f["end"] + 1
               for s in f["scripts"])


def blame(task: tuple[float, float], frames: list[dict], base: str) -> str:
    """What ran in the long animation frame holding `task`: the script that ran longest (function or what
    invoked it, its file, its time), all scripts together, and style and layout (forced by scripts, then the
    frame's own)."""
    start, duration = task
    held = [f for f in frames if f["start"] <= start + 1 and start + duration <= f["end"] + 1]
    scripts = [s for f in held for s in f["scripts"]]
    if not scripts:
        return "no script attributed (parsing, style, layout or the browser's own work)"
    s = max(scripts, key=lambda s: s["ms"])
    what = {"classic-script": "evaluating", "module-script": "evaluating"}.get(s["type"])
    what = f"{what} the module" if what else f"`{(s['fn'] or s['invoker']).replace(base, '')}` ({s['type']})"
    where = (s["source"] or "").removeprefix(base) or "?"
    layout = sum(x["forced"] for x in scripts) + sum(f["layout"] for f in held)
    return (f"{what} in `{where}`: {s['ms']:.0f} ms; all scripts {sum(x['ms'] for x in scripts):.0f} ms, "
            f"style and layout {layout:.0f} ms")


def without(*patterns):
    """A route handler: the page as the server sent it, with what `patterns` match taken out."""
    def handle(route) -> None:
        response = route.fetch()
        body = response.text()
        for pattern in patterns:
            body = pattern.sub("", body)
        route.fulfill(response=response, body=body)
    return handle


def plain(route) -> None:
    route.fulfill(body=PLAIN_PAGE, content_type="text/html; charset=utf-8")


def measure(base: str, path: str, strip: str = "") -> dict:
    """The page's long tasks (ms) while it loads, during the download, and after it to "Available
    offline" (the search data kept, the status line written); the longest with its script; the services kept.
    With `strip` ("scripts", "bare": scripts, stylesheet and icons; "plain": PLAIN_PAGE in its place), only the
    longest task until 1.5 s after loading."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 740})  # an empty cache: a first visit
        page = context.new_page()
        page.add_init_script(f"({OBSERVE})()")
        if strip:
            page.route(base + path, {"scripts": without(SCRIPT_TAGS), "bare": without(SCRIPT_TAGS, STYLE_AND_ICONS),
                                     "plain": plain}[strip])
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
        page.goto(base + path)
        if strip:
            page.wait_for_load_state("load")
            page.wait_for_timeout(1500)
            tasks = page.evaluate("window.__longTasks")
            browser.close()
            return {"longest": max((d for _, d in tasks), default=0)}
        page.wait_for_selector("#offline-status p.saved", timeout=300_000)
        page.wait_for_timeout(500)  # the observer reports a task once it has ended
        start, end = page.evaluate(MARK.format("passerelle-sync")), page.evaluate(MARK.format("passerelle-synced"))
        tasks, frames = page.evaluate("window.__longTasks"), page.evaluate("window.__frames")
        kept = page.evaluate("""async () => (await import('/static/js/store.js')).allServices('en').then((s) => s.length)""")
        browser.close()
    longest = max(tasks, key=lambda t: t[1], default=None)
    return {"before": [d for t, d in tasks if t < start], "during": [d for t, d in tasks if start <= t < end],
            "after": [d for t, d in tasks if t >= end], "kept": kept,
            "longest": longest[1] if longest else 0,
            "scripts": max((script_ms(t, frames) for t in tasks), default=0), "blame": blame(longest, frames, base) if longest else ""}


def main() -> int:
    from pwa_app.cli.database import DEMO_PACKAGE

    rows = []
    load_before = load_average()
    with tempfile.TemporaryDirectory() as tmp:
        cases = [("Demo region", DEMO_PACKAGE)]
        if SAN_MATEO.exists():
            from pwa_app.hsds.legacy.ohana import convert_ohana_mongo

            convert_ohana_mongo(SAN_MATEO, Path(tmp) / "san-mateo")
            cases.append(("San Mateo County 2014 (converted)", Path(tmp) / "san-mateo"))
        for label, package in cases:
            with demo_server(package) as base:
                for kind, path in page_paths(base, "en").items():
                    runs = sorted((measure(base, path) for _ in range(RUNS)), key=lambda r: r["longest"])
                    floors = {f"without {strip}": statistics.median(measure(base, path, strip)["longest"]
                                                                    for _ in range(RUNS)) for strip in ("scripts", "bare")}
                    row = {"directory": label, "kind": kind, **runs[RUNS // 2], **floors,
                           "range": (runs[0]["longest"], runs[-1]["longest"])}
                    print(row, flush=True)
                    rows.append(row)
            if label == cases[0][0]:  # the floor: the plainest page, on the first server
                plains = sorted(measure(base, "/plain-page", "plain")["longest"] for _ in range(3 * RUNS))
    load_after = load_average()
    ok = all(r["longest"] <= TARGET_MS for r in rows)
    lines = ["## The page's main thread on a first visit, the directory download included (`bench/main_thread.py`)", "",
             f"A first visit (empty cache) of each kind of page, in English, from opening it to “Available offline”, "
             f"in Chromium at 360×740 with the CPU slowed {SLOWDOWN}× (`Emulation.setCPUThrottlingRate`, as "
             "Lighthouse's mobile profile); the server on loopback, no network throttling. Long tasks are the page's "
             "tasks over 50 ms (the Long Tasks API), split at the marks `sync-client.js` sets where the directory "
             "download starts and ends; the last column names the script that ran longest in the longest task "
             "(the Long Animation Frames API's attribution). Workers' tasks are not the page's: the sync worker "
             f"fetches, checks, unpacks and writes the directory, the search worker indexes it. Target: no task over "
             f"{TARGET_MS} ms on any page. Each page is opened {RUNS} times, each time in a new browser; the row is the "
             "median visit (by its longest task), with the range of the longest task over the visits, and beside it "
             f"the median longest task of the same page served without its scripts ({RUNS} visits): the browser's own "
             "work on that HTML (parsing, style, layout, paint), which no script of ours can take away; and without "
             "its scripts, stylesheet and inline icons too (bare HTML: elements and text).", "",
             "| directory | page | services kept | long tasks while the page loads (longest) | during the download "
             "(longest) | then to “Available offline” (longest) | longest task (range) | its longest script "
             "| without scripts: longest task | bare HTML: longest task |",
             "|---|---|---:|---:|---:|---:|---:|---|---:|---:|"]
    ms = lambda tasks: f"{len(tasks)} ({max(tasks):.0f} ms)" if tasks else "0"  # noqa: E731
    for r in rows:
        lines.append(f"| {r['directory']} | {r['kind']} | {r['kept']:,} | {ms(r['before'])} | {ms(r['during'])} | "
                     f"{ms(r['after'])} | {r['longest']:.0f} ms ({r['range'][0]:.0f}–{r['range'][1]:.0f}) | "
                     f"{r['blame'] or '–'} | {r['without scripts']:.0f} ms | {r['without bare']:.0f} ms |")
    lines += ["", f"Within target: **{'yes' if ok else 'no'}**. The most our scripts ran in any one long task "
              f"(median visits): {max(r['scripts'] for r in rows):.0f} ms. The floor, the plainest page of about "
              f"the same size ({PLAIN_PAGE.count('<p>')} paragraphs of text, nothing else; {len(plains)} visits): "
              f"longest task {statistics.median(plains):.0f} ms in the median visit, "
              f"{' / '.join(f'{x:.0f}' for x in plains)} ms in each. Load average (1 / 5 / 15 min) of the shared machine "
              f"before the run {load_before}, after {load_after}."]
    publish("main-thread", lines)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
