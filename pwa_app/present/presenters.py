"""What the pages and the records both need: free or not, address lines, cost lines, and the
reader's text picker for the pages that name things from the tables (categories, a report form).

What a service shows is its record (snapshot/records.py, rendered by snapshot/reader.py): the
server's pages and the phone draw that one view model with the shared templates (web/shared.py).
No request in sight."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from babel import Locale

from pwa_app.present.localize import TextPicker, with_digits


def is_free(cost_options) -> bool:
    return any(c.amount == 0 for c in cost_options) and not any((c.amount or 0) > 0 for c in cost_options)


def address_lines(a) -> list[str]:
    """An address as a page prints it: street lines, then city, province and postal code on one."""
    lines = [x for x in (a.address_1, a.address_2) if x]
    lines.append(" ".join(x for x in (a.city, a.state_province, a.postal_code) if x))
    return lines


def cost_line(locale: Locale, option: str | None, amount: float, currency: str | None, description: str | None) -> str:
    """One cost option as a page prints it ("Membership · $25.00 · per year"), amount in the reader's format."""
    from babel.numbers import format_currency

    formatted = with_digits(format_currency(amount, (currency or "CAD").upper(), locale=locale), locale)
    return " · ".join(x for x in (option, formatted, description) if x)


SERVICE_TEXT_FIELDS = (
    "alternate_name", "description", "alert", "eligibility_description", "application_process",
    "fees_description", "interpretation_services", "wait_time",
)


class Presenter:
    """Builds page models for one reader: their language, the region's clock and phone plan."""

    def __init__(self, session, lang: str, tz: str, country_code: str = "1", base_language: str = "en"):
        self.picker = TextPicker(session, lang, base_language)
        self.locale = Locale.parse(lang)
        self.tz = ZoneInfo(tz)
        self.country_code = country_code
