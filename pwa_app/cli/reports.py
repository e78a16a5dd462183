"""`flask reports list`: what people reported, for curators."""
from __future__ import annotations

import json
import re

import click
from flask import Flask
from sqlalchemy import select

from pwa_app.db.extensions import db
from pwa_app.db.models import Report, Service


# C0 and C1 controls, DEL, and the bidirectional and line-separator marks a terminal would obey or
# that would hide what follows: written as escapes, so a report cannot retitle the window, clear
# the screen, or start a row of its own.
CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown(text: str | None) -> str:
    """`text` for a terminal line: every control character escaped (a tab, a newline, ESC...)."""
    return CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text or "")


def register(app: Flask) -> None:
    @app.cli.group("reports")
    def reports_group() -> None:
        """Read the problems people reported about services."""

    @reports_group.command("erase-contacts")
    def erase_contacts() -> None:
        """Erase the contact of every report older than PASSERELLE_REPORT_RETENTION_DAYS (90 by default)."""
        from datetime import UTC, datetime

        from pwa_app.curate.triage import erase_old_contacts

        days = app.config["REPORT_RETENTION_DAYS"]
        n = erase_old_contacts(db.session, datetime.now(UTC).replace(tzinfo=None), days)
        db.session.commit()
        click.echo(f"{n} contact(s) erased from reports older than {days} days.")

    @reports_group.command("list")
    @click.option("--status", default=None, help="Only reports with this status (new, …).")
    @click.option("--limit", default=50, show_default=True, help="How many, newest first.")
    @click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
    def list_reports(status: str | None, limit: int, as_json: bool) -> None:
        """List reports, newest first: when, what is wrong, which service, details, contact."""
        query = select(Report, Service.name).outerjoin(Service, Service.id == Report.service_id)
        if status:
            query = query.where(Report.status == status)
        rows = db.session.execute(query.order_by(Report.created_at.desc(), Report.id.desc()).limit(limit)).all()
        for report, name in rows:
            fields = {"id": report.id, "created_at": report.created_at.isoformat(timespec="seconds") if report.created_at else None,
                      "status": report.status, "kind": report.kind, "service_id": report.service_id,
                      "service_name": name, "language": report.language, "details": report.details,
                      "contact": report.contact}
            if as_json:
                click.echo(json.dumps(fields, ensure_ascii=False))
            else:
                details = shown(" ".join(report.details.split()))
                click.echo(f"{fields['id']}\t{fields['created_at']}\t{shown(report.status)}\t{shown(report.kind)}\t"
                           f"{shown(report.service_id)} ({shown(name) or 'no longer in the directory'})\t"
                           f"{details[:120] + ('…' if len(details) > 120 else '')}\t{shown(report.contact)}")
        if not rows and not as_json:
            click.echo("No reports.")
