"""Logging in and out, and the curator's language.

Ten failed logins in an hour for one email, or from one client, and the next attempt gets 429 until
the hour turns (the rate limiter's buckets are hourly: pwa_app/db/rate_limit.py). An email with no
account is counted exactly as one with, and every failure says the same words: the form does not
tell who has an account.
"""
from __future__ import annotations

import time


from flask import current_app, redirect, request, session, url_for
from flask_login import current_user, login_user, logout_user

from pwa_app.curate import accounts
from pwa_app.db import rate_limit
from pwa_app.db.extensions import db
from pwa_app.views.curate.base import CURATE_LANGUAGES, User, _, bp, render
from pwa_app.web import i18n

WINDOW = rate_limit.SALT_PERIOD_SECONDS


def _safe_next(target: str | None) -> str | None:
    """Only a curator page of this site: never another host (an open redirect)."""
    if target and target.startswith("/curate/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        if current_user.is_authenticated:
            return redirect(url_for("curate.home"))
        message = _("You were logged out after a time without activity.") if request.args.get("expired") else ""
        return render("login.html", error="", message=message, email="", next=_safe_next(request.args.get("next")))
    cfg = current_app.config
    email = request.form.get("email", "")[:254]
    password = request.form.get("password", "")
    target = _safe_next(request.form.get("next"))
    counted = (("curate-login-client", request.remote_addr or ""), ("curate-login-account", accounts.normal_email(email)))
    if any(rate_limit.failures(db.session, cfg["SECRET_KEY"], scope, who, WINDOW) >= cfg["LOGIN_FAILURES"]
           for scope, who in counted):
        db.session.commit()
        wait = WINDOW - int(time.time()) % WINDOW
        return render("login.html", email=email, next=target, message="",
                      error=_("Too many failed attempts. Try again in %(minutes)s minutes.",
                              minutes=max(1, wait // 60))), 429, {"Retry-After": str(wait)}
    account = accounts.authenticate(db.session, email, password)
    if account is None:
        for scope, who in counted:
            rate_limit.fail(db.session, cfg["SECRET_KEY"], scope, who)
        db.session.commit()
        return render("login.html", email=email, next=target, message="",
                      error=_("The email or the password is not right.")), 401
    db.session.commit()
    session.clear()  # a new session: nothing from before the login carries over (its CSRF token included)
    login_user(User(account))
    session["seen"] = int(time.time())
    current_app.logger.info("curator %s logged in", account.id)
    return redirect(target or url_for("curate.home"))


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    session.clear()
    return redirect(url_for("curate.login"))


@bp.route("/language/<code>")
def language(code: str):
    """The curator's language (the same choice the public pages follow)."""
    code = code if code in CURATE_LANGUAGES else "en"
    response = redirect(_safe_next(request.args.get("next")) or url_for("curate.home"))
    response.set_cookie(i18n.COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
                        secure=request.is_secure)
    return response


