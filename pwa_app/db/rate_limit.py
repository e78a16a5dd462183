"""A rate limiter shared by every app server through the database, that forgets who its clients were.

A client is counted under HMAC(SECRET_KEY, scope, hour, address): the address itself is never
written, the hash changes every hour (so rows cannot be linked across hours), and rows leave the
table once they are older than the window.
"""
from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from pwa_app.db.models import RateLimitHit

SALT_PERIOD_SECONDS = 3600


def bucket(secret: str, scope: str, client: str, now: datetime) -> str:
    """The salted, hourly-rotating name a client is counted under."""
    period = int(now.replace(tzinfo=UTC).timestamp()) // SALT_PERIOD_SECONDS
    message = f"{scope}\n{period}\n{client}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def allow(session: Session, secret: str, scope: str, client: str, limit: int, window_seconds: int,
          now: datetime | None = None) -> bool:
    """Count this request and say whether the client is within `limit` requests per window."""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    since = now - timedelta(seconds=window_seconds)
    session.execute(delete(RateLimitHit).where(RateLimitHit.at < since))
    name = bucket(secret, scope, client, now)
    seen = session.scalar(select(func.count()).select_from(RateLimitHit)
                          .where(RateLimitHit.bucket == name, RateLimitHit.at >= since))
    allowed = seen < limit
    if allowed:
        session.add(RateLimitHit(bucket=name, at=now))
    session.commit()
    return allowed


def failures(session: Session, secret: str, scope: str, client: str, window_seconds: int,
             now: datetime | None = None) -> int:
    """How many failures are counted against a client in the window (recording nothing): see `fail`."""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    since = now - timedelta(seconds=window_seconds)
    session.execute(delete(RateLimitHit).where(RateLimitHit.at < since))
    name = bucket(secret, scope, client, now)
    return session.scalar(select(func.count()).select_from(RateLimitHit)
                          .where(RateLimitHit.bucket == name, RateLimitHit.at >= since)) or 0


def fail(session: Session, secret: str, scope: str, client: str, now: datetime | None = None) -> None:
    """Count one failure (a wrong password) against a client; the caller commits."""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    session.add(RateLimitHit(bucket=bucket(secret, scope, client, now), at=now))
