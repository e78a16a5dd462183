"""Search benchmark: the browser's search worker (index build, size, query latency under 4x CPU
throttling) and the server's search (query latency), for 10,000 and 60,000 synthetic services.

Run: .venv/bin/python -m bench.search [--sizes 10000 60000] [--no-write]
Server only, on PostgreSQL: scripts/with_postgres.sh .venv/bin/python -m bench.search --server-only --postgres
The services come from bench/make_synthetic.py. The server side indexes them with the app's own
search code (the words fulltext.build_documents would give them, made with ranking.py's helpers,
indexed by fulltext.index_documents on SQLite FTS5) without a full HSDS import, which would take
minutes at 60,000. The browser side gets snapshot-shaped records with the same texts and the
categories' words as the search data sends them, and the worker builds its own index
(search-core.js: words -> documents, prefixes found by binary search over the sorted words, matches
ranked as ranking.py ranks them), so both sides search the very same words.
Targets: browser p95 <= 16 ms (one frame) at 10,000 services under 4x throttling; server p95 <=
30 ms at 60,000.
"""
from __future__ import annotations

import argparse
import csv
import functools
import os
import statistics
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from ._common import CHROMIUM, CHROMIUM_ARGS, demo_server, write_section

QUERIES = ["food", "foo", "f", "shelter", "shelterr", "pharmasy", "dental clinic", "emergency food", "youth",
           "aines", "logement", "食物", "牙科", "job search help", "free legal", "community", "kids breakfast",
           "seniors", "rent", "counselling", "xyzzy", "transit pass", "winter", "meals", "mental health"]
ROUNDS = 8


def _read(folder: Path, name: str) -> list[dict[str, str]]:
    path = folder / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_package(folder: Path):
    """Services, their organizations and category codes, from a synthetic datapackage."""
    services = _read(folder, "services.csv")
    orgs = {r["id"]: r["name"] for r in _read(folder, "organizations.csv")}
    terms = {r["id"]: r for r in _read(folder, "taxonomy_terms.csv")}
    cats: dict[str, list[str]] = defaultdict(list)
    for r in _read(folder, "attributes.csv"):
        if r["link_entity"] == "service" and r["taxonomy_term_id"] in terms:
            cats[r["link_id"]].append(r["taxonomy_term_id"])
    return services, orgs, terms, cats


def term_words(terms: dict[str, dict]) -> dict[str, str]:
    """Term id -> its words as fulltext.term_words gives them (name, and Open Eligibility's names and synonyms)."""
    from pwa_app.core.textnorm import normalize
    from pwa_app.present import taxonomy_names

    out = {}
    for t in terms.values():
        names = [t["name"]]
        if taxonomy_names.is_open_eligibility(t.get("code"), t["name"]):
            names += taxonomy_names.words(t["code"])
        out[t["id"]] = " ".join(dict.fromkeys(normalize(" ".join(names)).split()))
    return out


def search_terms(terms: dict[str, dict], cats: dict[str, list[str]]):
    """The parents and the words (as the search data sends them) of the categories that list a service."""
    from pwa_app.search import ranking

    parents = {t["id"]: t.get("parent_id") or None for t in terms.values()}
    used = {slug for slugs in cats.values() for slug in ranking.category_chain(slugs, parents)}
    return parents, {slug: text for slug, text in term_words(terms).items() if slug in used}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


@contextmanager
def server_database(database_url: str | None, n: int):
    """Yield the URL of an empty database for one size: a temporary SQLite file, or a new PostgreSQL database."""
    if not database_url:
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{tmp}/search.sqlite3"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"passerelle_search_{n}"
    admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        c.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield make_url(database_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        admin.dispose()


def server_bench(folder: Path, n: int, database_url: str | None = None) -> dict:
    from sqlalchemy import insert, text

    from pwa_app import create_app
    from pwa_app.search import fulltext, ranking
    from pwa_app.cli.database import create_schema
    from pwa_app.db.extensions import db
    from pwa_app.db.models import Organization, Service

    services, orgs, terms, cats = load_package(folder)
    with server_database(database_url, n) as url:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            create_schema()
            started = time.perf_counter()
            db.session.execute(insert(Organization), [{"id": i, "name": name} for i, name in orgs.items()])
            db.session.execute(insert(Service), [{"id": s["id"], "organization_id": s["organization_id"], "name": s["name"],
                                                  "description": s["description"], "status": "active"} for s in services])

            # As fulltext.build_documents: name; the words of its categories and their parents; body.
            parents, texts = search_terms(terms, cats)
            term_lists = {slug: ranking.words(t) for slug, t in texts.items()}

            @functools.cache
            def categories(slugs: tuple[str, ...]) -> str:
                chain = ranking.category_chain(slugs, parents)
                return " ".join(dict.fromkeys(w for slug in chain for w in term_lists.get(slug, ())))

            docs = [{"service_id": s["id"], "name": " ".join(ranking.distinct([s["name"]])),
                     "categories": categories(tuple(cats[s["id"]])),
                     "body": " ".join(ranking.distinct([s["description"], orgs.get(s["organization_id"])]))}
                    for s in services]
            fulltext.index_documents(db.session, docs)
            db.session.commit()
            if db.engine.dialect.name == "postgresql":
                db.session.execute(text("ANALYZE"))
                db.session.commit()
            build = time.perf_counter() - started
            t0 = time.perf_counter()
            fulltext.search(db.session, "pharmasy")  # the typo vocabulary is built once per data version
            first_typo = (time.perf_counter() - t0) * 1000
            timings, per_query = [], defaultdict(list)
            for _ in range(ROUNDS):
                for q in QUERIES:
                    t0 = time.perf_counter()
                    fulltext.search(db.session, q, limit=25)
                    ms = (time.perf_counter() - t0) * 1000
                    timings.append(ms)
                    per_query[q].append(ms)
            slowest = sorted(((statistics.median(v), q) for q, v in per_query.items()), reverse=True)[:5]
            db.session.remove()
            db.engine.dispose()
    return {"n": n, "engine": url.split(":", 1)[0].split("+")[0], "build_s": build, "p50": percentile(timings, 50),
            "p95": percentile(timings, 95), "first_typo_ms": first_typo, "slowest": [f"{q} {ms:.1f}" for ms, q in slowest]}


def browser_records(folder: Path):
    """Snapshot-shaped records, the terms and the search data (categories' words; no other language, so no extra)."""
    services, orgs, terms, cats = load_package(folder)
    records = [{"i": s["id"], "n": s["name"], "o": orgs.get(s["organization_id"]), "t": {"de": s["description"]},
                "c": cats[s["id"]]} for s in services]
    parents, words = search_terms(terms, cats)
    term_list = [{"s": t["id"], "n": t["name"], "p": parents[t["id"]]} for t in terms.values()]
    return records, term_list, {"terms": words, "extra": {}}


BROWSER_RUN = """async ([records, terms, data, queries, rounds]) => {
    const url = document.querySelector('meta[name="search-worker"]').content;
    const worker = new Worker(url);
    const ask = (message) => new Promise((resolve) => {
        worker.onmessage = (event) => resolve(event.data);
        worker.postMessage(message);
    });
    const t0 = performance.now();
    const ready = await ask({type: 'index', records, terms, data});
    const roundTrip = performance.now() - t0;
    const inWorker = [], seen = [], perQuery = {};
    let id = 0;
    for (let r = 0; r < rounds; r += 1) {
        for (const query of queries) {
            id += 1;
            const started = performance.now();
            const reply = await ask({type: 'search', id, query, lang: 'en', limit: 25});
            seen.push(performance.now() - started);
            inWorker.push(reply.ms);
            (perQuery[query] = perQuery[query] || []).push(reply.ms);
        }
    }
    worker.terminate();
    return {buildMs: ready.ms, buildRoundTripMs: roundTrip, inWorker, seen, perQuery};
}"""


def browser_bench(base: str, folder: Path, n: int) -> dict:
    from playwright.sync_api import sync_playwright

    records, terms, data = browser_records(folder)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "/en/about")
        cdp = page.context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        cdp.send("Performance.enable")
        before = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        out = page.evaluate(BROWSER_RUN, [records, terms, data, QUERIES, ROUNDS])
        after = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        browser.close()
    return {"n": n, "build_ms": out["buildMs"], "round_trip_ms": out["buildRoundTripMs"],
            "p50": percentile(out["inWorker"], 50), "p95": percentile(out["inWorker"], 95),
            "seen_p50": percentile(out["seen"], 50), "seen_p95": percentile(out["seen"], 95),
            "page_heap_mb": (after.get("JSHeapUsedSize", 0) - before.get("JSHeapUsedSize", 0)) / 2**20,
            "payload_mb": len(str(records)) / 2**20,
            "first": {q: round(v[0], 1) for q, v in out["perQuery"].items()},  # the first round's time of each query
            "slowest": [f"{q} {ms:.1f}" for ms, q in sorted(((statistics.median(v), q) for q, v in out["perQuery"].items()),
                                                            reverse=True)[:5]]}


def main() -> None:
    from .make_synthetic import make

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 60_000])
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--server-only", action="store_true", help="skip the browser part (and do not write the report)")
    parser.add_argument("--database-url", default=None,
                        help="time the server on this PostgreSQL server (a database per size is created and dropped); "
                             "--postgres reads PASSERELLE_TEST_DATABASE_URL, as set by scripts/with_postgres.sh")
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--browser-only", action="store_true", help="skip the server part (and do not write the report)")
    args = parser.parse_args()
    database_url = args.database_url or (os.environ["PASSERELLE_TEST_DATABASE_URL"] if args.postgres else None)
    server_rows, browser_rows = [], []
    if args.server_only:
        with tempfile.TemporaryDirectory() as tmp:
            for n in args.sizes:
                folder = Path(tmp) / f"s{n}"
                make(folder, n)
                server_rows.append(server_bench(folder, n, database_url))
                print("server", server_rows[-1], flush=True)
        return
    if args.browser_only:
        with demo_server() as base, tempfile.TemporaryDirectory() as tmp:
            for n in args.sizes:
                folder = Path(tmp) / f"s{n}"
                make(folder, n)
                print("browser", browser_bench(base, folder, n), flush=True)
        return
    with demo_server() as base, tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"s{n}"
            make(folder, n)
            browser_rows.append(browser_bench(base, folder, n))
            print("browser", browser_rows[-1], flush=True)
            server_rows.append(server_bench(folder, n, database_url))
            print("server", server_rows[-1], flush=True)
    body = [
        "## Search (`bench/search.py`)", "",
        f"{len(QUERIES)} queries (prefixes, typos, several words, Chinese, no match) × {ROUNDS} rounds. Browser: the",
        "search worker's own index (`search-core.js`: words -> documents, prefixes found by binary search over the sorted",
        "words, matches ranked as `ranking.py` ranks them) in Chromium with 4× CPU throttling (`Emulation.setCPUThrottlingRate`);",
        "\"in worker\" is the search itself, \"seen\" adds the round trip from the page. Server: `fulltext.search` in-process",
        "on SQLite FTS5 (25 results, with the count), typo fallback included. Both index the same words (`ranking.py`).",
        "Targets: browser p95 ≤ 16 ms at 10,000; server p95 ≤ 30 ms at 60,000.",
        "", "| services | browser index build | records sent | query p50 / p95 in worker | p50 / p95 seen by the page |",
        "|---:|---:|---:|---:|---:|",
        *(f"| {r['n']:,} | {r['build_ms'] / 1000:.1f} s | {r['payload_mb']:.1f} MB | {r['p50']:.1f} / {r['p95']:.1f} ms"
          f" | {r['seen_p50']:.1f} / {r['seen_p95']:.1f} ms |" for r in browser_rows),
        "", "| services | server index build | query p50 / p95 |", "|---:|---:|---:|",
        *(f"| {r['n']:,} | {r['build_s']:.1f} s | {r['p50']:.1f} / {r['p95']:.1f} ms |" for r in server_rows),
    ]
    print("\n".join(body))
    if not args.no_write:
        write_section("search", "\n".join(body))


if __name__ == "__main__":
    main()
