"""Name order: what a reader sees, without case or accents, the same on the server and offline."""
from __future__ import annotations

import re

from sqlalchemy import select

from pwa_app.present import name_order
from pwa_app.db.extensions import db
from pwa_app.db.models import Service, Translation


def test_names_sort_without_case_accents_or_punctuation():
    names = ["HIV Care", "Harm Reduction", "élan Youth", "Early Years", "12-Step Meetings", "Éducation"]
    assert sorted(names, key=name_order.name_key) == [
        "12-Step Meetings", "Early Years", "Éducation", "élan Youth", "Harm Reduction", "HIV Care"]


def test_services_sort_by_the_name_in_the_readers_language(app):
    with app.app_context():
        ids = list(db.session.scalars(select(Service.id).where(Service.status == "active")))
        names = {i: n for i, n in db.session.execute(select(Service.id, Service.name))}

        def in_order(lang):  # as pages sort: by rank, built once per data version
            ranks = name_order.ranks(db.session, lang, "en")
            return sorted(ids, key=ranks.__getitem__)

        english = in_order("en")
        assert english == sorted(ids, key=lambda i: name_order.name_key(names[i], i))
        last = english[-1]
        db.session.merge(Translation(entity="service", id=last, field="name", language="fr", value="Aide à tous"))
        db.session.flush()
        french = in_order("fr")
        assert french.index(last) < len(ids) // 2  # "Aide" sorts near the top in French, not in English
        assert in_order("fr_CA").index(last) == french.index(last)  # another variety of French takes it too
        assert in_order("en") == english  # English readers keep the English name
        db.session.rollback()


def test_category_pages_list_services_in_that_order(client):
    html = client.get("/en/categories/health").get_data(as_text=True)
    shown = re.findall(r'<h2><a href="/en/services/[^"]*">([^<]*)', html)
    assert len(shown) == 25 and shown == sorted(shown, key=name_order.name_key)
    second = client.get("/en/categories/health?page=2").get_data(as_text=True)
    assert name_order.name_key(re.findall(r'<h2><a href="/en/services/[^"]*">([^<]*)', second)[0]) > name_order.name_key(shown[-1])
