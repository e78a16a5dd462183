"""Flask commands: `flask --app pwa_app init-db`, `import-hsds`."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask
from sqlalchemy import func, select

from . import search
from .extensions import db
from .hsds.importer import ImportFailed, import_package
from .models import Service

DEMO_PACKAGE = Path(__file__).parent / "demo_data"


def create_schema() -> None:
    db.create_all()
    search.ensure_schema(db.session)
    db.session.commit()


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
            raise click.ClickException(f"{len(exc.problems)} problem(s) in {path}; nothing was imported.")
    for line in summary.lines():
        click.echo(line)


def register(app: Flask) -> None:
    @app.cli.command("init-db")
    @click.option("--demo-if-empty", is_flag=True, help="Load the demo region when there are no services.")
    def init_db(demo_if_empty: bool) -> None:
        """Create the database tables, and load the demo region into an empty database."""
        create_schema()
        if demo_if_empty and not db.session.scalar(select(func.count()).select_from(Service)):
            load_package(DEMO_PACKAGE)

    @app.cli.command("import-hsds")
    @click.argument("path", type=click.Path(path_type=Path))
    def import_hsds(path: Path) -> None:
        """Replace the directory with an HSDS 3.0 datapackage (folder or .zip), all or nothing."""
        create_schema()
        load_package(path)

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
                "--sort-output", "--omit-header", "-o", pot, str(root))

    @translate.command("update")
    def update() -> None:
        """Merge messages.pot into every language's catalogue."""
        pybabel("update", "-i", pot, "-d", str(root / "translations"), "--no-fuzzy-matching", "--ignore-obsolete")

    @translate.command("compile")
    def compile_() -> None:
        """Compile every catalogue to the .mo files the app reads."""
        pybabel("compile", "-d", str(root / "translations"))
