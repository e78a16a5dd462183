#!/usr/bin/env python3
"""Checker for helper-B taxonomy translation files (standard library only).

Languages: en fr tl vi ko uk ru so ti iu (one <code>.json each in this folder).
(check.py, written by another helper, covers the other languages.)

Usage: python3 check_b.py [CSV_PATH] [--langs en,fr,...]
"""
import argparse
import csv
import json
import os
import unicodedata

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "pwa_app", "taxonomy_i18n")  # the data files
# The taxonomy in ../shared/data, beside the repository (a flag or argument overrides it).
CSV_DEFAULT = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                           "..", "shared", "data", "taxonomy", "open-eligibility", "taxonomy.csv")
LANGS = ["en", "fr", "tl", "vi", "ko", "uk", "ru", "so", "ti", "iu"]

# Unicode character-name prefix of the letters expected in names.
SCRIPT = {
    "en": "LATIN", "fr": "LATIN", "tl": "LATIN", "vi": "LATIN", "so": "LATIN",
    "ko": "HANGUL", "uk": "CYRILLIC", "ru": "CYRILLIC",
    "ti": "ETHIOPIC", "iu": "CANADIAN SYLLABICS",
}
# Latin acronyms tolerated inside names of non-Latin-script languages.
LATIN_TOKENS_OK = {"ko": {"HIV", "ESL"}, "iu": {"HIV"}}
MIN_SYNONYMS = {0: 4, 1: 2}          # by depth (number of hyphens in the code)
MAX_DEEP_SYNONYMS = 3           # deeper terms (2+ hyphens): optional, 0-3
MAX_SYNONYMS = 8
RU_ONLY = set("ыэёъЫЭЁЪ")
UK_ONLY = set("іїєґІЇЄҐ")
VI_MARKS = set("ăâđêôơưĂÂĐÊÔƠƯ") | {c for c in "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"}
TRANSLATED_BY = "Passerelle developers (machine-assisted draft)"


def key(s):
    return unicodedata.normalize("NFC", s).strip().casefold()


def letters_ok(text, prefix, extra_prefixes=(), tokens_ok=()):
    """Return the letters of `text` that are not in the expected script."""
    for tok in tokens_ok:
        text = text.replace(tok, " ")
    bad = []
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith(prefix) or any(name.startswith(p) for p in extra_prefixes):
            continue
        bad.append(ch)
    return bad


def check_lang(lang, rows, errors):
    def err(msg):
        errors.append(f"{lang}: {msg}")

    path = os.path.join(HERE, lang + ".json")
    if not os.path.exists(path):
        err(f"missing file {path}")
        return
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    doc = json.loads(raw)
    canonical = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True)
    if raw.rstrip("\n") != canonical:
        err("file is not pretty-printed UTF-8 JSON with sorted keys")
    if doc.get("language") != lang:
        err(f"language field is {doc.get('language')!r}")
    if doc.get("translated_by") != TRANSLATED_BY:
        err(f"translated_by is {doc.get('translated_by')!r}")
    if not isinstance(doc.get("reviewed_by_fluent_speaker"), bool):
        err("reviewed_by_fluent_speaker must be a boolean")
    terms = doc.get("terms") or {}
    codes = [r["taxonomy_id"] for r in rows]
    missing = [c for c in codes if c not in terms]
    extra = sorted(set(terms) - set(codes))
    if missing:
        err(f"{len(missing)} codes missing, e.g. {missing[:5]}")
    if extra:
        err(f"unknown codes {extra[:5]}")
    prefix = SCRIPT[lang]
    siblings = {}
    vi_marked = 0
    for r in rows:
        code = r["taxonomy_id"]
        t = terms.get(code)
        if t is None:
            continue
        if set(t) != {"name", "synonyms"}:
            err(f"{code}: unexpected fields {sorted(t)}")
        name = t.get("name")
        syns = t.get("synonyms")
        if not isinstance(name, str) or not name.strip():
            err(f"{code}: empty name")
            continue
        if name != name.strip() or "  " in name:
            err(f"{code}: stray whitespace in name {name!r}")
        if unicodedata.normalize("NFC", name) != name:
            err(f"{code}: name not NFC")
        if lang == "en" and name != r["name"]:
            err(f"{code}: English name {name!r} differs from official {r['name']!r}")
        bad = letters_ok(name, prefix, tokens_ok=LATIN_TOKENS_OK.get(lang, ()))
        if bad:
            err(f"{code}: name {name!r} has letters outside {prefix} script: {''.join(bad)!r}")
        if lang == "uk" and set(name) & RU_ONLY:
            err(f"{code}: Russian-only letters in Ukrainian name {name!r}")
        if lang == "ru" and set(name) & UK_ONLY:
            err(f"{code}: Ukrainian-only letters in Russian name {name!r}")
        if lang == "vi" and set(name) & VI_MARKS:
            vi_marked += 1
        if not isinstance(syns, list) or not all(isinstance(s, str) for s in syns):
            err(f"{code}: synonyms must be a list of strings")
            continue
        depth = code.count("-")
        need = MIN_SYNONYMS.get(depth, 0)
        if len(syns) < need:
            err(f"{code} ({r['name']}): {len(syns)} synonyms, need >= {need:d}")
        if depth >= 2 and len(syns) > MAX_DEEP_SYNONYMS:
            err(f"{code}: {len(syns)} synonyms for a deeper term, max {MAX_DEEP_SYNONYMS:d}")
        if len(syns) > MAX_SYNONYMS:
            err(f"{code}: too many synonyms ({len(syns)})")
        seen = {key(name)}
        for s in syns:
            if not s.strip() or s != s.strip():
                err(f"{code}: empty or untrimmed synonym {s!r}")
                continue
            if unicodedata.normalize("NFC", s) != s:
                err(f"{code}: synonym not NFC {s!r}")
            if key(s) in seen:
                err(f"{code}: duplicate synonym or synonym repeats name: {s!r}")
            seen.add(key(s))
            # Synonyms may also hold Latin-script words people type (English
            # loanwords, acronyms, romanized Inuktitut).
            bad = letters_ok(s, prefix, extra_prefixes=("LATIN",))
            if bad:
                err(f"{code}: synonym {s!r} has letters outside expected script: {''.join(bad)!r}")
            if lang == "uk" and set(s) & RU_ONLY:
                err(f"{code}: Russian-only letters in Ukrainian synonym {s!r}")
            if lang == "ru" and set(s) & UK_ONLY:
                err(f"{code}: Ukrainian-only letters in Russian synonym {s!r}")
        sib = siblings.setdefault(r["parent_id"], {})
        if key(name) in sib:
            err(f"{code}: same name {name!r} as sibling {sib[key(name)]}")
        sib[key(name)] = code
    if lang == "vi" and terms and vi_marked < 0.8 * len(terms):
        err(f"only {vi_marked:d}/{len(terms)} names carry Vietnamese diacritics")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("csv_path", nargs="?", default=CSV_DEFAULT)
    ap.add_argument("--langs", default=",".join(LANGS))
    args = ap.parse_args(argv)
    with open(args.csv_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 290, f"expected 290 taxonomy rows, got {len(rows)}"
    assert len({r["taxonomy_id"] for r in rows}) == len(rows), "duplicate codes in CSV"
    errors = []
    langs = [code for code in args.langs.split(",") if code]
    for lang in langs:
        assert lang in SCRIPT, f"not one of helper B's languages: {lang}"
        check_lang(lang, rows, errors)
    for e in errors[:200]:
        print(e)
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
    assert not errors, f"{len(errors)} problem(s) found"
    print(f"OK: {', '.join(langs)} ({len(rows)} codes each)")


if __name__ == "__main__":
    main()
