"""Hours and numbers a service inherits from where it is offered (HSDS 3.0): one rule for the page,
the result card and the offline record (pwa_app/present/inherit.py)."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import delete, or_, select

from pwa_app.db import data_version
from pwa_app.db.extensions import db
from pwa_app.db.models import Phone, Schedule, Service, ServiceAtLocation
from pwa_app.present import inherit
from pwa_app.snapshot import records, versions

from .wire import decode


def test_hours_come_from_the_service_then_the_service_at_a_place_then_the_place():
    assert inherit.service_hours(["own"], [(["at"], ["of"])]) == ["own"]
    assert inherit.service_hours([], [([], ["of1"]), (["at2"], [])]) == ["at2"]  # the service's hours there win
    assert inherit.service_hours([], [([], []), ([], ["of2"])]) == ["of2"]
    assert inherit.service_hours([], []) == []
    assert inherit.place_hours([], ["of"]) == ["of"] and inherit.place_hours(["at"], ["of"]) == ["at"]


def test_numbers_come_from_the_service_then_its_places_then_its_organization():
    assert inherit.service_phones(["own"], ["at"], ["of"], ["org"]) == ["own", "at"]
    assert inherit.service_phones([], [], ["of"], ["org"]) == ["of"]
    assert inherit.service_phones([], [], [], ["org"]) == ["org"]
    assert inherit.service_phones([], [], [], []) == []


@pytest.fixture
def bare_service(app, client):
    """The first food service with a location, its hours and numbers all taken away: only its location
    and organization may give it some. Returns (service id, location id, organization id)."""
    html = client.get("/en/categories/food").get_data(as_text=True)
    listed = re.findall(r'<li class="card"[^>]*>\s*<h2><a href="/en/services/([0-9a-f-]{36})"', html)
    with app.app_context():
        s = db.session.scalars(select(Service).join(ServiceAtLocation).where(Service.id.in_(listed))).first()
        assert s is not None and s.id in listed
        sal = s.service_at_locations[0]
        sals = [x.id for x in s.service_at_locations]
        locations = [x.location_id for x in s.service_at_locations]
        db.session.execute(delete(Schedule).where(or_(Schedule.service_id == s.id, Schedule.service_at_location_id.in_(sals),
                                                      Schedule.location_id.in_(locations))))
        db.session.execute(delete(Phone).where(or_(Phone.service_id == s.id, Phone.service_at_location_id.in_(sals),
                                                   Phone.location_id.in_(locations),
                                                   Phone.organization_id == s.organization_id)))
        data_version.touch(db.session)  # as an edit does: pages drawn before are stale
        db.session.commit()
        return s.id, sal.location_id, s.organization_id


def card_of(html: str, sid: str) -> str:
    found = re.search(rf'<li class="card"[^>]*>\s*<h2><a href="/en/services/{sid}".*?</li>', html, re.S)
    assert found, sid
    return found.group(0)


def test_a_card_and_its_page_show_the_hours_and_number_of_the_location(app, client, bare_service):
    sid, location, _ = bare_service
    with app.app_context():
        db.session.add(Schedule(id="loc-hours", location_id=location, freq="WEEKLY", byday="MO,TU,WE,TH,FR,SA,SU",
                                opens_at="00:00", closes_at="00:00"))
        db.session.add(Phone(id="loc-phone", location_id=location, number="613-555-0142", type="voice"))
        data_version.touch(db.session)  # as an edit does: pages drawn before are stale
        db.session.commit()
    card = card_of(client.get("/en/categories/food").get_data(as_text=True), sid)
    page = client.get(f"/en/services/{sid}").get_data(as_text=True)
    for shown in (card, page):
        assert "Open 24 hours" in shown and "Hours not listed" not in shown
        assert 'href="tel:+16135550142"' in shown


def test_a_service_with_no_number_anywhere_else_shows_its_organizations(app, client, bare_service):
    sid, _, organization = bare_service
    page = client.get(f"/en/services/{sid}").get_data(as_text=True)
    assert "tel:" not in page.split("<main", 1)[1].split("</main>")[0].replace('href="tel:911"', "").replace('href="tel:211"', "")
    with app.app_context():
        db.session.add(Phone(id="org-phone", organization_id=organization, number="613-555-0143", type="voice"))
        data_version.touch(db.session)  # as an edit does: pages drawn before are stale
        db.session.commit()
    page = client.get(f"/en/services/{sid}").get_data(as_text=True)
    assert 'href="tel:+16135550143"' in page


def offline_record(app, client, sid: str) -> dict:
    """The service as a phone keeps it, after the refresh an edit triggers."""
    with app.app_context():
        versions.refresh(db.session, records.Settings.from_app(app, db.session))
        db.session.commit()
    body = client.get("/en/offline/snapshot.json", headers={"Accept-Encoding": "identity"}).data
    return next(r for r in decode(body)["services"] if r["i"] == sid)


def test_the_offline_record_inherits_as_the_page_does(app, client, bare_service):
    sid, location, organization = bare_service
    assert "p" not in offline_record(app, client, sid) and "h" not in offline_record(app, client, sid)
    with app.app_context():
        db.session.add(Schedule(id="loc-hours", location_id=location, freq="WEEKLY", byday="MO,TU,WE,TH,FR,SA,SU",
                                opens_at="00:00", closes_at="00:00"))
        db.session.add(Phone(id="org-phone", organization_id=organization, number="613-555-0143", type="voice"))
        db.session.commit()
    record = offline_record(app, client, sid)
    assert [p["e"] for p in record["p"]] == ["+16135550143"]
    assert record["h"] == [{"byday": "MO,TU,WE,TH,FR,SA,SU", "closes_at": "00:00", "opens_at": "00:00"}]  # weekly: implied by the days
    assert record["l"][0]["h"] == record["h"]  # the location shows its own hours on the page too
