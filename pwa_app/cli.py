"""Flask commands: `flask --app pwa_app init-db`, `import-hsds`."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask
from sqlalchemy import func, select

from . import hsds_cli, reports_cli, search, search_cli
from .extensions import db
from .hsds.importer import ImportFailed, import_package
from .models import Service

DEMO_PACKAGE = Path(__file__).parent / "demo_data"
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def create_schema() -> None:
    """Bring the database to the newest schema by running every pending migration."""
    from flask_migrate import upgrade

    upgrade(directory=str(MIGRATIONS))
    search.ensure_schema(db.session)
    db.session.commit()


def reachable_schema() -> None:
    """create_schema, or one clear line (not a traceback) when the database cannot be reached."""
    from sqlalchemy.exc import OperationalError

    try:
        create_schema()
    except OperationalError as exc:
        url = db.engine.url.render_as_string(hide_password=True)
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise click.ClickException(f"Cannot reach the database at {url}: {reason}") from None


def load_package(path: Path) -> None:
    """Import with a progress bar; on defects print each one and exit non-zero."""
    with click.progressbar(length=0, label=f"Importing {path}", file=sys.stderr) as bar:
        def progress(_table: str, rows: int) -> None:
            bar.length += rows
            bar.update(rows)

        try:
            summary = import_package(path, progress)
        except ImportFailed as exc:
            click.echo("", err=True)
            for problem in exc.problems:
                click.echo(f"  {problem}", err=True)
            raise click.ClickException(f"{len(exc.problems)} problem(s) in {path}; nothing was imported.") from exc
    for line in summary.lines():
        click.echo(line)


def register(app: Flask) -> None:
    @app.cli.command("init-db")
    @click.option("--demo-if-empty", is_flag=True, help="Load the demo region when there are no services.")
    def init_db(demo_if_empty: bool) -> None:
        """Create or upgrade the database tables, and load the demo region into an empty database."""
        reachable_schema()
        if demo_if_empty and not db.session.scalar(select(func.count()).select_from(Service)):
            load_package(DEMO_PACKAGE)

    hsds_cli.register(app)  # import-hsds, import-legacy, export-hsds
    reports_cli.register(app)  # reports list (issue 7)
    search_cli.register(app)  # reindex-search (issue 6/8)

    @app.cli.group("translate")
    def translate() -> None:
        """Work with the interface catalogues in translations/ (gettext, through Babel)."""

    def pybabel(*args: str) -> None:
        from babel.messages.frontend import CommandLineInterface

        CommandLineInterface().run(["pybabel", "-q", *args])

    root = Path(app.root_path).parent
    pot = str(root / "translations" / "messages.pot")

    @translate.command("extract")
    def extract() -> None:
        """Collect every user-facing string from the code and templates into messages.pot."""
        pybabel("extract", "-F", str(root / "babel.cfg"), "-k", "_l", "-k", "lazy_gettext", "--no-location",
                "--sort-output", "--omit-header", "--width", "100", "-o", pot, str(root))

    @translate.command("update")
    def update() -> None:
        """Merge messages.pot into every language's catalogue."""
        pybabel("update", "-i", pot, "-d", str(root / "translations"), "--no-fuzzy-matching", "--ignore-obsolete",
                "--width", "100")  # the catalogues' own wrapping, so an update changes only what changed

    @translate.command("compile")
    def compile_() -> None:
        """Compile every catalogue to the .mo files the app reads."""
        pybabel("compile", "-d", str(root / "translations"))

    @app.cli.command("build-snapshots")
    @click.option("--out", type=click.Path(path_type=Path), default=None,
                  help="Folder to write (default: SNAPSHOT_FOLDER, else instance/snapshots).")
    @click.option("--prune-days", type=int, default=7, show_default=True,
                  help="Delete superseded files older than this many days.")
    def build_snapshots(out: Path | None, prune_days: int) -> None:
        """Write every language's offline snapshot as static, content-addressed files (.json, .gz, .br)."""
        from . import snapshot, snapshot_files
        from .offline import snapshot_folder

        folder = out or snapshot_folder()
        index = snapshot_files.build(db.session, snapshot.Settings.from_app(app, db.session), folder)
        db.session.commit()
        removed = snapshot_files.prune(folder, prune_days * 24 * 3600)
        files = sum(len(v) for v in index["files"].values())
        click.echo(f"version {index['version']}: {files} snapshot(s) in {folder}" + (f"; {removed} old file(s) removed" if removed else ""))
