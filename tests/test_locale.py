"""Every language reads as its own (issue 13, points 4-6): language names, `lang` marks, lists, digits, dates."""
from __future__ import annotations

import json
import re
from datetime import date, time

import pytest
from babel import Locale
from babel.dates import format_date, format_time
from sqlalchemy import func, select

from pwa_app.present import localize
from pwa_app.views import search_data
from pwa_app.db.extensions import db
from pwa_app.present.localize import LocalText, language_name
from pwa_app.db.models import Language, Service

INTERFACE = ["en", "fr", "es", "pt", "ar", "fa", "ur", "zh_Hans", "zh_Hant", "pa", "hi", "ta", "tl", "vi", "ko", "uk",
             "ru", "so", "ti", "iu"]


def data_codes(app) -> list[str]:
    with app.app_context():
        return sorted({c for c in db.session.scalars(select(Language.code)) if c})


def many_languages_service(app) -> str:
    """The listed service that speaks the most languages (at least three in the demo region)."""
    with app.app_context():
        sid, count = db.session.execute(
            select(Language.service_id, func.count()).join(Service, Service.id == Language.service_id)
            .where(Service.status == "active").group_by(Language.service_id).order_by(func.count().desc(), Language.service_id)
        ).first()
    assert count >= 3
    return sid


def test_no_language_is_named_by_a_bare_code_or_none_in_any_interface_language(app):
    codes = data_codes(app) + INTERFACE + ["zh-Hant", "pt-BR", "ASE"]
    assert {"ase", "fcs", "cmn", "yue", "iu"} <= set(codes)
    assert set(app.config["LANGUAGES"]) == set(INTERFACE)
    bad = {}
    for reader in INTERFACE:
        locale = Locale.parse(reader)
        for code in codes:
            name = language_name(locale, code)
            if (not name.value or name.value in ("None", code) or name.value.lower() == code.lower().replace("-", "_")
                    or (name.fallback and name.lang == reader.replace("_", "-"))
                    or (not name.fallback and name.lang != reader.replace("_", "-"))):
                bad[(reader, code)] = name
    assert bad == {}


def test_names_fall_back_to_english_marked_as_english_and_cldr_aliases_before_that():
    iu = Locale.parse("iu")
    assert language_name(iu, "yue") == LocalText("Cantonese", "en", True)
    assert language_name(iu, "ase") == LocalText("American Sign Language", "en", True)
    assert language_name(Locale.parse("fr"), "fcs") == LocalText("langue des signes québécoise", "fr", False)
    assert language_name(Locale.parse("en"), "cmn") == LocalText("Mandarin", "en", False)
    # CLDR names Filipino but not Tagalog in Punjabi: its alias, in Punjabi, beats English.
    assert language_name(Locale.parse("pa"), "tl") == LocalText("ਫਿਲੀਪਿਨੋ", "pa", False)
    # Nobody knows the code: the record's own name, in the data's language; else the code, marked undetermined.
    assert language_name(Locale.parse("fr"), "qqq", "Klingon", "en") == LocalText("Klingon", "en", True)
    assert language_name(Locale.parse("en"), "qqq", "Klingon", "en") == LocalText("Klingon", "en", False)
    assert language_name(Locale.parse("fr"), "qqq") == LocalText("qqq", "und", True)


def test_the_table_only_names_in_interface_languages_and_only_what_cldr_lacks():
    assert localize.extra_language_names()
    for code, names in localize.extra_language_names().items():
        assert set(names) <= set(INTERFACE), code
        assert "en" in names or Locale.parse("en").languages.get(code), code  # the fallback names it
        for reader, name in names.items():
            assert name.strip() == name and name, (code, reader)
            assert not Locale.parse(reader).languages.get(code), f"CLDR already names {code} in {reader}"


@pytest.mark.parametrize(("lang", "chinese_here"), [
    ("iu", '<span class="here" lang="en">Simplified Chinese</span>'),  # CLDR has no Inuktitut names for Chinese: English, marked
    ("so", re.compile(r'<span class="here">[^<]+</span>')),  # CLDR's Somali name, in the page's language: unmarked
])
def test_filters_and_picker_show_names_marked_with_their_language(client, lang, chinese_here):
    html = client.get(f"/{lang}/search?q=food").get_data(as_text=True)
    options = dict(re.findall(r'<option value="([a-z]{2,3})"([^>]*)>', html))
    assert {"ase", "fcs", "cmn", "yue"} <= set(options)
    shown = re.findall(r'<option value="(?:[a-z]{2,3})"[^>]*>([^<]+)</option>', html)
    assert not {"ase", "fcs", "cmn", "yue", "None"} & set(shown)
    assert 'lang="en"' in options["ase"]
    picker = client.get(f"/{lang}/language").get_data(as_text=True)
    assert "None" not in picker
    link = re.search(r'<a href="/choose-language/zh_Hans[^"]*"[^>]*>(.*?)</a>', picker, re.S).group(1)
    assert re.search(chinese_here, link), link


def test_a_service_lists_its_languages_as_the_reader_language_lists_them(app, client):
    sid = many_languages_service(app)
    with app.app_context():
        codes = sorted(c for c in db.session.scalars(select(Language.code).where(Language.service_id == sid)) if c)

    def spoken(lang: str) -> str:
        html = client.get(f"/{lang}/services/{sid}").get_data(as_text=True)
        first = localize.marked(language_name(Locale.parse(lang), codes[0]))
        return next(p for p in re.findall(r"<section><h2>[^<]+</h2><p>(.*?)</p>", html, re.S) if str(first) in p)

    assert " and " in spoken("en") and ", " in spoken("en")
    assert " et " in spoken("fr")
    assert "، " in spoken("fa") and ", " not in spoken("fa")  # CLDR's Persian list pattern, not the Latin comma
    assert '<span lang="en" dir="auto">' in spoken("iu")  # English names on an Inuktitut page say so


def test_persian_pages_write_times_and_dates_in_persian_digits_but_phone_numbers_in_ascii(app, client):
    sid = many_languages_service(app)
    html = client.get(f"/fa/services/{sid}").get_data(as_text=True)
    week = html[html.index('<table class="week">'):html.index("</table>")]
    assert re.search("[۰-۹]{1,2}:[۰-۹]{2}", week) and not re.search("[0-9]", re.sub(r"<[^>]+>", "", week))
    hrefs = re.findall(r'href="(tel:[^"]+)"', html)
    assert len(hrefs) > 3, hrefs  # the crisis bar's three, and the service's own
    for href in hrefs:
        assert re.fullmatch(r"tel:\+?[0-9]+(;ext=[0-9]+)?", href)
    assert not re.search("[۰-۹]", "".join(re.findall(r'<bdi dir="ltr">([^<]*)</bdi>', html)))
    assert localize.with_digits("13:05", Locale.parse("fa")) == "۱۳:۰۵"
    assert localize.with_digits("13:05", Locale.parse("ar")) == "13:05"  # CLDR's default for "ar" is latn


def test_persian_pages_count_in_persian_digits_too(client):
    """Counts ("17 services", "page 1 of 2") read in the same digits as the times on the page."""
    home = client.get("/fa/").get_data(as_text=True)
    counts = re.findall(r'<span class="count">([^<]*)</span>', home)
    assert counts and all(re.search("[۰-۹]", c) and not re.search("[0-9]", c) for c in counts)
    english = client.get("/en/").get_data(as_text=True)
    assert all(re.search("[0-9]", c) for c in re.findall(r'<span class="count">([^<]*)</span>', english))
    assert localize.fill_message("%(num)d of %(total)s, call %(phone)s", {"num": 12, "total": 30, "phone": "211"},
                                 Locale.parse("fa")) == "۱۲ of ۳۰, call 211"  # numbers change, strings never do
    assert str(localize.fill_message("%(num)d <b>%(name)s</b>", {"num": 3, "name": "<i>"}, Locale.parse("en"),
                                     escape_html=True)) == "3 <b>&lt;i&gt;</b>"


def test_the_report_form_and_thanks_mark_a_service_name_in_another_language(app, client):
    from tests.test_feedback import service_id

    sid = service_id(app)
    html = client.get(f"/so/services/{sid}/report").get_data(as_text=True)
    assert re.search(r'<p class="report-about">[^<]*<span lang="en" dir="auto">[^<]+</span>', html)
    html = client.get(f"/en/services/{sid}/report").get_data(as_text=True)
    assert re.search(r'<p class="report-about">[^<]+</p>', html)  # in the page's language: nothing to mark


@pytest.mark.parametrize("reader", INTERFACE)
def test_the_clock_data_phones_get_writes_what_babel_writes(reader):
    """A Python rendering of the tokens (as cldr-format.js substitutes them) equals Babel's own output."""
    locale = Locale.parse(reader)
    data = localize.clock_data(locale, ("time", "date", "day", "when"))
    assert set(data["patterns"]) == {"time", "date", "day", "when"}

    def render(kind, d: date, t: time):
        out = []
        for token in data["patterns"][kind]:
            if isinstance(token, str):
                out.append(token)
                continue
            letter, width = token
            names = data["names"].get(f"{letter}{max(3, width) if letter in 'Ec' else width}")
            value = {"y": d.year, "d": d.day, "H": t.hour, "h": t.hour % 12 or 12, "K": t.hour % 12, "k": t.hour or 24,
                     "m": t.minute, "s": t.second}.get(letter)
            if letter in "ML":
                out.append(names[d.month - 1] if width >= 3 else str(d.month).zfill(width))
            elif letter in "Ec":
                out.append(names[d.weekday()])
            elif letter in "aB":
                out.append([w for start, w in names if start <= t.hour * 60 + t.minute][-1])
            else:
                out.append(str(value % 100 if letter == "y" and width == 2 else value).zfill(width))
        return localize.with_digits("".join(out), locale)

    for d in (date(2025, 1, 5), date(2025, 6, 17), date(2024, 12, 31)):
        assert render("date", d, time()) == localize.with_digits(format_date(d, "long", locale), locale)
        assert render("day", d, time()) == format_date(d, "EEEE", locale)
    for t in (time(0, 0), time(0, 30), time(9, 5), time(12, 0), time(12, 30), time(13, 0), time(18, 45), time(23, 59)):
        assert render("time", date(2025, 1, 1), t) == localize.with_digits(format_time(t, "short", locale=locale), locale)
    json.dumps(data)  # sent as it is


def test_offline_strings_carry_the_clock_the_list_pattern_and_marked_names(client):
    shell = client.get("/iu/offline").get_data(as_text=True)
    strings = json.loads(re.search(r'id="render-strings">(.*?)</script>', shell, re.S).group(1))
    assert strings["languageNames"]["fr"] != "fr" and strings["languageNames"]["es"] == ["Spanish", "en"]
    assert strings["list"]["2"] and strings["clock"]["names"]["E4"][0] == format_date(date(2025, 1, 6), "EEEE", "iu")
    fa = client.get("/fa/offline").get_data(as_text=True)
    strings = json.loads(re.search(r'id="render-strings">(.*?)</script>', fa, re.S).group(1))
    assert strings["clock"]["digits"] == "۰۱۲۳۴۵۶۷۸۹" and strings["list"] == dict(Locale.parse("fa").list_patterns["standard"])


def test_search_data_marks_language_names_in_another_language(app):
    with app.app_context():
        doc = search_data.document(db.session, "iu")
    named = {row[0]: row[1:] for row in doc["languages"]}
    assert named["ase"] == ["American Sign Language", "en"] and named["yue"] == ["Cantonese", "en"]
    with app.app_context():
        doc = search_data.document(db.session, "fr")
    assert {row[0]: row[1:] for row in doc["languages"]}["fcs"] == ["langue des signes québécoise"]
