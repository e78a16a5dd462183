"""The taxonomy translations (pwa_app/taxonomy_i18n/<lang>.json) pass the one check, and the check can fail.

The JSON files are the only source of the category names and synonyms; `pwa_app.present.taxonomy_check` is
their only check. Broken copies, written to tmp_path, prove each kind of mistake is reported.
"""
from __future__ import annotations

import json
import subprocess
import sys
import unicodedata

import pytest

from pwa_app.present import taxonomy_check
from pwa_app.web.config import Config
from pwa_app.present.taxonomy_names import DATA  # the files the app loads

from .conftest import SHARED_DATA

TAXONOMY = SHARED_DATA / "taxonomy" / "open-eligibility" / "taxonomy.csv"


def test_every_interface_language_has_a_file():
    assert sorted(p.stem for p in DATA.glob("*.json")) == sorted(Config.LANGUAGES)
    assert sorted(taxonomy_check.SCRIPT_OF) == sorted(Config.LANGUAGES)
    assert len(taxonomy_check.load_taxonomy(TAXONOMY)) == 290  # the Open Eligibility taxonomy, whole


@pytest.mark.parametrize("lang", Config.LANGUAGES)
def test_the_translations_pass_the_check(lang):
    assert taxonomy_check.check(DATA, TAXONOMY, [lang]) == []


def test_the_command_line_checks_every_file(capsys):
    assert taxonomy_check.main([str(TAXONOMY)]) == 0
    assert capsys.readouterr().out == f"ok: {', '.join(sorted(Config.LANGUAGES))} (290 codes each)\n"
    assert taxonomy_check.main([str(TAXONOMY), "--lang", "fa,xx"]) == 1
    assert capsys.readouterr().out == f"xx: no file {DATA / 'xx.json'}\n"


def test_the_check_needs_no_flask():
    """Translators run it with the standard library alone: loaded on its own, it imports no Flask."""
    code = ("import importlib.util, sys\n"
            f"spec = importlib.util.spec_from_file_location('taxonomy_check', {taxonomy_check.__file__!r})\n"
            "module = importlib.util.module_from_spec(spec)\n"
            "spec.loader.exec_module(module)\n"
            "assert 'flask' not in sys.modules, 'flask imported'\n")
    subprocess.run([sys.executable, "-c", code], check=True)


# Broken copies ------------------------------------------------------------------------------------


def write(folder, lang, doc):
    text = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (folder / f"{lang}.json").write_text(text, encoding="utf-8")


def problems_after(tmp_path, lang, edit):
    """The check's problems with a copy of <lang>.json changed by `edit(terms)`."""
    doc = json.loads((DATA / f"{lang}.json").read_text(encoding="utf-8"))
    edit(doc["terms"])
    write(tmp_path, lang, doc)
    return taxonomy_check.check(tmp_path, TAXONOMY, [lang])


def test_a_missing_code_is_reported(tmp_path):
    problems = problems_after(tmp_path, "fr", lambda terms: terms.pop("102-01"))
    assert problems == ["fr: 1 taxonomy codes missing: ['102-01']"]


def test_an_unknown_code_is_reported(tmp_path):
    problems = problems_after(tmp_path, "so", lambda terms: terms.update({"999": terms["102"]}))
    assert problems == ["so: codes not in the taxonomy: ['999']"]


def test_a_repeated_code_is_reported(tmp_path):
    text = (DATA / "ti.json").read_text(encoding="utf-8")
    repeated = text.replace('"terms": {', '"terms": {\n"102": {"name": "መግቢ", "synonyms": []},', 1)
    (tmp_path / "ti.json").write_text(repeated, encoding="utf-8")
    problems = taxonomy_check.check(tmp_path, TAXONOMY, ["ti"])
    assert "ti: key '102' repeated in the JSON" in problems
    assert any("not written as json.dumps" in p for p in problems)


def test_a_duplicate_synonym_is_reported(tmp_path):
    # "COMIDA" repeats "comida" (compared case-insensitively)
    problems = problems_after(tmp_path, "es", lambda terms: terms["102"]["synonyms"].append("COMIDA"))
    assert problems == ["es 102 (Food): duplicate synonym 'COMIDA'"]


def test_a_synonym_equal_to_the_name_is_reported(tmp_path):
    problems = problems_after(tmp_path, "uk", lambda terms: terms["102"]["synonyms"].append("харчування"))
    assert problems == ["uk 102 (Food): synonym repeats the name: 'харчування'"]


def test_a_duplicate_synonym_is_found_after_nfc(tmp_path):
    # "épicerie" decomposed (e + combining acute) repeats "épicerie": reported as a repeat and as not NFC
    decomposed = unicodedata.normalize("NFD", "épicerie")
    problems = problems_after(tmp_path, "fr", lambda terms: terms["102"]["synonyms"].append(decomposed))
    assert f"fr 102 (Food): duplicate synonym {decomposed!r}" in problems
    assert any(p.startswith("fr 102 (Food): synonym not NFC-normalised") for p in problems), problems


@pytest.mark.parametrize(("lang", "name", "script", "letters"), [
    ("ru", "Food", "Cyrillic", "Fdo"),
    ("iu", "niqiit", "Canadian syllabics", "inqt"),  # romanised Inuktitut: only for synonyms
    ("ti", "Food", "Ethiopic", "Fdo"),
    ("pa", "भोजन", "Gurmukhi", "जनभ"),  # Hindi's script in Punjabi
    ("zh_Hans", "음식", "Han (CJK)", "식음"),
])
def test_a_name_in_the_wrong_script_is_reported(tmp_path, lang, name, script, letters):
    problems = problems_after(tmp_path, lang, lambda terms: terms["102"].update(name=name))
    assert problems[0].startswith(f"{lang} 102 (Food): letters {letters!r} outside the {script} script in name {name!r}")
    assert problems[1:] == [f"{lang} 102 (Food): name has no {script} letters: {name!r}"]


def test_only_the_acronyms_of_the_official_names_pass_in_another_script(tmp_path):
    assert problems_after(tmp_path, "ko", lambda terms: terms["106-06-07-02"].update(name="HIV 치료")) == []
    problems = problems_after(tmp_path, "ko", lambda terms: terms["106-06-07-02"].update(name="AIDS 치료"))
    assert problems == ["ko 106-06-07-02 (HIV Treatment): letters 'ADIS' outside the Hangul script in name "
                        "'AIDS 치료' (acronyms allowed: ESL, GED, HIV)"]


def test_latin_synonyms_pass_but_another_script_does_not(tmp_path):
    assert problems_after(tmp_path, "ta", lambda terms: terms["102"]["synonyms"].append("saappaadu")) == []
    problems = problems_after(tmp_path, "ta", lambda terms: terms["102"]["synonyms"].append("खाना"))
    assert problems == ["ta 102 (Food): letters 'खन' outside the Tamil and Latin scripts in synonym 'खाना'"]


def test_a_string_not_in_nfc_is_reported(tmp_path):
    name = unicodedata.normalize("NFD", "Aide d'urgence en espèces")
    problems = problems_after(tmp_path, "fr", lambda terms: terms["101-02"].update(name=name))
    assert problems == [f"fr 101-02 (Emergency Cash): name not NFC-normalised: {name!r} "
                        f"(NFC: \"Aide d'urgence en espèces\")"]


def test_a_persian_kaf_in_arabic_is_reported(tmp_path):
    problems = problems_after(tmp_path, "ar", lambda terms: terms["101-01"].update(name="الاستجابة للکوارث"))
    assert problems == ["ar 101-01 (Disaster Response): keheh (U+06A9, Persian kaf) in Arabic text; use kaf (U+0643): "
                        "'الاستجابة للکوارث'"]


def test_an_arabic_yeh_in_persian_and_an_arabic_heh_in_urdu_are_reported(tmp_path):
    problems = problems_after(tmp_path, "fa", lambda terms: terms["102"]["synonyms"].append("مواد غذائي"))
    assert problems == ["fa 102 (Food): Arabic yeh (U+064A) in Persian text; use U+06CC: 'مواد غذائي'"]
    problems = problems_after(tmp_path, "ur", lambda terms: terms["102"]["synonyms"].append("کھانه"))
    assert problems == ["ur 102 (Food): Arabic heh (U+0647) in Urdu text; use U+06C1 or U+06BE: 'کھانه'"]


def test_a_traditional_character_in_simplified_chinese_is_reported(tmp_path):
    problems = problems_after(tmp_path, "zh_Hans", lambda terms: terms["104-04"].update(name="醫疗用品"))
    assert problems == ["zh_Hans 104-04 (Medical Supplies): traditional-only characters 醫 in Simplified Chinese "
                        "name '醫疗用品'"]


def test_a_simplified_character_in_traditional_chinese_is_reported(tmp_path):
    problems = problems_after(tmp_path, "zh_Hant", lambda terms: terms["106"]["synonyms"].append("医院"))
    assert problems == ["zh_Hant 106 (Health): simplified-only characters 医 in Traditional Chinese synonym '医院'"]


def test_russian_letters_in_ukrainian_are_reported(tmp_path):
    problems = problems_after(tmp_path, "uk", lambda terms: terms["102"]["synonyms"].append("еда"))
    assert problems == []  # "еда" has no Russian-only letter: the check is narrow, by design
    problems = problems_after(tmp_path, "uk", lambda terms: terms["102"]["synonyms"].append("съесть"))
    assert problems == ["uk 102 (Food): Russian-only letters ъ in Ukrainian synonym 'съесть'"]


@pytest.mark.parametrize(("lang", "edit", "expected"), [
    ("es", lambda t: t["102"].update(synonyms=["comida"]),
     "es 102 (Food): 1 synonyms, need at least 4 at this level"),
    ("es", lambda t: t["102-02"].update(synonyms=[]),
     "es 102-02 (Emergency Food): 0 synonyms, need at least 2"),
    ("es", lambda t: t["101-02-01"]["synonyms"].extend(["uno", "dos"]),
     "es 101-02-01 (Help Pay for Food): 5 synonyms, at most 3 for a term this deep"),
    ("es", lambda t: t["102"]["synonyms"].extend(["uno", "dos", "tres", "cuatro"]),
     "es 102 (Food): 9 synonyms, at most 8"),
    ("so", lambda t: t["102"].update(name=" Cunto"), "so 102 (Food): stray whitespace in name ' Cunto'"),
    ("so", lambda t: t["102"]["synonyms"].append(""), "so 102 (Food): empty synonym ''"),
    ("tl", lambda t: t["102"].update(name="Pagkain\u200b"),
     "tl 102 (Food): control, private-use or invisible characters U+200B"),
    ("tl", lambda t: t["102"].update(note="x"), "tl 102 (Food): fields ['name', 'note', 'synonyms']"),
    ("en", lambda t: t["102"].update(name="Meals"),
     "en 102 (Food): English name 'Meals' differs from the official 'Food'"),
    ("fr", lambda t: t["102-05"].update(name=t["102-04"]["name"].upper()),
     "fr 102-05 (Free Meals): same name 'BANQUE ALIMENTAIRE' as its sibling 102-04"),
    ("vi", lambda t: [term.update(name="Thuc pham") for term in t.values()],
     "vi: only 0 of 290 names carry Vietnamese diacritics"),
])
def test_other_rules(tmp_path, lang, edit, expected):
    problems = problems_after(tmp_path, lang, edit)
    assert any(p.startswith(expected) for p in problems), problems


def test_the_header_is_checked(tmp_path):
    doc = json.loads((DATA / "ko.json").read_text(encoding="utf-8"))
    doc.update(language="kr", reviewed_by_fluent_speaker="no", translated_by="")
    write(tmp_path, "ko", doc)
    assert taxonomy_check.check(tmp_path, TAXONOMY, ["ko"]) == [
        "ko: 'language' is 'kr', expected 'ko' (the file's name)",
        "ko: 'translated_by' missing or empty",
        "ko: 'reviewed_by_fluent_speaker' must be true or false",
    ]
