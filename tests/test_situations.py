"""Life situations are data (issue 18): every need is a category that exists, every language has every word,
and in the demo region every situation leads to at least three needs with services."""
from __future__ import annotations

import json

import pytest

from pwa_app.present import situations
from pwa_app.present import taxonomy_names
from pwa_app.present.categories import load_tree

from .test_locale import INTERFACE


def open_eligibility_codes() -> set[str]:
    return set(json.loads((taxonomy_names.DATA / "en.json").read_text(encoding="utf-8"))["terms"])


def test_every_situation_resolves_to_categories_that_exist_in_every_language():
    assert situations.check(INTERFACE, open_eligibility_codes()) == []
    assert len(situations.slugs()) >= 12


def test_the_check_names_what_is_wrong(monkeypatch):
    plan = json.loads(json.dumps(situations.plan()))
    plan["needs"]["food"] = "999-99"
    plan["situations"][0]["needs"].append({"need": "naps", "soon": True})
    monkeypatch.setattr(situations, "plan", lambda: plan)
    problems = situations.check(["en", "xx"], open_eligibility_codes())
    assert "need 'food': category '999-99' is not an Open Eligibility category" in problems
    assert f"situation {plan['situations'][0]['slug']!r}: need 'naps' is not among the needs" in problems
    assert "xx: no i18n/xx.json" in problems


def test_translations_are_not_english_left_in_place():
    english = situations.texts("en")
    flat = lambda doc: [*doc["needs"].values(), *(v for s in doc["situations"].values()  # noqa: E731
                                                   for v in (s["title"], s["intro"], *s["why"].values()))]
    for lang in INTERFACE:
        if lang == "en":
            continue
        same = [a for a, b in zip(flat(situations.texts(lang)), flat(english), strict=True) if a == b]
        assert same == [], lang


@pytest.mark.parametrize("slug", situations.slugs())
def test_in_the_demo_region_each_situation_leads_to_three_needs_with_services(app, slug):
    with app.app_context():
        from pwa_app.db.extensions import db

        tree = load_tree(db.session)
        by_code = {t.code: t for t in tree.terms.values()}
        plan = situations.plan()
        situation = next(s for s in plan["situations"] if s["slug"] == slug)
        served = [n["need"] for n in situation["needs"] if not n.get("hidden")
                  and plan["needs"][n["need"]] in by_code and tree.services_under(by_code[plan["needs"][n["need"]]].id)]
    assert len(served) >= 3, served
