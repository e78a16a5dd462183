"""Check and store "report a problem" submissions: each idempotency key is stored once."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pwa_app.db.models import Report

KINDS = ("wrong_phone", "closed", "moved", "other")
MAX_DETAILS = 5000
MAX_CONTACT = 200
KEY_RE = re.compile(r"^[A-Za-z0-9-]{16,64}$")


class ReportRejected(ValueError):
    """The submission cannot be stored; `field` says which input is at fault."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class BrokenText(ReportRejected):
    """A field holds what is not text: a lone surrogate (from a JSON escape) or a NUL."""


def check_text(field: str, value: str) -> str:
    """`value`, if it can be stored and shown as text; BrokenText(field) otherwise."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BrokenText(field, f"{field} is not valid Unicode text") from None
    if "\x00" in value:
        raise BrokenText(field, f"{field} holds a NUL character")
    return value


@dataclass(frozen=True)
class Submission:
    key: str
    service_id: str
    kind: str
    details: str
    contact: str
    language: str


def parse_json(body: bytes) -> dict:
    """The object a JSON report carries; ReportRejected("body") for anything else."""
    try:
        data = json.loads(body.decode("utf-8")) if body.strip() else None
    except (UnicodeDecodeError, ValueError):
        raise ReportRejected("body", "the body is not JSON") from None
    if not isinstance(data, dict) or not data:
        raise ReportRejected("body", "send a JSON object with idempotency_key, service_id and kind")
    if any(not isinstance(v, str) for v in data.values() if v is not None):
        raise ReportRejected("body", "every field is a string")
    for field, value in data.items():
        if value is not None:
            check_text(field, value)
    return data


def validate(data: dict, service_id: str, language: str) -> Submission:
    for field in ("idempotency_key", "kind", "details", "contact"):
        check_text(field, data.get(field) or "")
    key = (data.get("idempotency_key") or "").strip()
    if not KEY_RE.match(key):
        raise ReportRejected("idempotency_key", "missing or malformed idempotency key")
    kind = data.get("kind") or ""
    if kind not in KINDS:
        raise ReportRejected("kind", "choose what is wrong")
    details = (data.get("details") or "").strip()
    contact = (data.get("contact") or "").strip()
    if len(details) > MAX_DETAILS:
        raise ReportRejected("details", f"details are limited to {MAX_DETAILS} characters")
    if len(contact) > MAX_CONTACT:
        raise ReportRejected("contact", f"contact is limited to {MAX_CONTACT} characters")
    if kind == "other" and not details:
        raise ReportRejected("details", "say what is wrong")
    return Submission(key, service_id, kind, details, contact, language)


def store(session: Session, sub: Submission) -> tuple[Report, bool]:
    """Store the report unless its key was seen before; return it and whether it is new."""
    existing = session.scalar(select(Report).where(Report.idempotency_key == sub.key))
    if existing is not None:
        return existing, False
    report = Report(idempotency_key=sub.key, service_id=sub.service_id, kind=sub.kind, details=sub.details,
                    contact=sub.contact, language=sub.language, created_at=datetime.now(UTC).replace(tzinfo=None))
    session.add(report)
    try:
        session.commit()
    except IntegrityError:  # the same key raced in from another request
        session.rollback()
        return session.scalar(select(Report).where(Report.idempotency_key == sub.key)), False
    return report, True
