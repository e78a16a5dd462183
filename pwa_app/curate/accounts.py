"""Curator accounts: created from the command line, checked at login, ended by disabling.

Passwords are hashed with scrypt (Werkzeug's default method) and never stored or logged as typed.
A failed login costs the same work whether or not the email has an account, and says the same
words, so the login form does not tell who has one.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from pwa_app.db.models import Curator
from pwa_app.hsds.validate import EMAIL_RE

ROLES = ("curator", "admin")
MIN_PASSWORD = 12  # characters: a passphrase, the advice of NIST SP 800-63B
MAX_PASSWORD = 1024  # hashing more is work an attacker could ask of the server for nothing
# werkzeug's scrypt (N = 2^15, r = 8, p = 1): tens of milliseconds a check, which slows any guessing.
# A stored hash names its own method and cost, so every hash still checks after a change here.
HASH_METHOD = "scrypt"


@cache
def _dummy_hash(method: str) -> str:
    """Checked against when the email has no account, so that a miss takes as long as a wrong password."""
    return generate_password_hash("not a password of anyone's", method=method)


class AccountError(ValueError):
    """An account cannot be made or changed as asked; the message says why, for the person at the terminal."""


@dataclass(frozen=True)
class Account:
    """What the web side keeps of a curator for one request (never the hash)."""

    id: int
    email: str
    role: str
    session_epoch: int

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def normal_email(email: str) -> str:
    return (email or "").strip().lower()


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password has at least {MIN_PASSWORD} characters (a few words make a good one)")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"a password has at most {MAX_PASSWORD} characters")
    return password


def find(session: Session, email: str) -> Curator | None:
    return session.scalar(select(Curator).where(Curator.email == normal_email(email)))


def add(session: Session, email: str, password: str, role: str) -> Curator:
    email = normal_email(email)
    if not EMAIL_RE.match(email):
        raise AccountError(f"{email!r} is not an email address")
    if role not in ROLES:
        raise AccountError(f"the role is one of: {', '.join(ROLES)}")
    if find(session, email) is not None:
        raise AccountError(f"{email} already has an account (`curators reset` sets a new password)")
    curator = Curator(email=email, password_hash=generate_password_hash(check_password(password), method=HASH_METHOD),
                      role=role, active=True, session_epoch=1, created_at=_now())
    session.add(curator)
    return curator


def reset(session: Session, email: str, password: str) -> Curator:
    """A new password; every session the account had open ends. A disabled account stays disabled."""
    curator = _existing(session, email)
    curator.password_hash = generate_password_hash(check_password(password), method=HASH_METHOD)
    curator.session_epoch += 1
    return curator


def disable(session: Session, email: str) -> Curator:
    """The account can no longer log in, and every session it had open ends at its next request."""
    curator = _existing(session, email)
    curator.active = False
    curator.session_epoch += 1
    return curator


def enable(session: Session, email: str) -> Curator:
    curator = _existing(session, email)
    curator.active = True
    return curator


def _existing(session: Session, email: str) -> Curator:
    curator = find(session, email)
    if curator is None:
        raise AccountError(f"{normal_email(email)} has no account (`curators list` shows them)")
    return curator


def everyone(session: Session) -> list[Curator]:
    return list(session.scalars(select(Curator).order_by(Curator.email)))


def authenticate(session: Session, email: str, password: str) -> Account | None:
    """The account these credentials open, or None (unknown email, wrong password, disabled: alike)."""
    curator = find(session, email)
    if len(password) > MAX_PASSWORD:
        password = password[:MAX_PASSWORD]
    ok = check_password_hash(curator.password_hash if curator else _dummy_hash(HASH_METHOD), password)
    if curator is None or not ok or not curator.active:
        return None
    curator.last_login_at = _now()
    return account_of(curator)


def account_of(curator: Curator) -> Account:
    return Account(curator.id, curator.email, curator.role, curator.session_epoch)


def load(session: Session, session_id: str) -> Account | None:
    """The account a session id ("<id>:<epoch>") names, while it is active and the epoch current."""
    ident, _, epoch = (session_id or "").partition(":")
    if not ident.isdigit() or not epoch.isdigit():
        return None
    curator = session.get(Curator, int(ident))
    if curator is None or not curator.active or curator.session_epoch != int(epoch):
        return None
    return account_of(curator)
