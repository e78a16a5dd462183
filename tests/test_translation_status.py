"""How each language was made, said the same way by the README, each catalogue's header and /<lang>/about;
and the catalogue corrections of issue 13 (wordings that could mislead someone looking for help)."""
from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from pwa_app.web import i18n
from pwa_app.web.config import Config

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "translations"
HOURS = ("Hours", "Hours at this location", "Hours not listed", "Hours are not listed. Call before you go.",
         "Opening hours for the next 7 days", "Open now", "Open 24 hours", "Open on", "Open now · closes %(time)s",
         "Open now · closes %(day)s %(time)s", "Closed", "Closed (holiday)", "Closed · opens today %(time)s",
         "Closed · opens tomorrow %(time)s", "Closed · opens %(day)s %(time)s")


def catalogue(lang: str):
    with (TRANSLATIONS / i18n.CATALOGUE_FOLDERS.get(lang, lang) / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


def strings(lang: str) -> dict[str, str]:
    """msgid -> msgstr (plural entries by their singular msgid, their forms joined)."""
    out = {}
    for m in catalogue(lang):
        if m.id:
            key = m.id[0] if isinstance(m.id, tuple) else m.id
            out[key] = " | ".join(m.string) if isinstance(m.string, tuple) else m.string
    return out


def status(lang: str) -> dict[str, str]:
    return i18n.catalogue_status(lang, str(TRANSLATIONS))


def readme_originals() -> set[str]:
    section = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## Languages", 1)[1].split("\n## ", 1)[0]
    sentence = re.search(r"([^.]*) are the originals", " ".join(section.split()))
    assert sentence, "the README's Languages section says which languages are the originals"
    return set(re.findall(r"`(\w+)`", sentence.group(1)))


# How each language was made ---------------------------------------------------------------------------

def test_readme_originals_are_the_catalogues_whose_header_says_original():
    originals = {code for code in Config.LANGUAGES if status(code)["kind"] == "original"}
    assert readme_originals() == originals == {"en", "fr"}


@pytest.mark.parametrize("lang", Config.LANGUAGES)
def test_header_states_one_known_status(lang):
    s = status(lang)
    assert s["translated_by"] and s["review"], lang
    if s["kind"] == "reviewed":  # nobody has reviewed any of them yet: a "reviewed" header must name who did
        assert re.match(r"reviewed by \w", s["review"], re.I), s
    if s["kind"] != "original":
        assert "(machine-assisted draft)" in s["translated_by"], (lang, s)  # today every other one is a draft


def test_about_page_shows_each_language_as_its_header_says(client):
    """On every language's about page, each row says what that language's header says, in the page's language."""
    langs = {code.replace("_", "-"): code for code in Config.LANGUAGES}
    for page_lang in Config.LANGUAGES:
        words = strings(page_lang)
        label = {"original": words["Original language"], "reviewed": words["Reviewed"],
                 "draft": words["Not reviewed yet (machine-assisted draft)"], "unreviewed": words["Not reviewed yet"]}
        body = client.get(f"/{page_lang}/about").get_data(as_text=True)
        rows = dict(re.findall(r'<span lang="([^"]+)"[^>]*>[^<]*</span></th>\s*<td>(.*?)</td>', body, re.S))
        assert set(rows) == set(langs), page_lang
        for bcp47, cell in rows.items():
            code = langs[bcp47]
            assert html.unescape(cell.strip()) == label[status(code)["kind"]], (page_lang, code, cell)


def test_french_about_page_calls_french_an_original(client):
    body = client.get("/fr/about").get_data(as_text=True)
    cell = re.search(r'<span lang="fr"[^>]*>Français</span></th>\s*<td>(.*?)</td>', body, re.S).group(1)
    assert html.unescape(cell) == "Langue d’origine"
    assert "assistée par machine" not in html.unescape(cell)


def test_about_page_rule_follows_the_header_not_the_code(client, monkeypatch):
    """A reviewed language shows as reviewed, a human translation nobody reviewed as plainly "not reviewed"."""
    fake = {"fr": {"translated_by": "someone", "review": "reviewed by A. Person, 2027-01-01", "kind": "reviewed"},
            "es": {"translated_by": "a volunteer", "review": "not yet reviewed", "kind": "unreviewed"},
            "en": {"translated_by": "x (machine-assisted draft)", "review": "not yet", "kind": "draft"}}
    real = i18n.catalogue_status
    monkeypatch.setattr(i18n, "catalogue_status", lambda code, folder: fake.get(code) or real(code, folder))
    body = client.get("/en/about").get_data(as_text=True)
    cells = dict(re.findall(r'<span lang="([^"]+)"[^>]*>[^<]*</span></th>\s*<td>(.*?)</td>', body, re.S))
    assert cells["fr"] == "Reviewed"
    assert cells["es"] == "Not reviewed yet"
    assert cells["en"] == "Not reviewed yet (machine-assisted draft)"


@pytest.mark.parametrize(("header", "kind"), [
    ("# Translated by: Passerelle developers (machine-assisted draft).\n# Review: not yet reviewed.\n", "draft"),
    ("# Translated by: A. Volunteer.\n# Review: not yet reviewed by a fluent speaker.\n", "unreviewed"),
    ("# Translated by: Passerelle developers (machine-assisted draft).\n# Review: reviewed by B. Speaker, 2027.\n",
     "reviewed"),
    ("# Translated by: the developers.\n# Review: original language.\n", "original"),
    # A "not yet reviewed" is not "reviewed"; a flag line does not continue the review.
    ("# Translated by: A. Volunteer.\n# Review: not reviewed.\n#, fuzzy\n", "unreviewed"),
    # Wrapped lines (as `pybabel update` rewraps a long header) still count.
    ("# Translated by: Passerelle developers, with a long note about how it was\n# made (machine-assisted draft).\n"
     "# Review: not yet reviewed by a fluent speaker.\n", "draft"),
])
def test_catalogue_status_reads_the_header(tmp_path, header, kind):
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(header + 'msgid ""\nmsgstr ""\n', encoding="utf-8")
    assert i18n.catalogue_status("xx", str(tmp_path))["kind"] == kind


@pytest.mark.parametrize("lang", ["en", "fr", "ko", "iu", "zh_Hant"])
def test_status_survives_pybabel_rewrapping_the_header(tmp_path, lang):
    """`flask translate update` rewrites every catalogue at 76 columns: the status must read the same after."""
    folder = tmp_path / i18n.CATALOGUE_FOLDERS.get(lang, lang) / "LC_MESSAGES"
    folder.mkdir(parents=True)
    out = io.BytesIO()
    write_po(out, catalogue(lang), width=76)
    (folder / "messages.po").write_bytes(out.getvalue())
    assert i18n.catalogue_status(lang, str(tmp_path))["kind"] == status(lang)["kind"]


# The corrections -------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "fr", "ko", "uk", "zh_Hans", "zh_Hant", "iu"])
def test_open_now_status_lines_start_with_the_open_now_filter_words(lang):
    """"Open now" reads the same in the filter and in "Open now · closes …"; the three "Closed · opens …" agree."""
    s = strings(lang)
    for msgid in ("Open now · closes %(time)s", "Open now · closes %(day)s %(time)s"):
        assert s[msgid].startswith(s["Open now"]), (lang, msgid, s[msgid])
    closed = {s[m].split(" · ")[0] for m in HOURS if m.startswith("Closed · ")}
    assert len(closed) == 1, (lang, closed)


def test_korean_closed_never_reads_as_shut_down_for_good():
    s = strings("ko")
    for msgid in HOURS:
        assert "종료" not in s[msgid], (msgid, s[msgid])  # 운영 종료: "operation ended"
    assert s["Closed"] == "휴무" and s["Closed (holiday)"].startswith("휴무")
    assert s["Closed · opens today %(time)s"].startswith("지금은 운영 시간 아님")


def test_ukrainian_skip_link_jumps_to_the_main_content():
    s = strings("uk")["Skip to content"]
    assert s == "Перейти до основного вмісту"
    assert "змісту" not in s  # "table of contents"


def test_simplified_chinese_uses_one_word_for_open():
    s = strings("zh_Hans")
    for msgid, text in s.items():
        assert "开放" not in text, (msgid, text)
    for msgid in HOURS:
        assert "关闭" not in s[msgid], (msgid, s[msgid])
    for msgid in ("Hours", "Open now", "Open 24 hours", "Open on", "Opening hours for the next 7 days",
                  "Closed · opens today %(time)s", "Open now · closes %(time)s"):
        assert "营业" in s[msgid], (msgid, s[msgid])


HONG_KONG_ONLY = ("網絡", "短訊", "電郵", "網上", "住屋", "社交媒體", "軟件", "打印", "用戶", "信息", "視頻", "鏈接",
                  "手提電話", "質素", "開帳戶", "致電", "這部手機")


def test_traditional_chinese_follows_taiwan_usage_throughout():
    cat = catalogue("zh_Hant")
    assert "Taiwan (zh-TW)" in cat.header_comment
    s = strings("zh_Hant")
    for msgid, text in s.items():
        for word in HONG_KONG_ONLY + ("開放",):
            assert word not in text, (word, msgid, text)
    assert s["Text message"] == "簡訊" and "簡訊" in s["Text"]
    assert "資訊" in s["Where the information comes from"]
    for msgid in ("Hours", "Open now", "Open 24 hours", "Open on", "Closed · opens today %(time)s"):
        assert "營業" in s[msgid], (msgid, s[msgid])


LATIN = re.compile(r"[A-Za-z]")


def test_inuktitut_exit_extension_and_clear_are_in_syllabics():
    s = strings("iu")
    for msgid in ("Quick exit", "ext. %(ext)s", "Yes, clear everything", "Next", "Suicide crisis line %(number)s"):
        text = re.sub(r"%\(\w+\)s", "", s[msgid])
        assert not LATIN.search(text), (msgid, s[msgid])
    assert "ext." not in s["ext. %(ext)s"]
    # ᑐᑭᓕᒃ means "meaningful", not "all": clearing data says ᑕᒪᐃᓐᓂ.
    assert "ᑐᑭᓕ" not in s["Yes, clear everything"] and "ᑕᒪᐃᓐᓂ" in s["Yes, clear everything"]
    assert "ᑐᑭᓕ" not in s["This deletes everything Passerelle keeps on this phone: saved lists and notes, "
                           "reports waiting to be sent, and the directory saved for offline use."]
    header = catalogue("iu").header_comment
    for msgid in ("Quick exit", "ext. %(ext)s"):
        assert f'"{msgid}"' in header  # named among the uncertain wordings
