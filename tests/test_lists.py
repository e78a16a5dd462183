"""Saved lists and referral sheets, share tokens, SMS bodies, quick exit and clearing data (issue 7)."""
from __future__ import annotations

import html as html_lib
import json
import re
import time
from urllib.parse import unquote

import pytest
from flask_babel import force_locale, gettext
from sqlalchemy import select

from pwa_app.core import referral
from pwa_app.views import lists
from pwa_app.db.extensions import db
from pwa_app.db.models import Service

from .helpers import WITH_EXTENSION


def active_ids(app, n: int) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(Service.id).where(Service.status == "active").order_by(Service.id).limit(n)))


def test_a_token_carries_ids_in_order_and_is_short():
    ids = ["0b2c7d1e-4a5f-4c3b-9d2e-1f0a9b8c7d6e", "legacy-42", "7f0e6c1a-0000-4000-8000-000000000001", "é/ü id"]
    token = referral.encode(ids)
    assert referral.decode(token) == ids and re.fullmatch(r"[A-Za-z0-9_-]+", token)
    assert len(referral.encode(ids[:1] * 5)) <= 120  # five services: a link that fits in an SMS


def test_any_damage_to_a_token_is_recognised():
    token = referral.encode(["0b2c7d1e-4a5f-4c3b-9d2e-1f0a9b8c7d6e", "legacy-42"])
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    damaged = {token[:-1], token[:10], token + "A", "", "!!!", token.replace(token[5], "*")}
    damaged |= {token[:n] + c + token[n + 1:] for n in range(len(token)) for c in alphabet[::7] if c != token[n]}
    for bad in damaged:
        with pytest.raises(referral.BadToken):
            assert referral.decode(bad) != referral.decode(token)  # a changed token never decodes to another list silently


def test_sms_segments_follow_gsm_and_ucs2_rules():
    assert referral.sms_segments("a" * 160) == 1 and referral.sms_segments("a" * 161) == 2
    assert referral.sms_segments("é" * 160) == 1  # é is in the GSM alphabet
    assert referral.sms_segments("ç" * 70) == 1 and referral.sms_segments("ç" * 71) == 2  # ç is not
    assert referral.sms_segments("€" * 80) == 1 and referral.sms_segments("€" * 81) == 2  # extension: two septets


def test_sms_body_keeps_every_number_and_fits_two_segments_where_it_can():
    entries = [("Banque alimentaire communautaire du Centre-Ville de Bellerive", "613-555-0101"),
               ("Centre de santé communautaire francophone", "613-555-0102"),
               ("Aide juridique pour les locataires", "613-555-0103")]
    link = "https://passerelle.example/fr/r/" + "A" * 60
    body = referral.sms_body(entries, link)
    assert referral.sms_segments(body) <= 2
    assert all(number in body for _, number in entries)
    assert all(line.split(":")[0].rstrip("…") and name.startswith(line.split(":")[0].rstrip("…"))
               for line, (name, _) in zip(body.splitlines(), entries, strict=False))  # then the link line
    short = referral.sms_body(entries[:1], link)
    assert short == f"{entries[0][0]}: 613-555-0101\n{link}"  # nothing shortened when it fits


def test_sheet_lists_services_in_the_clients_language_without_javascript(app, client):
    ids = active_ids(app, 3)
    token = referral.encode(ids)
    html = client.get(f"/fr/r/{token}").get_data(as_text=True)
    assert html.count('<li data-service="') == 3 and 'lang="fr"' in html
    assert [m for m in re.findall(r'<li data-service="([^"]+)"', html)] == ids
    sms = unquote(re.search(r'href="sms:\?&amp;body=([^"]+)"', html).group(1))
    # Each service's name and number; then the link, only where it still fits in two messages.
    lines, link = sms.split("\n"), f"http://localhost/fr/r/{token}"
    assert all(re.fullmatch(r".+: \(613\) 555-\d{4}( poste \d+)?", line) for line in lines[:3]), lines
    fits = referral.sms_segments("\n".join([*lines[:3], link])) <= 2
    assert lines[3:] == ([link] if fits else []), (fits, lines)
    assert referral.sms_segments(sms) <= 2 and sms.count("\n") >= 2
    assert f'value="http://localhost/fr/r/{token}"' in html


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_text_message_gives_a_numbers_extension_as_the_sheet_does(app, client, lang):
    """Without it, "(613) 555-0115" reaches the main line, not the service (found trying the app in Arabic)."""
    with app.test_request_context(), force_locale(lang):
        extension = gettext("ext. %(ext)s")
    html = client.get(f"/{lang}/r/{referral.encode(WITH_EXTENSION)}").get_data(as_text=True)
    lines = unquote(re.search(r'href="sms:\?&amp;body=([^"]+)"', html).group(1)).split("\n")
    numbers = [line.rsplit(": ", 1)[1] for line in lines[:2]]
    assert numbers == [f"({area}) 555-{n} {extension.replace('%(ext)s', '202')}" for area, n in (("613", "0115"), ("819", "0125"))]
    assert html.count(extension.replace("%(ext)s", "202")) >= 2  # as the sheet itself says it
    with app.test_request_context():
        assert lists.extension_patterns()[lang] == extension  # the saved-lists page's, for a list in this language
    saved = client.get("/en/saved").get_data(as_text=True)  # that page carries them, no other page does
    assert json.loads(html_lib.unescape(re.search(r"data-extensions='([^']+)'", saved).group(1)))[lang] == extension
    assert "data-extensions" not in client.get("/en/").get_data(as_text=True)


def test_phone_text_writes_the_extension_in_the_words_given():
    phone = {"d": "(613) 555-0115", "e": "+16135550115", "x": "202"}
    assert referral.phone_text(phone, "poste %(ext)s") == "(613) 555-0115 poste 202"
    assert referral.phone_text({"d": "(613) 555-0115", "e": "+16135550115"}, "poste %(ext)s") == "(613) 555-0115"
    assert referral.phone_text(None, "poste %(ext)s") == ""
    assert referral.sheet_phone({"p": [{"t": "fax", "d": "1", "e": "+1"}, phone]}) is phone


def test_a_damaged_link_opens_an_empty_list_with_an_explanation(app, client):
    token = referral.encode(active_ids(app, 2))
    response = client.get(f"/en/r/{token[:-3]}xyz")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "damaged or incomplete" in html and "<li data-service" not in html


def test_a_service_gone_from_the_directory_is_counted_not_shown(app, client):
    token = referral.encode([*active_ids(app, 1), "7f0e6c1a-0000-4000-8000-000000000001"])
    html = client.get(f"/en/r/{token}").get_data(as_text=True)
    assert html.count("<li data-service") == 1 and "1 service on this list is no longer in the directory." in html


def test_quick_exit_and_the_tools_are_on_every_page(app, client):
    sid = active_ids(app, 1)[0]
    app.config["QUICK_EXIT_URL"] = "https://weather.example/"
    for url in ("/en/", f"/fr/services/{sid}", "/en/saved", "/en/about", "/en/no-such-page", f"/en/services/{sid}/report"):
        html = client.get(url).get_data(as_text=True)
        assert '<a class="quick-exit" href="https://weather.example/"' in html, url
        assert f'href="/{url.split("/")[1]}/clear"' in html, url
        assert 'id="lists-strings"' in html and "style=" not in html.replace("stylesheet", ""), url


def clear_token(html: str) -> str:
    return re.search(r'<input type="hidden" name="token" value="([^"]*)">', html).group(1)


def test_clearing_asks_first_then_tells_the_browser_to_forget_everything(client):
    ask = client.get("/fr/clear")
    assert ask.status_code == 200 and "Clear-Site-Data" not in ask.headers and 'method="post"' in ask.get_data(as_text=True)
    assert ask.headers["Cache-Control"] == "no-store"  # the token is this browser's, for a few minutes
    token = clear_token(ask.get_data(as_text=True))
    done = client.post("/fr/clear", data={"token": token}, headers={"Sec-Fetch-Site": "same-origin"})
    assert done.status_code == 200 and done.headers["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert 'id="data-cleared"' in done.get_data(as_text=True) and done.headers["Cache-Control"] == "no-store"


def test_clearing_from_this_page_works_by_origin_too(client):
    """A browser without Sec-Fetch-Site: the Origin, as Flask sees this site, and the page's token."""
    token = clear_token(client.get("/en/clear").get_data(as_text=True))
    done = client.post("/en/clear", data={"token": token}, headers={"Origin": "http://localhost"})
    assert done.status_code == 200 and "Clear-Site-Data" in done.headers


@pytest.mark.parametrize("headers, token", [
    ({"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}, "page"),  # another site, even with a token
    ({"Sec-Fetch-Site": "cross-site"}, "page"),
    ({"Sec-Fetch-Site": "same-site"}, "page"),  # a sibling subdomain is not this site either
    ({"Origin": "https://evil.example"}, "page"),  # an older browser: Origin says it all
    ({"Origin": "https://localhost"}, "page"),  # another scheme is another origin
    ({"Sec-Fetch-Site": "same-origin"}, None),  # no token
    ({"Sec-Fetch-Site": "same-origin"}, "forged"),
    ({"Sec-Fetch-Site": "same-origin"}, "old"),
    ({"Sec-Fetch-Site": "same-origin"}, "another browser's"),
])
def test_clearing_is_refused_unless_the_confirmation_page_itself_asks(app, client, headers, token):
    from pwa_app.views import safety

    page = client.get("/en/clear").get_data(as_text=True)
    nonce = client.get_cookie("clear", path="/en/clear").value
    value = {"page": clear_token(page), None: None, "forged": "1700000000." + "0" * 64,
             "another browser's": None, "old": None}[token]
    with app.test_request_context():
        if token == "old":
            value = safety.make_token(nonce, now=time.time() - safety.TOKEN_SECONDS - 5)
        if token == "another browser's":  # a site that fetched the page itself gets a token for its own cookie
            value = safety.make_token("the-other-site-s-nonce")
    refused = client.post("/en/clear", data={"token": value} if value else {}, headers=headers)
    html = refused.get_data(as_text=True)
    assert refused.status_code == 403 and "Clear-Site-Data" not in refused.headers
    assert 'class="refused"' in html and 'class="clear-data"' in html and clear_token(html)  # ask again
    assert refused.headers["Cache-Control"] == "no-store"


def test_a_token_lives_a_few_minutes_for_one_nonce(app):
    from pwa_app.views import safety

    with app.test_request_context():
        now = time.time()
        token = safety.make_token("n1", now=now)
        assert safety.token_is_valid(token, "n1", now=now + safety.TOKEN_SECONDS - 1)
        assert not safety.token_is_valid(token, "n1", now=now + safety.TOKEN_SECONDS + 1)
        assert not safety.token_is_valid(token, "n2", now=now) and not safety.token_is_valid(token, None, now=now)
        assert not safety.token_is_valid(token, "n1", now=now - 3600)  # from the future
        assert not safety.token_is_valid("", "n1") and not safety.token_is_valid("abc.def", "n1")
        app.config["SECRET_KEY"] = "another"
        assert not safety.token_is_valid(token, "n1", now=now)


def test_the_offline_shell_carries_no_clear_token(client):
    """The shell is hashed into sw.js's version: a token there would change it every minute; the script fetches one."""
    shell = client.get("/en/offline").get_data(as_text=True)
    assert '<input type="hidden" name="token" value="">' in shell


def test_saved_page_and_offline_shell_carry_what_the_scripts_draw(client):
    saved = client.get("/en/saved").get_data(as_text=True)
    assert 'id="saved-view"' in saved and "<noscript>" in saved
    shell = client.get("/en/offline").get_data(as_text=True)
    assert all(f'<template id="{t}">' in shell for t in ("tpl-saved", "tpl-clear", "tpl-report"))
    assert 'name="idempotency_key"' in shell and 'name="website"' in shell


def test_no_cache_keeps_what_a_person_searched_for(client):
    """A search says what is happening to someone: `no-store`, also when the page cache answers."""
    for _ in range(2):  # rendered, then served from the page cache
        response = client.get("/en/search?q=abuse+shelter")
        assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert "no-store" not in client.get("/en/categories/food").headers.get("Cache-Control", "")
