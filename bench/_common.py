"""Shared by the benchmarks: a demo server on a free port, Chromium, and docs/benchmarks.md sections."""
from __future__ import annotations

import platform
import re
import shutil
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "docs" / "benchmarks.md"
CHROMIUM = "/usr/lib/chromium/chromium" if Path("/usr/lib/chromium/chromium").exists() else "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@contextmanager
def demo_server(package: Path | None = None):
    """Yield the base URL of the app serving the demo region (or `package`) from a throwaway SQLite file."""
    from werkzeug.serving import make_server

    from pwa_app import create_app
    from pwa_app.cli.database import DEMO_PACKAGE, create_schema
    from pwa_app.cli.database import import_directory

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite3"})
        with app.app_context():
            create_schema()
            import_directory(package or DEMO_PACKAGE)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()


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
    return f"{cpu}, {__import__('os').cpu_count()} cores, Python {platform.python_version()}, {chromium}"


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
