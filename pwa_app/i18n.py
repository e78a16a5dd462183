"""Interface languages: which exist, how each names itself, which way it is written, which one a visitor gets."""
from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, current_app, g, request
from flask_babel import get_locale

RTL = frozenset({"ar", "fa", "ur", "he", "ps", "ckb", "yi"})
# Each language in its own name and script; the picker never shows flags.
NATIVE_NAMES = {"en": "English", "fr": "Français"}


@dataclass(frozen=True)
class Lang:
    code: str  # as in the URL: en, fr, zh_Hans
    name: str

    @property
    def bcp47(self) -> str:
        """The code for HTML `lang` and `hreflang` attributes (zh_Hans -> zh-Hans)."""
        return self.code.replace("_", "-")

    @property
    def dir(self) -> str:
        return "rtl" if self.code.split("_")[0] in RTL else "ltr"


def languages() -> list[Lang]:
    return [Lang(code, NATIVE_NAMES.get(code, code)) for code in current_app.config["LANGUAGES"]]


def is_supported(code: str | None) -> bool:
    return code in current_app.config["LANGUAGES"]


def current() -> Lang:
    code = g.get("lang") or current_app.config["DEFAULT_LANGUAGE"]
    return Lang(code, NATIVE_NAMES.get(code, code))


def select_locale() -> str:
    """Babel's locale: the one in the URL, else the default (error pages outside /<lang>/)."""
    return g.get("lang") or current_app.config["DEFAULT_LANGUAGE"]


def preferred_language() -> str:
    """Pick a first visit's language from Accept-Language, falling back to the default."""
    supported = list(current_app.config["LANGUAGES"])
    # Match on the primary subtag too, so "fr-CA" finds "fr".
    offered = supported + [c.split("_")[0] for c in supported if "_" in c]
    best = request.accept_languages.best_match(offered)
    if best in supported:
        return best
    return next((c for c in supported if best and c.startswith(best)), current_app.config["DEFAULT_LANGUAGE"])


def babel_locale_code() -> str:
    return str(get_locale())


def _pull_lang(_endpoint, values) -> None:
    lang = (values or {}).pop("lang", None)
    if not is_supported(lang):
        abort(404)  # rendered in the default language, since g.lang stays unset
    g.lang = lang


def _add_lang(_endpoint, values) -> None:
    values.setdefault("lang", g.get("lang") or current_app.config["DEFAULT_LANGUAGE"])


def localized_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint whose URLs all start with a supported language: /<lang>/..."""
    bp = Blueprint(name, import_name, url_prefix="/<lang>")
    bp.url_value_preprocessor(_pull_lang)
    bp.url_defaults(_add_lang)
    return bp


def url_in(code: str) -> str:
    """This page's URL in another language (its home page when the page has no language)."""
    from flask import url_for

    endpoint = request.endpoint
    if endpoint and "lang" in (request.url_rule.arguments if request.url_rule else ()):
        args = {**(request.view_args or {}), "lang": code}
        query = {k: v for k, v in request.args.items() if k in ("q", "page")}
        return url_for(endpoint, **args, **query)
    return url_for("directory.home", lang=code)
