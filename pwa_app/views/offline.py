"""Offline: the service worker, the app manifest, the app shell, and the directory snapshots phones keep.

`/sw.js` is served from static/sw.js with its precache list and version filled in, so that a
change to any asset (or to the shell page) changes its bytes and browsers install the update.
Snapshots and the changes feed are made in pwa_app/snapshot/ (format: docs/snapshot-format.md); here
they get their ETags (one per language, region set and version), so a phone that is up to date pays
one 304 to find out.

Size: one blueprint for what a phone needs to work offline (worker, manifest, shell, snapshot files
and the changes feed); each route is short, and they share the ETag and cache rules.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from babel import Locale
from flask import Blueprint, Response, abort, current_app, g, redirect, render_template, request, send_from_directory, url_for
from flask_babel import force_locale, gettext as _

from pwa_app.db import data_version
from pwa_app.web import compress, i18n, shared
from pwa_app.snapshot import feed, files, records, versions, wire
from pwa_app.db.extensions import db
from pwa_app.present import situations
from pwa_app.present.localize import clock_data, language_name, list_patterns, unit_patterns
from pwa_app.web.pages import crisis_numbers, directory_info

bp = Blueprint("offline", __name__)

ICONS = ("icons/icon.svg", "icons/icon-192.png", "icons/icon-512.png", "icons/icon-maskable-512.png")
# Only the icon the pages show is precached: the browser fetches the manifest's PNGs itself when the
# app is installed, so precaching them would cost every visitor 24 KB for nothing.
PRECACHED_ICONS = ICONS[:1]
THEME_COLOUR = "#0b5d4b"


@bp.url_value_preprocessor
def _pull_lang(_endpoint, values) -> None:
    if values and "lang" in values:
        lang = values.pop("lang")
        if not i18n.is_supported(lang):
            abort(404)
        g.lang = lang


@bp.url_defaults
def _add_lang(endpoint, values) -> None:
    if endpoint in ("offline.shell", "offline.snapshot_json", "offline.changes_json"):
        values.setdefault("lang", g.get("lang") or current_app.config["DEFAULT_LANGUAGE"])


@bp.app_context_processor
def status_strings():
    return {"offline_strings": page_strings}


def page_strings() -> dict:
    """What the scripts on every page say: saving progress, "available offline", updates, errors."""
    return {
        "lang": i18n.current().bcp47,
        "saving": _("Saving the directory for offline use: %(percent)s %%, %(done)s of %(total)s"),
        "available": _("Available offline · updated %(date)s · %(size)s"),
        "offline": _("You are offline. This is the directory saved on this phone, updated %(date)s."),
        "ready": _("Ready to work offline"),
        "update": _("Update available"),
        "updateNow": _("Update now"),
        "quota": _("There is not enough space on this phone to keep the directory offline. "
                   "Everything still works while you are online."),
        "failed": _("The directory could not be saved for offline use. It will try again next time you are online."),
        "regions": _("Areas kept on this phone"),
        "wholeDirectory": _("The whole directory"),
        "save": _("Save"),
        # Guided help's questions, answered on the phone (static/js/plan-answers.js).
        "planWait": _("Getting the directory ready on this phone, so that your answers stay on it…"),
        "planFailed": _("Your plan could not be made on this phone. Call %(number)s: someone will help you.",
                        number=current_app.config["HELPLINE_NUMBER"]),
        # The status line's "updated <date>": the Gregorian calendar, in the locale's words and digits.
        "clock": clock_data(Locale.parse(i18n.current().code), ("when",)),
        # Sizes and distances ("180 kB", "1,5 km") as Babel writes them (web/pages.format_distance): the
        # phone fills the number in (status-line.js formatUnit).
        "units": unit_patterns(Locale.parse(i18n.current().code), UNITS),
    }


UNITS = {"kB": "digital-kilobyte", "MB": "digital-megabyte", "m": "length-meter", "km": "length-kilometer"}


def render_strings() -> dict:
    """What the app shell needs to draw directory pages from the data on the phone."""
    lang = i18n.current()
    locale = Locale.parse(lang.code)
    languages = set(current_app.config["LANGUAGES"]) | {"en", "fr"}
    return {
        "open24": _("Open 24 hours"), "unknown": _("Hours not listed"), "closed": _("Closed"),
        "openCloses": _("Open now · closes %(time)s"), "openClosesDay": _("Open now · closes %(day)s %(time)s"),
        "opensToday": _("Closed · opens today %(time)s"), "opensTomorrow": _("Closed · opens tomorrow %(time)s"),
        "opensDay": _("Closed · opens %(day)s %(time)s"),
        "search": _("Search"), "searchQuery": _("Search: %(query)s"), "findHelp": _("Find help near you"),
        "statusNames": {"temporarily closed": _("temporarily closed")},
        # A name, or [name, language] where it is not in the reader's language (static/js/render.js ltext).
        "languageNames": {code: [t.value, t.lang] if t.fallback else t.value
                          for code, t in ((code, language_name(locale, code)) for code in sorted(languages))},
        # How Babel writes times, dates and lists here (pwa_app/present/localize.py): the phone's Intl may not know them.
        "clock": clock_data(locale, ("time", "date", "day", "weekday")), "list": list_patterns(locale),
        "helpline": current_app.config["HELPLINE_NUMBER"],
        # The shared templates' own words (templates/shared/, drawn offline by static/js/draw.js).
        "catalogue": shared.catalogue(),
        # Guided help (issue 18): the situations' plan and their words here, and the numbers a plan may call.
        "situations": {"plan": {"needs": situations.plan()["needs"], "situations": situations.plan()["situations"]},
                       "words": situations.words(lang.code), "numbers": crisis_numbers()},
    }


@bp.route("/<lang>/offline")
def shell(lang=None):
    """The app shell: the service worker answers with it for directory pages it has no network for."""
    return _render_shell()


@bp.route("/offline/elsewhere")
def elsewhere():
    """What a phone shows offline in a language it has not kept: in that language, and linking those it keeps."""
    config = current_app.config
    entries = []
    for lang in i18n.languages():
        with force_locale(lang.code):
            entries.append({
                "code": lang.code, "bcp47": lang.bcp47, "dir": lang.dir, "name": lang.name,
                "title": _("Not available offline"),
                "text": _("This page is not saved on this phone. Connect to the internet, or call %(number)s.",
                          number=config["HELPLINE_NUMBER"]),
                "call": _("Call %(number)s", number=config["HELPLINE_NUMBER"]),
                "emergency": _("Emergency numbers"), "danger": _("In danger?"),
                "crisis": _("Suicide crisis line %(number)s", number=config["CRISIS_NUMBER"]),
                "languages": _("Language"),
            })
    return render_template("offline/elsewhere.html", entries=entries)


def _render_shell() -> str:
    return render_template("offline/shell.html", render_strings=render_strings(), filter_words=shared.filter_words())


def settings() -> records.Settings:
    s = records.Settings.from_app(current_app, db.session)
    versions.ensure_ready(db.session, s)
    return s


def _wanted_regions(s: records.Settings) -> tuple[str, ...]:
    known = {r.id for r in versions.regions(db.session, s)}
    asked = [r for r in re.split(r"[ ,+]", request.args.get("regions", "")) if r in known]
    return tuple(sorted(set(asked))) or (versions.ALL,)


def _etag(lang: str, wanted: tuple[str, ...], version: int) -> str:
    return f"{lang}.{'+'.join(wanted)}.{version}"


@bp.route("/offline/regions.json")
def regions_json():
    """The regions a phone can keep, and which one to keep when nobody chose."""
    s = settings()
    regions = versions.regions(db.session, s)
    body = {"version": versions.current_version(db.session),
            "regions": [{"id": r.id, "name": r.name, "services": r.services} for r in regions],
            "default": versions.ALL if len(regions) == 1 else None}
    response = Response(wire.encode(body), mimetype="application/json")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.route("/<lang>/offline/snapshot.json")
def snapshot_json(lang=None):
    """Everything the directory pages need, in one language, for the regions asked for."""
    s = settings()
    wanted = _wanted_regions(s)
    version = versions.current_version(db.session)
    etag = _etag(g.lang, wanted, version)
    unchanged = compress.not_modified(etag, compress.json_encoding())
    if unchanged:
        return unchanged
    prebuilt = files.lookup(files.folder_of(current_app), g.lang, wanted, version, data_version.current(db.session))
    if prebuilt:  # a static, content-addressed file: any server or CDN can send it
        return redirect(url_for("offline.snapshot_file", name=prebuilt), code=302)
    key = (g.lang, wanted, version)
    body = compress.kept("snapshots", key, lambda: wire.encode(feed.snapshot(db.session, g.lang, wanted)))
    return compress.send_json(body, etag, "snapshots", key)


@bp.route("/snapshots/<name>")
def snapshot_file(name: str):
    """A built snapshot, precompressed, cached forever: its name is its content's SHA-256."""
    if not files.NAME.match(name):
        abort(404)
    folder = files.folder_of(current_app)
    accepted = request.headers.get("Accept-Encoding", "")
    for encoding, suffix in (("br", ".br"), ("gzip", ".gz"), (None, "")):
        if (encoding is None or encoding in accepted) and (folder / (name + suffix)).exists():
            break
    else:
        abort(404)
    response = compress.not_modified(name[:-5], encoding) or send_from_directory(
        folder, name + suffix, mimetype="application/json", max_age=31536000, conditional=True,
        etag=name[:-5] + compress.TAG_SUFFIX.get(encoding, ""))
    if encoding and response.status_code != 304:
        response.headers["Content-Encoding"] = encoding
    response.vary.add("Accept-Encoding")
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    response.headers["X-Checksum-SHA256"] = name[:-5]
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.route("/<lang>/offline/changes.json")
def changes_json(lang=None):
    """What changed since `?since=<version>`: changed records and the ids to delete; 304 if nothing."""
    since = request.args.get("since", "")
    if not since.isdigit():
        abort(400)
    s = settings()
    wanted = _wanted_regions(s)
    version = versions.current_version(db.session)
    etag = _etag(g.lang, wanted, version)
    unchanged = compress.not_modified(etag, compress.json_encoding())
    if unchanged or int(since) == version:
        return unchanged or compress.not_modified_response(compress.encoded_tag(etag, None))
    body = wire.encode(feed.changes(db.session, g.lang, wanted, int(since)))
    return compress.send_json(body, etag, "changes", (g.lang, wanted, version, int(since)))


@bp.route("/manifest.webmanifest")
def manifest():
    """Make the app installable, starting in the language it was installed from."""
    lang = request.args.get("lang")
    lang = lang if i18n.is_supported(lang) else current_app.config["DEFAULT_LANGUAGE"]
    g.lang = lang
    icon = lambda name, size, purpose="any": {  # noqa: E731
        "src": url_for("static", filename=f"icons/{name}"), "sizes": size, "type": "image/png", "purpose": purpose}
    body = {
        "id": "/", "name": "Passerelle", "short_name": "Passerelle", "lang": i18n.current().bcp47,
        "dir": i18n.current().dir,
        "description": _("Free, confidential help finding food, housing, health care and other community services near you."),
        "start_url": url_for("directory.home", lang=lang), "scope": "/", "display": "standalone",
        "background_color": "#ffffff", "theme_color": THEME_COLOUR,
        "icons": [icon("icon-192.png", "192x192"), icon("icon-512.png", "512x512"),
                  icon("icon-maskable-512.png", "512x512", "maskable")],
    }
    response = Response(json.dumps(body, ensure_ascii=False), mimetype="application/manifest+json")
    response.headers["Cache-Control"] = "no-cache"
    return response


def precache_urls() -> list[str]:
    """The app shell: fingerprinted bundles, the page icon and the default language's shell page."""
    from pwa_app.web.assets import PRECACHED_BUNDLES

    env = current_app.extensions["assets"]
    urls = [env[name].urls()[0] for name in PRECACHED_BUNDLES]
    urls += [url_for("static", filename=name) for name in PRECACHED_ICONS]
    # One shell up front; sw.js keeps the shell of every other language a person uses as they use it,
    # so twenty languages do not cost a phone twenty downloads.
    urls.append(url_for("offline.shell", lang=current_app.config["DEFAULT_LANGUAGE"]))
    # Any other language, until its shell is kept: an honest page in that language (a few kB for all of them).
    urls += [url_for("offline.elsewhere"), url_for("static", filename="js/elsewhere.js")]
    return urls


# Worked out once per process for every app in it (a test makes many, on as many databases).
APP_VERSIONS: dict[str, str] = {}
NOT_SHOWN = ("SQLALCHEMY_DATABASE_URI", "SECRET_KEY", "SNAPSHOT_FOLDER")  # settings no shell shows


def _app_version(urls: list[str]) -> str:
    """A hash of the app itself: asset URLs carry their own hashes; every language's shell and the icons are hashed here.

    The shells do not show the directory's records, only its facts (the demo label, the base language),
    so each process works it out once per configuration and facts, not per data version.
    """
    # Shells show configured numbers and texts: a configuration change is a new app version. They show
    # the directory's facts too: a real directory imported over the demo loses the demo label offline as well.
    settings = sorted((k, v) for k, v in current_app.config.items()
                      if isinstance(v, (str, int, tuple)) and k not in NOT_SHOWN)
    facts = sorted((k, v) for k, v in directory_info().items() if k not in data_version.DERIVED_KEYS)
    key = repr((current_app.root_path, "\n".join(urls), settings, facts))
    if key not in APP_VERSIONS:
        APP_VERSIONS[key] = _hash_app(urls)
    return APP_VERSIONS[key]


def _hash_app(urls: list[str]) -> str:
    digest = hashlib.sha256("\n".join(urls).encode())
    static = Path(current_app.static_folder)
    for name in ICONS:
        digest.update((static / name).read_bytes())
    for code in current_app.config["LANGUAGES"]:
        with current_app.app_context(), current_app.test_request_context(f"/{code}/offline"):
            g.lang = code
            digest.update(_render_shell().encode())
    return digest.hexdigest()[:16]


@bp.route("/sw.js")
def service_worker():
    """static/sw.js with its version and precache list filled in; never cached without asking."""
    urls = precache_urls()
    version = _app_version(urls)
    unchanged = compress.not_modified(version, "gzip" if compress.accepts_gzip() else None)  # gzipped as it goes
    if unchanged:
        return unchanged
    source = (Path(current_app.static_folder) / "sw.js").read_text(encoding="utf-8")
    source = re.sub(r"^const VERSION = .*;$", f"const VERSION = {json.dumps(version)};", source, count=1, flags=re.M)
    source = re.sub(r"^const PRECACHE_URLS = .*;$", f"const PRECACHE_URLS = {json.dumps(urls)};", source,
                    count=1, flags=re.M)
    response = Response(source, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    response.headers["ETag"] = f'"{version}"'
    return response
