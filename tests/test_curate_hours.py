"""The weekly hours editor (issue 19): a week with split shifts, overnight, 24 hours, a season, closures
and special hours, read from and written back to HSDS schedule rows that the hours engine reads as meant."""
from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from pwa_app.core import hours
from pwa_app.curate import weekly
from pwa_app.db.extensions import db
from pwa_app.db.models import Metadata, Schedule, Service

from .curation import settled_app  # noqa: F401 (the module's `app`: every test ends settled)
from .curation import curator, form_of



TZ = ZoneInfo("America/Toronto")


def filled(**cells) -> dict:
    return {"closures": "3", "specials": "3", **cells}


def test_a_week_round_trips_through_schedule_rows():
    form = filled(**{"MO-1-opens": "09:00", "MO-1-closes": "12:00", "MO-2-opens": "13:00", "MO-2-closes": "17:00",
                     "TU-1-opens": "09:00", "TU-1-closes": "12:00", "TU-2-opens": "13:00", "TU-2-closes": "17:00",
                     "FR-1-opens": "20:00", "FR-1-closes": "08:00", "SU-allday": "1",
                     "valid_from": "2026-05-01", "valid_to": "2026-09-30",
                     "closure-0-from": "2026-07-01", "closure-0-note": "Canada Day",
                     "special-0-day": "2026-08-03", "special-0-opens": "10:00", "special-0-closes": "14:00"})
    week, problems = weekly.from_form(form)
    assert problems == {}
    rows = weekly.rows(week)
    assert {"freq": "WEEKLY", "byday": "MO,TU", "opens_at": "09:00", "closes_at": "12:00", "valid_from": "2026-05-01",
            "valid_to": "2026-09-30"} in rows
    assert any(r.get("byday") == "SU" and r["opens_at"] == r["closes_at"] == "00:00" for r in rows)
    assert {"valid_from": "2026-07-01", "valid_to": "2026-07-01", "description": "Canada Day"} in rows
    again, used, kept = weekly.read(rows)
    assert again.canonical() == week.canonical() and len(used) == len(rows) and kept == []
    assert weekly.cells(again)["MO-2-opens"] == "13:00" and weekly.cells(again)["SU-allday"] == "1"

    # What the engine makes of the rows: split shifts, overnight, the closure, the special day, 24 hours.
    def state(when: str) -> str:
        return hours.status(rows, datetime.fromisoformat(when).replace(tzinfo=TZ), TZ).state

    assert state("2026-06-01T12:30") == "closed" and state("2026-06-01T13:30") == "open"  # Monday lunch, afternoon
    assert state("2026-06-06T02:00") == "open"  # Friday 20:00 runs into Saturday
    assert state("2026-06-07T03:00") in ("open", "open24")  # Sunday, all day
    assert state("2026-06-30T10:00") == "open" and state("2026-07-01T10:00") == "closed"  # Tuesday; Canada Day closed
    assert state("2026-08-03T11:00") == "open" and state("2026-08-03T15:00") == "closed"  # a Monday with special hours
    assert state("2026-10-05T10:00") != "open"  # a Monday out of season


def test_the_form_says_what_is_wrong_beside_each_cell():
    week, problems = weekly.from_form(filled(**{"MO-1-opens": "9h", "MO-1-closes": "17:00", "TU-1-opens": "09:00",
                                                 "WE-1-opens": "10:00", "WE-1-closes": "10:00",
                                                 "valid_from": "2026-09-01", "valid_to": "2026-05-01",
                                                 "closure-0-note": "no date", "special-0-day": "2026-08-03"}))
    assert "HH:MM" in problems["MO-1-opens"]
    assert problems["TU-1-closes"] == "give both times, or neither"
    assert "open 24 hours" in problems["WE-1-closes"]
    assert problems["valid_to"] == "ends before it starts"
    assert problems["closure-0-from"] == "give the first day closed"
    assert problems["special-0-opens"] == "give both times"


def test_rules_the_week_cannot_show_are_kept_untouched():
    rows = [{"id": "a", "freq": "WEEKLY", "byday": "MO", "opens_at": "09:00", "closes_at": "17:00"},
            {"id": "b", "freq": "MONTHLY", "byday": "1TU", "opens_at": "18:00", "closes_at": "20:00"}]
    week, used, kept = weekly.read(rows)
    assert week.days["MO"] == [("09:00", "17:00")] and [r["id"] for r in used] == ["a"] and [r["id"] for r in kept] == ["b"]
    three = [{"id": str(n), "byday": "MO", "opens_at": f"{8 + 3 * n:02d}:00", "closes_at": f"{9 + 3 * n:02d}:00"}
             for n in range(3)]
    week, used, kept = weekly.read(three)  # three shifts on a Monday: more than the form shows
    assert used == [] and len(kept) == 3 and week.days["MO"] == []


def test_the_week_editor_saves_over_the_rows_it_read_and_the_page_shows_it(app):
    client = curator(app)
    with app.app_context():
        sid = db.session.scalar(select(Service.id).join(Schedule, Schedule.service_id == Service.id).order_by(Service.id))
        monthly = Schedule(id="11111111-1111-4111-8111-111111111111", service_id=sid, freq="MONTHLY", byday="1TU",
                           opens_at="18:00", closes_at="20:00")
        db.session.add(monthly)
        db.session.commit()
    page = client.get(f"/curate/services/{sid}/hours")
    assert page.status_code == 200 and "Other rules, kept as they are" in page.text
    fields = form_of(page.text)
    for day in weekly.DAYS:
        for n in (1, 2):
            fields[f"{day}-{n}-opens"] = fields[f"{day}-{n}-closes"] = ""
        fields.pop(f"{day}-allday", None)
    fields.update({"SA-1-opens": "10:00", "SA-1-closes": "13:00"})
    saved = client.post(f"/curate/services/{sid}/hours", data=fields)
    assert saved.status_code == 302 and "saved=1" in saved.headers["Location"]
    with app.app_context():
        rows = db.session.scalars(select(Schedule).where(Schedule.service_id == sid)).all()
        assert sorted((r.byday, r.opens_at, r.closes_at) for r in rows) == [("1TU", "18:00", "20:00"), ("SA", "10:00", "13:00")]
        assert db.session.scalar(select(Metadata.id).where(Metadata.resource_type == "schedule",
                                                           Metadata.last_action_type == "create"))
    assert re.search(r"10:00", app.test_client().get(f"/en/services/{sid}").text)
    # A stale form (someone saved since) is refused, and nothing changes.
    stale = client.post(f"/curate/services/{sid}/hours", data={**fields, "SA-1-closes": "15:00"})
    assert stale.status_code == 409
    bad = client.post(f"/curate/services/{sid}/hours", data={**form_of(client.get(f"/curate/services/{sid}/hours").text),
                                                             "SU-1-opens": "25:00", "SU-1-closes": "26:00"})
    assert bad.status_code == 422 and 'id="SU-1-opens" name="SU-1-opens" value="25:00" aria-invalid="true"' in bad.text


def test_rows_replaced_take_their_translations_with_them_and_the_export_imports_again(app, tmp_path):
    from pwa_app.db.models import Translation
    from pwa_app.hsds.exporter import export_csv
    from pwa_app.hsds.importer import import_package

    with app.app_context():
        row = db.session.execute(select(Schedule.service_id, Schedule.id).join(
            Translation, (Translation.entity == "schedule") & (Translation.id == Schedule.id))
            .where(Schedule.service_id.is_not(None)).order_by(Schedule.id)).first()
        assert row, "the demo region has translated schedule descriptions"
        sid, translated = row
    client = curator(app)
    fields = form_of(client.get(f"/curate/services/{sid}/hours").text)
    fields.update({"SU-1-opens": "11:00", "SU-1-closes": "12:00"})
    assert client.post(f"/curate/services/{sid}/hours", data=fields).status_code == 302
    with app.app_context():
        assert db.session.get(Schedule, translated) is None
        assert not db.session.scalar(select(Translation).where(Translation.entity == "schedule",
                                                               Translation.id == translated))
        export_csv(db.session, tmp_path / "out")
        import_package(db.session, tmp_path / "out")  # no translation of a row that is gone
        db.session.rollback()
