"""Opening-hours engine for HSDS 3.0 `schedule` records (standard library only).

Conventions (shared with the JavaScript twin via tests/data/hours_vectors.json):

* Records may be dicts or objects; missing fields and blank strings count as None.
* Times ('HH:MM', 'HH:MM:SS', '24:00' = midnight, or datetime.time) are wall-clock
  times in the region's zone, passed in as a ZoneInfo. `now`/`when` may be in any
  zone (they are converted); a naive value is taken as wall-clock in that zone.
* closes_at earlier than opens_at runs overnight into the next day (20:00-08:00).
* opens_at == closes_at means open 24 hours from opens_at (00:00-00:00 = the whole
  day; seven such days = 24/7).
* Kinds of row:
  - closure: valid_from and/or valid_to, no opens_at/closes_at. The service is closed
    on those dates (inclusive): recurring ranges that *open* on them are dropped.
  - special opening: valid_from and/or valid_to plus times, no freq/byday/bymonthday.
    On those dates its ranges replace the recurring hours. It also beats a closure
    ("closed Dec 24-Jan 2, except Dec 28 10:00-14:00").
  - recurring: freq WEEKLY or None with byday 'MO,TU,...' (no byday = every day), or
    MONTHLY with byday ('2MO', '-1FR', 'MO') and/or bymonthday ('1,15,-1'); when both
    are set both must match. It applies only within valid_from..valid_to and
    dtstart..until (inclusive). interval N counts weeks (weeks start Monday) or months
    from dtstart; N > 1 without dtstart is unusable.
  A missing valid_from/valid_to side is open-ended.
* DST: local times are built with datetime.combine(day, t, tzinfo=tz), fold=0, so a
  time skipped in spring moves forward by the gap (02:30 -> 03:30 EDT) and a repeated
  autumn time is its first occurrence (01:30 EDT). Durations are real elapsed time.
* Bad rows (unparseable times/dates, unknown byday tokens or freq, bad interval) are
  ignored, never raised; if no row with opening times remains the state is 'unknown'.
* status(): open on [opening, closing): exactly at opening is open, exactly at closing
  is closed. Touching or overlapping ranges merge, across midnight too. 'open24' when
  the current open stretch lasts more than 24 h from now; otherwise 'open' with
  closes_at, or 'closed' with the next opening within 14 days (None if none).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LOOKAHEAD = timedelta(days=14)
_DAYS = ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')
_BYDAY = re.compile(r'([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)')
_TIME = re.compile(r'(\d{1,2}):(\d{2})(?::(\d{2}))?')
_DATE = re.compile(r'\d{4}-\d{2}-\d{2}')


@dataclass(frozen=True)
class Status:
    """Open/closed state at an instant; datetimes are aware, in the region's zone."""
    state: str  # 'open' | 'closed' | 'open24' | 'unknown'
    closes_at: datetime | None = None
    opens_at: datetime | None = None


@dataclass(frozen=True)
class DayHours:
    """Wall-clock ranges that open on one day (an overnight range shows as (20:00, 08:00))."""
    day: date
    ranges: tuple[tuple[time, time], ...]
    open24: bool
    closed_for_exception: bool


@dataclass(frozen=True)
class _Rule:
    kind: str                      # 'closure' | 'special' | 'recurring'
    opens: time | None = None
    closes: time | None = None
    first: date | None = None      # later of valid_from and dtstart
    last: date | None = None       # earlier of valid_to and until
    freq: str = 'WEEKLY'
    byday: tuple = ()              # ((ordinal or None, weekday 0-6), ...)
    bymonthday: tuple = ()
    interval: int = 1
    anchor: date | None = None     # dtstart, origin for counting intervals


def _get(row, name):
    # HSDS rows arrive as ORM objects or as dicts from JSON; treat '' like None.
    v = row.get(name) if isinstance(row, dict) else getattr(row, name, None)
    return None if v is None or (isinstance(v, str) and not v.strip()) else v


def _time(v) -> time:
    if isinstance(v, time):
        return v.replace(tzinfo=None)  # times are wall-clock by convention
    h, m, s = _TIME.fullmatch(str(v).strip()).groups()  # no match -> error -> row ignored
    if (int(h), int(m), int(s or 0)) == (24, 0, 0):
        return time(0)                 # '24:00' closing = midnight, i.e. overnight rule
    return time(int(h), int(m), int(s or 0))


def _date(v) -> date | None:
    if v is None or isinstance(v, date):
        return v.date() if isinstance(v, datetime) else v
    return date.fromisoformat(_DATE.match(str(v).strip()).group())  # dtstart may carry a time


def _opt(pick, a, b):
    return pick(a, b) if a and b else a or b


def _parse(row) -> _Rule | None:
    try:
        opens, closes = _get(row, 'opens_at'), _get(row, 'closes_at')
        vf, vt = _date(_get(row, 'valid_from')), _date(_get(row, 'valid_to'))
        if opens is None and closes is None:
            return _Rule('closure', first=vf, last=vt) if vf or vt else None
        o, c = _time(opens), _time(closes)  # a single missing time raises -> ignored
        freq = str(_get(row, 'freq') or '').strip().upper()
        byday_raw, bymonthday_raw = _get(row, 'byday'), _get(row, 'bymonthday')
        if (vf or vt) and not (freq or byday_raw or bymonthday_raw):
            return _Rule('special', o, c, vf, vt)
        if freq not in ('', 'WEEKLY', 'MONTHLY'):
            return None
        byday = []
        for tok in str(byday_raw or '').upper().split(','):
            if tok.strip():
                n, wd = _BYDAY.fullmatch(tok.strip()).groups()
                byday.append((int(n) if n else None, _DAYS.index(wd)))
        bymonthday = tuple(int(x) for x in str(bymonthday_raw or '').split(',') if x.strip())
        interval, anchor = int(_get(row, 'interval') or 1), _date(_get(row, 'dtstart'))
        if (interval < 1 or (interval > 1 and not anchor)
                or any(not 1 <= abs(k) <= 31 for k in bymonthday)
                or (freq == 'MONTHLY' and not (byday or bymonthday))):
            return None
        return _Rule('recurring', o, c, _opt(max, vf, anchor),
                     _opt(min, vt, _date(_get(row, 'until'))), freq or 'WEEKLY',
                     tuple(byday), bymonthday, interval, anchor)
    except Exception:  # bad data must never break a page: drop the row instead
        return None


def _rules(schedules) -> list[_Rule]:
    return [r for r in map(_parse, schedules or []) if r]


def _month_len(d: date) -> int:
    return ((d.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)).day


def _matches(r: _Rule, d: date) -> bool:
    if (r.first and d < r.first) or (r.last and d > r.last):
        return False
    if r.kind != 'recurring':
        return True
    dim = _month_len(d)
    if r.byday and not any(
            wd == d.weekday() and (n is None or r.freq != 'MONTHLY'
                                   or (n > 0 and (d.day - 1) // 7 + 1 == n)
                                   or (n < 0 and (dim - d.day) // 7 + 1 == -n))
            for n, wd in r.byday):
        return False
    if r.bymonthday and not any(d.day == (k if k > 0 else dim + k + 1) for k in r.bymonthday):
        return False
    if r.interval > 1:
        a = r.anchor
        if r.freq == 'MONTHLY':
            step = (d.year - a.year) * 12 + d.month - a.month
        else:  # whole weeks between the Mondays of dtstart's week and d's week
            step = ((d - timedelta(d.weekday())) - (a - timedelta(a.weekday()))).days // 7
        return step % r.interval == 0
    return True


def _day_plan(rules: list[_Rule], d: date) -> tuple[list[tuple[time, time]], bool]:
    """Ranges opening on `d` and whether a closure removed the usual hours."""
    specials = [(r.opens, r.closes) for r in rules if r.kind == 'special' and _matches(r, d)]
    if specials:
        return specials, False
    if any(r.kind == 'closure' and _matches(r, d) for r in rules):
        return [], True
    return [(r.opens, r.closes) for r in rules if r.kind == 'recurring' and _matches(r, d)], False


def _utc(d: date, t: time, tz: ZoneInfo) -> datetime:
    # fold=0: skipped times move forward, repeated times take the first occurrence.
    # Work in UTC because Python compares/subtracts datetimes that share a tzinfo
    # by wall clock, which is wrong across a DST change.
    return datetime.combine(d, t, tzinfo=tz).astimezone(UTC)


def _spans(rules, first: date, days: int, tz: ZoneInfo) -> list[tuple[datetime, datetime]]:
    spans = []
    for d in (first + timedelta(days=i) for i in range(days)):
        for o, c in _day_plan(rules, d)[0]:
            start, end = _utc(d, o, tz), _utc(d + timedelta(days=c <= o), c, tz)
            if end > start:  # e.g. 02:00-03:00 on spring-forward day has no length
                spans.append((start, end))
    merged: list[tuple[datetime, datetime]] = []
    for s, e in sorted(spans):  # merge touching ranges: 09-12 + 12-17 closes at 17
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def status(schedules, now: datetime, tz: ZoneInfo) -> Status:
    """Open/closed state at `now`, with the closing time or next opening (14 days ahead)."""
    rules = _rules(schedules)
    if not any(r.kind != 'closure' for r in rules):
        return Status('unknown')
    now = (now if now.tzinfo else now.replace(tzinfo=tz)).astimezone(UTC)
    today = now.astimezone(tz).date()
    # Start yesterday (overnight/24 h carry-over); end past the look-ahead so a
    # 24/7 stretch is not cut short and an opening 14 days out is still seen.
    for s, e in _spans(rules, today - timedelta(days=1), LOOKAHEAD.days + 3, tz):
        if s <= now < e:
            if e - now > timedelta(hours=24):
                return Status('open24')
            return Status('open', closes_at=e.astimezone(tz))
        if s > now:
            return Status('closed', opens_at=s.astimezone(tz) if s - now <= LOOKAHEAD else None)
    return Status('closed')


def is_open_at(schedules, when: datetime, tz: ZoneInfo) -> bool:
    """True if the service is open at `when` (for 'open at a chosen time' filters)."""
    return status(schedules, when, tz).state in ('open', 'open24')


def descriptions(schedules) -> list[str]:
    """Text-only hours ("By appointment"): descriptions of rows without opening times, each once, in order.

    A row with times is shown as a timetable; its description only repeats it in one language.
    """
    out: list[str] = []
    for row in schedules or []:
        text = _get(row, 'description')
        if (isinstance(text, str) and _get(row, 'opens_at') is None and _get(row, 'closes_at') is None
                and text.strip() not in out):
            out.append(text.strip())
    return out


def _secs(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def _clock(s: int) -> time:
    return time(s // 3600 % 24, s % 3600 // 60, s % 60)


def week(schedules, start: date, tz: ZoneInfo) -> list[DayHours]:
    """Wall-clock hours for the 7 days from `start`, with closures and 24 h days flagged."""
    rules, out = _rules(schedules), []
    for d in (start + timedelta(days=i) for i in range(7)):
        ranges, closed = _day_plan(rules, d)
        # Seconds since the day's midnight; closing at/before opening means next day.
        spans = sorted((_secs(o), _secs(c) + 86400 * (c <= o)) for o, c in ranges)
        merged: list[list[int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        # A stretch of 24 h or more is shown as (start, start): "24 hours from start".
        shown = tuple((_clock(s), _clock(s if e - s >= 86400 else e)) for s, e in merged)
        out.append(DayHours(d, shown, any(e - s >= 86400 for s, e in merged), closed))
    return out
