"""Record text in other languages (our `translation` table), edited field by field beside the base text.

An empty field removes that translation: the page then shows the base text, labelled as such. Each
change is in the audit trail as action "translate", the field named with its language ("name (fr)").
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pwa_app.curate import audit, records
from pwa_app.db.models import Translation
from pwa_app.hsds.validate import CONTROL_RE, MAX_TEXT

TRANSLATABLE = {
    "service": ("name", "alternate_name", "description", "eligibility_description", "application_process",
                "fees_description", "interpretation_services", "wait_time", "fees", "alert"),
    "organization": ("name", "alternate_name", "description"),
    "location": ("name", "alternate_name", "description", "transportation"),
    "phone": ("description",),
    "schedule": ("description", "notes"),
    "accessibility": ("description", "details"),
    "cost_option": ("option", "amount_description"),
    "required_document": ("document",),
    "language": ("name", "note"),
}


def current(session: Session, kind: str, ident: str, language: str) -> dict[str, str]:
    rows = session.scalars(select(Translation).where(Translation.entity == kind, Translation.id == ident,
                                                     Translation.language == language))
    return {r.field: r.value for r in rows if r.field in TRANSLATABLE.get(kind, ())}


def check(submitted: dict[str, str]) -> dict[str, str]:
    problems = {}
    for name, value in submitted.items():
        if len(value) > MAX_TEXT:
            problems[name] = f"is {len(value):,} characters long; at most {MAX_TEXT:,} are accepted"
        elif CONTROL_RE.search(value):
            problems[name] = "contains control characters"
    return problems


def save(session: Session, kind: str, ident: str, language: str, submitted: dict[str, str], who: str,
         now: datetime) -> list[str]:
    """Write the fields that changed (an empty one removes its translation); return their names."""
    changed = []
    for name in TRANSLATABLE[kind]:
        new = (submitted.get(name) or "").strip().replace("\r\n", "\n")
        row = session.get(Translation, (kind, ident, name, language))
        old = row.value if row else ""
        if new == old:
            continue
        if row is None:
            session.add(Translation(entity=kind, id=ident, field=name, language=language, value=new))
        elif new:
            row.value = new
        else:
            session.delete(row)
        audit.record(session, kind, ident, "translate", f"{name} ({language})", old, new, who, now)
        changed.append(name)
    if changed:
        records.touch(session, kind, records.get(session, kind, ident), now)
    return changed
