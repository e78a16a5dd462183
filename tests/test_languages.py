"""Choosing a language: the picker, the remembered choice, and safe redirects."""
from __future__ import annotations

import re

import pytest

from pwa_app.web import i18n


def native_names(html: str) -> list[str]:
    return re.findall(r'class="native">([^<]+)<', html)


def test_picker_lists_every_language_in_its_own_name(app, client):
    html = client.get("/fr/language?next=/fr/categories/food").get_data(as_text=True)
    assert native_names(html) == [i18n.NATIVE_NAMES[c] for c in app.config["LANGUAGES"]]
    assert "/choose-language/en?next=/fr/categories/food" in html


@pytest.mark.parametrize("query,expected", [("Français", "Français"), ("french", "Français"), ("fr", "Français"),
                                            ("anglais", "English"), ("ENGLISH", "English"), ("en", "English")])
def test_picker_search_by_any_name_or_code(client, query, expected):
    html = client.get("/en/language", query_string={"q": query}).get_data(as_text=True)
    assert expected in native_names(html)


def test_picker_search_with_no_match_offers_all(client):
    html = client.get("/en/language?q=klingon").get_data(as_text=True)
    assert native_names(html) == [] and "Show all languages" in html


def test_choice_is_remembered_and_beats_accept_language(client):
    r = client.get("/choose-language/fr?next=/en/categories/food")
    assert r.status_code == 302 and r.location == "/fr/categories/food"
    assert "lang=fr" in r.headers["Set-Cookie"] and "HttpOnly" in r.headers["Set-Cookie"]
    assert client.get("/", headers={"Accept-Language": "en"}).location.endswith("/fr/")


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/xx/page", "/\\\\evil.example",
                                    "javascript:alert(1)", ""])
def test_choice_never_redirects_elsewhere(client, target):
    r = client.get("/choose-language/fr", query_string={"next": target})
    assert r.location == "/fr/"


@pytest.mark.parametrize("cookie", ["xx", "", "../../etc", "fr;" * 100, "\u202e"])
def test_bad_cookie_or_header_falls_back_quietly(client, cookie):
    client.set_cookie(i18n.COOKIE, cookie)
    r = client.get("/", headers={"Accept-Language": "q=;;,*;q=abc"})
    assert r.status_code == 302 and r.location.endswith("/en/")


def test_unknown_choice_goes_to_default_language(client):
    r = client.get("/choose-language/klingon?next=/en/about")
    assert r.location == "/en/about"
