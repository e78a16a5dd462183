"""Life situations are data (issue 18): every need is a category that exists, every language has every word,
and in the demo region every situation leads to at least three needs with services."""
from __future__ import annotations

import json
import re

from markupsafe import escape

import pytest

from pwa_app.present import situations
from pwa_app.present import taxonomy_names
from pwa_app.present.categories import load_tree

from .conftest import languages_for_this_engine
from .helpers import main_of
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


# --- the pages (views/situations.py, templates/shared/situation*.html) ---

# Every word a situation page writes itself (the shared template's msgids): none may stay in English.
PAGE_WORDS = ("A few questions, if you like", "Who is the help for?", "I need help today", "Show my plan",
              "Your answers are not saved.", "Also worth asking about", "If you are in danger now", "What is happening?",
              "An older adult", "My child", "My family")


@pytest.mark.parametrize("lang", languages_for_this_engine(INTERFACE))
def test_every_situation_renders_in_every_language_with_three_needs_and_nothing_in_english(client, lang):
    words = situations.texts(lang)
    index = main_of(client.get(f"/{lang}/situations/").get_data(as_text=True))
    assert index.count(f'href="/{lang}/situations/') == len(situations.slugs())
    home = main_of(client.get(f"/{lang}/").get_data(as_text=True))
    assert f'href="/{lang}/situations/"' in home  # from the home page, above the categories
    assert home.index(f'href="/{lang}/situations/"') < home.index(f'href="/{lang}/categories/')
    for slug in situations.slugs():
        r = client.get(f"/{lang}/situations/{slug}")
        assert r.status_code == 200, slug
        main = main_of(r.get_data(as_text=True))
        assert str(escape(words["situations"][slug]["title"])) in main and str(escape(words["situations"][slug]["intro"])) in main
        assert main.count('<section class="need"') >= 3, slug
        assert "%(" not in main
        if lang != "en":
            english = [w for w in PAGE_WORDS if w in main]
            english += [w for w in (situations.texts("en")["needs"].values()) if f">{w}<" in main]
            assert english == [], (slug, english)


def test_not_safe_at_home_shows_911_988_and_a_shelter_before_anything_else(client):
    main = main_of(client.get("/en/situations/not-safe-at-home").get_data(as_text=True))
    after_intro = main.split('<p class="lead">', 1)[1]
    danger = after_intro.index('class="danger-first"')
    assert after_intro.index('href="tel:911"') > danger and after_intro.index('href="tel:988"') > danger
    first_need = after_intro.index('<section class="need"')
    assert danger < first_need < after_intro.index('<form class="questions"')  # the questions come after
    shelter = after_intro[first_need:].split("</section>", 1)[0]
    assert 'href="/en/categories/emergency-shelter"' in shelter and shelter.count('class="card"') >= 1
    assert main.index('href="tel:911"') < main.index('class="card"')  # nothing to call before the crisis lines
    # Every situation that can involve danger puts the crisis lines first; the others do not shout.
    for slug in situations.slugs():
        page = main_of(client.get(f"/en/situations/{slug}").get_data(as_text=True))
        assert ('class="danger-first"' in page) is situations.situation(slug)["danger"], slug


def cards_of(main: str, need: str) -> list[str]:
    section = main.split(f'<section class="need" aria-labelledby="need-{need}">', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<li class="card".*?</li>', section, flags=re.S)


def test_the_answers_change_the_plan_and_are_kept_nowhere(app, client):
    plain = main_of(client.get("/en/situations/lost-job").get_data(as_text=True))
    assert "/en/categories/childcare" not in plain  # a need for a child only when the help is for one
    r = client.get("/en/situations/lost-job?who=child&today=yes&near=city-millbrook-falls")
    assert r.headers["Cache-Control"] == "no-store"
    answered = main_of(r.get_data(as_text=True))
    assert "/en/categories/childcare" in answered and 'value="child" checked' in answered and "Clear my answers" in answered
    # Open now first, then the nearest: the distances shown never go down within the open ones.
    cards = cards_of(answered, "food")
    assert all('class="distance"' in c for c in cards)
    open_now = [c for c in cards if 'hours-now open' in c]
    assert cards[:len(open_now)] == open_now
    # Answers that are not among the choices are read as not answered.
    odd = main_of(client.get("/en/situations/lost-job?who=robot&near=nowhere&today=maybe").get_data(as_text=True))
    assert "Clear my answers" not in odd and 'class="distance"' not in odd
    kept = [(path, args) for path, args, *_ in app.extensions["page_cache"].entries]
    assert ("/en/situations/lost-job", ()) in kept  # the plan without answers is kept for the minute...
    assert not any(args for path, args in kept if "/situations/" in path)  # ...an answered one never
    assert client.get("/en/situations/no-such-thing").status_code == 404


def test_today_puts_what_cannot_wait_first():
    plan = situations.plan()
    s = situations.situation("caregiver")
    s = {**s, "needs": [*s["needs"], {"need": "food-today", "today": True}]}
    later = situations.needs_for(s, {"who": "", "today": "", "near": ""})
    today = situations.needs_for(s, {"who": "", "today": "yes", "near": ""})
    assert later[-1]["need"] == "food-today" and today[0]["need"] == "food-today"
    assert today[0]["code"] == plan["needs"]["food-today"]


def test_for_a_child_or_an_older_adult_only_services_their_age_can_use(app, client):
    from pwa_app.db.extensions import db
    from pwa_app.db.models import Service

    with app.app_context():
        ages = {sid: (lo, hi) for sid, lo, hi in db.session.execute(db.select(Service.id, Service.minimum_age, Service.maximum_age))}
    fits = lambda sid, low, high: (ages[sid][0] is None or ages[sid][0] <= high) and (ages[sid][1] is None or ages[sid][1] >= low)  # noqa: E731
    shown = lambda url: re.findall(r'<li class="card".*?/services/([0-9a-f-]{36})', main_of(client.get(url).get_data(as_text=True)), re.S)  # noqa: E731
    for slug in situations.slugs():
        for who, (low, high) in (("child", (0, 12)), ("older", (65, 200))):
            assert all(fits(sid, low, high) for sid in shown(f"/en/situations/{slug}?who={who}")), (slug, who)
    # The demo region has services for adults only: a plan for a child leaves some out.
    everyone = {sid for slug in situations.slugs() for sid in shown(f"/en/situations/{slug}")}
    assert any(not fits(sid, 0, 12) for sid in everyone)


def test_the_about_page_says_how_each_languages_situations_were_made(client):
    html = main_of(client.get("/en/about").get_data(as_text=True))
    assert "Life situations (guided help)" in html
    rows = {m.group(1): re.findall(r"<td>(.*?)</td>", m.group(2)) for m in
            re.finditer(r'<tr><th scope="row"><span lang="([^"]+)"[^>]*>.*?</span></th>(.*?)</tr>', html, re.S)}
    assert len(rows) == len(INTERFACE)
    assert rows["en"][1] == "Original language" and rows["fr"][1] == "Not reviewed yet (machine-assisted draft)"
    assert {situations.review_status(code)["kind"] for code in INTERFACE if code != "en"} == {"draft"}
