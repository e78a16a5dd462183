"""Coordinates for a place from its address, with nothing sent to another host (no geocoding service).

What the directory itself knows, best first: another place at the same street address and postal
code; else the centre of the places sharing its postal-code area (first three characters); else the
centre of its town. The answer says which, so a curator knows how near it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pwa_app.db.models import Address, Location
from pwa_app.search.filters import places


@dataclass(frozen=True)
class Found:
    latitude: float
    longitude: float
    source: str  # "address" | "postal" | "city"
    name: str  # the address, postal area or town it came from


def _key(text: str | None) -> str:
    return re.sub(r"[^0-9a-z]", "", (text or "").lower())


def from_address(session: Session, address: Address) -> Found | None:
    same = session.execute(
        select(func.avg(Location.latitude), func.avg(Location.longitude))
        .join(Address, Address.location_id == Location.id)
        .where(Location.id != address.location_id, Location.latitude.is_not(None), Location.longitude.is_not(None),
               func.lower(func.trim(Address.address_1)) == (address.address_1 or "").strip().lower(),
               func.upper(func.replace(Address.postal_code, " ", "")) == (address.postal_code or "").replace(" ", "").upper())
    ).one()
    if same[0] is not None and address.address_1 and address.postal_code:
        return Found(round(same[0], 6), round(same[1], 6), "address", f"{address.address_1}, {address.postal_code}")
    prefix = re.sub(r"[^0-9A-Za-z]", "", address.postal_code or "")[:3].upper()
    known = places(session)
    for place in known:
        if place.kind == "postal" and len(prefix) == 3 and place.name.upper() == prefix:
            return Found(place.latitude, place.longitude, "postal", place.name)
    for place in known:
        if place.kind == "city" and _key(place.name) == _key(address.city) and _key(address.city):
            return Found(place.latitude, place.longitude, "city", place.name)
    return None
