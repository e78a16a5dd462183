"""Life situations (issue 18): "I lost my job", "I'm not safe at home"… Each is a short, ordered list of
needs, and each need is an Open Eligibility category: its page, and the services under it.

The data is not code. `plan.json` says, for every situation, its needs in order and how each is
flagged: `today` (first when help is needed today), `hidden` (a need a counsellor would raise, with
one line of why) and `who` it applies to (me, child, older, family; none: everyone); `danger` marks
situations where the crisis lines come before anything else. Each need names one category by its
Open Eligibility code. `i18n/<lang>.json` holds the words in one language, with who translated them
and whether a fluent speaker has reviewed them (the about page says so, as for category names).
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "situations"
WHO = ("me", "child", "older", "family")


@cache
def plan() -> dict:
    return json.loads((DATA / "plan.json").read_text(encoding="utf-8"))


@cache
def texts(lang: str) -> dict | None:
    """The situations' words in `lang` (an interface language code), or None where there are none."""
    path = DATA / "i18n" / f"{lang}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def slugs() -> list[str]:
    return [s["slug"] for s in plan()["situations"]]


def review_status(lang: str) -> dict:
    """How the situations' words were made in `lang`, as the about page says it for the interface:
    kind "original" (English, written so), "reviewed" by a fluent speaker, "draft" (machine-assisted,
    not reviewed) or "unreviewed"; "none" where the language has no words of its own (English shows)."""
    data = texts(lang)
    if data is None:
        return {"kind": "none", "translated_by": ""}
    by = data.get("translated_by", "")
    kind = ("original" if lang == "en" else "reviewed" if data.get("reviewed_by_fluent_speaker")
            else "draft" if "machine-assisted" in by else "unreviewed")
    return {"kind": kind, "translated_by": by}


def check(languages: list[str], known_codes: set[str]) -> list[str]:
    """What is wrong with the data, one line each: a need without a category that exists (`known_codes`,
    the Open Eligibility codes), an unknown flag, a language missing or with words missing, extra or empty."""
    problems = []
    p = plan()
    needs = p.get("needs", {})
    for need, code in needs.items():
        if code not in known_codes:
            problems.append(f"need {need!r}: category {code!r} is not an Open Eligibility category")
    seen = set()
    for s in p.get("situations", []):
        slug = s.get("slug", "")
        if slug in seen:
            problems.append(f"situation {slug!r} is given twice")
        seen.add(slug)
        if not isinstance(s.get("danger"), bool):
            problems.append(f"situation {slug!r}: 'danger' must be true or false")
        listed = [n.get("need") for n in s.get("needs", [])]
        if len(listed) != len(set(listed)):
            problems.append(f"situation {slug!r}: a need is listed twice")
        if sum(1 for n in s.get("needs", []) if not n.get("hidden")) < 3:
            problems.append(f"situation {slug!r}: fewer than three needs")
        for n in s.get("needs", []):
            if n.get("need") not in needs:
                problems.append(f"situation {slug!r}: need {n.get('need')!r} is not among the needs")
            if set(n) - {"need", "today", "hidden", "who"} or set(n.get("who", [])) - set(WHO):
                problems.append(f"situation {slug!r}: need {n.get('need')!r} has a flag not known here")
    want = {"needs": set(needs), "situations": {s["slug"]: s for s in p.get("situations", [])}}
    for lang in languages:
        doc = texts(lang)
        if doc is None:
            problems.append(f"{lang}: no i18n/{lang}.json")
            continue
        if doc.get("language") != lang or not isinstance(doc.get("reviewed_by_fluent_speaker"), bool) \
                or not doc.get("translated_by"):
            problems.append(f"{lang}: 'language', 'translated_by' and 'reviewed_by_fluent_speaker' must be given")
        if set(doc.get("needs", {})) != want["needs"]:
            problems.append(f"{lang}: needs differ from plan.json: {sorted(set(doc.get('needs', {})) ^ want['needs'])}")
        if set(doc.get("situations", {})) != set(want["situations"]):
            problems.append(f"{lang}: situations differ from plan.json")
        for slug, s in want["situations"].items():
            words = doc.get("situations", {}).get(slug, {})
            why = {n["need"] for n in s["needs"] if n.get("hidden")}
            if set(words) != {"title", "intro", "why"} or set(words.get("why", {})) != why:
                problems.append(f"{lang}: {slug}: expected title, intro and a why for each hidden need ({sorted(why)})")
        values = [*doc.get("needs", {}).values(), *(v for s in doc.get("situations", {}).values()
                                                    for v in (s.get("title"), s.get("intro"), *s.get("why", {}).values()))]
        if any(not isinstance(v, str) or not v.strip() for v in values):
            problems.append(f"{lang}: a text is empty")
    return problems


def words(lang: str) -> dict:
    """The situations' words in `lang`, or in English where the language has none."""
    return texts(lang) or texts("en")


def situation(slug: str) -> dict | None:
    return next((s for s in plan()["situations"] if s["slug"] == slug), None)


def answers(args) -> dict:
    """The three optional answers as the page reads them (`args`: the query string): who the help is for
    (one of WHO), whether it is for today ("yes"), and where (a place id, checked by the caller).
    Anything else is read as not answered. The phone reads them alike (static/js/render.js)."""
    who = args.get("who", "")
    return {"who": who if who in WHO else "", "today": "yes" if args.get("today") == "yes" else "",
            "near": args.get("near", "")[:80]}


def needs_for(s: dict, asked: dict) -> list[dict]:
    """A situation's needs as the page lists them: those for whom the help is (a need for a child, an
    older adult or a family only when that was answered), today's first when the help is for today;
    each {need, code, hidden}. render.js `needsFor` is the twin."""
    codes = plan()["needs"]
    kept = [n for n in s["needs"] if not n.get("who") or asked["who"] in n["who"]]
    if asked["today"]:
        kept = [n for n in kept if n.get("today")] + [n for n in kept if not n.get("today")]
    return [{"need": n["need"], "code": codes[n["need"]], "hidden": bool(n.get("hidden"))} for n in kept]
