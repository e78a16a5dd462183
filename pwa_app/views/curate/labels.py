"""What each HSDS field is called on the curators' forms, with a hint where the format is not obvious.

One place for the words: the edit form, the conflict page and the audit trail all read them here.
"""
from __future__ import annotations

import re

from pwa_app.views.curate.base import _l

FIELDS = {
    "services": _l("Services"),
    "name": _l("Name"), "alternate_name": _l("Other name"), "description": _l("Description"),
    "url": _l("Web address"), "email": _l("Email"), "status": _l("Status"),
    "interpretation_services": _l("Interpretation"), "application_process": _l("How to apply"),
    "fees_description": _l("Fees"), "wait_time": _l("Wait time"), "fees": _l("Fees (short)"),
    "accreditations": _l("Accreditations"), "eligibility_description": _l("Who can use it"),
    "minimum_age": _l("Minimum age"), "maximum_age": _l("Maximum age"), "licenses": _l("Licences"),
    "alert": _l("Alert shown on the page"), "website": _l("Website"), "tax_status": _l("Tax status"),
    "year_incorporated": _l("Year incorporated"), "legal_status": _l("Legal status"), "logo": _l("Logo address"),
    "uri": _l("Identifier (URI)"), "location_type": _l("Kind of place"), "transportation": _l("Getting there"),
    "latitude": _l("Latitude"), "longitude": _l("Longitude"), "external_identifier": _l("External identifier"),
    "external_identifier_type": _l("External identifier type"), "attention": _l("Attention"),
    "address_1": _l("Street address"), "address_2": _l("Address line 2"), "city": _l("Town or city"),
    "region": _l("Region"), "state_province": _l("Province or state"), "postal_code": _l("Postal code"),
    "country": _l("Country"), "address_type": _l("Kind of address"), "number": _l("Phone number"),
    "extension": _l("Extension"), "type": _l("Kind of phone"), "valid_from": _l("From"), "valid_to": _l("Until"),
    "dtstart": _l("Rule starts"), "timezone": _l("UTC offset"), "until": _l("Rule ends"), "count": _l("Times"),
    "wkst": _l("Week starts"), "freq": _l("Repeats"), "interval": _l("Every"), "byday": _l("Days"),
    "byweekno": _l("Weeks of the year"), "bymonthday": _l("Days of the month"), "byyearday": _l("Days of the year"),
    "opens_at": _l("Opens"), "closes_at": _l("Closes"), "schedule_link": _l("Schedule link"),
    "attending_type": _l("Attending"), "notes": _l("Notes"), "code": _l("Language code"), "note": _l("Note"),
    "option": _l("Option"), "currency": _l("Currency"), "amount": _l("Amount"),
    "amount_description": _l("Amount, in words"), "document": _l("Document"), "extent": _l("Extent"),
    "extent_type": _l("Extent type"), "details": _l("Details"),
    # Set by verification, shown in the trail.
    "assured_date": _l("Verified on"), "assurer_email": _l("Verified by"), "verification": _l("Verification"),
    "last_modified": _l("Last modified"), "taxonomy_term_id": _l("Category"),
    "service_id": _l("Service"), "location_id": _l("Place"), "organization_id": _l("Organization"),
}
HINTS = {
    "url": _l("Starts with https://"), "website": _l("Starts with https://"),
    "number": _l("As people dial it, e.g. 613-555-0142 or 211; an extension goes below."),
    "byday": _l("Two-letter days, separated by commas: MO,TU,WE"), "opens_at": _l("24-hour clock, e.g. 09:00"),
    "closes_at": _l("24-hour clock, e.g. 17:00; earlier than opening runs overnight"),
    "valid_from": _l("YYYY-MM-DD"), "valid_to": _l("YYYY-MM-DD"), "code": _l("e.g. fr, es, zh-Hans"),
    "latitude": _l("Decimal degrees, e.g. 45.4215"), "longitude": _l("Decimal degrees, e.g. -75.6972"),
    "country": _l("Two-letter code, e.g. CA"), "minimum_age": _l("Years"), "maximum_age": _l("Years"),
}
KINDS = {
    "service": _l("Service"), "organization": _l("Organization"), "location": _l("Place"),
    "address": _l("Address"), "phone": _l("Phone"), "schedule": _l("Hours"), "language": _l("Language"),
    "cost_option": _l("Cost"), "required_document": _l("Document to bring"), "service_area": _l("Area served"),
    "accessibility": _l("Accessibility"), "attribute": _l("Category"), "service_at_location": _l("Place of service"),
    "translation": _l("Translation"),
    "directory": _l("Whole directory"),  # an import: its row names the file
}
ACTIONS = {"create": _l("added"), "update": _l("changed"), "delete": _l("removed"), "revert": _l("reverted"),
           "verify": _l("verified"), "translate": _l("translated"),
           "replace": _l("replaced by an imported file"), "merge": _l("merged with an imported file")}
LOCATED = {"address": _l("Taken from another place at the same address: %(name)s."),
           "postal": _l("Approximate: the centre of the postal area %(name)s."),
           "city": _l("Approximate: the centre of %(name)s.")}
STATES = {"new": _l("New"), "in_progress": _l("In progress"), "resolved": _l("Resolved"),
          "not_a_problem": _l("Not a problem")}
REPORT_KINDS = {"wrong_phone": _l("Wrong phone number"), "closed": _l("Service closed"), "moved": _l("Service moved"),
                "other": _l("Something else")}
HOW = {"phone": _l("By phone"), "email": _l("By email"), "site": _l("On site")}
LONG_TEXT = {"description", "application_process", "eligibility_description", "transportation", "notes", "details",
             "fees_description", "interpretation_services", "alert", "amount_description", "accreditations",
             "licenses"}


def field(name: str) -> str:
    return str(FIELDS.get(name, name.replace("_", " ")))


# The importer's words for a problem (pwa_app/hsds/validate.py, pwa_app/curate/weekly.py), in the
# curator's language: the pattern of each message, and what it says. A message not matched here is
# shown as the checks wrote it.
PROBLEMS = [
    (re.compile(r"is required but empty"), _l("Required.")),
    (re.compile(r"(?P<v>'.*') is not a (?:finite )?number"), _l("%(v)s is not a number.")),
    (re.compile(r"(?P<v>'.*') is not a whole number"), _l("%(v)s is not a whole number.")),
    (re.compile(r"(?P<v>'.*') is not a date in the form YYYY-MM-DD"), _l("%(v)s is not a date (YYYY-MM-DD).")),
    (re.compile(r"(?P<v>'.*') is not a time in the form HH:MM \(24-hour clock\)"),
     _l("%(v)s is not a time (HH:MM, 24-hour clock).")),
    (re.compile(r"(?P<v>'.*') is not an email address"), _l("%(v)s is not an email address.")),
    (re.compile(r"(?P<v>'.*') is not a web address \(it contains spaces\)"), _l("%(v)s is not a web address: it has spaces.")),
    (re.compile(r"(?P<v>'.*') is not one of: (?P<choices>.*)"), _l("%(v)s is not one of: %(choices)s.")),
    (re.compile(r"is (?P<n>[\d,]+) characters long; (?:a [\w ]+ holds at most|at most) (?P<max>[\d,]+)(?: are accepted)?"),
     _l("%(n)s characters: at most %(max)s here.")),
    (re.compile(r"contains control characters"), _l("Holds control characters (invisible codes): type it again.")),
    (re.compile(r"(?P<v>[-\d.e+]+) is outside (?P<lo>[-\d.e+]+)\.\.(?P<hi>[-\d.e+]+)"),
     _l("%(v)s is outside %(lo)s to %(hi)s.")),
    (re.compile(r"minimum age (?P<lo>[\d.]+) is above maximum age (?P<hi>[\d.]+)"),
     _l("The minimum age %(lo)s is above the maximum age %(hi)s.")),
    (re.compile(r"give both times, or neither"), _l("Give both times, or neither.")),
    (re.compile(r"give both times"), _l("Give both times.")),
    (re.compile(r"closes when it opens.*"), _l("It closes when it opens: tick “Open 24 hours” for the whole day.")),
    (re.compile(r"ends before it starts"), _l("It ends before it starts.")),
    (re.compile(r"give the first day closed"), _l("Give the first day it is closed.")),
    (re.compile(r"give the date"), _l("Give the date.")),
]


def problem(message: str) -> str:
    """A check's message in the curator's language."""
    for pattern, words in PROBLEMS:
        found = pattern.fullmatch(message)
        if found:
            return str(words) % found.groupdict()
    return message


def problems(found: dict[str, str]) -> dict[str, str]:
    return {name: problem(message) for name, message in found.items()}
