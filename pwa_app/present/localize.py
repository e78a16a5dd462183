"""Record text in the reader's language, with an honest note where it falls back to another.

Size: every CLDR format the pages use (names, lists, digits, times, plural-aware messages) in one
place, so the server and the snapshot format alike.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.core import get_global
from babel.dates import format_time, get_day_names, get_month_names, tokenize_pattern
from babel.lists import format_list
from markupsafe import Markup, escape
from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from pwa_app.db.models import Translation


@dataclass(frozen=True)
class LocalText:
    value: str
    lang: str  # BCP 47 code of `value`
    fallback: bool  # True when `value` is not in the language the reader asked for

    def __str__(self) -> str:
        return self.value

    def __bool__(self) -> bool:
        return bool(self.value)


def _primary(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


class TextPicker:
    """Choose each field's best text: the reader's language, else the data's base language."""

    def __init__(self, session: Session, lang: str, base_language: str = "en"):
        self.session = session
        self.lang = lang.replace("_", "-")
        self.base = base_language
        self._cache: dict[tuple[str, str], dict[tuple[str, str], str]] = defaultdict(dict)
        self._loaded: set[tuple[str, str]] = set()

    def preload(self, entity: str, ids: Iterable[str]) -> None:
        """Fetch the translations of many records in one query."""
        wanted = [(entity, i) for i in ids if (entity, i) not in self._loaded]
        if not wanted or self.lang == self.base:
            return
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk : chunk + 500]
            rows = self.session.execute(
                select(Translation).where(tuple_(Translation.entity, Translation.id).in_(part))
            ).scalars()
            for row in rows:
                self._cache[(row.entity, row.id)][(row.field, row.language)] = row.value
            self._loaded.update(part)

    def pick(self, entity: str, record, field: str) -> LocalText | None:
        """Return the field's text for the reader, or None when the record has none at all."""
        base = getattr(record, field, None)
        if self.lang == self.base or _primary(self.lang) == _primary(self.base):
            return LocalText(base, self.base, False) if base else None
        self.preload(entity, [record.id])
        translated = self._cache[(entity, record.id)]
        for (f, language), value in translated.items():
            if f == field and language == self.lang:
                return LocalText(value, language, False)
        for (f, language), value in translated.items():
            if f == field and _primary(language) == _primary(self.lang):
                return LocalText(value, language, False)
        return LocalText(base, self.base, True) if base else None


# --- Language names ------------------------------------------------------------------------------

# What CLDR does not name (sign languages, Mandarin as such): data, reviewed apart from the code.
# Babel reads "tl" as Filipino ("fil") and looks for that catalogue folder.
CATALOGUE_FOLDERS = {"tl": "fil"}
EXTRA_NAMES_FILE = Path(__file__).with_name("language_names.json")
# Where neither CLDR nor the table names a language in the reader's language (Inuktitut has almost no
# CLDR names), the English name is shown, marked lang="en": the region's other interface language.
NAME_FALLBACK = "en"


@lru_cache(maxsize=1)
def extra_language_names() -> dict[str, dict[str, str]]:
    """Language code -> {interface language: name}, from language_names.json (keys starting "_" are notes)."""
    data = json.loads(EXTRA_NAMES_FILE.read_text(encoding="utf-8"))
    return {code: names for code, names in data.items() if not code.startswith("_")}


def _code_key(code: str) -> str:
    """A BCP 47 or CLDR code as CLDR keys its names: "pt-br" -> "pt_BR", "zh-hant" -> "zh_Hant", "ASE" -> "ase"."""
    parts = [p for p in code.strip().replace("-", "_").split("_") if p]
    if not parts:
        return ""
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 else part.upper() if part.isalpha() else part)
    return "_".join(out)


def _interface_code(locale: Locale) -> str:
    """The interface language a Babel locale stands for: "tl" for fil_PH (Babel reads "tl" as Filipino), "zh_Hant"."""

    code = str(locale)
    folders = {folder: lang for lang, folder in CATALOGUE_FOLDERS.items()}
    return folders.get(locale.language, code)


def _name_in(locale: Locale, key: str) -> str | None:
    """The language's name in `locale`: CLDR's, else the table's; for the whole code, its language, then CLDR's alias
    of it ("tl" is "fil" where CLDR names only Filipino, "cmn" is "zh" where nobody names Mandarin)."""
    table = extra_language_names()
    tag = _interface_code(locale)
    language = key.split("_")[0]
    candidates = list(dict.fromkeys([key, language]))
    alias = get_global("language_aliases").get(language)
    if alias:
        candidates += [a for a in dict.fromkeys([alias, alias.split("_")[0]]) if a not in candidates]
    for candidate in candidates:
        name = (locale.languages.get(candidate) or table.get(candidate, {}).get(tag)
                or table.get(candidate, {}).get(locale.language))
        if name:
            return name
    return None


def language_name(locale: Locale, code: str | None, fallback: str | None = None, base: str = "en") -> LocalText:
    """Name a language in the reader's language ("es" -> "espagnol" for a French reader), with the language it is in.

    CLDR (Babel) first, then the reviewed table for what CLDR lacks; where neither has a name in the
    reader's language, the English one, marked as English. `fallback` is the record's own name for
    the language (in the data's `base` language), used only when nothing knows the code. Never a
    bare code unless nobody, not even the record, names it.
    """
    reader = _interface_code(locale).replace("_", "-")
    key = _code_key(code or "")
    if key:
        name = _name_in(locale, key)
        if name:
            return LocalText(name, reader, False)
        if locale.language != NAME_FALLBACK:
            name = _name_in(Locale.parse(NAME_FALLBACK), key)
            if name:
                return LocalText(name, NAME_FALLBACK, True)
    if fallback:
        return LocalText(fallback, base, _primary(base) != _primary(reader))
    return LocalText(code or "", "und", True)  # a code nobody names: shown as it is, marked as undetermined


def sorted_names(names: Iterable[LocalText]) -> list[LocalText]:
    """Distinct names in alphabetical order, as the pages list them."""
    return sorted(set(names), key=lambda t: (t.value.casefold(), t.value))


def marked(t: LocalText | str) -> Markup:
    """A text as HTML, marked with its language where it is not the page's (as _macros.html's ltext)."""
    if isinstance(t, LocalText) and t.fallback:
        return Markup('<span lang="%s" dir="auto">%s</span>') % (t.lang, t.value)
    return escape(str(t))


def list_html(locale: Locale, items: Iterable[LocalText | str]) -> Markup:
    """Items joined as the reader's language lists things (CLDR's list pattern: "a, b and c", "a، b و c"),
    each marked with its language where it is not the page's."""
    pieces = [marked(t) for t in items]
    slots = [f"\x00{n}\x00" for n in range(len(pieces))]
    joined = str(escape(format_list(slots, locale=locale))) if slots else ""
    for slot, piece in zip(slots, pieces, strict=True):
        joined = joined.replace(slot, str(piece))
    return Markup(joined)


# --- Digits, dates and times as CLDR writes them -----------------------------------------------------

# The digits of the numbering systems CLDR makes a default (Babel formats with ASCII digits whatever the
# locale, so they are put in afterwards, on the server and on the phone alike).
DIGITS = {
    "latn": "0123456789", "arab": "٠١٢٣٤٥٦٧٨٩", "arabext": "۰۱۲۳۴۵۶۷۸۹", "beng": "০১২৩৪৫৬৭৮৯",
    "deva": "०१२३४५६७८९", "guru": "੦੧੨੩੪੫੬੭੮੯", "gujr": "૦૧૨૩૪૫૬૭૮૯", "mymr": "၀၁၂၃၄၅၆၇၈၉",
    "tamldec": "௦௧௨௩௪௫௬௭௮௯", "thai": "๐๑๒๓๔๕๖๗๘๙", "tibt": "༠༡༢༣༤༥༦༧༨༩",
}


def digits(locale: Locale) -> str:
    """The ten digits of the locale's default numbering system (CLDR): "۰۱۲۳۴۵۶۷۸۹" for Persian, ASCII for most."""
    return DIGITS.get(locale.default_numbering_system, DIGITS["latn"])


def with_digits(text: str, locale: Locale) -> str:
    """`text` (a formatted time, date, distance or amount) in the locale's digits.

    Phone numbers never go through this: they are shown as the data writes them, in ASCII digits
    inside <bdi dir="ltr">, and their tel: links are always ASCII E.164, so that a number copied,
    read aloud or typed into any dialer works; addresses and postal codes stay as written too.
    """
    own = digits(locale)
    if own == DIGITS["latn"] or not text:
        return text
    return str(text).translate({ord("0") + n: own[n] for n in range(10)})


NUMBER_FIELD = re.compile(r"%\((\w+)\)d")


def fill_message(message: str, variables: dict, locale: Locale, escape_html: bool = False) -> str:
    """A translated message with its placeholders filled, whole numbers in the locale's digits.

    "%(num)d services" reads "۱۷ خدمت" in Persian, as times and dates do (only whole numbers change:
    phone numbers and names are strings and stay as they are). The phone's twin is `format` in
    static/js/status-line.js, which the server's page strings give the same digits.
    """
    numbers = {k: with_digits(str(v), locale) for k, v in variables.items()
               if isinstance(v, int) and not isinstance(v, bool)}
    template = NUMBER_FIELD.sub(r"%(\1)s", message) if numbers else message
    if escape_html:
        template = Markup(template)
    return template % {**variables, **numbers}


# The pattern fields the phone's formatter (static/js/cldr-format.js) knows; clock_data checks every pattern it sends.
PATTERN_FIELDS = frozenset("yMLdEchHKkmsaB")
TIME_PATTERN = "short"  # format_time(…, "short"): "5:00 PM", as templates and web/pages.open_label write times
DATE_PATTERN = "long"  # format_date(…, "long"): "Last verified June 17, 2025"
DAY_PATTERN = "EEEE"  # format_date(…, "EEEE"): the week table, "opens Monday"
WEEKDAY_PATTERN = "EEE"  # format_date(…, "EEE"): the referral sheet's hours line, "Mon–Fri 9:00 AM–5:00 PM"


def _tokens(pattern: str) -> list:
    """A CLDR pattern as literal strings and [field letter, width] pairs."""
    out: list = []
    for kind, value in tokenize_pattern(pattern):
        if kind == "chars":
            if out and isinstance(out[-1], str):
                out[-1] += value
            else:
                out.append(value)
        else:
            if value[0] not in PATTERN_FIELDS:
                raise ValueError(f"pattern field {value[0]!r} of {pattern!r} is unknown to cldr-format.js")
            out.append([value[0], value[1]])
    return out


def _pattern(locale: Locale, kind: str) -> str:
    if kind == "time":
        return locale.time_formats[TIME_PATTERN].pattern
    if kind == "date":
        return locale.date_formats[DATE_PATTERN].pattern
    if kind == "when":  # a date and a time: the medium date with the short time, in the locale's glue
        glue = locale.datetime_formats["medium"]
        return glue.replace("{1}", locale.date_formats["medium"].pattern).replace("{0}", locale.time_formats["short"].pattern)
    return WEEKDAY_PATTERN if kind == "weekday" else DAY_PATTERN


@lru_cache(maxsize=64)
def _clock_data(code: str, kinds: tuple[str, ...]) -> dict:
    locale = Locale.parse(code)
    patterns = {kind: _tokens(_pattern(locale, kind)) for kind in kinds}
    fields = {(f[0], f[1]) for tokens in patterns.values() for f in tokens if isinstance(f, list)}
    data: dict = {"patterns": patterns}
    names: dict[str, list[str]] = {}
    widths = {3: "abbreviated", 4: "wide", 5: "narrow", 6: "short"}
    for letter, width in sorted(fields):
        if letter in "Ec":  # Monday first, as hours.js numbers days
            context = "format" if letter == "E" else "stand-alone"
            days = get_day_names(widths[max(3, width)], context, locale)
            names[f"{letter}{max(3, width)}"] = [days[n] for n in range(7)]
        elif letter in "ML" and width >= 3:
            context = "format" if letter == "M" else "stand-alone"
            months = get_month_names(widths[width], context, locale)
            names[f"{letter}{width}"] = [months[n] for n in range(1, 13)]
        elif letter in "aB":  # AM/PM and day periods ("上午", "中午"): Babel's words for every minute, as ranges
            ranges: list = []
            for minute in range(24 * 60):
                word = format_time(time(minute // 60, minute % 60), letter * width, locale=locale)
                if not ranges or ranges[-1][1] != word:
                    ranges.append([minute, word])
            names[f"{letter}{width}"] = ranges
    data["names"] = names
    data["nu"] = locale.default_numbering_system  # for Intl.NumberFormat's numberingSystem (sizes, distances)
    if digits(locale) != DIGITS["latn"]:
        data["digits"] = digits(locale)
    return data


def clock_data(locale: Locale, kinds: tuple[str, ...] = ("time", "date", "day")) -> dict:
    """What the phone needs to write times and dates exactly as Babel does here, whatever its own Intl knows.

    {"patterns": {kind: tokens}, "names": {"E4": day names Monday first, "M4": month names, "a1": [[minute,
    "AM"], [720, "PM"]], …}, "digits": "۰۱۲…" where not ASCII}. Kinds: time (short), date (long), day
    (EEEE), weekday (EEE), when (medium date and short time, for the status line).
    """
    return _clock_data(str(locale), tuple(kinds))


def unit_patterns(locale: Locale, units: dict[str, str]) -> dict:
    """Units as Babel's format_unit writes them short ("{0} km", "{0}\u202fko"), for the phone to fill in.

    {key: pattern, or {plural category: pattern} where the words change with the number, "decimal":
    the decimal sign}. The phone writes the number with that sign and the language's digits
    (status-line.js formatUnit): no Intl unit format, which costs a long task on a slow phone.
    Worked out once per language (every page carries them; 70 ms of Babel each time otherwise)."""
    return _unit_patterns(str(locale), tuple(units.items()))


@lru_cache(maxsize=64)
def _unit_patterns(code: str, units: tuple[tuple[str, str], ...]) -> dict:
    from babel.numbers import format_decimal, get_decimal_symbol
    from babel.units import format_unit

    locale = Locale.parse(code)
    out: dict = {"decimal": get_decimal_symbol(locale)}
    for key, unit in units:
        forms: dict[str, str] = {}
        for n in (*range(0, 120), 0.5, 1.5, 2.5, 1000, 1_000_000):
            shown = format_decimal(n, locale=locale)
            forms.setdefault(locale.plural_form(n), format_unit(n, unit, "short", locale=locale).replace(shown, "{0}", 1))
        out[key] = forms["other"] if len(set(forms.values())) == 1 else forms
    return out


def list_patterns(locale: Locale) -> dict[str, str]:
    """CLDR's standard list pattern ({"2": "{0} and {1}", "start": …, "middle": …, "end": …}), for the phone."""
    return dict(locale.list_patterns["standard"])
