"""The phone writes times, dates and lists as the server's Babel does, in all 20 languages (static/js/cldr-format.js)."""
from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from babel import Locale
from babel.dates import format_date, format_time
from babel.lists import format_list

from pwa_app.present import localize

from ..test_locale import INTERFACE

pytestmark = pytest.mark.browser
TIMES = [time(0, 0), time(0, 30), time(5, 0), time(9, 5), time(11, 59), time(12, 0), time(12, 30), time(13, 0),
         time(18, 45), time(19, 0), time(23, 59)]
DATES = [date(2025, 1, 5), date(2025, 3, 21), date(2025, 6, 17), date(2024, 12, 31), date(2026, 2, 28)]
INSTANTS = [datetime(2025, 3, 9, 6, 59, tzinfo=UTC), datetime(2025, 3, 9, 7, 1, tzinfo=UTC),
            datetime(2025, 11, 2, 17, 0, tzinfo=UTC), datetime(2025, 12, 31, 23, 30, tzinfo=UTC)]
TZ = "America/Toronto"
NAMES = ["English", "français", "ᐃᓄᒃᑎᑐᑦ", "فارسی"]


def expected(reader: str) -> dict:
    locale = Locale.parse(reader)
    digits = lambda text: localize.with_digits(text, locale)  # noqa: E731
    glue = locale.datetime_formats["medium"]
    return {
        "time": [digits(format_time(t, "short", locale=locale)) for t in TIMES],
        "date": [digits(format_date(d, "long", locale=locale)) for d in DATES],
        "day": [digits(format_date(d, "EEEE", locale=locale)) for d in DATES],
        "when": [digits(glue.replace("{1}", format_date(d, "medium", locale=locale))
                        .replace("{0}", format_time(t, "short", locale=locale)))
                 for d, t in zip(DATES, TIMES, strict=False)],  # 5 dates with the first 5 times
        "instant": [digits(format_time(i, "short", tzinfo=ZoneInfo(TZ), locale=locale)) for i in INSTANTS],
        "list": [format_list(NAMES[:n], locale=locale) for n in range(1, 5)],
    }


def test_cldr_format_writes_what_babel_writes_in_every_language(page, live_server):
    page.goto(live_server + "/en/about")
    data = {reader: {"clock": localize.clock_data(Locale.parse(reader), ("time", "date", "day", "when")),
                     "list": localize.list_patterns(Locale.parse(reader))} for reader in INTERFACE}
    vectors = {"seconds": [t.hour * 3600 + t.minute * 60 for t in TIMES],
               "days": [(d - date(1970, 1, 1)).days for d in DATES],
               "instants": [i.timestamp() * 1000 for i in INSTANTS], "tz": TZ, "names": NAMES}
    got = page.evaluate("""async ([data, v]) => {
        const f = await import('/static/js/cldr-format.js');
        const out = {};
        for (const [reader, {clock, list}] of Object.entries(data)) {
            out[reader] = {
                time: v.seconds.map((s) => f.formatClock(clock, 'time', f.clockParts(s))),
                date: v.days.map((d) => f.formatClock(clock, 'date', f.dayParts(d))),
                day: v.days.map((d) => f.formatClock(clock, 'day', f.dayParts(d))),
                when: v.days.map((d, n) => f.formatClock(clock, 'when', { ...f.dayParts(d), ...f.clockParts(v.seconds[n]) })),
                instant: v.instants.map((ms) => f.formatClock(clock, 'time', f.wallClock(ms, v.tz))),
                list: [1, 2, 3, 4].map((n) => f.formatList(v.names.slice(0, n), list)),
            };
        }
        return out;
    }""", [data, vectors])
    want = {reader: expected(reader) for reader in INTERFACE}
    assert {r: {k: v for k, v in got[r].items() if v != want[r][k]} for r in INTERFACE} == {r: {} for r in INTERFACE}
    # And Chromium's own Intl would not have done: it lacks these languages' words (the reason for the module).
    intl = page.evaluate("""() => ['so', 'ti', 'iu'].map((l) => new Intl.DateTimeFormat(l, {weekday: 'long', timeZone: 'UTC'})
        .format(new Date(Date.UTC(2025, 0, 6))))""")
    babel = [format_date(date(2025, 1, 6), "EEEE", locale=r) for r in ("so", "ti", "iu")]
    assert intl != babel


@pytest.mark.parametrize("zone", ["America/Toronto", "Asia/Kolkata", "Australia/Lord_Howe"])
def test_the_status_line_reads_the_phones_own_clock_without_intl(browser, live_server, zone):
    """phoneClock (the "updated …" of the status line) is the phone's wall clock in its own time zone, across
    changes of offset, from Date's local fields: no Intl.DateTimeFormat, whose first use costs a slow phone
    about 170 ms of the page's thread."""
    context = browser.new_context(timezone_id=zone)
    try:
        page = context.new_page()
        page.goto(live_server + "/en/about")
        got = page.evaluate("""async (instants) => {
            const f = await import('/static/js/cldr-format.js');
            const made = [];
            const Real = Intl.DateTimeFormat;
            Intl.DateTimeFormat = function (...args) { made.push(args); return new Real(...args); };
            try { return { parts: instants.map((ms) => f.phoneClock(ms)), made: made.length }; }
            finally { Intl.DateTimeFormat = Real; }
        }""", [i.timestamp() * 1000 for i in INSTANTS])
    finally:
        context.close()
    want = []
    for i in INSTANTS:
        w = i.astimezone(ZoneInfo(zone))
        want.append({"year": w.year, "month": w.month, "day": w.day, "weekday": w.weekday(), "hour": w.hour,
                     "minute": w.minute, "second": w.second})
    assert got == {"parts": want, "made": 0}
