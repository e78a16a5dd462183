"""Text-only hours (HSDS schedule.description, "By appointment"): shown instead of "Hours not listed"."""
from __future__ import annotations

import html
import re

from sqlalchemy import delete, select

from pwa_app.core import hours
from pwa_app.snapshot import versions
from pwa_app.snapshot.records import Settings
from pwa_app.db.extensions import db
from pwa_app.db.models import Schedule, Service

from .wire import decode

BY_APPOINTMENT = "By appointment only. Call first."


def test_descriptions_are_the_rows_without_times():
    rows = [{"description": "Mon-Fri 9-5", "opens_at": "09:00", "closes_at": "17:00", "byday": "MO"},
            {"description": " By appointment "}, {"description": "By appointment"},
            {"description": "Closed for renovations", "valid_from": "2030-01-01"}, {"description": "  "}, {}]
    assert hours.descriptions(rows) == ["By appointment", "Closed for renovations"]
    assert hours.descriptions(None) == []


def only_text_hours(app) -> tuple[str, str]:
    """Give one service (listed in the food category) a description as its only schedule; return its id and name."""
    with app.app_context():
        service = db.session.scalars(select(Service).where(Service.status == "active").order_by(Service.id)).first()
        sals = [sal.id for sal in service.service_at_locations]
        db.session.execute(delete(Schedule).where(Schedule.service_id == service.id))
        if sals:
            db.session.execute(delete(Schedule).where(Schedule.service_at_location_id.in_(sals)))
        db.session.add(Schedule(id="text-only-hours", service_id=service.id, description=BY_APPOINTMENT))
        versions.refresh(db.session, Settings.from_app(app, db.session))
        db.session.commit()
        return service.id, service.name


def card_of(page: str, service_id: str) -> str:
    start = page.index(f"/services/{service_id}\"")
    return page[start: page.index("</li>", start)]


def test_service_page_and_card_show_text_only_hours(app, client):
    sid, name = only_text_hours(app)
    page = client.get(f"/en/services/{sid}").get_data(as_text=True)
    badge = re.search(r'<p class="hours-now unknown">.*?</p>', page, re.S).group()
    assert BY_APPOINTMENT in badge and "Hours not listed" not in page
    assert f"<p>{BY_APPOINTMENT}</p>" in page and "Hours are not listed" not in page
    results = client.get("/en/search", query_string={"q": name}).get_data(as_text=True)
    card = card_of(results, sid)
    assert BY_APPOINTMENT in card and "Hours not listed" not in card
    # In French the text stays as the data wrote it, marked as English for screen readers.
    french = client.get(f"/fr/services/{sid}").get_data(as_text=True)
    assert f'<span lang="en" dir="auto">{html.escape(BY_APPOINTMENT)}</span>' in french
    assert f'<p lang="en" dir="auto">{html.escape(BY_APPOINTMENT)}</p>' in french


def test_a_timetable_keeps_its_table_and_its_description_is_not_repeated(client, app):
    with app.app_context():
        sid = db.session.scalars(select(Schedule.service_id).where(Schedule.opens_at.is_not(None),
                                                                   Schedule.description.is_not(None))).first()
        described = db.session.scalars(select(Schedule.description).where(Schedule.service_id == sid)).first()
    page = client.get(f"/en/services/{sid}").get_data(as_text=True)
    assert '<table class="week">' in page and html.escape(described) not in page


def test_the_snapshot_carries_text_only_hours_and_nothing_more(app, client):
    sid, _name = only_text_hours(app)
    response = client.get("/en/offline/snapshot.json", headers={"Accept-Encoding": "identity"})
    records = {r["i"]: r for r in decode(response.data)["services"]}
    assert records[sid]["h"] == [{"description": BY_APPOINTMENT}]
    timed = [h for r in records.values() for h in r.get("h", []) if "opens_at" in h]
    assert timed and not any("description" in h for h in timed)  # a timetable's description only repeats it
