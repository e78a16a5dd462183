"""Shared writer for the helper-B taxonomy language files (en, fr, tl, vi, ko, uk, ru, so, ti, iu).

Each language module holds its translations as a text block keyed by the
official English Open Eligibility name:

    English name = Translated label | synonym; synonym; ...

For en and fr the label part is omitted ("English name | synonyms"): the English
name is the official one, and the French name is taken per code from
demo_data/translations.csv.
"""
import csv
import json
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(os.path.dirname(os.path.dirname(HERE)), "..", "pwa_app", "taxonomy_i18n")
APP_DIR = os.path.dirname(os.path.abspath(OUT_DIR))
# The taxonomy in ../shared/data, beside the repository (a flag or argument overrides it).
CSV_DEFAULT = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))), "..", "shared", "data", "taxonomy", "open-eligibility", "taxonomy.csv")
TRANSLATED_BY = "Passerelle developers (machine-assisted draft)"
MAX_DEEP_SYNONYMS = 3
MAX_SYNONYMS = 8


def nfc(s):
    return unicodedata.normalize("NFC", s.strip())


def parse(text, with_label=True):
    data = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if with_label:
            en, _, rest = line.partition(" = ")
            if not _:
                raise ValueError(f"missing ' = ' in line: {line!r}")
        else:
            en, rest = "", line
        label, _, syns = rest.partition(" | ")
        if not with_label:
            en, label = label, ""
        synonyms = [nfc(s) for s in syns.split(";") if s.strip()] if syns.strip() else []
        en = en.strip()
        if en in data:
            raise ValueError(f"duplicate entry for {en!r}")
        data[en] = (nfc(label), synonyms)
    return data


def french_names():
    ids = {}
    with open(os.path.join(APP_DIR, "demo_data", "taxonomy_terms.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            ids[r["id"]] = r["code"]
    out = {}
    with open(os.path.join(APP_DIR, "demo_data", "translations.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["entity"] == "taxonomy_term" and r["field"] == "name" and r["language"] == "fr":
                out[ids[r["id"]]] = nfc(r["value"])
    return out


def build(lang, text, csv_path=CSV_DEFAULT):
    with_label = lang not in ("en", "fr")
    data = parse(text, with_label=with_label)
    with open(csv_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fr = french_names() if lang == "fr" else {}
    terms = {}
    missing = []
    used = set()
    for r in rows:
        code, en = r["taxonomy_id"], r["name"]
        if en not in data:
            missing.append(en)
            continue
        used.add(en)
        label, syns = data[en]
        if lang == "en":
            name = en
        elif lang == "fr":
            name = fr[code]
        else:
            name = label
        key = lambda s: unicodedata.normalize("NFC", s).casefold()
        seen = {key(name)}
        clean = []
        for s in syns:
            if key(s) not in seen:
                seen.add(key(s))
                clean.append(s)
        if code.count("-") >= 2:
            clean = clean[:MAX_DEEP_SYNONYMS]  # deeper terms: optional, 0-3
        terms[code] = {"name": name, "synonyms": clean[:MAX_SYNONYMS]}
    if missing:
        raise SystemExit(f"{lang}: missing translations for {sorted(set(missing))}")
    extra = set(data) - used
    if extra:
        raise SystemExit(f"{lang}: entries not in taxonomy: {sorted(extra)}")
    doc = {
        "language": lang,
        "translated_by": TRANSLATED_BY,
        "reviewed_by_fluent_speaker": False,
        "terms": terms,
    }
    path = os.path.join(OUT_DIR, lang + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")
    print(f"wrote {path} ({len(terms)} terms)")
    return path
