"""The database commands (`init-db`, `build-snapshots`) and what the other commands share: the schema, and an
import that is all or nothing."""
from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

import click
from flask import Flask, current_app
from sqlalchemy import func, select

from pwa_app.db.extensions import db
from pwa_app.db.models import Service
from pwa_app.hsds.importer import Progress, Summary, WouldShrink, import_package
from pwa_app.hsds.package import ImportFailed
from pwa_app.hsds.reading import OtherFormat
from pwa_app.hsds.validate import Problem
from pwa_app.search import fulltext
from pwa_app.curate import audit
from pwa_app.curate.settle import settle
from pwa_app.snapshot import files, records

DEMO_PACKAGE = Path(__file__).resolve().parents[1] / "demo_data"
MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def create_schema() -> None:
    """Bring the database to the newest schema by running every pending migration."""
    from flask_migrate import upgrade

    upgrade(directory=str(MIGRATIONS))
    fulltext.ensure_schema(db.session)
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


def import_directory(source: Path, progress: Progress | None = None, *, merge: bool = False, lenient: bool = False,
                     allow_shrink: bool = False, who: str | None = None, shown: Path | None = None) -> Summary:
    """Import `source` into the app's database, all or nothing: the records, then the search index and
    the phones' snapshot records built from them (phones then fetch only what changed), in one
    transaction. Raises ImportFailed, and changes nothing, on a defect, and WouldShrink where replacing
    the directory would remove most of it (unless `allow_shrink`). With `who`, the import is in the
    audit trail as the curators' uploads are (one row, naming `shown`, else `source`)."""
    session = db.session
    recorded = audit.an_import(session, merge, (shown or source).name, who) if who else nullcontext()
    try:
        with recorded:
            summary = import_package(session, source, progress, merge=merge, lenient=lenient, allow_shrink=allow_shrink)
            settle(session, records.Settings.from_app(current_app, session), progress)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return summary


def command_line_user() -> str:
    """Who the audit trail names for an import from the command line: the system account."""
    try:
        return f"{getpass.getuser()} (command line)"
    except (OSError, KeyError):  # no USER and no passwd entry (a container)
        return "command line"


class StageProgress:
    """The import's stages as it goes (reading, checking, writing, indexing, snapshots): on a terminal,
    writing is a bar that moves with the rows; otherwise (a log, a test) one line a stage."""

    def __init__(self, label: str):
        self.label, self.tty, self.bar = label, sys.stderr.isatty(), None

    def __enter__(self) -> StageProgress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def stage(self, name: str, total: int = 0) -> None:
        self.close()
        if self.tty and total:
            self.bar = click.progressbar(length=total, label=f"{self.label}: {name}", file=sys.stderr)
            self.bar.__enter__()
        else:
            click.echo(f"{self.label}: {name}" + (f" ({total:,} rows)" if total else "") + "…", err=True)

    def advance(self, rows: int) -> None:
        if self.bar is not None:
            self.bar.update(rows)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def load(path: Path, merge: bool = False, lenient: bool = False, label: str | None = None,
         allow_shrink: bool = False, shown: Path | None = None, place: Callable[[str], str] | None = None) -> None:
    """Import with a progress bar and a summary; on defects print each one and exit non-zero.
    `shown`: the path to name in messages, where `path` is a converted copy of it; `place` turns a
    place in that copy into the place in the source (a converter's Report.place)."""
    shown = shown or path
    place = place or (lambda where: where)
    with StageProgress(label or f"Importing {path}") as progress:
        try:
            summary = import_directory(path, progress, merge=merge, lenient=lenient, allow_shrink=allow_shrink,
                                       who=command_line_user(), shown=shown)
        except WouldShrink as exc:
            click.echo("", err=True)
            raise click.ClickException(
                f"{shown} holds {exc.incoming} service(s) and the directory {exc.existing}: replacing it would remove "
                f"{exc.existing - exc.incoming}. Nothing was changed. Check that it is the whole export (a folder or .zip "
                "whose datapackage.json names its files where they are); to replace the directory with it anyway, add "
                "--allow-shrink, or add to it with --merge.") from exc
        except ImportFailed as exc:
            if len(exc.problems) == 1 and isinstance(exc.problems[0], OtherFormat):
                raise click.ClickException(f"{shown} {exc.problems[0].message}. Nothing was changed.") from exc
            click.echo("", err=True)
            for problem in exc.problems:
                click.echo(f"  {place(problem.where)}: {problem.message}", err=True)
            hint = "" if lenient else " (--lenient repairs the defects common in published examples: see docs/hsds.md)"
            raise click.ClickException(f"{len(exc.problems)} problem(s) in {shown}; nothing was imported{hint}.") from exc
    summary.warnings = [Problem(place(w.where), w.message) for w in summary.warnings]
    for line in summary.lines():
        click.echo(line)
    if not (summary.created["service"] or summary.updated["service"] or summary.unchanged["service"]):
        click.echo(f"warning: {shown} holds no services (taxonomies or organizations only?)")


def register(app: Flask) -> None:
    @app.cli.command("init-db")
    @click.option("--demo-if-empty", is_flag=True, help="Load the demo region when there are no services.")
    def init_db(demo_if_empty: bool) -> None:
        """Create or upgrade the database tables, and load the demo region into an empty database."""
        reachable_schema()
        if demo_if_empty and not db.session.scalar(select(func.count()).select_from(Service)):
            load(DEMO_PACKAGE)

    @app.cli.command("build-snapshots")
    @click.option("--out", type=click.Path(path_type=Path), default=None,
                  help="Folder to write (default: SNAPSHOT_FOLDER, else instance/snapshots).")
    @click.option("--prune-days", type=int, default=7, show_default=True,
                  help="Delete superseded files older than this many days.")
    def build_snapshots(out: Path | None, prune_days: int) -> None:
        """Write every language's offline snapshot as static, content-addressed files (.json, .gz, .br)."""
        folder = out or files.folder_of(app)
        index = files.build(db.session, records.Settings.from_app(app, db.session), folder, app.config["BROTLI_QUALITY"])
        db.session.commit()
        removed = files.prune(folder, prune_days * 24 * 3600)
        count = sum(len(v) for v in index["files"].values())
        click.echo(f"version {index['version']}: {count} snapshot(s) in {folder}" + (f"; {removed} old file(s) removed" if removed else ""))
