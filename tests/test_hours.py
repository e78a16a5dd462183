"""Tests for pwa_app.core.hours: shared JSON vectors (also run by the JS twin) plus focused cases."""
import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from pwa_app.core import hours

VECTORS = json.loads((Path(__file__).parent / 'data' / 'hours_vectors.json').read_text())
TOR = ZoneInfo('America/Toronto')
WEEKDAYS = {'freq': 'WEEKLY', 'byday': 'MO,TU,WE,TH,FR', 'opens_at': '09:00', 'closes_at': '17:00'}


def _iso(dt):
    return None if dt is None else dt.isoformat()


def test_vectors_are_plentiful_and_named_uniquely():
    names = [v['name'] for v in VECTORS]
    assert len(names) >= 40 and len(set(names)) == len(names)


@pytest.mark.parametrize('vec', VECTORS, ids=[v['name'] for v in VECTORS])
def test_vector(vec):
    tz = ZoneInfo(vec['tz'])
    got = hours.status(vec['schedules'], datetime.fromisoformat(vec['now']), tz)
    # Compare ISO strings so the offset (not just the instant) must match too.
    assert (got.state, _iso(got.closes_at), _iso(got.opens_at)) == (
        vec['expect']['state'], vec['expect']['closes_at'], vec['expect']['opens_at'])
    assert hours.is_open_at(vec['schedules'], datetime.fromisoformat(vec['now']), tz) == (
        vec['expect']['state'] in ('open', 'open24'))


def test_objects_and_time_values_work_like_dicts():
    row = SimpleNamespace(freq='WEEKLY', byday='MO', opens_at=time(9), closes_at=time(17),
                          valid_from=date(2026, 6, 1), valid_to=None, dtstart=None,
                          interval=None, bymonthday=None, until=None, description='', notes=None)
    got = hours.status([row], datetime(2026, 6, 8, 10, tzinfo=TOR), TOR)
    assert got == hours.Status('open', datetime(2026, 6, 8, 17, tzinfo=TOR), None)


def test_naive_now_is_wall_clock_in_region():
    assert hours.is_open_at([WEEKDAYS], datetime(2026, 6, 8, 9, 0), TOR)
    assert not hours.is_open_at([WEEKDAYS], datetime(2026, 6, 8, 17, 0), TOR)


@pytest.mark.parametrize('now, closes, real_hours', [
    (datetime(2026, 10, 31, 20, tzinfo=TOR), datetime(2026, 11, 1, 8, tzinfo=TOR), 13),
    (datetime(2026, 3, 7, 20, tzinfo=TOR), datetime(2026, 3, 8, 8, tzinfo=TOR), 11),
])
def test_overnight_duration_across_dst(now, closes, real_hours):
    got = hours.status([{'byday': 'SA', 'opens_at': '20:00', 'closes_at': '08:00'}], now, TOR)
    assert got.closes_at == closes
    # Subtract in UTC: same-tzinfo subtraction in Python ignores the DST change.
    delta = got.closes_at.astimezone(UTC) - now.astimezone(UTC)
    assert delta == timedelta(hours=real_hours)


def test_bad_data_never_raises():
    junk = [None, 42, 'text', {}, {'opens_at': '25:99', 'closes_at': '17:00', 'byday': 'MO'},
            {'opens_at': '09:00', 'closes_at': None, 'byday': 'MO'},
            {'opens_at': '09:00', 'closes_at': '17:00', 'byday': 'MO', 'interval': 'x'},
            {'opens_at': '09:00', 'closes_at': '17:00', 'freq': 'MONTHLY', 'byday': '9MO'},
            {'opens_at': '09:00', 'closes_at': '17:00', 'freq': 'MONTHLY', 'bymonthday': '40'},
            {'valid_from': 'soon', 'valid_to': None}]
    now = datetime(2026, 6, 8, 10, tzinfo=TOR)
    assert hours.status(junk, now, TOR) == hours.Status('unknown', None, None)
    assert hours.status(None, now, TOR).state == 'unknown'
    assert [d.ranges for d in hours.week(junk, date(2026, 6, 8), TOR)] == [()] * 7
    assert hours.status(junk + [WEEKDAYS], now, TOR).state == 'open'


def test_week_merges_and_flags():
    rows = [
        {'byday': 'MO', 'opens_at': '12:00', 'closes_at': '17:00'},
        {'byday': 'MO', 'opens_at': '09:00', 'closes_at': '12:00'},
        {'byday': 'TU', 'opens_at': '20:00', 'closes_at': '08:00'},
        {'byday': 'TU', 'opens_at': '09:00', 'closes_at': '11:00'},
        {'byday': 'WE', 'opens_at': '00:00', 'closes_at': '00:00'},
        {'byday': 'TH', 'opens_at': '08:00', 'closes_at': '20:00'},
        {'byday': 'TH', 'opens_at': '20:00', 'closes_at': '08:00'},
        {'byday': 'FR', 'opens_at': '09:00', 'closes_at': '17:00'},
        {'valid_from': '2026-06-12', 'valid_to': '2026-06-12'},
        {'valid_from': '2026-06-13', 'valid_to': '2026-06-13', 'opens_at': '10:00', 'closes_at': '14:00'},
    ]
    days = hours.week(rows, date(2026, 6, 8), TOR)
    assert [d.day for d in days] == [date(2026, 6, 8) + timedelta(days=i) for i in range(7)]
    mon, tue, wed, thu, fri, sat, sun = days
    assert mon.ranges == ((time(9), time(17)),) and not mon.open24
    assert tue.ranges == ((time(9), time(11)), (time(20), time(8)))
    assert wed.open24 and wed.ranges == ((time(0), time(0)),)
    assert thu.open24 and thu.ranges == ((time(8), time(8)),)
    assert fri.closed_for_exception and fri.ranges == ()
    assert sat.ranges == ((time(10), time(14)),) and not sat.closed_for_exception
    assert sun.ranges == () and not sun.closed_for_exception


def test_special_opening_inside_closure_is_not_flagged_closed():
    rows = [WEEKDAYS, {'valid_from': '2026-12-24', 'valid_to': '2027-01-01'},
            {'valid_from': '2026-12-28', 'valid_to': '2026-12-28', 'opens_at': '10:00', 'closes_at': '14:00'}]
    days = {d.day: d for d in hours.week(rows, date(2026, 12, 24), TOR)}
    assert days[date(2026, 12, 24)].closed_for_exception
    assert days[date(2026, 12, 28)].ranges == ((time(10), time(14)),)
    assert not days[date(2026, 12, 28)].closed_for_exception


def test_open24_has_no_times_and_24_7_is_open_everywhere():
    rows = [{'freq': 'WEEKLY', 'byday': 'MO,TU,WE,TH,FR,SA,SU', 'opens_at': '00:00', 'closes_at': '00:00'}]
    start = datetime(2026, 3, 7, 0, tzinfo=TOR)
    for h in range(0, 72, 5):  # walk across the spring DST change
        assert hours.status(rows, start + timedelta(hours=h), TOR) == hours.Status('open24', None, None)
    assert all(d.open24 for d in hours.week(rows, date(2026, 10, 29), TOR))


def test_next_opening_limited_to_14_days():
    rows = [{'freq': 'WEEKLY', 'byday': 'MO', 'opens_at': '09:00', 'closes_at': '10:00',
             'valid_from': '2026-06-22'}]
    assert hours.status(rows, datetime(2026, 6, 8, 9, tzinfo=TOR), TOR).opens_at == \
        datetime(2026, 6, 22, 9, tzinfo=TOR)  # exactly 14 days: still reported
    assert hours.status(rows, datetime(2026, 6, 8, 8, 59, tzinfo=TOR), TOR) == hours.Status('closed')


def test_monthly_with_interval_and_combined_filters():
    # Every 2nd month from January, on the first Monday.
    rows = [{'freq': 'MONTHLY', 'byday': '1MO', 'interval': 2, 'dtstart': '2026-01-01',
             'opens_at': '09:00', 'closes_at': '11:00'}]
    open_days = [d.day for m in range(0, 365, 7)
                 for d in hours.week(rows, date(2026, 1, 1) + timedelta(days=m), TOR)
                 if d.ranges and d.day.year == 2026]
    assert sorted(set(open_days)) == [date(2026, 1, 5), date(2026, 3, 2), date(2026, 5, 4),
                                      date(2026, 7, 6), date(2026, 9, 7), date(2026, 11, 2)]
    # byday and bymonthday together must both match (Friday the 13th).
    f13 = [{'freq': 'MONTHLY', 'byday': 'FR', 'bymonthday': '13', 'opens_at': '09:00', 'closes_at': '10:00'}]
    assert hours.is_open_at(f13, datetime(2026, 11, 13, 9, 30, tzinfo=TOR), TOR)
    assert not hours.is_open_at(f13, datetime(2026, 11, 6, 9, 30, tzinfo=TOR), TOR)
