"""An import through the browser (admins): upload, a dry run that shows what would change, then confirm.

The engine is the command line's: `import_package` checks everything before writing, in one
transaction, and refuses a replacement that would remove most of the directory (WouldShrink). The
dry run runs the whole import in the request's transaction and rolls it back, so what it shows is
what the confirmation will do (unless the directory changes in between: the confirmation runs it
again, with the same checks).
"""
from __future__ import annotations

import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pwa_app.db.models import Location, Organization, PendingImport, Service
from pwa_app.hsds.importer import Progress, Summary, import_package
from pwa_app.snapshot.records import Settings

SUFFIXES = (".zip", ".json")
KEEP = timedelta(days=1)
EXAMPLES = 5
COMPARED = {"service": Service, "organization": Organization, "location": Location}


class NotAPackage(ValueError):
    """The upload is not a file the importer reads."""


@dataclass
class Preview:
    summary: Summary
    # per object type: (created, updated, removed) names, a few of each
    examples: dict[str, tuple[list[str], list[str], list[str]]] = field(default_factory=dict)


def store(session: Session, data: bytes, filename: str, who: str, merge: bool, lenient: bool, now: datetime) -> PendingImport:
    suffix = Path(filename or "").suffix.lower()
    if suffix not in SUFFIXES:
        raise NotAPackage("choose a .zip of an HSDS datapackage (the CSV files and datapackage.json) or an HSDS .json file")
    if not data:
        raise NotAPackage("the file is empty")
    session.execute(delete(PendingImport).where(PendingImport.created_at < now - KEEP))
    pending = PendingImport(token=secrets.token_urlsafe(24), filename=Path(filename).name[:200], data=data, merge=merge,
                            lenient=lenient, created_by=who, created_at=now)
    session.add(pending)
    return pending


def find(session: Session, token: str, now: datetime) -> PendingImport | None:
    pending = session.get(PendingImport, token or "")
    return pending if pending is not None and pending.created_at >= now - KEEP else None


@contextmanager
def on_disk(pending: PendingImport) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="passerelle-upload-") as tmp:
        path = Path(tmp) / f"upload{Path(pending.filename).suffix.lower()}"
        path.write_bytes(pending.data)
        yield path


def _rows(session: Session) -> dict[str, dict[str, tuple]]:
    out = {}
    for name, model in COMPARED.items():
        columns = list(model.__table__.columns)
        out[name] = {row[0]: tuple(row) for row in session.execute(select(*columns).order_by(columns[0]))}
    return out


def dry_run(session: Session, pending: PendingImport, progress: Progress | None = None,
            allow_shrink: bool = False) -> Preview:
    """What the import would do, with examples; the caller rolls the transaction back. Raises as the import does."""
    before = _rows(session)
    with on_disk(pending) as path:
        summary = import_package(session, path, progress, merge=pending.merge, lenient=pending.lenient,
                                 allow_shrink=allow_shrink)
    session.flush()
    after = _rows(session)
    preview = Preview(summary)
    for name in COMPARED:
        old, new, at = before[name], after[name], _name_index(name)
        label = lambda row, at=at: str(row[at] or row[0])  # noqa: E731
        created = [label(new[i]) for i in new if i not in old][:EXAMPLES]
        updated = [label(new[i]) for i in new if i in old and old[i] != new[i]][:EXAMPLES]
        removed = [label(old[i]) for i in old if i not in new][:EXAMPLES]
        preview.examples[name] = (created, updated, removed)
    return preview


def _name_index(name: str) -> int:
    return [c.name for c in COMPARED[name].__table__.columns].index("name")


def apply(session: Session, pending: PendingImport, settings: Settings, progress: Progress | None = None,
          allow_shrink: bool = False, who: str = "", now: datetime | None = None) -> Summary:
    """Import for real, rebuild what derives from it, say so in the audit trail (one row: who, when,
    the file, replaced or merged, how many services before and after), and forget the upload; the
    caller commits."""
    from pwa_app.curate import audit
    from pwa_app.curate.settle import settle

    with audit.an_import(session, pending.merge, pending.filename, who or pending.created_by, now):
        with on_disk(pending) as path:
            summary = import_package(session, path, progress, merge=pending.merge, lenient=pending.lenient,
                                     allow_shrink=allow_shrink)
        settle(session, settings, progress)
    session.delete(pending)
    return summary
