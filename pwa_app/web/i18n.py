"""Interface languages: which exist, how each names itself, which way it is written, which one a visitor gets."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from flask import Blueprint, abort, current_app, g, request
from flask_babel import get_locale
from werkzeug.routing import BaseConverter

from pwa_app.present.localize import CATALOGUE_FOLDERS

RTL = frozenset({"ar", "fa", "ur", "he", "ps", "ckb", "yi"})
# Each language in its own name and script; the picker never shows flags.
NATIVE_NAMES = {
    "en": "English", "fr": "Français", "es": "Español", "pt": "Português", "ar": "العربية",
    "fa": "فارسی", "ur": "اردو", "zh_Hans": "简体中文", "zh_Hant": "繁體中文", "pa": "ਪੰਜਾਬੀ",
    "hi": "हिन्दी", "ta": "தமிழ்", "tl": "Tagalog", "vi": "Tiếng Việt", "ko": "한국어",
    "uk": "Українська", "ru": "Русский", "so": "Soomaali", "ti": "ትግርኛ", "iu": "ᐃᓄᒃᑎᑐᑦ",
}
COOKIE = "lang"  # set only when a person picks a language; it wins over Accept-Language


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
    return isinstance(code, str) and code in current_app.config["LANGUAGES"]


def current() -> Lang:
    code = g.get("lang") or current_app.config["DEFAULT_LANGUAGE"]
    return Lang(code, NATIVE_NAMES.get(code, code))


def select_locale() -> str:
    """Babel's locale: the one in the URL, else the default (error pages outside /<lang>/)."""
    return g.get("lang") or current_app.config["DEFAULT_LANGUAGE"]


def preferred_language() -> str:
    """Pick a visitor's language: their explicit choice (cookie), else Accept-Language, else the default."""
    chosen = request.cookies.get(COOKIE)
    if is_supported(chosen):
        return chosen
    supported = [(code, _parse(code)) for code in current_app.config["LANGUAGES"]]
    for tag, _quality in request.accept_languages:  # best first
        wanted = _parse(tag)
        if wanted is None:
            continue
        for code, offered in supported:
            # zh-TW wants Traditional script, zh-CN Simplified: Babel fills in the likely script.
            if offered and offered.language == wanted.language and (
                    not offered.script or not wanted.script or offered.script == wanted.script):
                return code
    return current_app.config["DEFAULT_LANGUAGE"]


@lru_cache(maxsize=512)
def _parse(tag: str):
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return None


def babel_locale_code() -> str:
    return str(get_locale())


def _pull_lang(_endpoint, values) -> None:
    lang = (values or {}).pop("lang", None)
    if not is_supported(lang):
        abort(404)  # rendered in the default language, since g.lang stays unset
    g.lang = lang


def _add_lang(_endpoint, values) -> None:
    values.setdefault("lang", g.get("lang") or current_app.config["DEFAULT_LANGUAGE"])


class LanguageSegment(BaseConverter):
    """The language at the start of a URL (`<lang:lang>`): any name without a dot, so that /robots.txt
    or /apple-touch-icon.png is never read as the language of a home page (Werkzeug would redirect
    it to /robots.txt/, a 404); an unsupported language is a 404 too, from _pull_lang."""

    regex = r"[^/.]+"


def localized_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint whose URLs all start with a supported language: /<lang>/... (the app registers the
    `lang` converter: LanguageSegment)."""
    bp = Blueprint(name, import_name, url_prefix="/<lang:lang>")
    bp.url_value_preprocessor(_pull_lang)
    bp.url_defaults(_add_lang)
    return bp


def url_in(code: str) -> str:
    """This page's URL in another language (its home page when the page has no language)."""
    from flask import url_for

    endpoint = request.endpoint
    if endpoint and "lang" in (request.url_rule.arguments if request.url_rule else ()):
        args = {**(request.view_args or {}), "lang": code}
        from pwa_app.web.request_input import page_number, search_query

        # As the page reads them, never as sent: a 60 KB `q` would be written once per language.
        query = {k: v for k, v in (("q", search_query()), ("page", page_number())) if v and v != 1}
        return url_for(endpoint, **args, **query)
    return url_for("directory.home", lang=code)


def alternates() -> list[tuple[str, str]]:
    """The page's `hreflang` alternates, (code, URL): the same page in every interface language, then
    `x-default` for a reader whose language is not among them. On the home page that is `/`, which
    picks the visitor's language (their choice, else their browser's); no other page has such a
    form, so there it is the page in the default language. Absolute from the site's base URL
    (`site.base_url()`, never the Host header); relative to the site when there is none."""
    from flask import url_for

    from pwa_app.web import site

    base = site.base_url() or ""
    links = [(lang.bcp47, base + url_in(lang.code)) for lang in languages()]
    default = url_for("root.index") if request.endpoint == "directory.home" else url_in(
        current_app.config["DEFAULT_LANGUAGE"])
    return [*links, ("x-default", base + default)]


def canonical() -> str | None:
    """The page's own URL as search engines should keep it, as the alternates write it (the query cut
    to the search words and the page number; filters left out); None for a page with no language."""
    from pwa_app.web import site

    if "lang" not in (request.url_rule.arguments if request.url_rule else ()):
        return None
    return (site.base_url() or "") + url_in(current().code)


MAX_NEXT = 1000  # characters: a referral sheet of 30 services; a longer `next` goes home


def page_of(path: str | None) -> tuple[str, dict] | None:
    """The endpoint and arguments of one of this site's pages in a supported language, or None.

    Only a path such a page answers is accepted, so what is built from it (the language chooser's
    redirect, the picker's links) cannot lead elsewhere, nor carry a newline into a header.
    """
    from werkzeug.exceptions import HTTPException

    if not path or len(path) > MAX_NEXT or not path.startswith("/"):
        return None
    try:
        endpoint, args = current_app.url_map.bind("localhost").match(path, method="GET")
    except HTTPException:  # not a page, or only one with another spelling (a redirect)
        return None
    return (endpoint, args) if is_supported(args.get("lang")) else None


def same_page_in(code: str, path: str | None) -> str:
    """Map a local path such as /fr/services/1 to the same page in `code`; anything else goes home."""
    from flask import url_for

    endpoint, args = page_of(path) or ("directory.home", {})
    return url_for(endpoint, **{**args, "lang": code})


_HEADER_KEY = re.compile(r"#\s?([A-Z][A-Za-z -]*):\s*(.*)")


@cache
def catalogue_status(code: str, folder: str) -> dict[str, str]:
    """How a language's interface was made, read from its .po header comment.

    `# Translated by: …` says who (ending "(machine-assisted draft)" for a draft); `# Review: …`
    starts "original language" for a language the interface was written in, "reviewed" once a
    fluent speaker has reviewed it, anything else otherwise. A comment line that is not a new
    `# Key:` continues the one before it. `kind` sums it up for the about page: "original",
    "reviewed", "draft" (machine-assisted, not reviewed) or "unreviewed".
    """
    path = Path(folder) / CATALOGUE_FOLDERS.get(code, code) / "LC_MESSAGES" / "messages.po"
    fields: dict[str, str] = {}
    key = None
    try:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    break
                m = _HEADER_KEY.match(line)
                if m:
                    key = m.group(1).lower()
                    fields[key] = m.group(2).strip()
                elif key and line.startswith("# "):  # not a flag line such as "#, fuzzy"
                    fields[key] = f"{fields[key]} {line[1:].strip()}".strip()
    except OSError:
        pass
    found = {"translated_by": fields.get("translated by", "").rstrip("."),
             "review": fields.get("review", "").rstrip(".")}
    review = found["review"].lower()
    if review.startswith("original language"):
        found["kind"] = "original"
    elif review.startswith("reviewed"):
        found["kind"] = "reviewed"
    elif "(machine-assisted draft)" in found["translated_by"]:
        found["kind"] = "draft"
    else:
        found["kind"] = "unreviewed"
    return found


def translation_statuses() -> list[tuple[Lang, dict[str, str]]]:
    folder = current_app.config["BABEL_TRANSLATION_DIRECTORIES"]
    return [(lang, catalogue_status(lang.code, folder)) for lang in languages()]


def install_template_gettext(app) -> None:
    """Templates' `_`, `gettext` and `ngettext`, as Flask-Babel installs them, but writing whole
    numbers in the page language's digits ("۱۷ خدمت"), as times and dates already are; and the
    `digits` filter for a number that stands alone."""
    from babel import Locale
    from flask_babel import get_translations
    from jinja2 import pass_context

    from pwa_app.present.localize import fill_message

    def fill(context, message: str, variables: dict) -> str:
        return fill_message(message, variables, Locale.parse(babel_locale_code()), context.eval_ctx.autoescape)

    @pass_context
    def gettext(context, string: str, **variables) -> str:
        return fill(context, get_translations().ugettext(string), variables)

    @pass_context
    def ngettext(context, singular: str, plural: str, num: int, **variables) -> str:
        variables.setdefault("num", num)
        return fill(context, get_translations().ungettext(singular, plural, num), variables)

    def digits(value) -> str:
        """A bare number ("12" beside a category) in the page language's digits."""
        from pwa_app.present.localize import with_digits

        return with_digits(str(value), Locale.parse(babel_locale_code()))

    app.jinja_env.globals.update(gettext=gettext, ngettext=ngettext)
    app.jinja_env.filters["digits"] = digits
