"""The packed services as the phone unpacks them: the Python twin of sync.js `unpackServices`.

The app needs it for patches: feed.make_patch compares two versions of a record as the phone keeps
them (packed, then unpacked: faxes left out, and so on), so a patch turns exactly what the phone
holds into the new record. Tests read whole documents with tests/wire.py `decode`, built on it.
The format: docs/snapshot-format.md.
"""
from __future__ import annotations

from pwa_app.snapshot.wire import (
    HOURS_ORDER, SAME_AS_NAME, SAME_AS_ORGANIZATION, SEPARATOR, SMS_TYPES, compact, fill_phone, holds_texts, host_of,
)


def _unpack_id(i: str, uuid) -> str:
    if isinstance(uuid, str):
        i = i[:12] + uuid + i[12:]
    return f"{i[:8]}-{i[8:12]}-{i[12:16]}-{i[16:20]}-{i[20:]}"


def _unpack_email(email, website: str | None) -> str:
    if isinstance(email, list):
        return email[0]
    host = host_of(website)
    return email + host if email.endswith("@") and host else email


def _lengthen_text(value, fallback: str | None):
    return [value[0], fallback] if isinstance(value, list) and len(value) == 1 else value


def _unpack_phone(p, usual: str | None, at_location: bool) -> dict:
    p = {"e": p} if isinstance(p, str) else dict(p)
    pattern = p.pop("f", usual)
    if "d" not in p:  # the display: its pattern filled with the tel: target's digits
        p["d"] = fill_phone(pattern, p["e"])
    if not at_location:
        p.setdefault("t", "voice")
        if "m" not in p:
            p["m"] = 1 if p["t"].lower() in SMS_TYPES and p.get("e") and len(p["e"]) > 5 else None
        p["m"] = p["m"] or None
    return compact(p)


def _referred(p, here: list):
    """A service's number as packed: an index into its locations' numbers, that number described, or itself."""
    if isinstance(p, int):
        return here[p]
    if isinstance(p, dict) and "r" in p:
        there = here[p["r"]]
        return {**({"e": there} if isinstance(there, str) else there), **{k: v for k, v in p.items() if k != "r"}}
    return p


def _described(p, fallback: str | None, bare: bool):
    """Its description as [text, language] where it came in the fallback language (["text"], or "text" if bare)."""
    if not isinstance(p, dict) or "c" not in p:
        return p
    c = [p["c"]] if bare and isinstance(p["c"], str) else p["c"]
    return {**p, "c": _lengthen_text(c, fallback)}


def _unpack_hours(rows: list[list], fields: list[str]) -> list[dict]:
    return [{f: v for f, v in zip(fields, row, strict=False) if v is not None} for row in rows]  # rows drop trailing nulls


def unpack_services(packed: dict, terms: list[dict] | None = None) -> list[dict]:
    """The records `wire.pack_services` packed, by id (what sync.js does on the phone)."""
    cols, usual, fallback = dict(packed.get("cols", {})), packed.get("pf"), packed.get("fl")
    described_in_fallback = packed.get("fa", ())
    fields = packed.get("hf", HOURS_ORDER)
    uuid = packed.get("uuid")
    if isinstance(cols.get("i"), str):
        width = 31 if isinstance(uuid, str) else 32
        cols["i"] = [cols["i"][at:at + width] for at in range(0, len(cols["i"]), width)]
    for key, values in cols.items():
        if key != "i" and isinstance(values, str):
            cols[key] = [v or None for v in values.split(SEPARATOR)]
    tables = {key: list(table) for key, table in packed.get("tab", {}).items()}
    for key in packed.get("fa", ()):
        values = tables if key in tables else cols
        if key not in values:  # "p.c": the numbers' descriptions (_described)
            continue
        values[key] = [[v] if isinstance(v, str) else v for v in values[key]]
    for key, table in tables.items():
        cols[key] = [None if v is None else [table[n] for n in v] for v in cols[key]]
    for key in cols:
        if holds_texts(key):
            cols[key] = [[_lengthen_text(t, fallback) for t in v] if key == "l.c" and v else _lengthen_text(v, fallback)
                         for v in cols[key]]
    count, place = len(cols.get("i", ())), 0
    out = []
    for at in range(count):
        raw = {k: v[at] for k, v in cols.items() if not k.startswith("l.") and v[at] is not None}
        r = {k: v for k, v in raw.items() if not k.startswith("t.") and k not in ("l", "p", "h", "o", "c")}
        if uuid:
            r["i"] = _unpack_id(raw["i"], uuid)
        if "o" in raw:
            r["o"] = raw.get("n") if raw["o"] == SAME_AS_NAME else raw["o"]
        if "e" in raw:
            r["e"] = _unpack_email(raw["e"], raw.get("w"))
        texts = {k[2:]: v for k, v in raw.items() if k.startswith("t.")}
        if texts:
            r["t"] = texts
        if "p" in raw:  # an index: one of its locations' numbers; {"r": index, ...}: that number, described
            numbers = cols.get("l.p") or []
            here = [p for n in range(place, place + raw.get("l", 0)) if n < len(numbers) for p in numbers[n] or ()]
            r["p"] = [_unpack_phone(_described(_referred(p, here), fallback, "p.c" in described_in_fallback), usual, False)
                      for p in raw["p"]]
        if "h" in raw:
            r["h"] = _unpack_hours(raw["h"], fields)
        if "c" in raw:
            r["c"] = [terms[c]["s"] if isinstance(c, int) else c for c in raw["c"]]
        locations = []
        for n in range(place, place + raw.get("l", 0)):
            loc = {k[2:]: v[n] for k, v in cols.items() if k.startswith("l.") and v[n] is not None}
            if "n" in loc:
                loc["n"] = r.get("n") if loc["n"] == SAME_AS_NAME else r.get("o") if loc["n"] == SAME_AS_ORGANIZATION else loc["n"]
            if "p" in loc:
                loc["p"] = [_unpack_phone(p, usual, True) for p in loc["p"]]
            if "h" in loc:
                loc["h"] = _unpack_hours(loc["h"], fields)
            locations.append(loc)
        place += raw.get("l", 0)
        if locations:
            r["l"] = locations
        out.append(r)
    return sorted(out, key=lambda r: r["i"])
