"""A curator at the test client: accounts made as the CLI makes them, forms posted with their CSRF token."""
from __future__ import annotations

import html
import re

from pwa_app.curate import accounts
from pwa_app.db.extensions import db

PASSWORD = "a long enough passphrase"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_account(app, email: str, role: str = "curator", password: str = PASSWORD) -> None:
    with app.app_context():
        accounts.add(db.session, email, password, role)
        db.session.commit()


def token(page_html: str) -> str:
    found = CSRF.search(page_html)
    assert found, "the page has no CSRF token"
    return found.group(1)


def log_in(client, email: str, password: str = PASSWORD):
    page = client.get("/curate/login")
    return client.post("/curate/login", data={"email": email, "password": password, "csrf_token": token(page.text)})


def curator(app, email: str = "curator@example.org", role: str = "curator"):
    """A client logged in as a new account with `role`."""
    make_account(app, email, role)
    client = app.test_client()
    assert log_in(client, email).status_code == 302
    return client


def action_of(page_html: str, containing: str) -> str:
    """The address of the first form whose action contains `containing`."""
    for target in re.findall(r'<form method="post"[^>]*action="([^"]*)"', page_html):
        if containing in html.unescape(target):
            return html.unescape(target)
    raise AssertionError(f"no form posting to …{containing}…")


def form_of(page_html: str, action: str | None = None) -> dict[str, str]:
    """The fields of the form posting to `action` (the first form with fields, else), as a browser would send them."""
    forms = re.findall(r'<form method="post"([^>]*)>(.*?)</form>', page_html, re.S)
    for attributes, body in forms:
        target = re.search(r'action="([^"]*)"', attributes)
        if action is not None and html.unescape(target.group(1) if target else "") != action:
            continue
        values: dict[str, str] = {}
        for tag in re.finditer(r"<input ([^>]*)>", body):
            attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag.group(1)))
            if "name" not in attrs or attrs.get("type") in ("radio", "checkbox") and "checked" not in tag.group(1):
                continue
            values[attrs["name"]] = html.unescape(attrs.get("value", ""))
        for tag in re.finditer(r'<textarea [^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', body, re.S):
            values[tag.group(1)] = html.unescape(tag.group(2))
        for tag in re.finditer(r'<select [^>]*name="([^"]+)"[^>]*>(.*?)</select>', body, re.S):
            chosen = re.search(r'<option(?: value="([^"]*)")? selected>([^<]*)', tag.group(2))
            values[tag.group(1)] = html.unescape((chosen.group(1) if chosen.group(1) is not None else chosen.group(2))
                                                 if chosen else "")
        if len(values) > 1 or action is not None:
            return values
    raise AssertionError(f"no form posting to {action}")
