"""Opening hours as a curator thinks of them: a week, with up to two shifts a day, and the exceptions.

HSDS writes hours as `schedule` rows (pwa_app/core/hours.py reads them). `read` turns the rows of one
service or place into a `Week`: the weekly rows of one season, the closures (dates with no times) and
the special openings (one date with times). Rows the week cannot show (monthly rules, a third shift,
a second season...) are `kept`, untouched, and edited one by one. `from_form` reads the weekly
editor's form with the importer's checks of times and dates; `rows` writes a week back as schedule
rows: one weekly row per distinct shift, with the days that share it ("MO,TU,WE 09:00-17:00").

Conventions (hours.py): a close earlier than the open runs overnight; 00:00-00:00 is the whole day.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pwa_app.hsds.schema import resources
from pwa_app.hsds.validate import Invalid, parse_cell

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
SHIFTS = 2  # per day, on the form
EXTRA_ROWS = 2  # blank closure and special-opening rows under the ones there are
ALL_DAY = ("00:00", "00:00")


@dataclass(frozen=True)
class Closure:
    start: str  # YYYY-MM-DD
    end: str
    note: str = ""


@dataclass(frozen=True)
class Special:
    day: str
    opens: str
    closes: str
    note: str = ""


@dataclass
class Week:
    days: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: {d: [] for d in DAYS})
    valid_from: str = ""
    valid_to: str = ""
    closures: list[Closure] = field(default_factory=list)
    specials: list[Special] = field(default_factory=list)

    def canonical(self) -> tuple:
        return (tuple((d, tuple(sorted(self.days[d]))) for d in DAYS), self.valid_from, self.valid_to,
                tuple(sorted((c.start, c.end, c.note) for c in self.closures)),
                tuple(sorted((s.day, s.opens, s.closes, s.note) for s in self.specials)))


def _t(v) -> str:
    v = (v or "").strip() if isinstance(v, str) else ("" if v is None else str(v))
    return v[:5] if len(v) >= 5 and v[2] == ":" else v


def _plain_days(byday: str) -> list[str] | None:
    tokens = [t.strip().upper() for t in (byday or "").split(",") if t.strip()]
    if not tokens:
        return list(DAYS)
    return tokens if all(t in DAYS for t in tokens) else None


def _kind(row: dict) -> str:
    opens, closes = _t(row.get("opens_at")), _t(row.get("closes_at"))
    recurring = any((row.get(k) or "").strip() for k in ("freq", "byday", "bymonthday", "byweekno", "byyearday"))
    dated = bool((row.get("valid_from") or "").strip() or (row.get("valid_to") or "").strip())
    if not opens and not closes:
        return "closure" if dated and not recurring else "other"
    if not (opens and closes):
        return "other"
    if dated and not recurring:
        same_day = not (row.get("valid_to") or "").strip() or row.get("valid_to") == row.get("valid_from")
        return "special" if (row.get("valid_from") or "").strip() and same_day else "other"
    simple = ((row.get("freq") or "WEEKLY").upper() == "WEEKLY" and _plain_days(row.get("byday") or "") is not None
              and not any((row.get(k) or "").strip() for k in ("bymonthday", "byweekno", "byyearday", "dtstart", "until", "count"))
              and (row.get("interval") or "1").strip() in ("1", "1.0", ""))
    return "weekly" if simple else "other"


def read(rows: list[dict]) -> tuple[Week, list[dict], list[dict]]:
    """The week the rows describe, the rows it was read from (a save replaces them), the rows kept."""
    week, used, kept = Week(), [], []
    weekly = [r for r in rows if _kind(r) == "weekly"]
    seasons = Counter(((r.get("valid_from") or ""), (r.get("valid_to") or "")) for r in weekly)
    season = seasons.most_common(1)[0][0] if seasons else ("", "")
    week.valid_from, week.valid_to = season
    for row in rows:
        kind = _kind(row)
        if kind == "weekly" and ((row.get("valid_from") or ""), (row.get("valid_to") or "")) == season:
            for day in _plain_days(row.get("byday") or ""):
                week.days[day].append((_t(row["opens_at"]), _t(row["closes_at"])))
            used.append(row)
        elif kind == "closure":
            start = row.get("valid_from") or row.get("valid_to")
            week.closures.append(Closure(start, row.get("valid_to") or start, row.get("description") or ""))
            used.append(row)
        elif kind == "special":
            week.specials.append(Special(row["valid_from"], _t(row["opens_at"]), _t(row["closes_at"]),
                                         row.get("description") or ""))
            used.append(row)
        else:
            kept.append(row)
    if any(len(set(shifts)) > SHIFTS for shifts in week.days.values()):  # more than the form shows: edit by hand
        return Week(), [], rows
    for day in DAYS:
        week.days[day] = sorted(set(week.days[day]))
    return week, used, kept


def _check(kind: str, raw: str) -> str:
    f = next(f for f in resources()["schedule"].fields if f.name == kind)
    value = parse_cell(raw, f)
    return "" if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value)[:5])


def from_form(form) -> tuple[Week, dict[str, str]]:
    """The week a filled-in form describes, and the problems by form field (times and dates as the importer checks them)."""
    week, problems = Week(), {}

    def value(name: str, kind: str) -> str:
        try:
            return _check(kind, form.get(name, ""))
        except Invalid as exc:
            problems[name] = str(exc)
            return ""

    for day in DAYS:
        if form.get(f"{day}-allday"):
            week.days[day] = [ALL_DAY]
            continue
        for n in range(1, SHIFTS + 1):
            opens, closes = value(f"{day}-{n}-opens", "opens_at"), value(f"{day}-{n}-closes", "closes_at")
            if bool(opens) != bool(closes) and f"{day}-{n}-opens" not in problems and f"{day}-{n}-closes" not in problems:
                problems[f"{day}-{n}-{'closes' if opens else 'opens'}"] = "give both times, or neither"
            elif opens and opens == closes:
                problems[f"{day}-{n}-closes"] = "closes when it opens: tick “open 24 hours” for the whole day"
            elif opens:
                week.days[day].append((opens, closes))
        week.days[day] = sorted(set(week.days[day]))
    week.valid_from, week.valid_to = value("valid_from", "valid_from"), value("valid_to", "valid_to")
    if week.valid_from and week.valid_to and week.valid_to < week.valid_from:
        problems["valid_to"] = "ends before it starts"
    for i in range(int(form.get("closures", "0") or 0) if str(form.get("closures", "0")).isdigit() else 0):
        start, end = value(f"closure-{i}-from", "valid_from"), value(f"closure-{i}-to", "valid_to")
        note = (form.get(f"closure-{i}-note") or "").strip()[:500]
        if not start and (end or note):
            problems[f"closure-{i}-from"] = "give the first day closed"
        elif start:
            if end and end < start:
                problems[f"closure-{i}-to"] = "ends before it starts"
            week.closures.append(Closure(start, end or start, note))
    for i in range(int(form.get("specials", "0") or 0) if str(form.get("specials", "0")).isdigit() else 0):
        day = value(f"special-{i}-day", "valid_from")
        opens, closes = value(f"special-{i}-opens", "opens_at"), value(f"special-{i}-closes", "closes_at")
        note = (form.get(f"special-{i}-note") or "").strip()[:500]
        if day and not (opens and closes):
            problems[f"special-{i}-{'closes' if opens else 'opens'}"] = "give both times"
        elif (opens or closes or note) and not day:
            problems[f"special-{i}-day"] = "give the date"
        elif day:
            week.specials.append(Special(day, opens, closes, note))
    return week, problems


def rows(week: Week) -> list[dict]:
    """The schedule rows (HSDS fields, no id or owner) that say what the week says."""
    by_shift: dict[tuple[str, str], list[str]] = {}
    for day in DAYS:
        for shift in week.days[day]:
            by_shift.setdefault(shift, []).append(day)
    out = [{"freq": "WEEKLY", "byday": ",".join(days), "opens_at": opens, "closes_at": closes,
            "valid_from": week.valid_from or None, "valid_to": week.valid_to or None}
           for (opens, closes), days in sorted(by_shift.items(), key=lambda item: (DAYS.index(item[1][0]), item[0]))]
    out += [{"valid_from": c.start, "valid_to": c.end, "description": c.note or None} for c in week.closures]
    out += [{"valid_from": s.day, "valid_to": s.day, "opens_at": s.opens, "closes_at": s.closes,
             "description": s.note or None} for s in week.specials]
    return out


def cells(week: Week) -> dict[str, str]:
    """The weekly editor's form fields, filled in from a week (the inverse of `from_form`)."""
    out: dict[str, str] = {"valid_from": week.valid_from, "valid_to": week.valid_to}
    for day in DAYS:
        if week.days[day] == [ALL_DAY]:
            out[f"{day}-allday"] = "1"
            continue
        for n, (opens, closes) in enumerate(week.days[day], start=1):
            out[f"{day}-{n}-opens"], out[f"{day}-{n}-closes"] = opens, closes
    for i, c in enumerate(week.closures):
        out[f"closure-{i}-from"], out[f"closure-{i}-to"], out[f"closure-{i}-note"] = c.start, c.end, c.note
    for i, s in enumerate(week.specials):
        out.update({f"special-{i}-day": s.day, f"special-{i}-opens": s.opens, f"special-{i}-closes": s.closes,
                    f"special-{i}-note": s.note})
    out["closures"], out["specials"] = str(len(week.closures) + EXTRA_ROWS), str(len(week.specials) + EXTRA_ROWS)
    return out
