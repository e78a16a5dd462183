"""Phone numbers as people dial them: E.164 for tel: and sms: links, extensions kept."""
from __future__ import annotations

import re
from dataclasses import dataclass

SMS_TYPES = frozenset({"text", "cell", "mobile", "sms"})


@dataclass(frozen=True)
class Dial:
    display: str
    e164: str | None  # None when the digits cannot make a number
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


def to_e164(number: str, country_code: str = "1") -> str | None:
    """Return `number` in E.164 form ("613-555-0142" -> "+16135550142"), or None if it is not a number.

    Short service codes such as 211 or 988 are returned as they are: they are dialled locally.
    """
    digits = re.sub(r"\D", "", number or "")
    if number.strip().startswith("+"):
        return f"+{digits}" if 7 <= len(digits) <= 15 else None
    if 3 <= len(digits) <= 4 and len(digits) == len(number.strip()):
        return digits
    if country_code == "1":
        if len(digits) == 11 and digits.startswith("1"):
            digits = digits[1:]
        return f"+1{digits}" if len(digits) == 10 else None
    return f"+{country_code}{digits.lstrip('0')}" if 6 <= len(digits) <= 14 else None


def can_text(phone_type: str | None, d: Dial) -> bool:
    """Whether to offer an sms: link: a mobile or text line with a real number, not a short code."""
    return (phone_type or "").lower() in SMS_TYPES and d.e164 is not None and len(d.e164) > 5


def dial(number: str, extension: float | str | None = None, country_code: str = "1") -> Dial:
    ext = None
    if extension not in (None, ""):
        ext = str(int(extension)) if isinstance(extension, float) and extension.is_integer() else str(extension)
    return Dial(number.strip(), to_e164(number, country_code), ext)
