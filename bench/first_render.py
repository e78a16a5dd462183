"""What the browser's first rendering of each kind of page costs its main thread, in CPU time, from
Chromium's own trace: the long tasks `bench/main_thread.py` finds while a page loads are the browser's
work on the HTML (style, layout, paint), and this says how much of it each part of the page costs.

Run: .venv/bin/python -m bench.first_render [--no-write]   (writes its section of docs/benchmarks.md)

Each page is opened in a new browser (a first visit), unthrottled, with a trace of the renderer's main
thread; a task's figure is its thread time (CPU, not wall clock: another process on the machine does
not count). Lighthouse's simulated throttling multiplies a task by 4 for its mobile profile, so a task
over 12.5 ms here is a long task (over 50 ms) there. Each page is also served without its `<main>` (the
crisis bar, header, search form and footer only), and the plainest page of about the same size
(`main_thread.PLAIN_PAGE`) is the floor. Reports; judges nothing (the target is main_thread's).
"""
from __future__ import annotations

import json
import re
import sys

from playwright.sync_api import sync_playwright

from ._common import CHROMIUM, CHROMIUM_ARGS, demo_server, load_average, page_paths, publish
from .main_thread import PLAIN_PAGE, SLOWDOWN, TARGET_MS, plain, without

VISITS = 5
CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "blink"]
MAIN = re.compile(r"<main\b.*?</main>", re.S)
# What a task did, by the trace's event names (thread time of each, summed; one may hold another).
KINDS = {"style": ("UpdateLayoutTree",), "layout": ("Layout",), "paint": ("PrePaint", "Paint", "Layerize"),
         "parsing": ("ParseHTML",), "script": ("v8.compile", "v8.evaluateModule", "EvaluateScript", "FunctionCall",
                                                "v8.callFunction")}


def longest_task(p, url: str, handler=None) -> dict:
    """The longest task of the renderer's main thread from opening `url` to 1.5 s after its load event:
    its thread time (ms) and that of the kinds of work in it."""
    browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    if handler:
        page.route(url, handler)
    browser.start_tracing(page=page, categories=CATEGORIES)
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)
    events = json.loads(browser.stop_tracing())["traceEvents"]
    browser.close()
    main = {(e["pid"], e["tid"]) for e in events if e.get("name") == "thread_name" and e["args"]["name"] == "CrRendererMain"}
    spans = [e for e in events if (e["pid"], e["tid"]) in main and e.get("ph") == "X"]
    tasks = [e for e in spans if e["name"] == "ThreadControllerImpl::RunTask" and "tdur" in e]
    task = max(tasks, key=lambda e: e["tdur"])
    inside = [e for e in spans if (e["pid"], e["tid"]) == (task["pid"], task["tid"])
              and task["ts"] <= e["ts"] < task["ts"] + task["dur"] and "tdur" in e]
    return {"ms": task["tdur"] / 1000,
            **{kind: sum(e["tdur"] for e in inside if e["name"] in names) / 1000 for kind, names in KINDS.items()}}


def median_visit(p, url: str, handler=None) -> dict:
    visits = sorted((longest_task(p, url, handler) for _ in range(VISITS)), key=lambda v: v["ms"])
    return {**visits[VISITS // 2], "range": (visits[0]["ms"], visits[-1]["ms"])}


def main() -> int:
    rows, before = [], load_average()
    with demo_server() as base, sync_playwright() as p:
        for kind, path in page_paths(base, "en").items():
            served = median_visit(p, base + path)
            chrome = median_visit(p, base + path, without(MAIN))
            rows.append((kind, path, served, chrome))
            print(kind, served, chrome, flush=True)
        floor = median_visit(p, base + "/plain-page", plain)
    after = load_average()
    budget = TARGET_MS / SLOWDOWN
    lines = ["## The browser's first rendering of a page, in CPU time (`bench/first_render.py`)", "",
             "The longest task of the page's main thread from opening it (a first visit, a new browser each time) to "
             "1.5 s after its load event, unthrottled, in Chromium's own trace at 360×740: its thread time, which "
             "another process on the machine does not lengthen. What it did is the trace's own events "
             "(`UpdateLayoutTree` style, `Layout`, `PrePaint`/`Paint`/`Layerize`, `ParseHTML`, V8's compile and "
             f"run), thread time too. Lighthouse's mobile profile counts a task {SLOWDOWN}× as long, so a task over "
             f"{budget:g} ms here is a long task (over {TARGET_MS} ms) there, as `bench/main_thread.py` finds with "
             f"the CPU slowed {SLOWDOWN}×. Each page {VISITS} times, the median visit (by its longest task), with the "
             "range over the visits; beside it the same page served without its `<main>`: the crisis bar, header, "
             "search form, status line and footer every page has.", "",
             "| page | longest task | range | style | layout | paint | parsing | script | × 4 | without its `<main>` | × 4 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for kind, _, s, c in rows:
        lines.append(f"| {kind} | {s['ms']:.1f} ms | {s['range'][0]:.1f}–{s['range'][1]:.1f} | {s['style']:.1f} | "
                     f"{s['layout']:.1f} | {s['paint']:.1f} | {s['parsing']:.1f} | {s['script']:.1f} | "
                     f"{SLOWDOWN * s['ms']:.0f} ms | {c['ms']:.1f} ms | {SLOWDOWN * c['ms']:.0f} ms |")
    lines += ["", f"The floor, the plainest page of about the same size ({PLAIN_PAGE.count('<p>')} paragraphs of one "
              f"sentence): {floor['ms']:.1f} ms ({floor['range'][0]:.1f}–{floor['range'][1]:.1f}), "
              f"{SLOWDOWN * floor['ms']:.0f} ms at {SLOWDOWN}×. Pages over {budget:g} ms here: "
              f"{', '.join(k for k, _, s, _ in rows if s['ms'] > budget) or 'none'}; without their `<main>`: "
              f"{', '.join(k for k, _, _, c in rows if c['ms'] > budget) or 'none'}. Load average (1 / 5 / 15 min) "
              f"of the shared machine before the run {before}, after {after}."]
    publish("first-render", lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
