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
import sys
import unicodedata

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "pwa_app", "taxonomy_i18n")  # the data files
CSV_DEFAULT = "/work/shared/data/taxonomy/open-eligibility/taxonomy.csv"
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
        errors.append("%s: %s" % (lang, msg))

    path = os.path.join(HERE, lang + ".json")
    if not os.path.exists(path):
        err("missing file %s" % path)
        return
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    doc = json.loads(raw)
    canonical = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True)
    if raw.rstrip("\n") != canonical:
        err("file is not pretty-printed UTF-8 JSON with sorted keys")
    if doc.get("language") != lang:
        err("language field is %r" % doc.get("language"))
    if doc.get("translated_by") != TRANSLATED_BY:
        err("translated_by is %r" % doc.get("translated_by"))
    if not isinstance(doc.get("reviewed_by_fluent_speaker"), bool):
        err("reviewed_by_fluent_speaker must be a boolean")
    terms = doc.get("terms") or {}
    codes = [r["taxonomy_id"] for r in rows]
    missing = [c for c in codes if c not in terms]
    extra = sorted(set(terms) - set(codes))
    if missing:
        err("%d codes missing, e.g. %s" % (len(missing), missing[:5]))
    if extra:
        err("unknown codes %s" % extra[:5])
    prefix = SCRIPT[lang]
    siblings = {}
    vi_marked = 0
    for r in rows:
        code = r["taxonomy_id"]
        t = terms.get(code)
        if t is None:
            continue
        if set(t) != {"name", "synonyms"}:
            err("%s: unexpected fields %s" % (code, sorted(t)))
        name = t.get("name")
        syns = t.get("synonyms")
        if not isinstance(name, str) or not name.strip():
            err("%s: empty name" % code)
            continue
        if name != name.strip() or "  " in name:
            err("%s: stray whitespace in name %r" % (code, name))
        if unicodedata.normalize("NFC", name) != name:
            err("%s: name not NFC" % code)
        if lang == "en" and name != r["name"]:
            err("%s: English name %r differs from official %r" % (code, name, r["name"]))
        bad = letters_ok(name, prefix, tokens_ok=LATIN_TOKENS_OK.get(lang, ()))
        if bad:
            err("%s: name %r has letters outside %s script: %r" % (code, name, prefix, "".join(bad)))
        if lang == "uk" and set(name) & RU_ONLY:
            err("%s: Russian-only letters in Ukrainian name %r" % (code, name))
        if lang == "ru" and set(name) & UK_ONLY:
            err("%s: Ukrainian-only letters in Russian name %r" % (code, name))
        if lang == "vi" and set(name) & VI_MARKS:
            vi_marked += 1
        if not isinstance(syns, list) or not all(isinstance(s, str) for s in syns):
            err("%s: synonyms must be a list of strings" % code)
            continue
        depth = code.count("-")
        need = MIN_SYNONYMS.get(depth, 0)
        if len(syns) < need:
            err("%s (%s): %d synonyms, need >= %d" % (code, r["name"], len(syns), need))
        if depth >= 2 and len(syns) > MAX_DEEP_SYNONYMS:
            err("%s: %d synonyms for a deeper term, max %d" % (code, len(syns), MAX_DEEP_SYNONYMS))
        if len(syns) > MAX_SYNONYMS:
            err("%s: too many synonyms (%d)" % (code, len(syns)))
        seen = {key(name)}
        for s in syns:
            if not s.strip() or s != s.strip():
                err("%s: empty or untrimmed synonym %r" % (code, s))
                continue
            if unicodedata.normalize("NFC", s) != s:
                err("%s: synonym not NFC %r" % (code, s))
            if key(s) in seen:
                err("%s: duplicate synonym or synonym repeats name: %r" % (code, s))
            seen.add(key(s))
            # Synonyms may also hold Latin-script words people type (English
            # loanwords, acronyms, romanized Inuktitut).
            bad = letters_ok(s, prefix, extra_prefixes=("LATIN",))
            if bad:
                err("%s: synonym %r has letters outside expected script: %r" % (code, s, "".join(bad)))
            if lang == "uk" and set(s) & RU_ONLY:
                err("%s: Russian-only letters in Ukrainian synonym %r" % (code, s))
            if lang == "ru" and set(s) & UK_ONLY:
                err("%s: Ukrainian-only letters in Russian synonym %r" % (code, s))
        sib = siblings.setdefault(r["parent_id"], {})
        if key(name) in sib:
            err("%s: same name %r as sibling %s" % (code, name, sib[key(name)]))
        sib[key(name)] = code
    if lang == "vi" and terms and vi_marked < 0.8 * len(terms):
        err("only %d/%d names carry Vietnamese diacritics" % (vi_marked, len(terms)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("csv_path", nargs="?", default=CSV_DEFAULT)
    ap.add_argument("--langs", default=",".join(LANGS))
    args = ap.parse_args(argv)
    with open(args.csv_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 290, "expected 290 taxonomy rows, got %d" % len(rows)
    assert len({r["taxonomy_id"] for r in rows}) == len(rows), "duplicate codes in CSV"
    errors = []
    langs = [l for l in args.langs.split(",") if l]
    for lang in langs:
        assert lang in SCRIPT, "not one of helper B's languages: %s" % lang
        check_lang(lang, rows, errors)
    for e in errors[:200]:
        print(e)
    if errors:
        print("FAILED: %d problem(s)" % len(errors))
    assert not errors, "%d problem(s) found" % len(errors)
    print("OK: %s (%d codes each)" % (", ".join(langs), len(rows)))


if __name__ == "__main__":
    main()
