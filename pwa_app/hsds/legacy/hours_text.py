"""Reading opening hours written as text ("Monday-Friday, 8-5; Saturday, 10-2"), times, dates and holidays.

Free-text hours become weekly schedules only where they are unambiguous; otherwise the text is kept
whole as the schedule's description. `_holiday` turns a dated closure or special opening (Ohana CSV
and HSDS 1.1 holiday_schedules) into a schedule row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from pwa_app.hsds.legacy.common import Report, legacy_id

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = {name: code for code, names in zip(DAYS, (
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")), strict=True) for name in names}
ALWAYS_OPEN = re.compile(r"^(open )?24[ -]hours?( a day)?(,? (daily|facility|7 days a week))?\.?$|^24/7$", re.I)


@dataclass(frozen=True)
class Opening:
    days: tuple[str, ...]  # MO..SU
    opens_at: str  # HH:MM
    closes_at: str


_TIME = r"(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|noon)?"
_RANGE = re.compile(rf"^{_TIME}\s*(?:-|–|to)\s*{_TIME}$", re.I)


def _days(text: str) -> list[str] | None:
    """Return the day codes of "Monday-Friday", "Tuesday", "Daily", "Mon - Thu"; None if not days."""
    text = text.strip().lower().rstrip(".")
    if text in ("daily", "every day", "7 days a week", "seven days a week"):
        return list(DAYS)
    parts = [p.strip() for p in re.split(r"\s*(?:-|–|through|thru|to)\s*", text)]
    codes = [DAY_NAMES.get(p) for p in parts]
    if None in codes or len(codes) not in (1, 2):
        return None
    if len(codes) == 1:
        return codes
    start, end = DAYS.index(codes[0]), DAYS.index(codes[1])
    return [DAYS[(start + i) % 7] for i in range((end - start) % 7 + 1)]


def _clock(hour: str, minute: str | None, meridiem: str | None) -> tuple[int, int, bool]:
    """Return (hour, minute, explicit) where explicit says am/pm was written."""
    h, m = int(hour), int(minute or 0)
    if m > 59 or h > 23:
        raise ValueError
    if meridiem:
        tag = meridiem.lower().replace(".", "")
        if tag == "noon":
            return 12, m, True
        if h > 12:
            raise ValueError
        return (h % 12) + (12 if tag == "pm" else 0), m, True
    return h, m, False


def parse_range(text: str) -> tuple[str, str] | None:
    """Return ("08:00", "17:00") for "8-5", "8:30-4:30", "4 pm-8 pm", "10-9"; None when ambiguous.

    Without am/pm, an opening hour from 7 to 12 is the morning (12 is noon), from 1 to 5 the
    afternoon, and 6 could be either, so it is left as text. The closing time is the first one
    after the opening (so "8-5" closes at 17:00 and "10-9" at 21:00).
    """
    match = _RANGE.match(text.strip())
    if not match:
        return None
    try:
        oh, om, open_explicit = _clock(*match.group(1, 2, 3))
        ch, cm, close_explicit = _clock(*match.group(4, 5, 6))
    except ValueError:
        return None
    if not open_explicit:
        if 7 <= oh <= 12 or oh >= 13:
            pass
        elif 1 <= oh <= 5:
            oh += 12
        else:
            return None
    start = oh * 60 + om
    if not close_explicit and ch <= 12:
        options = [ch * 60 + cm, (ch + 12) * 60 + cm] if ch < 12 else [12 * 60 + cm, 24 * 60 + cm]
        end = next((o for o in options if o > start), None)
        if end is None:
            return None
    else:
        end = ch * 60 + cm
    if end == 24 * 60:
        end = 0  # midnight
    elif end <= start:
        return None  # an overnight range written without am/pm is too easy to misread
    return f"{start // 60:02d}:{start % 60:02d}", f"{end // 60:02d}:{end % 60:02d}"


def parse_hours(text: str) -> list[Opening] | None:
    """Turn free text such as "Monday-Friday, 8-5; Saturday, 10-2" into openings; None if unsure."""
    text = " ".join((text or "").split()).strip().rstrip(".")
    if not text:
        return None
    if ALWAYS_OPEN.match(text):
        return [Opening(DAYS, "00:00", "00:00")]
    openings: list[Opening] = []
    for segment in text.split(";"):
        days: list[str] = []
        ranges: list[tuple[str, str]] = []
        for token in [t.strip() for t in segment.split(",") if t.strip()]:
            token = re.sub(r"^(\w+)\s+and\s+(\w+)$", r"\1, \2", token)
            pieces = [p.strip() for p in token.split(",")]
            for piece in pieces:
                day_codes = _days(piece)
                if day_codes is not None and not ranges:
                    days += day_codes
                    continue
                lead = re.match(r"^([A-Za-z]+(?:\s*-\s*[A-Za-z]+)?)\s+(\d.*)$", piece)  # "Sunday 11-5"
                if lead and _days(lead.group(1)) is not None and not ranges:
                    days += _days(lead.group(1))
                    piece = lead.group(2)
                hours = parse_range(piece)
                if hours is None or not days:
                    return None
                ranges.append(hours)
        if not days or not ranges:
            return None
        openings += [Opening(tuple(dict.fromkeys(days)), o, c) for o, c in ranges]
    return openings


def schedule_rows(text: str, owner: dict[str, str], source: str, key: str) -> tuple[list[dict], bool]:
    """Return HSDS schedule rows for `text` owned by `owner` (e.g. {"location_id": ...}), and
    whether the text was understood. Text that is not is kept whole as the description."""
    openings = parse_hours(text)
    if openings is None:
        return [{"id": legacy_id(source, "schedule", f"{key}:text"), **owner, "description": text.strip()}], False
    rows = []
    for n, o in enumerate(openings):
        rows.append({"id": legacy_id(source, "schedule", f"{key}:{n}"), **owner, "freq": "WEEKLY",
                     "byday": ",".join(o.days), "opens_at": o.opens_at, "closes_at": o.closes_at})
    return rows, True


def parse_time(text: str) -> str | None:
    """Return HH:MM for "08:00", "4:00 PM", "3pm", "09:00:00"; None if it is not a time."""
    match = re.match(rf"^{_TIME}(?::\d{{2}})?$", (text or "").strip(), re.I)
    if not match:
        return None
    try:
        h, m, _ = _clock(*match.group(1, 2, 3))
    except ValueError:
        return None
    return f"{h:02d}:{m:02d}"


MAX_UNSAID_SPAN = 16 * 60  # minutes: a longer opening must be said in full (both times with am/pm, or 24-hour)


def read_span(opens_text: str, closes_text: str) -> tuple[str, str] | None:
    """HH:MM for an opening and a closing time given apart ("9:00am", "5:00pm"); None where unsure.

    A closing without am/pm after an opening with it is read in the same half-day, and only where that
    gives a plausible span (it closes after it opens, within 16 hours): "1:00pm"-"5:00" is 13:00-17:00,
    "9:00am"-"11:30" 09:00-11:30, but "9:00am"-"5:00" (5 in the morning?) is left to a person. An
    opening without am/pm before a closing with it takes the closing's half-day, else the morning
    ("9"-"5pm", "11:00"-"2:00pm"). More than 16 hours stand only where both times say am/pm or the
    day starts at midnight.
    """
    opens, closes = parse_time(opens_text), parse_time(closes_text)
    if opens is None or closes is None:
        return None
    marked = [bool(re.search(r"[ap]\.?\s*m\.?\s*$", t or "", re.I)) for t in (opens_text, closes_text)]
    twelve_hour = [bool(re.match(r"^\s*(0?[1-9]|1[0-2])(:\d\d)?(:\d\d)?\s*$", t or "")) for t in (opens_text, closes_text)]
    minutes = lambda hhmm: int(hhmm[:2]) * 60 + int(hhmm[3:])  # noqa: E731
    o, c = minutes(opens), minutes(closes)
    if marked[0] != marked[1] and (twelve_hour[0] or twelve_hour[1]):
        half = 12 * 60 if (o if marked[0] else c) >= 12 * 60 else 0
        # An opening before a closing that says am/pm: its half-day, else the morning ("9-5pm").
        candidates = [(o % (12 * 60) + half, c), (o % (12 * 60), c)] if marked[1] else [(o, c % (12 * 60) + half)]
        o, c = next(((a, b) for a, b in candidates if a < b <= a + MAX_UNSAID_SPAN), (None, None))
        if o is None:
            return None
        return f"{o // 60:02d}:{o % 60:02d}", f"{c // 60:02d}:{c % 60:02d}"
    span = (c - o) % (24 * 60) or 24 * 60
    if span > MAX_UNSAID_SPAN and not all(marked) and o != 0:  # "9:00"-"5:00" is not a 20-hour day
        return None
    return opens, closes


def parse_date(text: str) -> date | None:
    """Return the date of "2019-12-24", "12/24/15", "December 24, 2015"; None for year 1 or nonsense."""
    for fmt in ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%B %d, %Y", "%b %d, %Y"):
        try:
            value = datetime.strptime((text or "").strip(), fmt).date()
        except ValueError:
            continue
        return value if value.year >= 1900 else None
    return None


def _holiday(r: dict, start: date, end: date, report: Report) -> dict | None:
    """A closure is a dated row without times; special hours are a dated row with both."""
    dates = {"valid_from": start.isoformat(), "valid_to": end.isoformat()}
    if (r.get("closed") or "").lower() == "true":
        return {**dates, "description": "Closed"}
    opens, closes = parse_time(r.get("opens_at")), parse_time(r.get("closes_at"))
    if opens is None or closes is None:
        report.skipped["holiday schedules with unreadable times"] += 1
        return None
    return {**dates, "opens_at": opens, "closes_at": closes, "description": "Special hours"}
