"""Every page, server-rendered, with JavaScript nowhere in sight."""
from __future__ import annotations

import re
import uuid
from urllib.parse import quote

import pytest
from markupsafe import escape
from sqlalchemy import select

from pwa_app.db import data_version
from pwa_app.db.extensions import db
from pwa_app.db.models import Phone, Service, ServiceAtLocation, Translation

from .helpers import reindex
from .wire import decode

PAGES = ["/en/", "/fr/", "/en/categories/food", "/fr/categories/housing", "/en/search?q=food",
         "/fr/search?q=logement", "/en/about", "/fr/about"]


def first(app, statement):
    with app.app_context():
        return db.session.scalars(statement).first()


def active_service_id(app, *where) -> str:
    return first(app, select(Service.id).where(Service.status == "active", *where).order_by(Service.id))


def listing(html: str, lang: str = "en") -> tuple[str, list[str]]:
    """A list page's heading (its text) and the ids of the services on its result cards, in order."""
    headings = re.findall(r"<h1>(.*?)</h1>", html, re.S)
    assert len(headings) == 1, headings
    cards = re.findall(rf'<li class="card"[^>]*>\s*<h2><a href="/{lang}/services/([0-9a-f-]{{36}})"', html)
    return re.sub(r"<[^>]+>", "", headings[0]).strip(), cards


def get_snapshot(client, url: str):
    response = client.get(url, headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200, url
    return response, decode(response.data)


def every_page(client, url: str) -> list[str]:
    """The ids on every page of a paged list, following its "Next" links."""
    ids: list[str] = []
    while url:
        html = client.get(url).get_data(as_text=True)
        ids += listing(html, url.split("/")[1])[1]
        found = re.search(r'<a rel="next" href="([^"]+)"', html)
        url = found.group(1).replace("&amp;", "&") if found else ""
    return ids


def test_root_redirects_by_accept_language(client):
    assert client.get("/", headers={"Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5"}).location.endswith("/fr/")
    assert client.get("/", headers={"Accept-Language": "en-GB"}).location.endswith("/en/")
    assert client.get("/", headers={"Accept-Language": "de, ja;q=0.5"}).location.endswith("/en/")
    assert client.get("/", headers={"Accept-Language": ";;;q=zz,@@"}).location.endswith("/en/")
    assert client.get("/").location.endswith("/en/")


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_the_common_frame(client, url):
    r = client.get(url)
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    lang = url.split("/")[1]
    assert f'<html lang="{lang}" dir="ltr">' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert 'href="tel:211"' in html and 'href="tel:911"' in html and 'href="tel:988"' in html
    assert len(re.findall(r'<link rel="stylesheet"', html)) == 1
    # JavaScript only enhances: one module of our own on every page, and the filters' and "Near me"'s
    # where the page lists services; JSON data blocks; nothing inline runs.
    tags = re.findall(r"<script[^>]*>", html)
    modules = [re.search(r"/static/gen/(\w+)\.", tag)[1] for tag in tags if 'type="module"' in tag]
    assert modules == (["near", "app"] if re.search(r"/(categories|search)", url) else ["app"]), tags
    for tag in tags:
        assert re.fullmatch(r'<script type="module" src="/static/gen/[\w.]+\.js"( defer)?>', tag) or 'type="application/json"' in tag, tag
    assert 'hreflang="fr"' in html and 'hreflang="en"' in html
    # Nothing is loaded from another host: every src and <link> is our own. Only the links that name
    # this page's addresses (canonical, hreflang alternates) are absolute, on this site.
    assert not re.search(r'src="(?:https?:)?//', html)
    assert not re.search(r'<link(?! rel="(?:canonical|alternate)")[^>]+href="(?:https?:)?//', html)
    assert all(href.startswith("http://localhost/") for href in re.findall(r'<link rel="(?:canonical|alternate)"[^>]+href="([^"]+)"', html))


def test_security_headers(client):
    r = client.get("/en/")
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "default-src 'self'" in csp
    assert r.headers["Referrer-Policy"] == "no-referrer"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert "geolocation=(self)" in r.headers["Permissions-Policy"]


def test_home_lists_all_eleven_categories_with_icons(client):
    html = client.get("/en/").get_data(as_text=True)
    for slug in ("emergency", "food", "housing", "goods", "transit", "health", "money", "care", "education", "work", "legal"):
        assert f'href="/en/categories/{slug}"' in html
    assert html.count('<svg class="icon"') >= 11
    assert 'role="search"' in html


def test_french_home_is_in_french(client):
    html = client.get("/fr/").get_data(as_text=True)
    assert "<title>Trouver de l’aide près de chez vous · Passerelle</title>" in html
    assert re.search(r'<a href="/fr/categories/food"[^>]*>(?:(?!</a>).)*?Alimentation', html, re.S)


def test_category_lists_services_of_subcategories(app, client):
    html = client.get("/en/categories/food").get_data(as_text=True)
    assert 'class="chips"' in html  # sub-categories
    links = re.findall(r'href="/en/services/([0-9a-f-]{36})"', html)
    assert len(links) >= 8
    with app.app_context():
        statuses = set(db.session.scalars(select(Service.status).where(Service.id.in_(links))))
    assert statuses <= {"active", "temporarily closed"}


def test_unknown_category_and_service_give_404(client):
    assert client.get("/en/categories/no-such-thing").status_code == 404
    r = client.get(f"/fr/services/{uuid.uuid4()}")
    assert r.status_code == 404 and '<html lang="fr"' in r.get_data(as_text=True)


def test_unknown_language_gives_404_in_default_language(client):
    for url in ("/xx/", "/de/about", "/EN/", "/en-us/", "/zz/services/x", "/%3Cscript%3E/"):
        r = client.get(url)
        assert r.status_code == 404
        html = r.get_data(as_text=True)
        assert '<html lang="en" dir="ltr">' in html and "Page not found" in html


def test_search_is_accent_insensitive(app, client):
    with app.app_context():
        named = set(db.session.scalars(select(Service.id).where(Service.status == "active", Service.name.contains("aînés"))))
    assert named, "the demo region names services for « aînés »"
    heading, plain = listing(client.get("/en/search?q=aines").get_data(as_text=True))
    assert heading == f"{len(plain)} results for “aines”" and named <= set(plain), (heading, named - set(plain))
    heading, accented = listing(client.get("/en/search?q=a%C3%AEn%C3%A9s").get_data(as_text=True))
    assert heading == f"{len(accented)} results for “aînés”" and accented == plain


@pytest.mark.parametrize("query", ['"', "*", "NEAR", ")", "OR", "food OR", '"food" NEAR(', "name:food",
                                  "a" * 10_000, "🍞🏠", "' OR 1=1 --", "\x00\x01", "((((", "^$.*+?[]{}|\\"])
def test_hostile_searches_never_fail(client, query):
    r = client.get("/en/search", query_string={"q": query})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    # A result page like any other: its heading echoes the query (escaped) and counts the cards below it.
    heading, cards = listing(html)
    found = re.fullmatch(r"(\d+) results? for “(.*)”|No results for “(.*)”", heading, re.S)
    assert found, heading
    total, echoed = int(found.group(1) or 0), found.group(2) if found.group(1) else found.group(3)
    config = client.application.config
    assert echoed == escape(query[: config["SEARCH_MAX_QUERY"]].strip()), echoed
    assert len(cards) == min(total, config["PAGE_SIZE"]) and (total > 0 or 'href="tel:211"' in html.split("<h1>", 1)[1])
    assert total != 1 or heading.startswith("1 result for")


def test_search_finds_by_name_first(app, client):
    with app.app_context():
        s = db.session.scalars(select(Service).where(Service.status == "active").order_by(Service.id)).first()
    word = max(re.findall(r"\w+", s.name), key=len)
    html = client.get("/en/search", query_string={"q": s.name}).get_data(as_text=True)
    ids = re.findall(r'href="/en/services/([0-9a-f-]{36})"', html)
    assert s.id in ids[:3], (s.name, word)


def test_no_results_offers_211_and_categories(client):
    html = client.get("/en/search?q=zzzqqqxxy").get_data(as_text=True)
    assert "No results" in html and 'href="tel:211"' in html and "/en/categories/food" in html


def test_service_page_shows_everything(app, client):
    sid = first(app, select(Phone.service_id).where(Phone.extension.is_not(None), Phone.service_id.is_not(None)))
    html = client.get(f"/en/services/{sid}").get_data(as_text=True)
    with app.app_context():
        s = db.session.get(Service, sid)
        phone = next(p for p in s.phones if p.extension is not None)
        digits = re.sub(r"\D", "", phone.number)
        expected = f'href="tel:+1{digits[-10:]};ext={int(phone.extension)}"'
        assert expected in html
        assert s.organization.name.replace("'", "&#39;") in html
        assert s.assured_date, "the service chosen has a verification date"
        assert f"<p>Last verified {s.assured_date:%B} {s.assured_date.day}, {s.assured_date.year}</p>" in html
    assert "Report a problem" in html and f"/en/services/{sid}/report" in html
    assert "Hours" in html


def test_tel_links_are_e164(client, app):
    sid = active_service_id(app)
    html = client.get(f"/en/services/{sid}").get_data(as_text=True)
    uris = re.findall(r'href="tel:([^"]+)"', html)
    assert len(uris) > 3, uris  # the crisis bar's three, and the service's own
    for uri in uris:
        assert re.fullmatch(r"(\+1\d{10}(;ext=\d+)?|211|911|988)", uri), uri


def test_sms_link_where_number_takes_texts(app, client):
    sid = first(app, select(Phone.service_id).where(Phone.type == "text", Phone.service_id.is_not(None)))
    html = client.get(f"/en/services/{sid}").get_data(as_text=True)
    assert re.search(r'href="sms:\+1\d{10}"', html)


def test_directions_link_is_geo_with_https_fallback(app, client):
    sid = first(app, select(ServiceAtLocation.service_id).join(ServiceAtLocation.location).where(
        ServiceAtLocation.location.has(), ))
    html = client.get(f"/en/services/{sid}").get_data(as_text=True)
    assert re.search(r'href="geo:-?\d+\.\d+,-?\d+\.\d+\?q=', html)
    assert "https://www.openstreetmap.org/?mlat=" in html


def test_french_service_page_uses_french_text(app, client):
    sid = active_service_id(app)
    with app.app_context():
        fr_name = db.session.scalar(select(Translation.value).where(
            Translation.entity == "service", Translation.id == sid, Translation.field == "name", Translation.language == "fr"))
    html = client.get(f"/fr/services/{sid}").get_data(as_text=True)
    assert fr_name and fr_name.replace("'", "&#39;") in html
    assert "Dernière vérification" in html


def test_fallback_text_is_marked_with_its_language(app, client):
    sid = active_service_id(app)
    with app.app_context():
        db.session.query(Translation).filter_by(entity="service", id=sid, field="description", language="fr").delete()
        db.session.commit()
    html = client.get(f"/fr/services/{sid}").get_data(as_text=True)
    assert '<p lang="en" dir="auto">' in html
    assert '<p class="fallback">Certains de ces renseignements ne sont offerts qu’en anglais.</p>' in html


def test_inactive_service_is_explained_and_not_listed(app, client):
    with app.app_context():
        gone = {s.id: (s.name, s.status, sorted({t.slug for t in s.taxonomy_terms if t.slug}))
                for s in db.session.scalars(select(Service).where(Service.status.not_in(("active", "temporarily closed"))))}
    assert {status for _, status, _ in gone.values()} == {"inactive", "defunct"}, gone
    status_names = {"inactive": "inactive", "defunct": "no longer offered"}
    _, offline = get_snapshot(client, "/en/offline/snapshot.json")
    search_data = client.get("/en/offline/search-data.json", headers={"Accept-Encoding": "identity"}).get_json()
    assert offline["services"] and search_data["services"]
    for sid, (name, status, slugs) in gone.items():
        html = client.get(f"/en/services/{sid}").get_data(as_text=True)
        assert f"This service is not currently offered ({status_names[status]}). Call 211 for other options." in html
        assert slugs, (name, "has categories to be missing from")
        for slug in slugs:
            assert sid not in every_page(client, f"/en/categories/{slug}"), (name, slug)
        assert sid not in every_page(client, f"/en/search?q={quote(name)}"), name
        assert sid not in {s["i"] for s in offline["services"]} and sid not in search_data["services"], name
    # The same checks see a service once it is listed again: they would catch one listed while inactive.
    sid, (name, _, slugs) = next(iter(gone.items()))
    with app.app_context():
        db.session.get(Service, sid).status = "active"
        data_version.touch(db.session)
        reindex(app)
        db.session.commit()
    assert sid in every_page(client, f"/en/categories/{slugs[0]}") and sid in every_page(client, f"/en/search?q={quote(name)}")


def test_hostile_record_is_shown_as_text(app, client):
    sid = active_service_id(app)
    with app.app_context():
        s = db.session.get(Service, sid)
        s.name = '<script>alert("x")</script>'
        s.url = "javascript:alert(1)"
        s.description = '<img src=x onerror=alert(1)> "quoted"'
        db.session.commit()
        reindex(app)
        db.session.commit()
    html = client.get(f"/en/services/{sid}").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<img src=x" not in html
    assert "javascript:" not in html
    listing = client.get("/en/search?q=alert").get_data(as_text=True)
    assert "<script>alert" not in listing


def test_about_credits_hsds_and_says_demo(client):
    html = client.get("/en/about").get_data(as_text=True)
    assert "Human Services Data Specification (HSDS), an Open Referral resource" in html
    assert "CC BY-SA 4.0" in html
    assert "fictional" in html


def test_demo_banner_on_every_page(client):
    assert "Demo data" in client.get("/en/").get_data(as_text=True)


def test_500_page_in_same_look(app):
    @app.route("/en/boom")
    def boom():
        raise RuntimeError("boom")

    r = app.test_client().get("/en/boom")
    assert r.status_code == 500
    html = r.get_data(as_text=True)
    assert "Something went wrong" in html and 'href="tel:211"' in html
    assert "RuntimeError" not in html and "Traceback" not in html


def test_helpline_numbers_are_configurable(databases):
    from .conftest import make_app

    app = make_app(databases.demo(), HELPLINE_NUMBER="811", EMERGENCY_NUMBER="112", CRISIS_NUMBER="116123")
    html = app.test_client().get("/en/").get_data(as_text=True)
    with app.app_context():
        db.engine.dispose()
    assert 'href="tel:811"' in html and 'href="tel:112"' in html and 'href="tel:116123"' in html
