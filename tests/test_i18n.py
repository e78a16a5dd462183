"""Catalogues: complete for every configured language, and pages in the right language."""
from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from pwa_app.views.curate import CURATE_LANGUAGES
from pwa_app.web.config import Config
from pwa_app.web.i18n import CATALOGUE_FOLDERS

TRANSLATIONS = Path(__file__).resolve().parents[1] / "translations"


def catalogue(lang: str):
    with (TRANSLATIONS / CATALOGUE_FOLDERS.get(lang, lang) / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


@pytest.mark.parametrize("lang", Config.LANGUAGES)
def test_catalogue_is_complete(lang):
    with (TRANSLATIONS / "messages.pot").open("rb") as f:
        template = read_po(f)
    cat = catalogue(lang)
    wanted = {m.id for m in template if m.id}
    have = {m.id for m in cat if m.id}
    assert wanted - have == set(), "run `flask --app pwa_app translate update`"
    for m in cat:
        if not m.id:
            continue
        assert not m.fuzzy, m.id
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        assert all(strings) and len(strings) == (cat.num_plurals if isinstance(m.id, tuple) else 1), m.id


@pytest.mark.parametrize("lang", Config.LANGUAGES)
def test_catalogue_header_says_who_translated_and_review_status(lang):
    header = catalogue(lang).header_comment
    assert "Translated by:" in header and "Review:" in header


@pytest.mark.parametrize("which", [0, 1], ids=["messages", "curate"])
def test_template_is_current(tmp_path, which):
    """messages.pot and curate.pot hold every string in the code: re-extracting changes nothing."""
    from babel.messages.frontend import CommandLineInterface

    from pwa_app.cli.translate import extract_arguments

    args = extract_arguments(TRANSLATIONS.parent)[which]
    out = tmp_path / "fresh.pot"
    current_file = Path(args[args.index("-o") + 1])
    args[args.index("-o") + 1] = str(out)
    CommandLineInterface().run(["pybabel", "-q", "extract", *args])
    with out.open("rb") as f:
        fresh = {m.id for m in read_po(f) if m.id}
    with current_file.open("rb") as f:
        current = {m.id for m in read_po(f) if m.id}
    assert fresh == current, "run `flask --app pwa_app translate extract` and `update`"


@pytest.mark.parametrize("lang", CURATE_LANGUAGES)
def test_the_curators_catalogue_is_complete(lang):
    """The curators' screens (issue 19) are whole in English and French: every string, nothing fuzzy."""
    with (TRANSLATIONS / "curate.pot").open("rb") as f:
        wanted = {m.id for m in read_po(f) if m.id}
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "curate.po").open("rb") as f:
        cat = read_po(f, locale=lang)
    assert wanted - {m.id for m in cat if m.id} == set(), "run `flask --app pwa_app translate update`"
    for m in cat:
        if m.id:
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            assert not m.fuzzy and all(strings), m.id
    assert "Translated by:" in cat.header_comment and "Review:" in cat.header_comment
