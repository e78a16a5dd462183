"""Pure logic: phone numbers, text normalisation, safe links, log scrubbing, slugs."""
from __future__ import annotations

import logging
from dataclasses import astuple

import pytest

from pwa_app.core.phones import dial, read
from pwa_app.core.security import DropQueryStrings, safe_url
from pwa_app.core.slugs import assign_slugs, slugify
from pwa_app.core.textnorm import normalize, tokens


@pytest.mark.parametrize("display,e164,pattern", [
    ("(613) 555-0142", "+16135550142", "(###) ###-####"),  # the national display: the last ten digits
    ("1-800-555-0199", "+18005550199", "#-###-###-####"),
    ("+44 20 7946 0958", "+442079460958", "+## ## #### ####"),
    ("211", "211", "###"),
])
def test_a_display_is_its_pattern_filled_with_the_tel_target(display, e164, pattern):
    from pwa_app.snapshot.wire import fill_phone, phone_pattern

    assert phone_pattern(display) == pattern and fill_phone(pattern, e164) == display


def test_a_pattern_with_more_digits_than_the_target_gives_nothing():
    from pwa_app.snapshot.wire import fill_phone

    assert fill_phone("(###) ###-####", "211") is None and fill_phone("no digits", "+16135550142") is None


# Numbers as real directories write them (Open211 Miami 2019, Baltimore's iCarol export, the DC
# directory of Sarapis' ORServices, the demo) and what a phone gets: display, tel: target, extension.
REAL_NUMBERS = [
    ("305-573-4200 x57471", "(305) 573-4200", "+13055734200", "57471"),
    ("561-279-8606 x2", "(561) 279-8606", "+15612798606", "2"),
    ("Phone No: (202) 797-8806 Ext: 1041", "(202) 797-8806", "+12027978806", "1041"),
    ("1 (800) 676-4477", "(800) 676-4477", "+18006764477", None),
    ("202 - 483 - 5800", "(202) 483-5800", "+12024835800", None),
    ("202.939.7630", "(202) 939-7630", "+12029397630", None),
    ("613-555-0142 poste 234", "(613) 555-0142", "+16135550142", "234"),
    ("1-800-668-6868 #3", "(800) 668-6868", "+18006686868", "3"),
    ("(800) AGE-DIAL", "(800) AGE-DIAL", "+18002433425", None),  # spelled in letters: shown so, dialled in digits
    ("(311)    -", "311", "311", None),  # short codes: dialled as they are
    ("2-1-1", "211", "211", None),
    ("711", "711", "711", None),
    ("988", "988", "988", None),
    ("+44 20 7946 0958", "+44 20 7946 0958", "+442079460958", None),  # another country: international form
    ("305-891-8850 xOPT2", "305-891-8850 xOPT2", "+13058918850", None),  # a menu choice: shown, not dialled
    ("999-999-*999", "999-999-*999", None, None),  # not a number: shown as written, no link
    ("call us", "call us", None, None),
    ("613-555-0142 " * 400, ("613-555-0142 " * 400).strip(), None, None),
]


@pytest.mark.parametrize("raw,display,e164,extension", REAL_NUMBERS)
def test_numbers_as_directories_write_them(raw, display, e164, extension):
    assert astuple(read(raw)) == (display, e164, extension)


def test_dial_keeps_extension():
    d = dial("613-555-0142", 204.0)
    assert d.tel_uri == "tel:+16135550142;ext=204" and d.display == "(613) 555-0142"
    assert dial("305-573-4200 x57471").tel_uri == "tel:+13055734200;ext=57471"
    assert dial("305-573-4200 x57471", "12").extension == "12"  # the record's own extension field first
    assert d.sms_uri == "sms:+16135550142"
    assert dial("613-555-0142").tel_uri == "tel:+16135550142"


@pytest.mark.parametrize("raw,expected", [
    ("Programme des Aînés", "programme des aines"),
    ("MONTRÉAL", "montreal"),
    ("Ça-va? «oui»", "ca va oui"),
    ("ਪੰਜਾਬੀ", "ਪੰਜਾਬੀ"),  # Gurmukhi vowel signs carry meaning: kept
    ("हिंदी", "हिंदी"),
    ("தமிழ்", "தமிழ்"),
    ("ምግብ", "ምግብ"),
    ("طعام", "طعام"),
    ('"NEAR(food*) OR"', "near food or"),
])
def test_normalize(raw, expected):
    assert normalize(raw) == expected


def test_tokens_are_distinct_and_bounded():
    assert tokens("food Food FOOD bank") == ["food", "bank"]
    assert len(tokens(" ".join(f"w{i}" for i in range(100)), limit=12)) == 12


@pytest.mark.parametrize("url,expected", [
    ("https://example.org/x", "https://example.org/x"),
    ("http://example.org", "http://example.org"),
    ("www.example.org/path", "https://www.example.org/path"),
    ("mailto:help@example.org", "mailto:help@example.org"),
    ("javascript:alert(1)", None),
    ("JavaScript:alert(1)", None),
    (" javascript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("vbscript:x", None),
    ("//evil.example", None),
    ("", None),
    (None, None),
])
def test_safe_url(url, expected):
    assert safe_url(url) == expected


def test_access_log_drops_query_strings():
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '%s - - [%s] "%s" %s %s',
                               ("127.0.0.1", "now", "GET /en/search?q=abortion+clinic HTTP/1.1", "200", "-"), None)
    DropQueryStrings().filter(record)
    line = record.getMessage()
    assert "abortion" not in line and "GET /en/search HTTP/1.1" in line


def test_slugs_are_unique_and_readable():
    terms = [
        {"id": "a", "name": "Food", "code": "102", "parent_id": None},
        {"id": "b", "name": "Emergency", "code": "101", "parent_id": None},
        {"id": "c", "name": "Emergency Food", "code": "101-03", "parent_id": "b"},
        {"id": "d", "name": "Emergency Food", "code": "102-02", "parent_id": "a"},
    ]
    assign_slugs(terms)
    slugs = {t["id"]: t["slug"] for t in terms}
    assert slugs["a"] == "food" and slugs["c"] == "emergency-food"
    assert slugs["d"] == "food-emergency-food"
    assert slugify("Santé & soins") == "sante-soins"


def test_pages_are_gzipped_when_asked(client):
    r = client.get("/en/about", headers={"Accept-Encoding": "gzip, br"})
    assert r.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in r.headers["Vary"]
    import gzip

    assert b"Passerelle" in gzip.decompress(r.data)
    assert "Content-Encoding" not in client.get("/en/about").headers


def test_ascii_fast_path_equals_the_general_path():
    import random
    import string

    from pwa_app.core import textnorm

    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(string.printable) for _ in range(rng.randint(0, 40)))
        general = textnorm.normalize(text + "é")[:-1].rstrip()  # a non-ASCII tail forces the general path
        assert textnorm.normalize(text) == " ".join(general.split()), repr(text)
