"""What a service inherits, as HSDS lets data hang: its hours and phone numbers.

HSDS 3.0 lets a schedule or a phone belong to the service, to the service at one of its locations,
to the location itself, or (phones) to the organization. A page, a result card and the offline
record must agree on which ones speak for the service, so the rules live here, once, over plain
lists: `Presenter` passes ORM objects, the snapshot passes rows.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def service_hours(own: Sequence[T], places: Sequence[tuple[Sequence[T], Sequence[T]]]) -> list[T]:
    """The schedules that speak for a service: its own; else, at the first of its places that has
    some, the hours of the service at that place; else the first place's own opening hours.

    `places` is, in the order the page lists them, (schedules of the service at the location,
    schedules of the location itself).
    """
    if own:
        return list(own)
    for at_place, _ in places:
        if at_place:
            return list(at_place)
    for _, of_place in places:
        if of_place:
            return list(of_place)
    return []


def place_hours(at_place: Sequence[T], of_place: Sequence[T]) -> list[T]:
    """The hours a location shows on a service's page: the service's there, else the location's own."""
    return list(at_place or of_place)


def service_phones(own: Sequence[T], at_places: Sequence[T], of_places: Sequence[T],
                   of_organization: Sequence[T]) -> list[T]:
    """The numbers to call for a service: its own and those of the service at its locations; else its
    locations' own numbers; else its organization's."""
    if own or at_places:
        return [*own, *at_places]
    return list(of_places or of_organization)
