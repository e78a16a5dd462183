"""Saved services and referral lists (issue 7): the saved-lists page that scripts fill from the
phone, and the referral sheet a list becomes for a client, in the client's language.

The lists themselves live only on the phone (IndexedDB, no account). The server sees a list only
when someone opens its share link, `/<lang>/r/<token>`: a page that prints on one sheet, carries
an SMS body and a link, and works without JavaScript.
"""
from __future__ import annotations

from flask import current_app, render_template, url_for
from flask_babel import gettext as _

from pwa_app.web import i18n
from pwa_app.core import referral
from pwa_app.db import reports
from pwa_app.core import hours
from pwa_app.web import shared
from pwa_app.web.pages import local_date, local_time

bp = i18n.localized_blueprint("lists", __name__)


@bp.app_context_processor
def list_strings():
    return {"lists_strings": page_strings, "report_kinds": reports.KINDS}


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


@bp.route("/saved")
def saved():
    """The lists saved on this phone: the page is a frame that static/js/lists.js fills."""
    return render_template("lists/saved.html")


def hours_line(week) -> str:
    """A week's hours on one line, Monday first, days with the same hours grouped: "Mon–Fri 9:00 AM–5:00 PM"."""
    days = sorted(week or [], key=lambda d: d.day.weekday())
    texts = []
    for d in days:
        if d.open24:
            texts.append(_("Open 24 hours"))
        elif d.ranges:
            texts.append(", ".join(f"{local_time(o, 'short')}–{local_time(c, 'short')}" for o, c in d.ranges))
        else:
            texts.append(None)
    parts, n = [], 0
    while n < len(days):
        end = n
        while end + 1 < len(days) and texts[end + 1] == texts[n]:
            end += 1
        if texts[n]:
            label = local_date(days[n].day, "EEE")
            if end > n:
                label += "–" + local_date(days[end].day, "EEE")
            parts.append(f"{label} {texts[n]}")
        n = end + 1
    return " · ".join(parts) or _("Hours are not listed. Call before you go.")


@bp.route("/r/<token>")
def sheet(token: str):
    """A referral list from a share link: print it, text it, or open it on another phone."""
    try:
        ids = referral.decode(token)
    except referral.BadToken:
        return render_template("lists/sheet.html", damaged=True, services=[], missing=0, token=token)
    found = shared.records(list(dict.fromkeys(ids)))
    at = shared.now()
    services = []
    for sid in dict.fromkeys(ids):
        if sid in found:
            r = found[sid]
            phone = next((ph for ph in r.get("p", ()) if ph.get("t") != "fax" and ph.get("e")), None)
            services.append({"r": r, "phone": phone, "hours": hours_line(hours.week(r.get("h", []), at.date(), at.tzinfo))})
    link = url_for("lists.sheet", token=token, _external=True)
    entries = [(shared.plain(s["r"]["n"]), s["phone"]["d"] if s["phone"] else "") for s in services]
    body = referral.sms_body(entries, link)
    return render_template("lists/sheet.html", damaged=False, services=services, missing=len(dict.fromkeys(ids)) - len(services),
                           token=token, link=link, sms_body=body, helpline=current_app.config["HELPLINE_NUMBER"])
