"""What phones download, byte for byte: the short record keys, the packed column form, `encode`.

The format itself (every one-letter key, the documents, the packed columns, and which side works
out what) is documented in one place: docs/snapshot-format.md. Change it there with the code here,
unpack.py (the Python twin of the phone's unpacker) and static/js/sync.js (the phone's).

Columns compress better than records (each holds alike values: ids, names, descriptions...), and
what a phone can work out is left out. Measured on San Mateo County (bench/offline.py): 293 brotli
bytes per service as records, 249 packed (format 6).

Size: every rule of the packed form is here, beside the others it interacts with (phones refer to their
locations' numbers, texts share one fallback language, columns are ordered as a whole); unpack.py and
sync.js read it back from one place.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict

from pwa_app.present.presenters import SERVICE_TEXT_FIELDS

FORMAT = 6  # of what phones receive (6: numbers as their tel: target and a display pattern the phone fills in;
# 5: numbers a service describes that are its locations' sent as {"r"}, slugs
# under their parent's, services in map order; 4: a service's numbers that are its locations' sent once; 3: terms and ids
# packed too; 2: services packed by column; 1: records)
# Service text fields the pages show (alternate_name only feeds search), with their short keys ("t" in a record).
TEXT_KEYS = {
    "alternate_name": "an", "description": "de", "alert": "al", "eligibility_description": "el",
    "application_process": "ap", "fees_description": "fe", "interpretation_services": "is",
}
# Every text the server picks (wait_time too): phones are not shown them all, but "fb" counts their fallbacks.
NEUTRAL_TEXT_KEYS = {field: TEXT_KEYS.get(field, field) for field in SERVICE_TEXT_FIELDS}
UNSHOWN_TEXT_KEYS = tuple(key for key in NEUTRAL_TEXT_KEYS.values() if key not in TEXT_KEYS.values())
SCHEDULE_FIELDS = ("opens_at", "closes_at", "valid_from", "valid_to", "dtstart", "until", "freq", "byday",
                   "bymonthday", "interval", "description")  # description: text-only hours ("By appointment")

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
DIGIT = re.compile(r"[0-9]")
PHONE_NUMBER_KEYS = ("d", "e", "f", "x")  # what a location's number is packed with (the number, not what it is for)
SMS_TYPES = ("text", "cell", "mobile", "sms")  # phones.SMS_TYPES, as sync.js derives "m"
# Schedules are rows of values in this order (the packed form names it in "hf", so phones read any later field).
HOURS_ORDER = ("opens_at", "closes_at", "byday", "freq", "valid_from", "valid_to", "dtstart", "until", "bymonthday",
               "interval", *(f for f in SCHEDULE_FIELDS if f not in ("opens_at", "closes_at", "byday", "freq",
                                                                    "valid_from", "valid_to", "dtstart", "until",
                                                                    "bymonthday", "interval")))
SAME_AS_NAME, SAME_AS_ORGANIZATION = 1, 2
# A column of plain strings goes as one string, its values separated by DEL (measured on San Mateo:
# 0.6 brotli bytes per service less than quotes and commas).
SEPARATOR = "\x7f"
TABULATED = ("g", "l.c")  # columns of lists sent as indexes into a table of their items
PACK_MIN = 4  # fewer records (a small changes feed) go as they are: the columns' header would cost more than it saves


def compact(d: dict) -> dict:
    """Leave out empty values: a record never holds null, "", [] or {} (an absent key means none)."""
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def encode(document: dict) -> bytes:
    """Serialise compactly (UTF-8, no spaces, services packed by column): on a prepaid plan every byte counts."""
    if isinstance(document.get("services"), list) and len(document["services"]) >= PACK_MIN:
        document = {**document, "services": pack_services(document["services"], document.get("terms"))}
    if isinstance(document.get("terms"), list):
        document = {**document, "terms": pack_terms(document["terms"])}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def phone_pattern(display: str) -> str:
    """A display with its digits as "#": "(613) 555-0142" -> "(###) ###-####"."""
    return DIGIT.sub("#", display)


def fill_phone(pattern: str, e164: str) -> str | None:
    """The display `pattern` gives with the last digits of the tel: target (twin of sync.js fillPhone), or None."""
    digits = re.sub(r"[^0-9]", "", e164)
    wanted = pattern.count("#")
    if not wanted or wanted > len(digits):
        return None
    rest = iter(digits[len(digits) - wanted:])
    return re.sub("#", lambda _: next(rest), pattern)


def _usual_pattern(phones: list[dict]) -> str | None:
    """The display pattern most numbers are written in ("(###) ###-####"): a number in it is sent as its tel: target alone."""
    votes: dict[str, int] = defaultdict(int)
    for p in phones:
        if p.get("e") and fill_phone(phone_pattern(p.get("d", "")), p["e"]) == p.get("d"):
            votes[phone_pattern(p["d"])] += 1
    return max(votes, key=votes.get) if votes else None


def _pack_phone(p: dict, usual: str | None, at_location: bool, fallback: str | None = None):
    """The tel: target ready ("e"), the display as a pattern its digits fill ("f", the usual one left out): the
    phone parses nothing. A display the pattern cannot give ("(800) AGE-DIAL", other digits) goes as it is."""
    d, e = p.get("d", ""), p.get("e")
    if e and fill_phone(phone_pattern(d), e) == d:
        out = {"e": e} if phone_pattern(d) == usual else {"e": e, "f": phone_pattern(d)}
    else:
        out = {"d": d, "e": e or ""}
    if p.get("x"):
        out["x"] = p["x"]
    if not at_location:
        t = p.get("t") or ""
        if t != "voice":
            out["t"] = t
        if bool(p.get("m")) != bool(t.lower() in SMS_TYPES and e and len(e) > 5):
            out["m"] = 1 if p.get("m") else 0
        if p.get("c") is not None:
            out["c"] = _shorten_text(p["c"], fallback)
    return out["e"] if list(out) == ["e"] else out


def _phone_ref(packed, at_locations: list):
    """`packed`; its index among the service's location numbers where it reads as one of them; or, where only
    the number is the same (a location's number the service describes: "English line"), {"r": index, ...} with
    the fields the service adds."""
    if packed in at_locations:
        return at_locations.index(packed)
    mine = {"e": packed} if isinstance(packed, str) else packed
    for n, there in enumerate(at_locations):
        there = {"e": there} if isinstance(there, str) else there
        if all(mine.get(k) == there.get(k) for k in PHONE_NUMBER_KEYS) and set(there) <= set(PHONE_NUMBER_KEYS):
            return {"r": n, **{k: v for k, v in mine.items() if k not in PHONE_NUMBER_KEYS}}
    return packed


def _pack_hours(schedules: list[dict]) -> list[list]:
    rows = []
    for h in schedules:
        if set(h) - set(HOURS_ORDER):
            raise ValueError(f"schedule fields missing from HOURS_ORDER: {sorted(set(h) - set(HOURS_ORDER))}")
        row = [h.get(f) for f in HOURS_ORDER]
        while row and row[-1] is None:
            row.pop()
        rows.append(row)
    return rows


def _pack_order(record: dict) -> tuple:
    """Services near each other side by side (along a Hilbert curve through their first place), then by
    organization and categories: neighbours share towns, streets, postcodes, area codes and often
    organizations, so they compress together (San Mateo County: 1.4 brotli bytes a service less than by
    organization first). Where it sits changes nothing else: the phone keeps services by id."""
    dumps = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731
    where = next((loc["g"] for loc in record.get("l", ()) if loc.get("g")), None)
    return (_hilbert(*where) if where else -1), dumps(record.get("o")), dumps(record.get("c")), dumps(record.get("n")), record["i"]


def _hilbert(lat: float, lon: float, bits: int = 16) -> int:
    """A place's distance along a Hilbert curve over the globe (2^bits cells a side): near on it is near on the map."""
    x, y = int((lon + 180) / 360 * ((1 << bits) - 1)), int((lat + 90) / 180 * ((1 << bits) - 1))
    d, s = 0, 1 << (bits - 1)
    while s:
        rx, ry = int(x & s > 0), int(y & s > 0)
        d += s * s * ((3 * rx) ^ ry)
        if not ry:
            if rx:
                x, y = s - 1 - x, s - 1 - y
            x, y = y, x
        s >>= 1
    return d


def pack_terms(terms: list[dict]) -> dict:
    """Categories as columns (docs/snapshot-format.md, "Packed terms"); a slug that is its parent's and more
    ("legal-aid-adoption" under "legal-aid") as "-" and the rest ("-adoption")."""
    index = {t["s"]: n for n, t in enumerate(terms)}
    slug = lambda t: ("-" + t["s"][len(t["p"]) + 1:] if t.get("p") in index and t["s"].startswith(t["p"] + "-")  # noqa: E731
                      else t["s"])
    return {"s": [slug(t) for t in terms], "n": [t.get("n") for t in terms],
            "p": [index.get(t["p"], t["p"]) if t.get("p") is not None else None for t in terms],
            "k": [t.get("k") for t in terms]}


def _uuid_form(records: list[dict]):
    """"uuid": 1 for UUIDs without dashes, their version digit where all share one, None for other ids."""
    if not records or not all(UUID.match(r["i"]) for r in records):
        return None
    versions = {r["i"][14] for r in records}
    return versions.pop() if len(versions) == 1 else 1


def _pack_id(i: str, uuid) -> str:
    i = i.replace("-", "")
    return i[:12] + i[13:] if isinstance(uuid, str) else i


def _tabulate(values: list) -> tuple[list, list]:
    """A column of lists as indexes into a table of their distinct items (a few language names, say)."""
    table = sorted({json.dumps(x, ensure_ascii=False) for v in values if v for x in v})
    index = {item: n for n, item in enumerate(table)}
    return ([json.loads(item) for item in table],
            [None if v is None else [index[json.dumps(x, ensure_ascii=False)] for x in v] for v in values])


def pack_services(records: list[dict], terms: list[dict] | None = None) -> dict:
    """Records as columns (docs/snapshot-format.md, "Packed services"); unpack.unpack_services undoes it.

    Categories are indexes into `terms` where it is given. Services are ordered by place, then
    organization (_pack_order), so that alike services sit together and compress together.
    """
    with_phones = [p for r in records for p in r.get("p", ())] + [p for r in records for loc in r.get("l", ())
                                                                  for p in loc.get("p", ())]
    usual = _usual_pattern(with_phones)
    uuid = _uuid_form(records)
    slug_index = {t["s"]: i for i, t in enumerate(terms or ())}
    order = sorted(records, key=_pack_order)
    fallback = _fallback_language(records)
    rows, locations = [], []
    for r in order:
        row = {k: v for k, v in r.items() if k not in ("t", "l", "p", "h", "o", "c")}
        if uuid:
            row["i"] = _pack_id(r["i"], uuid)
        if "o" in r:
            row["o"] = SAME_AS_NAME if r["o"] == r.get("n") else r["o"]
        if "e" in r:
            row["e"] = _pack_email(r["e"], r.get("w"))
        if "p" in r:
            # A number the service has from one of its locations (present/inherit.py) is sent once: here
            # as its place among those locations' numbers, where the two read alike.
            here = [_pack_phone(p, usual, True) for loc in r.get("l", ()) for p in loc.get("p", ()) if p.get("t") != "fax"]
            row["p"] = [_phone_ref(_pack_phone(p, usual, False, fallback), here) for p in r["p"] if p.get("t") != "fax"]
        if "h" in r:
            row["h"] = _pack_hours(r["h"])
        if "c" in r:
            row["c"] = [slug_index.get(slug, slug) for slug in r["c"]]
        for key, text in r.get("t", {}).items():
            row["t." + key] = text
        row["l"] = len(r.get("l", ()))
        for loc in r.get("l", ()):
            place = {k: v for k, v in loc.items() if k not in ("n", "p", "h")}
            if "n" in loc:
                place["n"] = (SAME_AS_NAME if loc["n"] == r.get("n") else
                              SAME_AS_ORGANIZATION if loc["n"] == r.get("o") else loc["n"])
            if "p" in loc:
                place["p"] = [_pack_phone(p, usual, True) for p in loc["p"] if p.get("t") != "fax"]
            if "h" in loc:
                place["h"] = _pack_hours(loc["h"])
            locations.append({"l." + k: v for k, v in place.items()})
        rows.append(row)
    cols = {key: [row.get(key) for row in rows] for key in sorted({k for row in rows for k in row})}
    cols.update({key: [loc.get(key) for loc in locations] for key in sorted({k for loc in locations for k in loc})})
    for key in cols:
        if holds_texts(key):
            cols[key] = [_shorten_texts(v, fallback) if key == "l.c" else _shorten_text(v, fallback) for v in cols[key]]
    tables = {}
    for key in TABULATED:
        if key in cols:
            tables[key], cols[key] = _tabulate(cols[key])
    # A column whose every text is in the fallback language drops the brackets as well; "fa" names it.
    in_fallback = [key for key in cols if holds_texts(key) and key not in tables and _all_shortened(cols[key])]
    in_fallback += [key for key in tables if holds_texts(key) and _all_shortened(tables[key])]
    for key in in_fallback:
        values = tables if key in tables else cols
        values[key] = [v[0] if isinstance(v, list) else v for v in values[key]]
    # So do the services' numbers' descriptions ("p.c"), where every one is in the fallback language.
    described = [p for row in rows for p in row.get("p", ()) if isinstance(p, dict) and "c" in p]
    if described and all(isinstance(p["c"], list) and len(p["c"]) == 1 for p in described):
        in_fallback.append("p.c")
        for p in described:
            p["c"] = p["c"][0]
    for key, values in cols.items():  # a column where one text holds SEPARATOR stays a list
        if key != "i" and all(v is None or (isinstance(v, str) and v and SEPARATOR not in v) for v in values):
            cols[key] = SEPARATOR.join(v or "" for v in values)
    if uuid:
        cols["i"] = "".join(cols["i"])
    # The service texts first, longest first, and the ids last: brotli then codes the prose together and the
    # hex digits apart (San Mateo County: 1 B a service less than in name order).
    size = lambda key: len(json.dumps(cols[key], ensure_ascii=False))  # noqa: E731
    texts = sorted((key for key in cols if key.startswith("t.")), key=lambda key: (-size(key), key))
    cols = {key: cols[key] for key in [*texts, *(k for k in cols if k not in texts and k != "i"), "i"] if key in cols}
    return compact({"pf": usual, "uuid": uuid, "fl": fallback, "fa": in_fallback, "hf": list(HOURS_ORDER),
                    "tab": tables, "cols": cols})


def _all_shortened(values: list) -> bool:
    """Every text a one-item [text] (ints mark "same as the name" and stay)."""
    return any(isinstance(v, list) for v in values) and all(
        v is None or isinstance(v, int) or (isinstance(v, list) and len(v) == 1) for v in values)


def host_of(url: str | None) -> str:
    """A website's host without "www.", as sync.js reads it (the domain an organization's emails often use)."""
    return re.split(r"[/?#:]", re.sub(r"^www\.", "", re.sub(r"^https?://", "", url or "")))[0]


def _pack_email(email: str, website: str | None):
    """"info@" for an address at the website's host; a one-item list for one that ends in "@" by itself."""
    host = host_of(website)
    if email.endswith("@"):
        return [email] if host else email
    return email[:-len(host)] if host and email.endswith("@" + host) else email


def _fallback_language(records: list[dict]) -> str | None:
    counts: dict[str, int] = defaultdict(int)
    for r in records:
        for code in r.get("fb", ()):
            counts[code] += 1
    return max(counts, key=counts.get) if counts else None


def holds_texts(column: str) -> bool:
    return column in ("n", "o", "l.n", "l.r", "l.c") or column.startswith("t.")


def _shorten_text(value, fallback: str | None):
    """[text, language] as [text] where the language is the usual fallback: it repeats in every record."""
    if fallback and isinstance(value, list) and len(value) == 2 and value[1] == fallback:
        return [value[0]]
    return value


def _shorten_texts(values, fallback):
    return [_shorten_text(v, fallback) for v in values] if isinstance(values, list) else values
