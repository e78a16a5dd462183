"""Shared by the benchmarks: a demo server on a free port, Chromium, and docs/benchmarks.md sections."""
from __future__ import annotations

import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "docs" / "benchmarks.md"
CHROMIUM = "/usr/lib/chromium/chromium" if Path("/usr/lib/chromium/chromium").exists() else "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@contextmanager
def demo_server(package: Path | None = None, prepare=None):
    """Yield the base URL of the app serving the demo region (or `package`) from a throwaway SQLite file.
    `prepare(session)`, if given, runs once the data is in (to add a curator's account, say)."""
    from werkzeug.serving import make_server

    from pwa_app import create_app
    from pwa_app.cli.database import DEMO_PACKAGE, create_schema
    from pwa_app.cli.database import import_directory

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite3"})
        with app.app_context():
            create_schema()
            import_directory(package or DEMO_PACKAGE)
            if prepare:
                prepare(app)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()


@contextmanager
def make_run_server():
    """Yield the base URL of the app served as `make run` serves it: `flask init-db --demo-if-empty`, then
    `flask run` (Werkzeug's threaded server, no debugger) on a free port, in its own process, from a
    throwaway SQLite file and snapshot folder."""
    flask = str(Path(sys.executable).with_name("flask"))
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
               "PASSERELLE_SNAPSHOT_FOLDER": f"{tmp}/snapshots"}
        for name in ("FLASK_DEBUG", "FLASK_APP", "PASSERELLE_BASE_URL", "PASSERELLE_TRUSTED_HOSTS"):
            env.pop(name, None)
        init = subprocess.run([flask, "--app", "pwa_app", "init-db", "--demo-if-empty"], cwd=ROOT, env=env,
                              capture_output=True, text=True)
        if init.returncode:
            raise RuntimeError(f"`flask init-db --demo-if-empty` failed:\n{init.stdout}{init.stderr}")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([flask, "--app", "pwa_app", "run", "--host", "127.0.0.1", "--port", str(port)],
                                  cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(base + "/healthz", timeout=2):
                        break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"`flask run` did not answer on {base}") from None
                    time.sleep(0.2)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)


def page_paths(base: str, lang: str = "en") -> dict[str, str]:
    """One URL of each kind of page in `lang`: home, a category, a service (the first the health category
    lists), a search, the saved lists and a referral sheet (two services)."""
    from pwa_app.core import referral

    with urllib.request.urlopen(f"{base}/en/categories/health") as response:
        ids = re.findall(r'href="/en/services/([^"#?]+)"', response.read().decode())[:2]
    return {"home": f"/{lang}/", "category": f"/{lang}/categories/food", "service": f"/{lang}/services/{ids[0]}",
            "search": f"/{lang}/search?q=food", "saved lists": f"/{lang}/saved",
            "referral sheet": f"/{lang}/r/{referral.encode(ids)}"}


def load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes (it is shared: tests may run beside a bench)."""
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name"))
        cpu = model
    except (OSError, StopIteration):
        pass
    chromium = (subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
                if shutil.which(CHROMIUM) or Path(CHROMIUM).exists() else "no Chromium")
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {chromium}"


def publish(name: str, lines: list[str]) -> None:
    """Print a bench's report and, unless run with --no-write, make it its section of docs/benchmarks.md."""
    report = "\n".join(lines)
    print(report)
    if "--no-write" not in sys.argv:
        write_section(name, report)


def write_section(name: str, body: str) -> None:
    """Replace this benchmark's own section of docs/benchmarks.md, leaving the others alone."""
    REPORT.parent.mkdir(exist_ok=True)
    text = (REPORT.read_text(encoding="utf-8") if REPORT.exists()
            else "# Benchmarks\n\nEach section is written by the script it names; rerun it to refresh the figures.\n")
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = f"<!-- {name}:start -->\n{body.strip()}\n\n_Measured {stamp} on {machine()}._\n<!-- {name}:end -->"
    pattern = re.compile(rf"<!-- {re.escape(name)}:start -->.*?<!-- {re.escape(name)}:end -->", re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    REPORT.write_text(text, encoding="utf-8")
