"""What a curator waits for: opening a service's editor, and saving an edit until pages and phones
have it, over real HTTP, on the demo region, the real San Mateo County directory and synthetic ones.

Run: .venv/bin/python -m bench.curate [--services 20000 ...]   (writes its section of docs/benchmarks.md)

A save is one transaction: the record, its audit rows, then the search documents and the phones'
snapshot records of the services it touched made again (pwa_app/curate/settle.py); the rest of the
index stays as it is, so a save should cost about the same in any directory.
Each case: a fresh SQLite file, the app served by Werkzeug's threaded server on a free port, a
curator logged in through the login form; five services renamed one after the other (the median and
the slowest), then the changes feed a phone fetches after them (gzip bytes on the wire).
"""
from __future__ import annotations

import argparse
import gzip
import http.cookiejar
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from tests.curation import form_of

from ._common import ROOT, load_average, write_section

SAN_MATEO = ROOT.parent / "shared" / "data" / "ohana-smc" / "smc-2014-full-mongo"
SAVES = 5
PASSWORD = "a passphrase for the bench"


def run_case(name: str, package: Path | None, tmp: Path) -> dict:
    from sqlalchemy import func, select
    from werkzeug.serving import make_server

    from pwa_app import create_app
    from pwa_app.cli.database import create_schema, import_directory
    from pwa_app.curate import accounts
    from pwa_app.db.extensions import db
    from pwa_app.db.models import Service
    from pwa_app.snapshot import versions

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/{re.sub(r'[^a-z0-9]', '', name.lower())}.sqlite3"})
    with app.app_context():
        create_schema()
        import_directory(package or ROOT / "pwa_app" / "demo_data")
        accounts.add(db.session, "bench@example.org", PASSWORD, "curator")
        db.session.commit()
        count = db.session.scalar(select(func.count()).select_from(Service))
        ids = list(db.session.scalars(select(Service.id).order_by(Service.id).limit(SAVES)))
        since = versions.current_version(db.session)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                         NoRedirect())
    try:
        page = opener.open(base + "/curate/login").read().decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        post(opener, base + "/curate/login", {"email": "bench@example.org", "password": PASSWORD, "csrf_token": token})
        opened, saved = [], []
        for n, sid in enumerate(ids):
            started = time.perf_counter()
            page = opener.open(f"{base}/curate/services/{sid}/edit").read().decode()
            opened.append(time.perf_counter() - started)
            fields = form_of(page, f"/curate/services/{sid}/edit")  # as the browser would send it
            fields["name"] = f"{fields['name']} (checked {n})"
            started = time.perf_counter()
            status = post(opener, f"{base}/curate/services/{sid}/edit", fields)
            saved.append(time.perf_counter() - started)
            assert status == 302, status
        request = urllib.request.Request(f"{base}/en/offline/changes.json?since={since}", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            wire = response.read()
            feed = gzip.decompress(wire) if response.headers.get("Content-Encoding") == "gzip" else wire
        assert all(f"(checked {n})".encode() in feed for n in range(SAVES)), "the feed lacks an edit"
    finally:
        server.shutdown()
        with app.app_context():
            db.engine.dispose()
    return {"case": name, "services": count, "open_ms": statistics.median(opened) * 1000,
            "save_ms": statistics.median(saved) * 1000, "save_max_ms": max(saved) * 1000, "feed_bytes": len(wire)}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def post(opener, url: str, fields: dict[str, str]) -> int:
    data = urllib.parse.urlencode(fields).encode()
    try:
        with opener.open(urllib.request.Request(url, data=data)) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, nargs="*", default=[20_000])
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        results.append(run_case("Demo region (fictional)", None, tmp))
        from pwa_app.hsds.legacy.ohana import convert_ohana_mongo

        convert_ohana_mongo(SAN_MATEO, tmp / "san-mateo")
        results.append(run_case("San Mateo County 2014 (Ohana, real)", tmp / "san-mateo", tmp))
        from .make_synthetic import make

        for n in args.services:
            make(tmp / f"synthetic-{n}", n)
            results.append(run_case(f"synthetic, {n:,} services", tmp / f"synthetic-{n}", tmp))
    lines = ["## Curators: opening the editor and saving an edit (`bench/curate.py`)", "",
             "Over real HTTP (Werkzeug's threaded server, SQLite), a curator logged in through the form. A save "
             "is the record, its audit rows, and the search document and phone record of each service it touched "
             f"made again, in the same transaction; {SAVES} services renamed one after the other. The feed is what a phone then fetches "
             "(`changes.json` since before the saves, gzip, on the wire).", "",
             "| directory | services | open the editor (median) | save (median) | save (slowest) | feed after the saves |",
             "|---|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r['case']} | {r['services']:,} | {r['open_ms']:,.0f} ms | {r['save_ms']:,.0f} ms | "
                     f"{r['save_max_ms']:,.0f} ms | {r['feed_bytes']:,} B |")
    lines += ["", f"Load average at the end: {load_average()}."]
    report = "\n".join(lines)
    print(report)
    write_section("curate", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
