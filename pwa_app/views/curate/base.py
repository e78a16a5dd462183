"""What every curator request goes through (issue 19), here and nowhere else:
- a session (Flask-Login) whose id carries the account's epoch, so disabling an account or resetting
  its password ends its sessions on every server; it ends after PASSERELLE_CURATOR_IDLE_MINUTES idle;
- CSRF (Flask-WTF) on every POST;
- `Cache-Control: no-store` on every response, errors included; the service worker never handles
  /curate/ (static/sw.js);
- the curator's language: English or French (CURATE_LANGUAGES), following the visitor's language
  choice; the words are the `curate` gettext domain (translations/<lang>/LC_MESSAGES/curate.po).
"""
from __future__ import annotations

import time

from flask import Blueprint, Flask, abort, current_app, g, redirect, render_template, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_babel import Domain
from flask_login import LoginManager, current_user, logout_user
from flask_wtf.csrf import CSRFError, CSRFProtect

from pwa_app.curate import accounts
from pwa_app.db.extensions import db
from pwa_app.web import errors, i18n

bp = Blueprint("curate", __name__, url_prefix="/curate")
CURATE_LANGUAGES = ("en", "fr")
domain = Domain(domain="curate")
_ = domain.gettext
_l = domain.lazy_gettext
ngettext = domain.ngettext
csrf = CSRFProtect()
login_manager = LoginManager()
OPEN_ENDPOINTS = {"curate.login", "curate.language"}  # everything else needs a curator


class CuratorSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie session, `Secure` whenever the request came over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)


class User:
    """Flask-Login's view of an account (pwa_app.curate.accounts.Account)."""

    is_authenticated, is_active, is_anonymous = True, True, False

    def __init__(self, account: accounts.Account):
        self.account = account
        self.email, self.role, self.is_admin = account.email, account.role, account.is_admin

    def get_id(self) -> str:
        return f"{self.account.id}:{self.account.session_epoch}"


def init_app(app: Flask) -> None:
    # The session is the curators' alone: its cookie is named for them and sent only to /curate/,
    # never with a public page (whose caches and logs it would otherwise reach).
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["SESSION_COOKIE_NAME"] = "curator"
    app.config["SESSION_COOKIE_PATH"] = "/curate"
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False  # checked for /curate/ only (public forms have their own guard)
    app.config["WTF_CSRF_SSL_STRICT"] = False  # Referrer-Policy: no-referrer means browsers send no Referer
    app.config["WTF_CSRF_TIME_LIMIT"] = None  # a token lives as long as the session (idle timeout below)
    app.session_interface = CuratorSessions()
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.session_protection = None  # the epoch in the id and the idle timeout guard sessions
    app.after_request(_no_store)
    errors.PAGES["/curate"] = _error_page

    @login_manager.user_loader
    def load(session_id: str):
        account = accounts.load(db.session, session_id)
        return User(account) if account else None

    @login_manager.unauthorized_handler
    def unauthorized():
        return redirect(url_for("curate.login", next=request.full_path.rstrip("?") if request.method == "GET" else None))


def _no_store(response):
    if request.path == "/curate" or request.path.startswith("/curate/"):
        response.headers["Cache-Control"] = "no-store"
        response.headers.pop("ETag", None)
    return response


def _curators_language() -> None:
    code = i18n.preferred_language()
    g.lang = code if code in CURATE_LANGUAGES else "en"


@bp.before_request
def _every_request():
    _curators_language()
    if request.endpoint not in OPEN_ENDPOINTS and not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    view = current_app.view_functions.get(request.endpoint)
    if getattr(view, "admins_only", False) and not current_user.is_admin:
        abort(403)
    if getattr(view, "upload_limit_mb", None):  # before the form is read, by the CSRF check below
        request.max_content_length = current_app.config[view.upload_limit_mb] * 1024 * 1024
    if request.method == "POST":
        csrf.protect()
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    idle = current_app.config["CURATOR_IDLE_MINUTES"] * 60
    now = int(time.time())
    if now - session.get("seen", now) > idle:
        logout_user()
        session.clear()
        return redirect(url_for("curate.login", expired=1))
    session["seen"] = now
    return None


def _error_page(status: int) -> str:
    """A curator's error page: in their language and frame, for any error under /curate/ (a record
    that is not there, a screen for admins, an address that matches no screen, a failure)."""
    if "lang" not in g:  # an address that matches no screen: the blueprint's hooks did not run
        _curators_language()
    title, message = {
        403: (_("Not for your account"), _("This screen is for admins.")),
        404: (_("Not found"), _("There is no such screen or record: it may have been removed.")),
    }.get(status, (_("Something went wrong"), _("Try again in a moment. If it happens again, tell whoever runs this site.")))
    return render("error.html", title=title, message=message)


@bp.errorhandler(CSRFError)
def _csrf_refused(exc: CSRFError):
    return render("error.html", title=_("This form has expired"),
                  message=_("Nothing was saved. Go back, reload the page and try again.")), 400


def takes_uploads(setting: str):
    """Let a view's requests be as large as the config's `setting` says (in MB), not MAX_CONTENT_LENGTH."""
    def mark(view):
        view.upload_limit_mb = setting
        return view

    return mark


def admin_only(view):
    """Mark a view for admins: checked before anything else of the request (_every_request)."""
    view.admins_only = True
    return view


def render(template: str, **context):
    """A curator page: the `curate` domain's words, in the curator's language."""
    return render_template(f"curate/{template}", _=_, gettext=_, ngettext=ngettext, lang=i18n.current(),
                           curate_languages=[lg for lg in i18n.languages() if lg.code in CURATE_LANGUAGES], **context)


def page_number() -> int:
    raw = request.args.get("page", "1")
    return max(1, min(int(raw), 10_000)) if raw.isdigit() else 1
