"""Flask commands for HSDS exchange: `import-hsds`, `import-legacy`, `export-hsds`."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

import click
from flask import Flask

from pwa_app.cli.database import create_schema, load
from pwa_app.db.extensions import db


ALLOW_SHRINK = ("Replace the directory even with fewer than half the services it holds (without it, such an "
                "import is refused and nothing changes).")


# What each converter reads, for the message when it is not there.
LEGACY_INPUT = {"hsds-1.1": "an HSDS 1.1 datapackage is a folder with datapackage.json and the CSV files it names",
                "hsds-2.0": "an HSDS 2.0 datapackage is a folder with datapackage.json and the CSV files it names",
                "ohana-csv": "an Ohana CSV export is a folder with organizations.csv, locations.csv, services.csv and the rest",
                "ohana-mongo": "an Ohana MongoDB export is a folder with organizations.json, locations.json and services.json"}


def register(app: Flask) -> None:
    @app.cli.command("import-hsds")
    @click.argument("path", type=click.Path(path_type=Path))
    @click.option("--replace/--merge", default=True,
                  help="Replace the whole directory (default), or upsert by id and keep records not in PATH.")
    @click.option("--lenient", is_flag=True,
                  help="Empty dangling optional references and drop impossible coordinates, with a warning each.")
    @click.option("--allow-shrink", is_flag=True, help=ALLOW_SHRINK)
    def import_hsds(path: Path, replace: bool, lenient: bool, allow_shrink: bool) -> None:
        """Load an HSDS 3.0 datapackage (folder or .zip) or HSDS JSON, all or nothing."""
        create_schema()
        load(path, merge=not replace, lenient=lenient, allow_shrink=allow_shrink)

    @app.cli.command("import-legacy")
    @click.argument("kind", type=click.Choice(["hsds-1.1", "hsds-2.0", "ohana-csv", "ohana-mongo"]))
    @click.argument("path", type=click.Path(exists=True, path_type=Path))
    @click.option("--replace/--merge", default=True, help="Replace the whole directory (default), or upsert by id.")
    @click.option("--out", type=click.Path(path_type=Path), help="Only write the converted HSDS 3.0 datapackage here.")
    @click.option("--country", help="For addresses without a country (HSDS 3.0 requires one): its ISO 3166-1 code, e.g. US.")
    @click.option("--lenient", is_flag=True, help="As for import-hsds: repair the defects common in published data, with a warning each.")
    @click.option("--allow-shrink", is_flag=True, help=ALLOW_SHRINK)
    def import_legacy(kind: str, path: Path, replace: bool, out: Path | None, country: str | None, lenient: bool,
                      allow_shrink: bool) -> None:
        """Convert an HSDS 1.x/2.0 datapackage or an Ohana CSV/Mongo export (folder or .zip) to HSDS 3.0 and load it."""
        from pwa_app.hsds.legacy import CONVERTERS
        from pwa_app.hsds.legacy.common import MissingDefault, legacy_input
        from pwa_app.hsds.reading import package_kind

        if country is not None and not re.fullmatch(r"[A-Za-z]{2}", country):
            raise click.BadParameter(f"{country!r} is not a two-letter ISO 3166-1 country code (e.g. US, CA)", param_hint="--country")
        with tempfile.TemporaryDirectory() as tmp, legacy_input(path) as folder:
            target = out or Path(tmp) / "package"
            found = package_kind(folder) if kind.startswith("hsds-") else None
            if found is not None and found[0].startswith("hsds-") and found[0] != kind:
                # Read as the other version, its schedules and categories would be lost without a word.
                raise click.ClickException(f"{path} is {found[1]} ({found[2]}), not {kind}: import it with "
                                           f"`flask --app pwa_app import-legacy {found[0]} {path}`. Nothing was changed.")
            try:
                report = CONVERTERS[kind](folder, target, country.upper() if country else None)
            except FileNotFoundError as exc:
                raise click.ClickException(f"{path} has no {Path(exc.filename or '?').name}: {LEGACY_INPUT[kind]}. "
                                           "Nothing was changed.") from None
            except MissingDefault as exc:
                raise click.ClickException(f"{path}: {exc}. Nothing was changed.") from None
            for line in report.lines():
                click.echo(line)
            if out is None:
                create_schema()
                load(target, merge=not replace, lenient=lenient, label=f"Importing {path}", allow_shrink=allow_shrink, shown=path,
                     place=report.place)

    @app.cli.command("export-hsds")
    @click.argument("out", type=click.Path(path_type=Path))
    @click.option("--format", "format_", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
                  help="A tabular datapackage folder, or one JSON file.")
    def export_hsds(out: Path, format_: str) -> None:
        """Write the directory as an HSDS 3.0 datapackage (csv) or JSON file that re-imports identically."""
        from pwa_app.hsds.exporter import export_csv, export_json

        counts = export_csv(db.session, out) if format_ == "csv" else export_json(db.session, out)
        for name, n in counts.items():
            if n:
                click.echo(f"{name}: {n}")
        click.echo(f"Written to {out}")
