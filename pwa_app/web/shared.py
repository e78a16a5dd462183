"""The server's side of the shared templates (templates/shared/): the records they draw and the words they use.

The directory's service pages and result cards are drawn from one view model, the record the phone
keeps (snapshot/records.py made for these services, rendered in the reader's language by
snapshot/reader.py), and its moment (web/moment.py). Jinja draws them here; on the phone Nunjucks
draws the same files, compiled at set-up (scripts/compile_templates.mjs), with the same globals and
filters from static/js/draw.js. Both sides give exactly these names, meaning the same:

| Name | Kind | Gives |
|---|---|---|
| `_` | global | the interface's translation, `%(name)s` filled in with escaped values, whole numbers in the language's digits |
| `ngettext` | global | the same, in the plural form for a number (`num`) |
| `digits` | filter | a number alone, in the language's digits |
| `page_url(path)` | global | `/<lang>/<path>` |
| `language_name(code)` | global | the language named in the reader's language, marked where it falls back |
| `status_name(status)` | global | "temporarily closed", in the reader's language |
| `helpline` | global | the helpline's number |
| `paras` | filter | a text's non-blank lines |
| `callable` | filter | phones that are not faxes |
| `named(slugs, names)` | filter | the slugs that have a name |
| `places` | filter | a record's locations as `lat,lon;lat,lon` (`data-geo`, for "Near me") |
| `coordinate` | filter | a latitude or longitude to 5 decimals |
| `site` | filter | a website without its scheme and trailing slash |
| `language_list` | filter | language names joined as the reader's language lists them |
| `quote` | filter | a text for a URL, every character but letters, digits and `_.-~` escaped |
| `choice(items, code)` | filter | the plain name of `code` among a form's choices, else the code; "" for none |
"""
from __future__ import annotations

import functools
from urllib.parse import quote
from datetime import datetime

from flask import Flask, current_app, g
from babel import Locale
from flask_babel import get_locale, get_translations, gettext, gettext as _
from jinja2.ext import babel_extract
from markupsafe import Markup

from pwa_app.db import data_version
from pwa_app.db.extensions import db
from pwa_app.present import localize
from pwa_app.present.localize import LocalText
from pwa_app.snapshot.reader import render
from pwa_app.snapshot.records import Settings, neutral_records
from pwa_app.web import conditional, moment as moments
from pwa_app.web.record_cache import RecordCache
from pwa_app.web.assets import TEMPLATES, shared_sources
from pwa_app.search.filters import DISTANCES_KM
from pwa_app.web.pages import directory_info, format_distance, language_name, status_name


def records(ids: list[str]) -> dict[str, dict]:
    """The records of these services as the phone keeps them in the reader's language (with their ids)."""
    if not ids:
        return {}
    cfg = current_app.config
    settings = Settings(tuple(cfg["LANGUAGES"]), cfg["REGION_TIMEZONE"], cfg["PHONE_COUNTRY_CODE"],
                        directory_info().get("base_language") or "en")
    version = conditional.request_version()
    load = lambda missing: neutral_records(db.session, settings, only=missing)  # noqa: E731
    if version is None:  # no database to key on: read as they are
        found = load(list(ids))
    else:
        kept = current_app.extensions.setdefault("passerelle.records", RecordCache())
        found = kept.get((version, settings), ids, load, lambda: data_version.current(db.session) == version)
    return {sid: {"i": sid, **render(record, g.lang)} for sid, record in found.items()}


def now() -> datetime:
    return datetime.now(moments.region_tz())


def moment(r: dict, at: datetime, *, page: bool = False, line: bool = False, km: float | None = None) -> dict:
    return moments.moment(r, at, g.lang, directory_info().get("base_language") or "en", page=page, line=line, km=km)


def text(t) -> str | list | None:
    """A LocalText as records hold texts: the string, or [text, language] where it falls back."""
    if t is None or isinstance(t, str):
        return t
    return [t.value, t.lang] if t.fallback else t.value


def plain(t) -> str:
    return t[0] if isinstance(t, list) else (t or "")


def filter_words() -> dict:
    """The filters' words in the reader's language: the form's fixed choices and the chips' labels.

    The server's pages (views/directory.py) and the offline shell (its filter strings, read by
    static/js/render.js) both take them from here."""
    from babel.dates import get_day_names

    from pwa_app.search.filters import DAYS

    days = get_day_names("wide", locale=get_locale())
    return {
        "days": [[code, days[n]] for n, code in enumerate(DAYS)],
        "times": [["morning", _("Morning")], ["afternoon", _("Afternoon")], ["evening", _("Evening")]],
        "ages": [["child", _("Children")], ["youth", _("Youth")], ["adult", _("Adults")], ["senior", _("Seniors")]],
        "sorts": [["relevance", _("Best match")], ["name", _("Name")], ["distance", _("Distance")]],
        "distances": [[str(km), format_distance(km)] for km in DISTANCES_KM],
        "openNow": _("Open now"), "free": _("Free of charge"), "wheelchair": _("Wheelchair accessible"),
        "nearPlace": _("Near %(place)s", place="%(place)s"),
        "withinDistance": _("Within %(distance)s", distance="%(distance)s"),
    }


def choice(items, code) -> str:
    """The plain name of `code` among a form's choices ([code, name] pairs, or places {id, name}); the code where none."""
    if code is None or code == "":
        return ""
    for item in items or ():
        key, name = (item["id"], item["name"]) if isinstance(item, dict) else (item[0], item[1])
        if key == code:
            return plain(name)
    return str(code)


def icon_of(slug: str) -> str:
    """The category's own icon (templates/icons/cat-<slug>.svg), else "default"."""
    return slug if (TEMPLATES / "icons" / f"cat-{slug}.svg").exists() else "default"


def _local(t) -> LocalText | str:
    return LocalText(t[0], t[1], True) if isinstance(t, list) else t


def _number(v: float) -> str:
    return f"{v:.5f}".rstrip("0").rstrip(".")


@functools.cache
def _messages() -> tuple:
    """Every message the shared templates translate, as Babel extracts them: a string, or (singular, plural)."""
    found = []
    for name, path in shared_sources():
        if name.startswith("shared/"):
            with path.open("rb") as f:
                for _, function, message, _ in babel_extract(f, ("_", "gettext", "ngettext"), [], {}):
                    # A message given values comes as (message, None, …): one None per keyword argument.
                    found.append(tuple(message[:2]) if function == "ngettext" else
                                 message if isinstance(message, str) else message[0])
    return tuple(dict.fromkeys(found))


def plural_forms(singular: str, plural: str, locale: Locale) -> dict[str, str]:
    """Each CLDR plural category's message, unformatted: the browser picks one with Intl.PluralRules.

    Every category the language has gets a message, from the first whole number that falls in it
    (Tagalog's "other" starts at 4, Arabic's "many" at 11)."""
    forms: dict[str, str] = {}
    for n in (*range(0, 200), 1_000, 1_000_000):
        forms.setdefault(locale.plural_form(n), get_translations().ngettext(singular, plural, n))
        if len(forms) == len(locale.plural_form.tags) + 1:  # the tags leave "other" out
            break
    return forms


def catalogue() -> dict[str, str | dict[str, str]]:
    """The shared templates' messages in the reader's language, for the phone's `_` and `ngettext`
    (static/js/draw.js): a translation, or for a plural message its form in each plural category."""
    locale = Locale.parse(g.lang)
    return {(m[0] if isinstance(m, tuple) else m): plural_forms(*m, locale) if isinstance(m, tuple) else gettext(m)
            for m in _messages()}


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        page_url=lambda path: f"/{g.lang}/{path}",
        language_name=lambda code: localize.marked(language_name(code)),
        status_name=status_name,
        helpline=app.config["HELPLINE_NUMBER"],
    )
    app.jinja_env.filters.update(
        paras=lambda t: [p for p in str(t).split("\n") if p.strip()],
        callable=lambda phones: [p for p in phones or () if p.get("t") != "fax"],
        named=lambda slugs, names: [s for s in slugs or () if s in names],
        places=lambda locs: ";".join(f"{_number(loc['g'][0])},{_number(loc['g'][1])}" for loc in locs or () if loc.get("g")),
        coordinate=lambda v: f"{v:.5f}",
        site=lambda url: url.removeprefix("https://").removeprefix("http://").rstrip("/"),
        language_list=lambda items: Markup(localize.list_html(get_locale(), [_local(t) for t in items or ()])),
        quote=lambda text: quote(str(text), safe=""),
        choice=choice,
    )
