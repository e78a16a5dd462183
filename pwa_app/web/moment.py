"""The moment of a record: what depends on when the page is drawn, in the reader's language.

"Open now · closes 5:00 PM", the week's hours from today, the date the record was checked, the
distance from a chosen place. The shared templates (templates/shared/) draw it; the phone's twin is
static/js/moment.js, which works out the same from the same record with hours.js and the CLDR
patterns the server sends, so that a page drawn offline reads as the server's (the golden parity
test, tests/browser/test_parity.py).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _

from pwa_app.core import hours
from pwa_app.core.hours import Status
from pwa_app.snapshot.reader import primary_language
from pwa_app.web.pages import format_distance, local_date, local_time


def region_tz() -> ZoneInfo:
    return ZoneInfo(current_app.config["REGION_TIMEZONE"])


def open_label(status: Status, now: datetime | None = None) -> str:
    """Say in words whether a service is open: "Open now · closes 5:00 PM", "Closed · opens tomorrow 9:00 AM"."""
    if status.state == "open24":
        return _("Open 24 hours")
    if status.state == "unknown":
        return _("Hours not listed")
    now = now or datetime.now(status.closes_at.tzinfo if status.closes_at else None)
    when = status.closes_at if status.state == "open" else status.opens_at
    if when is None:
        return _("Closed")
    today = now.astimezone(when.tzinfo).date()
    time = local_time(when, "short")
    if status.state == "open":
        if when.date() == today:
            return _("Open now · closes %(time)s", time=time)
        return _("Open now · closes %(day)s %(time)s", day=local_date(when, "EEEE"), time=time)
    if when.date() == today:
        return _("Closed · opens today %(time)s", time=time)
    if when.date() == today + timedelta(days=1):
        return _("Closed · opens tomorrow %(time)s", time=time)
    return _("Closed · opens %(day)s %(time)s", day=local_date(when, "EEEE"), time=time)


def notes(schedules, lang: str, base: str) -> list:
    """Text-only hours ("By appointment") as the data writes them: marked with its language where it is not the page's."""
    same = primary_language(lang) == primary_language(base)
    return [text if same else [text, base] for text in hours.descriptions(schedules or [])]


def week(schedules, now: datetime) -> list[dict] | None:
    """The 7 days from today, formatted; None where no day has hours (the page then says so)."""
    days = hours.week(schedules or [], now.date(), now.tzinfo)
    if not any(d.ranges or d.open24 for d in days):
        return None
    return [{"name": local_date(d.day, "EEEE"), "holiday": d.closed_for_exception, "open24": d.open24,
             "ranges": [[local_time(o, "short"), local_time(c, "short")] for o, c in d.ranges]} for d in days]


def hours_line(schedules, now: datetime) -> list[dict]:
    """A week's hours for one line, Monday first, days alike grouped: [{"days": "Mon–Fri", "open24",
    "ranges": ["9:00 AM–5:00 PM"]}]; days without hours are left out (shared/sheet.html writes it)."""
    days = sorted(hours.week(schedules or [], now.date(), now.tzinfo), key=lambda d: d.day.weekday())
    said = [("24",) if d.open24 else tuple(f"{local_time(o, 'short')}–{local_time(c, 'short')}" for o, c in d.ranges)
            for d in days]
    out, n = [], 0
    while n < len(days):
        end = n
        while end + 1 < len(days) and said[end + 1] == said[n]:
            end += 1
        if said[n]:
            label = local_date(days[n].day, "EEE") + ("–" + local_date(days[end].day, "EEE") if end > n else "")
            out.append({"days": label, "open24": said[n] == ("24",), "ranges": [] if said[n] == ("24",) else list(said[n])})
        n = end + 1
    return out


def moment(r: dict, now: datetime, lang: str, base: str, *, page: bool = False, line: bool = False,
           km: float | None = None) -> dict:
    """The moment of record `r` for a card; with `page` for its own page, with `line` for a referral sheet."""
    schedules = r.get("h") or []
    status = hours.status(schedules, now, now.tzinfo)
    out = {"state": status.state, "label": open_label(status, now), "notes": notes(schedules, lang, base)}
    if km is not None:
        out["distance"] = format_distance(km)
    if line:
        out["line"] = hours_line(schedules, now)
    if page:
        out["week"] = week(schedules, now)
        out["places"] = [{"week": week(loc.get("h"), now), "notes": notes(loc.get("h"), lang, base)}
                         for loc in r.get("l") or []]
        out["verified"] = local_date(date.fromisoformat(r["d"]), "long") if r.get("d") else None
    return out
