"""`flask curators add|list|disable|enable|reset`: the accounts of the people who keep the directory true (issue 19).

A password is read from the terminal (twice, not echoed), or from standard input when that is not a
terminal (one line: `printf '%s\\n' "$PASSWORD" | flask --app pwa_app curators add ...`). It is never
an argument, where it would sit in the shell's history and the process list.
"""
from __future__ import annotations

import sys

import click
from flask import Flask

from pwa_app.cli.database import reachable_schema
from pwa_app.curate import accounts
from pwa_app.db.extensions import db


def _password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    line = sys.stdin.readline()
    if not line:
        raise click.ClickException("no password on standard input (one line)")
    return line.rstrip("\r\n")


def register(app: Flask) -> None:
    @app.cli.group("curators")
    def curators() -> None:
        """The accounts of curators (edit, verify, triage reports) and admins (also accounts and imports)."""

    def done(action, email: str, message: str) -> None:
        reachable_schema()
        try:
            action(email)
            db.session.commit()
        except accounts.AccountError as exc:
            db.session.rollback()
            raise click.ClickException(f"{exc}. Nothing was changed.") from None
        click.echo(message)

    @curators.command("add")
    @click.argument("email")
    @click.option("--role", type=click.Choice(accounts.ROLES), default="curator", show_default=True)
    def add(email: str, role: str) -> None:
        """Create an account; the password is read from the terminal, or from stdin."""
        done(lambda e: accounts.add(db.session, e, _password(), role), email,
             f"{accounts.normal_email(email)} can now log in at /curate/login as {role}.")

    @curators.command("reset")
    @click.argument("email")
    def reset(email: str) -> None:
        """Set a new password (read as for add); every session the account had open ends."""
        done(lambda e: accounts.reset(db.session, e, _password()), email,
             f"New password set for {accounts.normal_email(email)}; its open sessions have ended.")

    @curators.command("disable")
    @click.argument("email")
    def disable(email: str) -> None:
        """The account can no longer log in; its open sessions end at their next request."""
        done(lambda e: accounts.disable(db.session, e), email, f"{accounts.normal_email(email)} is disabled.")

    @curators.command("enable")
    @click.argument("email")
    def enable(email: str) -> None:
        """Let a disabled account log in again (with its password as it was)."""
        done(lambda e: accounts.enable(db.session, e), email, f"{accounts.normal_email(email)} can log in again.")

    @curators.command("list")
    def list_() -> None:
        """Every account: email, role, active or disabled, last login."""
        reachable_schema()
        rows = accounts.everyone(db.session)
        if not rows:
            click.echo("No account yet: `flask --app pwa_app curators add EMAIL --role admin` makes the first.")
        for c in rows:
            last = c.last_login_at.strftime("%Y-%m-%d %H:%M UTC") if c.last_login_at else "never logged in"
            click.echo(f"{c.email}\t{c.role}\t{'active' if c.active else 'disabled'}\t{last}")
