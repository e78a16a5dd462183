"""Saved services and referral lists (issue 7): the saved-lists page that scripts fill from the
phone, and the referral sheet a list becomes for a client, in the client's language.

The lists themselves live only on the phone (IndexedDB, no account). The server sees a list only
when someone opens its share link, `/<lang>/r/<token>`: a page that prints on one sheet, carries
an SMS body and a link, and works without JavaScript.
"""
from __future__ import annotations

from flask import current_app, render_template
from flask_babel import force_locale, gettext as _

from pwa_app.web import i18n
from pwa_app.core import referral
from pwa_app.db import reports
from pwa_app.web import shared, site

bp = i18n.localized_blueprint("lists", __name__)


@bp.app_context_processor
def list_strings():
    return {"lists_strings": page_strings, "report_kinds": reports.KINDS, "extension_patterns": extension_patterns}


def page_strings() -> dict:
    """What the saved-lists, report-queue and safety scripts say, in the page's language."""
    return {
        "save": _("Save"), "saved": _("Saved"), "savedTitle": _("Saved services"),
        "empty": _("Nothing saved yet. Use “Save” on a service to keep it here, even offline."),
        "note": _("Note"), "moveUp": _("Move up"), "moveDown": _("Move down"), "remove": _("Remove"),
        "newList": _("New list"), "deleteList": _("Delete this list"),
        "handOver": _("Give this list to someone"), "theirLanguage": _("Their language"),
        "sheet": _("Referral sheet"), "sms": _("Text message"), "share": _("Share"), "copy": _("Copy link"),
        "copied": _("Link copied"), "saveHere": _("Save new services here"),
        "languages": [(lang.code, lang.name) for lang in i18n.languages()],
        "queued": _("Saved, will be sent when you are back online"), "sent": _("Sent"),
        "refused": _("The report could not be sent. Please check it and try again."),
    }


def extension_patterns() -> dict[str, str]:
    """"ext. %(ext)s" in every language: a list's text message is written in its reader's language,
    whatever the page's. Once per app."""
    kept = current_app.extensions
    if "passerelle.extension_patterns" not in kept:
        patterns = {}
        for code in current_app.config["LANGUAGES"]:
            with force_locale(code):
                patterns[code] = _("ext. %(ext)s")
        kept["passerelle.extension_patterns"] = patterns
    return kept["passerelle.extension_patterns"]


@bp.route("/saved")
def saved():
    """The lists saved on this phone: the page is a frame that static/js/lists.js fills."""
    return render_template("lists/saved.html")


@bp.route("/r/<token>")
def sheet(token: str):
    """A referral list from a share link: print it, text it, or open it on another phone.

    Drawn with templates/shared/sheet.html, as the phone draws it offline from its saved records."""
    try:
        ids = list(dict.fromkeys(referral.decode(token)))
    except referral.BadToken:
        return render_template("lists/sheet.html", damaged=True, items=[], missing=0, token=token)
    found, at = shared.records(ids), shared.now()
    items = [{"r": found[sid], "m": shared.moment(found[sid], at, line=True), "phone": referral.sheet_phone(found[sid])}
             for sid in ids if sid in found]
    link = site.external_url("lists.sheet", token=token)
    extension = _("ext. %(ext)s")
    body = referral.sms_body([(shared.plain(i["r"]["n"]), referral.phone_text(i["phone"], extension)) for i in items], link)
    return render_template("lists/sheet.html", damaged=False, items=items, missing=len(ids) - len(items),
                           token=token, link=link, sms_body=body)
