"""Turn records into what a page shows, in the reader's language. No request in sight."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel import Locale

from pwa_app.core import hours
from pwa_app.present import inherit
from pwa_app.present.localize import LocalText, TextPicker, _primary, language_name, sorted_names, with_digits
from pwa_app.db.models import Location, Phone, Service
from pwa_app.core.phones import Dial, can_text, dial
from pwa_app.core.security import safe_url


@dataclass
class PhoneView:
    dial: Dial
    type: str | None
    description: LocalText | None
    sms: bool


@dataclass
class LocationView:
    id: str
    name: LocalText | None
    address_lines: list[str]
    latitude: float | None
    longitude: float | None
    transportation: LocalText | None
    accessibility: list[LocalText]
    phones: list[PhoneView]
    week: list[hours.DayHours] | None  # only where this location keeps its own hours
    hours_notes: list[LocalText] = field(default_factory=list)  # text-only hours ("By appointment")

    @property
    def geo_uri(self) -> str | None:
        if self.latitude is None or self.longitude is None:
            return None
        lat, lon = f"{self.latitude:.5f}", f"{self.longitude:.5f}"  # about a metre
        return f"geo:{lat},{lon}?q={lat},{lon}"

    @property
    def map_url(self) -> str | None:
        """The https fallback for phones without a geo: handler (a link the person chooses to follow)."""
        if self.latitude is None or self.longitude is None:
            return None
        lat, lon = f"{self.latitude:.5f}", f"{self.longitude:.5f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"


@dataclass
class ServiceView:
    id: str
    name: LocalText
    organization: LocalText | None
    status: str
    texts: dict[str, LocalText | None]
    languages: list[LocalText]
    free: bool
    costs: list[str]
    phones: list[PhoneView]
    locations: list[LocationView]
    status_now: hours.Status
    week: list[hours.DayHours]
    website: str | None
    website_text: str | None
    email: str | None
    assured_date: date | None
    categories: list[tuple[str, LocalText]] = field(default_factory=list)  # (slug, name)
    min_age: float | None = None
    max_age: float | None = None
    hours_notes: list[LocalText] = field(default_factory=list)  # text-only hours ("By appointment")

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    @property
    def fallback_langs(self) -> set[str]:
        shown = [self.name, self.organization, *self.texts.values()]
        return {t.lang for t in shown if t is not None and t.fallback}


@dataclass
class CardView:
    """What a result list shows of a service: enough to choose it and call, nothing more."""

    id: str
    name: LocalText
    organization: LocalText | None
    status_now: hours.Status
    languages: list[LocalText]
    free: bool
    phones: list[PhoneView]
    points: tuple = ()  # (latitude, longitude) of its locations, for "Near me" on the phone
    distance_km: float | None = None  # from the place the person chose
    hours_notes: list[LocalText] = field(default_factory=list)  # text-only hours ("By appointment")


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


def _places(s: Service) -> list:
    """The service at each of its locations, in the order pages list them."""
    return [sal for sal in s.service_at_locations if sal.location is not None]


def _own_hours(loc: Location) -> list:
    """A location's own opening hours (not a service's there)."""
    return [sc for sc in loc.schedules if not sc.service_id and not sc.service_at_location_id]


def _hours(s: Service, places) -> list:
    own = [sc for sc in s.schedules if not sc.service_at_location_id]
    return inherit.service_hours(own, [(sal.schedules, _own_hours(sal.location)) for sal in places])


def _phones(s: Service, places) -> list:
    at_places = [ph for sal in places for ph in sal.phones if ph.service_id != s.id]
    of_places = [ph for sal in places for ph in sal.location.phones if not ph.service_id and not ph.service_at_location_id]
    return inherit.service_phones(list(s.phones), at_places, of_places, s.organization.phones if s.organization else [])


class Presenter:
    """Builds page models for one reader: their language, the region's clock and phone plan."""

    def __init__(self, session, lang: str, tz: str, country_code: str = "1", base_language: str = "en"):
        self.picker = TextPicker(session, lang, base_language)
        self.locale = Locale.parse(lang)
        self.tz = ZoneInfo(tz)
        self.country_code = country_code

    def now(self) -> datetime:
        return datetime.now(self.tz)

    def hours_notes(self, schedules) -> list[LocalText]:
        """Schedule descriptions, as the data writes them: the offline snapshot carries no translations of them."""
        base = self.picker.base
        fallback = _primary(self.picker.lang) != _primary(base)
        return [LocalText(text, base, fallback) for text in hours.descriptions(schedules)]

    def phone(self, p: Phone) -> PhoneView:
        d = dial(p.number, p.extension, self.country_code)
        desc = self.picker.pick("phone", p, "description")
        return PhoneView(d, p.type, desc, can_text(p.type, d))

    def location(self, loc: Location, own_schedules) -> LocationView:
        p = self.picker
        p.preload("accessibility", [a.id for a in loc.accessibility])
        lines = address_lines(loc.addresses[0]) if loc.addresses else []
        return LocationView(
            id=loc.id,
            name=p.pick("location", loc, "name"),
            address_lines=lines,
            latitude=loc.latitude,
            longitude=loc.longitude,
            transportation=p.pick("location", loc, "transportation"),
            accessibility=[t for t in (p.pick("accessibility", a, "description") for a in loc.accessibility) if t],
            phones=[self.phone(ph) for ph in loc.phones if not ph.service_id],
            week=hours.week(own_schedules, self.now().date(), self.tz) if own_schedules else None,
            hours_notes=self.hours_notes(own_schedules),
        )

    def service(self, s: Service, categories: list[tuple[str, LocalText]] | None = None) -> ServiceView:
        p = self.picker
        p.preload("service", [s.id])
        now = self.now()
        places = _places(s)
        locations = [self.location(sal.location, inherit.place_hours(sal.schedules, _own_hours(sal.location)))
                     for sal in places]
        phones = [self.phone(ph) for ph in _phones(s, places)]
        schedules = _hours(s, places)
        free = is_free(s.cost_options)
        website = safe_url(s.url)
        return ServiceView(
            id=s.id,
            name=p.pick("service", s, "name"),
            organization=p.pick("organization", s.organization, "name") if s.organization else None,
            status=s.status,
            texts={f: p.pick("service", s, f) for f in SERVICE_TEXT_FIELDS},
            languages=self.languages(s),
            free=free,
            costs=[self.cost(c) for c in s.cost_options if (c.amount or 0) > 0],
            phones=phones,
            locations=locations,
            status_now=hours.status(schedules, now, self.tz),
            week=hours.week(schedules, now.date(), self.tz),
            website=website,
            website_text=(s.url or "").removeprefix("https://").removeprefix("http://").rstrip("/") if website else None,
            email=s.email if s.email and "@" in s.email else None,
            assured_date=s.assured_date,
            categories=categories or [],
            min_age=s.minimum_age,
            max_age=s.maximum_age,
            hours_notes=self.hours_notes(schedules),
        )

    def card(self, s: Service) -> CardView:
        """The light view for lists: no locations, no long texts."""
        p = self.picker
        places = _places(s)
        schedules = _hours(s, places)
        callable_phones = [ph for ph in _phones(s, places) if (ph.type or "").lower() != "fax"][:1]
        return CardView(
            id=s.id,
            name=p.pick("service", s, "name"),
            organization=p.pick("organization", s.organization, "name") if s.organization else None,
            status_now=hours.status(schedules, self.now(), self.tz),
            languages=self.languages(s),
            free=is_free(s.cost_options),
            phones=[self.phone(ph) for ph in callable_phones],
            hours_notes=self.hours_notes(schedules),
        )

    def languages(self, s: Service) -> list[LocalText]:
        """The languages a service speaks, named in the reader's language where anyone names them so."""
        return sorted_names(language_name(self.locale, lang.code, lang.name, self.picker.base) for lang in s.languages)

    def cost(self, c) -> str:
        return cost_line(self.locale, c.option, c.amount, c.currency, c.amount_description)
