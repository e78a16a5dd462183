"""Phone numbers as people dial them, read by libphonenumber (the `phonenumbers` package).

A number as a directory writes it ("305-573-4200 x57471", "Phone No: (202) 797-8806 Ext: 1041",
"613-555-0142 poste 234", "(800) AGE-DIAL", "2-1-1") becomes what a phone needs: E.164 for tel:
and sms: links, the extension apart (dialled once the call connects), short codes (211, 311, 911,
988) as they are dialled, and a display in the region's national format ("(305) 573-4200"; numbers
of other countries in international format; letters kept where the directory spells a number with
them). What cannot be a number in the region stays as written and gets no link.

Phones get the E.164 made here, ready (snapshot/wire.py sends it with a pattern of the display's
digits, "(###) ###-####", which they fill in): nothing on a phone reads a written number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

SMS_TYPES = frozenset({"text", "cell", "mobile", "sms"})
# Extensions libphonenumber does not know by these names: "poste" (French), "p.", "extension".
MENU_CHOICE = re.compile(r"\s*(?:x|ext\.?|#)\s*(?:opt(?:ion)?|menu)\s*\d+\s*$", re.IGNORECASE)
# Capital words in a number that are labels, not a number spelled in letters ("1-800-FLOWERS").
NOT_SPELLED = frozenset({"EXT", "TEL", "TTY", "TDD", "FAX", "POSTE", "PHONE", "CALL", "TOLL", "FREE"})
EXTENSION_WORDS = re.compile(r"\s*(?:poste|p\.|extension)\s*(?=\d+\s*$)", re.IGNORECASE)


@dataclass(frozen=True)
class Dial:
    display: str
    e164: str | None  # None when the text cannot be dialled in the region
    extension: str | None

    @property
    def tel_uri(self) -> str | None:
        """RFC 3966 URI; the extension rides along so phones can dial it after the call connects."""
        if self.e164 is None:
            return None
        return f"tel:{self.e164}" + (f";ext={self.extension}" if self.extension else "")

    @property
    def sms_uri(self) -> str | None:
        return f"sms:{self.e164}" if self.e164 else None


def region_of(country_code: str) -> str:
    """The region libphonenumber reads national numbers in, from the directory's calling code ("1" -> "US")."""
    try:
        return phonenumbers.region_code_for_country_code(int(country_code)) or "ZZ"
    except ValueError:
        return "ZZ"


@lru_cache(maxsize=65_536)
def read(number: str, country_code: str = "1") -> Dial:
    """What `number` dials in the region of `country_code`: display, E.164 (or None) and extension."""
    text = (number or "").strip()
    region = region_of(country_code)
    try:
        parsed = phonenumbers.parse(EXTENSION_WORDS.sub(" ext. ", text), region)
    except phonenumbers.NumberParseException:
        return Dial(text, None, None)
    digits = re.sub(r"\D", "", text)
    if 3 <= len(digits) <= 6 and phonenumbers.is_valid_short_number_for_region(parsed, region):
        return Dial(digits, digits, None)  # "2-1-1", "(311)    -": dialled as they are, shown without the clutter
    if not phonenumbers.is_possible_number(parsed):
        # A menu choice written as an extension ("305-891-8850 xOPT2"): the number dials, the choice is read.
        main, choice = MENU_CHOICE.subn("", text)
        again = read(main, country_code) if choice else None
        return Dial(text, again.e164, None) if again and again.e164 and len(again.e164) > 6 else Dial(text, None, None)
    extension = parsed.extension or None
    parsed.extension = None
    home = parsed.country_code == int(country_code or 0)
    style = phonenumbers.PhoneNumberFormat.NATIONAL if home else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    spelled = any(w.isupper() and len(w) >= 3 and w not in NOT_SPELLED for w in re.findall(r"[A-Za-z]+", text))
    display = text if spelled else phonenumbers.format_number(parsed, style)
    return Dial(display, phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), extension)


def can_text(phone_type: str | None, d: Dial) -> bool:
    """Whether to offer an sms: link: a mobile or text line with a real number, not a short code."""
    return (phone_type or "").lower() in SMS_TYPES and d.e164 is not None and len(d.e164) > 5


def dial(number: str, extension: float | str | None = None, country_code: str = "1") -> Dial:
    """`read`, with the record's own extension field first where it has one."""
    read_as = read(number or "", country_code)
    ext = read_as.extension
    if extension not in (None, ""):
        ext = str(int(extension)) if isinstance(extension, float) and extension.is_integer() else str(extension)
    return Dial(read_as.display, read_as.e164, ext)
