#!/usr/bin/env python3
"""Write ../<lang>.json from the translation table in src_a/<lang>.py.

Usage: python3 src_a/build_a.py LANG [LANG ...] [--csv PATH]

Each src_a/<lang>.py defines
    LANG = "es"
    T = {"English name": ("translated name", ["synonym", ...]), ...}
    BY_CODE = {"101-02": ("name", [...])}   # optional per-code overrides
Translations are keyed by the English name, because the taxonomy repeats the
same term under several parents (e.g. "Emergency Shelter" under Emergency and
Housing).  Synonyms are listed most useful first: for terms deeper than the
second level only the first 3 are kept.  Standard library only.
"""
import csv
import importlib.util
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(os.path.dirname(os.path.dirname(HERE)), "..", "pwa_app", "taxonomy_i18n")
# The taxonomy in ../shared/data, beside the repository (a flag or argument overrides it).
DEFAULT_CSV = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))), "..", "shared", "data", "taxonomy", "open-eligibility", "taxonomy.csv")
MAX_DEEP = 3


def nfc(s):
    return unicodedata.normalize("NFC", " ".join(s.split()))


def build(lang, csv_path):
    spec = importlib.util.spec_from_file_location(f"tx_{lang}", os.path.join(HERE, f"{lang}.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert lang == mod.LANG, (mod.LANG, lang)
    table, by_code = mod.T, getattr(mod, "BY_CODE", {})
    with open(csv_path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    missing = sorted({r["name"] for r in rows if r["name"] not in table and r["taxonomy_id"] not in by_code})
    if missing:
        raise SystemExit(f"{lang}: no translation for {missing}")
    unused = sorted(set(table) - {r["name"] for r in rows})
    if unused:
        print(f"{lang}: warning: unused entries {unused}")
    terms = {}
    for r in rows:
        code = r["taxonomy_id"]
        name, syns = by_code.get(code) or table[r["name"]]
        name = nfc(name)
        seen, out = {name.casefold()}, []
        for s in syns:
            s = nfc(s)
            if s and s.casefold() not in seen:
                seen.add(s.casefold())
                out.append(s)
        if code.count("-") >= 2:
            out = out[:MAX_DEEP]
        terms[code] = {"name": name, "synonyms": out}
    doc = {
        "language": lang,
        "translated_by": "Passerelle developers (machine-assisted draft)",
        "reviewed_by_fluent_speaker": False,
        "terms": terms,
    }
    path = os.path.join(OUT_DIR, f"{lang}.json")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")
    os.replace(tmp, path)
    print(f"wrote {path}: {len(terms)} terms")


def main(argv):
    csv_path, langs = DEFAULT_CSV, []
    while argv:
        a = argv.pop(0)
        if a == "--csv":
            csv_path = argv.pop(0)
        else:
            langs.append(a)
    for lang in langs:
        build(lang, csv_path)


if __name__ == "__main__":
    main(sys.argv[1:])
