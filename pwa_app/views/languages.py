"""Choosing a language: a page listing every language in its own name, searchable, and the choice."""
from __future__ import annotations

from babel import Locale
from flask import Blueprint, current_app, redirect, render_template, request

from pwa_app.web import i18n
from pwa_app.present.localize import language_name
from pwa_app.core.textnorm import normalize

bp = i18n.localized_blueprint("languages", __name__)
choose_bp = Blueprint("choose", __name__)


def names_everywhere(code: str) -> list[str]:
    """The language's names in every supported language, plus its code: what a search may match."""
    target = Locale.parse(code)
    names = [i18n.NATIVE_NAMES.get(code, code), code, code.replace("_", "-")]
    for other in current_app.config["LANGUAGES"]:
        names.append(target.get_display_name(Locale.parse(other)) or "")
        names.append(Locale.parse(other).languages.get(target.language, ""))
    return names


@bp.route("/language")
def picker():
    """Every language, each in its own script; `q` narrows the list (by any name or code)."""
    query = normalize(request.args.get("q", "")[:60])
    here = request.args.get("next") or ""
    here = here if i18n.page_of(here) else ""  # only a page of ours is carried on, in every link
    current = Locale.parse(i18n.current().code)
    rows = []
    for lang in i18n.languages():
        if query and not any(query in normalize(n) for n in names_everywhere(lang.code)):
            continue
        rows.append({"lang": lang, "here": language_name(current, lang.code)})
    return render_template("languages/picker.html", rows=rows, query=request.args.get("q", "")[:60], next=here)


@choose_bp.route("/choose-language/<code>")
def choose(code: str):
    """Remember the person's choice and take them to the same page in that language."""
    if not i18n.is_supported(code):
        code = current_app.config["DEFAULT_LANGUAGE"]
    response = redirect(i18n.same_page_in(code, request.args.get("next")))
    response.set_cookie(i18n.COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
                        secure=request.is_secure)
    return response
