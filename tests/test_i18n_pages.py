"""Every page in every interface language: the right lang and dir, translated, and searchable in its own words."""
from __future__ import annotations

import re

import pytest
from markupsafe import escape
from sqlalchemy import select

from pwa_app.web import i18n
from pwa_app.present import taxonomy_names
from pwa_app.web.config import Config
from pwa_app.db.extensions import db
from pwa_app.db.models import Service

from .conftest import languages_for_this_engine

PAGES = ["/{l}/", "/{l}/categories/food", "/{l}/search?q=food", "/{l}/about", "/{l}/language", "SERVICE"]
RTL = {"ar", "fa", "ur"}


@pytest.fixture
def service_id(app):
    with app.app_context():
        return db.session.scalar(select(Service.id).where(Service.status == "active").order_by(Service.id))


@pytest.mark.parametrize("lang", languages_for_this_engine(Config.LANGUAGES))
def test_every_page_renders_in_every_language(client, service_id, lang):
    bcp47 = lang.replace("_", "-")
    for page in PAGES:
        url = f"/{lang}/services/{service_id}" if page == "SERVICE" else page.format(l=lang)
        r = client.get(url)
        assert r.status_code == 200, url
        html = r.get_data(as_text=True)
        assert f'<html lang="{bcp47}" dir="{"rtl" if lang in RTL else "ltr"}">' in html, url
        # Strings handed to JavaScript keep their placeholders; what the page shows must not.
        shown = re.sub(r'<script type="application/json"[^>]*>.*?</script>|data-[\w-]+="[^"]*"', "", html, flags=re.S)
        assert "%(" not in shown and ")s " not in re.sub(r"<[^>]+>", "", shown), url


@pytest.mark.parametrize("lang", languages_for_this_engine(code for code in Config.LANGUAGES if code != "en"))
def test_interface_is_translated_not_english(client, lang):
    html = client.get(f"/{lang}/").get_data(as_text=True)
    for english in ("Find help near you", "Skip to content", "In danger?", "Search services"):
        assert english not in html, (lang, english)


@pytest.mark.parametrize("lang", languages_for_this_engine(Config.LANGUAGES))
def test_category_names_are_in_the_interface_language(client, lang):
    name = taxonomy_names.name("102", lang)
    assert name, f"no name for Food (102) in {lang}"  # every interface language names every category
    html = client.get(f"/{lang}/").get_data(as_text=True)
    assert re.search(rf'<a href="/{lang}/categories/food"[^>]*>(?:(?!</a>).)*?{re.escape(str(escape(name)))}', html, re.S), (lang, name)


@pytest.mark.parametrize("lang", languages_for_this_engine(["ar", "pa", "zh_Hans", "ti", "uk", "hi", "ko", "iu", "fa", "ta"]))
def test_search_in_a_non_latin_language_finds_the_category(client, lang):
    """The word for "food" in the language finds food services, though no record is written in it."""
    word = taxonomy_names.name("102", lang)
    food = set(re.findall(r"/services/([0-9a-f-]{36})", client.get("/en/categories/food").get_data(as_text=True)))
    found = set(re.findall(r"/services/([0-9a-f-]{36})", client.get(f"/en/search?q={word}").get_data(as_text=True)))
    assert food and found & food, (lang, word)


def test_about_page_lists_review_status_of_each_language(client):
    html = client.get("/en/about").get_data(as_text=True)
    for code in Config.LANGUAGES:
        assert i18n.NATIVE_NAMES[code] in html
    assert "Not reviewed yet" in html and "Original language" in html


@pytest.mark.parametrize(("header", "expected"), [
    ("ar", "ar"), ("fa-IR,fa;q=0.9", "fa"), ("zh-CN,zh;q=0.9", "zh_Hans"), ("zh-TW", "zh_Hant"), ("pt-BR", "pt"),
    ("uk", "uk"), ("iu", "iu"), ("pa-IN", "pa"),
])
def test_accept_language_picks_supported_languages(client, header, expected):
    assert expected in Config.LANGUAGES
    location = client.get("/", headers={"Accept-Language": header}).location
    assert location.endswith(f"/{expected}/"), (header, location)
