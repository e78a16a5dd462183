"""Found by search engines, in every language (issue 17, item 4): robots.txt, the sitemaps,
/favicon.ico, absolute hreflang alternates with x-default and a canonical link, none of them from
a Host header the site does not trust."""
from __future__ import annotations

import json

import gzip
import html
import re
import struct
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from pwa_app.core import icon, sitemap
from pwa_app.db import data_version
from pwa_app.db.extensions import db
from pwa_app.db.models import Attribute, Service, TaxonomyTerm
from pwa_app.web.config import Config

from .conftest import make_app

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
LANGUAGES = Config.LANGUAGES
LISTED = ("active", "temporarily closed")
W3C_DATE = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d\+00:00)?")
FORGED = {"Host": "evil.example"}


def a_service(app, status: str = "active") -> str:
    with app.app_context():
        return db.session.scalar(select(Service.id).where(Service.status == status).order_by(Service.id))


# --- robots.txt -------------------------------------------------------------------------------------------

def robots_allows(robots: str, target: str) -> bool:
    """RFC 9309 for `User-agent: *`: the longest matching rule wins (Allow on a tie); `*` is any run of
    characters, a final `$` the end; no rule matching means allowed."""
    best = (-1, True)
    for line in robots.splitlines():
        field, _, value = line.partition(":")
        field, value = field.strip().lower(), value.strip()
        if field not in ("allow", "disallow") or not value:
            continue
        pattern = "".join(".*" if c == "*" else re.escape(c) for c in value.rstrip("$")) + ("$" if value.endswith("$") else "")
        if re.match(pattern, target) and (len(value), field == "allow") > best:
            best = (len(value), field == "allow")
    return best[1]


def test_robots_opens_directory_pages_and_closes_private_and_endless_ones(app, client):
    r = client.get("/robots.txt")
    assert r.status_code == 200 and r.mimetype == "text/plain"
    robots = r.get_data(as_text=True)
    assert "User-agent: *" in robots.splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in robots.splitlines()
    sid = a_service(app)
    for lang in LANGUAGES:
        for page in (f"/{lang}/", f"/{lang}/categories/food", f"/{lang}/categories/housing", f"/{lang}/services/{sid}",
                     f"/{lang}/about", f"/{lang}/situations/", f"/{lang}/situations/lost-job"):
            assert robots_allows(robots, page), page
        # A search for a word is a page (Lighthouse audits it); its filters and further pages are endless.
        assert robots_allows(robots, f"/{lang}/search?q=food") and robots_allows(robots, f"/{lang}/search")
        for page in (f"/{lang}/search?q=x&page=2", f"/{lang}/search?q=food&open=now",
                     f"/{lang}/r/AAAA", f"/{lang}/saved", f"/{lang}/services/{sid}/report", f"/{lang}/clear",
                     f"/{lang}/language?next=/{lang}/", f"/{lang}/offline", f"/{lang}/offline/snapshot.json",
                     f"/{lang}/categories/food?open=now", f"/{lang}/categories/food?page=2",
                     f"/{lang}/situations/lost-job?who=child"):
            assert not robots_allows(robots, page), page
    for path in ("/api/", "/api/services?page=3", "/choose-language/fr?next=/fr/", "/offline/elsewhere",
                 "/snapshots/en.json"):
        assert not robots_allows(robots, path), path
    # The pages it opens answer 200; it closes no script or style a crawler needs to draw them.
    for page in ("/en/categories/food", f"/ar/services/{sid}", "/zh_Hans/about"):
        assert client.get(page).status_code == 200
    assert robots_allows(robots, "/static/gen/app.js") and robots_allows(robots, "/sw.js")


def test_robots_sitemap_line_comes_from_the_base_url_never_the_host_header(databases):
    configured = make_app(databases.demo(), BASE_URL="https://help.example.org").test_client()
    robots = configured.get("/robots.txt", headers=FORGED).get_data(as_text=True)
    assert "Sitemap: https://help.example.org/sitemap.xml" in robots.splitlines() and "evil" not in robots
    # reproduction: curl -H 'Host: evil.example' http://SERVER/robots.txt must not name evil.example
    unconfigured = make_app(databases.demo()).test_client().get("/robots.txt", headers=FORGED).get_data(as_text=True)
    assert "Sitemap:" not in unconfigured and "evil" not in unconfigured and "Disallow: /en/search?*&" in unconfigured


# --- favicon.ico and paths with a dot ---------------------------------------------------------------------

def test_favicon_is_an_icon_with_a_long_cache(client):
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r.mimetype == "image/x-icon"
    assert int(re.search(r"max-age=(\d+)", r.headers["Cache-Control"])[1]) >= 7 * 24 * 3600
    body = r.data
    reserved, kind, count = struct.unpack("<HHH", body[:6])
    width, height, _colours, _r, planes, bits, size, offset = struct.unpack("<BBBBHHII", body[6:22])
    assert (reserved, kind, count, planes, bits) == (0, 1, 1, 1, 32)
    assert body[offset:offset + size] == (Path(client.application.static_folder) / "icons/icon-192.png").read_bytes()
    assert (width, height) == (192, 192) and offset + size == len(body)
    again = client.get("/favicon.ico", headers={"If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304


def test_an_ico_holds_the_png_and_refuses_anything_else():
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">II", 256, 16) + b"\x08\x06\0\0\0"
    ico = icon.ico_from_png(png)
    assert ico[6:8] == b"\x00\x10" and ico[22:] == png  # 256 is written 0
    with pytest.raises(ValueError):
        icon.ico_from_png(b"GIF89a" + bytes(30))
    with pytest.raises(ValueError):
        icon.ico_from_png(png.replace(struct.pack(">II", 256, 16), struct.pack(">II", 512, 512)))


@pytest.mark.parametrize("path", ["/robots.txt", "/sitemap.xml", "/favicon.ico"])
def test_root_files_answer_without_a_redirect(client, path):
    # reproduction: curl -I http://127.0.0.1:5000/robots.txt answered 308 to /robots.txt/, then a 7 KB 404
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/apple-touch-icon.png", "/ads.txt", "/en.json"])
def test_other_names_with_a_dot_are_a_404_without_a_redirect(client, path):
    assert client.get(path).status_code == 404
    assert client.get("/en").status_code == 308  # a language without its slash still goes home


# --- sitemaps ---------------------------------------------------------------------------------------------

def read_xml(response) -> ET.Element:
    assert response.status_code == 200 and response.mimetype == "application/xml", response.status
    return ET.fromstring(response.data)


def listed_pages(app, lang: str, base: str = "http://localhost") -> set[str]:
    """The pages a language's sitemap must list, read from the tables: the home, the situations (issue 18,
    read from their plan), every category with a listed service in it or below it, every listed service."""
    with app.app_context():
        terms = {t.id: t for t in db.session.scalars(select(TaxonomyTerm))}
        used = set(db.session.scalars(select(Attribute.taxonomy_term_id).join(Service, Service.id == Attribute.link_id)
                                      .where(Attribute.link_entity == "service", Service.status.in_(LISTED))))
        slugs = set()
        for term_id in used:
            while term_id in terms and terms[term_id].slug not in slugs:
                slugs.add(terms[term_id].slug)
                term_id = terms[term_id].parent_id
        services = db.session.scalars(select(Service.id).where(Service.status.in_(LISTED))).all()
    plan = json.loads((Path(__file__).resolve().parents[1] / "pwa_app" / "situations" / "plan.json").read_text())
    return ({f"{base}/{lang}/", f"{base}/{lang}/situations/"} | {f"{base}/{lang}/categories/{s}" for s in slugs}
            | {f"{base}/{lang}/situations/{s['slug']}" for s in plan["situations"]}
            | {f"{base}/{lang}/services/{sid}" for sid in services})


def urls_of(root: ET.Element) -> dict[str, str]:
    return {u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS)
            for u in root.findall("s:url", NS)}


def test_sitemap_index_lists_one_sitemap_per_language(client):
    root = read_xml(client.get("/sitemap.xml"))
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    entries = root.findall("s:sitemap", NS)
    assert [e.findtext("s:loc", namespaces=NS) for e in entries] == \
        [f"http://localhost/sitemap-{lang}.xml" for lang in LANGUAGES]
    assert len(entries) == 20
    assert all(W3C_DATE.fullmatch(e.findtext("s:lastmod", namespaces=NS)) for e in entries)


@pytest.mark.parametrize("lang", ["fr", "zh_Hans"])
def test_a_language_sitemap_lists_every_listed_page_with_lastmod(app, client, lang):
    urls = urls_of(read_xml(client.get(f"/sitemap-{lang}.xml")))
    assert set(urls) == listed_pages(app, lang)
    assert all(W3C_DATE.fullmatch(modified or "") for modified in urls.values()), urls
    hidden = [a_service(app, status) for status in ("inactive", "defunct")]
    assert not any(f"/services/{sid}" in url for url in urls for sid in hidden)
    # A service's lastmod is its record's: "Baby Pantry" was last modified on 2025-12-14 at 15:00 UTC.
    with app.app_context():
        pantry = db.session.scalar(select(Service.id).where(Service.name == "Baby Pantry"))
    assert urls[f"http://localhost/{lang}/services/{pantry}"] == "2025-12-14T15:00:00+00:00"
    # Every URL is a page that answers (one of each kind here; the set above is all of them).
    service = next(u for u in urls if "/services/" in u)
    category = next(u for u in urls if "/categories/" in u)
    situation = next(u for u in urls if "/situations/" in u)
    for url in (f"http://localhost/{lang}/", category, service, situation):
        assert client.get(url.removeprefix("http://localhost")).status_code == 200, url


def test_home_and_category_lastmod_is_the_time_of_the_last_change(app, client):
    sid = a_service(app)
    with app.app_context():
        db.session.get(Service, sid).last_modified = datetime(2100, 1, 1)  # a record dated in the future
        data_version.touch(db.session, now=datetime(2026, 5, 1, 12, 30, tzinfo=UTC))
        db.session.commit()
    urls = urls_of(read_xml(client.get("/sitemap-en.xml")))
    assert urls["http://localhost/en/"] == "2026-05-01T12:30:00+00:00"
    assert urls["http://localhost/en/categories/food"] == "2026-05-01T12:30:00+00:00"
    future = datetime.fromisoformat(urls[f"http://localhost/en/services/{sid}"])
    assert future <= datetime.now(UTC)  # not believed: now at the latest


def test_a_sitemap_is_streamed_gzipped_to_a_crawler_that_takes_it(client):
    plain = client.get("/sitemap-en.xml")
    packed = client.get("/sitemap-en.xml", headers={"Accept-Encoding": "gzip, deflate"})
    assert packed.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed.headers["Vary"]
    assert gzip.decompress(packed.data) == plain.data and len(packed.data) < len(plain.data) / 3


def test_sitemaps_split_at_the_limit(databases):
    app = make_app(databases.demo(), SITEMAP_MAX_URLS=40)
    client = app.test_client()
    expected = listed_pages(app, "ar")
    parts = -(-len(expected) // 40)
    assert parts >= 3
    index = [e.findtext("s:loc", namespaces=NS) for e in read_xml(client.get("/sitemap.xml")).findall("s:sitemap", NS)]
    assert len(index) == 20 * parts
    ar = [loc for loc in index if "/sitemap-ar" in loc]
    assert ar == ["http://localhost/sitemap-ar.xml"] + [f"http://localhost/sitemap-ar-{n}.xml" for n in range(2, parts + 1)]
    seen: list[str] = []
    for loc in ar:
        urls = list(urls_of(read_xml(client.get(loc.removeprefix("http://localhost")))))
        assert 0 < len(urls) <= 40
        seen += urls
    assert len(seen) == len(set(seen)) and set(seen) == expected
    for missing in ("/sitemap-ar-1.xml", f"/sitemap-ar-{parts + 1}.xml", "/sitemap-xx.xml", "/sitemap-ar-02.xml",
                    "/sitemap-.xml"):
        assert client.get(missing).status_code == 404, missing


def test_the_splitting_function_cuts_at_the_limit_it_is_given():
    entries = [(f"https://x/en/services/{n}", None) for n in range(7)]
    assert sitemap.split(entries, 3) == [entries[0:3], entries[3:6], entries[6:7]]
    assert sitemap.split(entries, 7) == [entries] and sitemap.split([], 3) == [[]]
    assert [sitemap.part_count(n, 3) for n in (0, 1, 3, 4, 6, 7)] == [1, 1, 1, 2, 2, 3]
    assert sitemap.part_count(50_000) == 1 and sitemap.part_count(50_001) == 2 and sitemap.MAX_URLS == 50_000
    assert sitemap.part(entries, 3, 3) == entries[6:7]


def test_sitemap_xml_escapes_urls_and_is_valid():
    odd = "https://help.example.org/en/services/a&b'c\"d<e>"
    root = ET.fromstring("".join(sitemap.urlset_chunks([(odd, "2026-01-02"), ("https://h/en/", None)], chunk=1)))
    assert urls_of(root) == {odd: "2026-01-02", "https://h/en/": None}
    index = ET.fromstring(sitemap.index_xml([(odd, None)]))
    assert index.find("s:sitemap/s:loc", NS).text == odd
    assert sitemap.lastmod(datetime(2025, 12, 14, 15, 0, 0, 500)) == "2025-12-14T15:00:00+00:00"


def test_sitemaps_use_the_base_url_and_never_an_untrusted_host(databases):
    configured = make_app(databases.demo(), BASE_URL="https://help.example.org").test_client()
    index = configured.get("/sitemap.xml", headers=FORGED)
    assert b"evil" not in index.data and b"<loc>https://help.example.org/sitemap-en.xml</loc>" in index.data
    sheet = configured.get("/sitemap-en.xml", headers=FORGED)
    assert b"evil" not in sheet.data and b"<loc>https://help.example.org/en/</loc>" in sheet.data
    # reproduction: curl -H 'Host: evil.example' http://SERVER/sitemap-en.xml must not list evil.example URLs
    unconfigured = make_app(databases.demo()).test_client()
    for path in ("/sitemap.xml", "/sitemap-en.xml"):
        assert unconfigured.get(path, headers=FORGED).status_code == 404  # no address to write them with
    trusted = make_app(databases.demo(), TRUSTED_HOSTS=["help.example.org"]).test_client()
    assert trusted.get("/sitemap.xml", headers=FORGED).status_code == 400
    assert b"<loc>http://help.example.org/sitemap-fr.xml</loc>" in trusted.get(
        "/sitemap.xml", headers={"Host": "help.example.org"}).data


# --- hreflang and canonical -------------------------------------------------------------------------------

def head_links(page: str) -> tuple[str | None, dict[str, str]]:
    canonical = re.findall(r'<link rel="canonical" href="([^"]*)">', page)
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]*)">', page))
    assert len(canonical) <= 1
    return (html.unescape(canonical[0]) if canonical else None), {k: html.unescape(v) for k, v in alternates.items()}


def pages_to_check(app) -> dict[str, tuple[str, str]]:
    """Page -> (its path after /<lang>, the path of its x-default)."""
    sid = a_service(app)
    return {"home": ("/", "/"), "category": ("/categories/food", "/en/categories/food"),
            "service": (f"/services/{sid}", f"/en/services/{sid}"),
            "search": ("/search?q=food", "/en/search?q=food")}


@pytest.mark.parametrize("kind", ["home", "category", "service", "search"])
def test_every_page_has_absolute_alternates_in_all_languages_and_x_default(app, client, kind):
    path, default = pages_to_check(app)[kind]
    page = client.get(f"/fa{path}").get_data(as_text=True)
    canonical, alternates = head_links(page)
    assert list(alternates) == [code.replace("_", "-") for code in LANGUAGES] + ["x-default"]
    assert alternates == {**{code.replace("_", "-"): f"http://localhost/{code}{path}" for code in LANGUAGES},
                          "x-default": f"http://localhost{default}"}
    assert canonical == f"http://localhost/fa{path}"


def test_alternates_and_canonical_keep_only_what_search_reads(client):
    page = client.get("/ar/search?q=food&open=now&page=1&zzz=1").get_data(as_text=True)
    canonical, alternates = head_links(page)
    assert canonical == "http://localhost/ar/search?q=food" and alternates["ko"] == "http://localhost/ko/search?q=food"
    canonical, alternates = head_links(client.get("/en/categories/food?free=1").get_data(as_text=True))
    assert canonical == "http://localhost/en/categories/food" and alternates["x-default"] == canonical


def test_error_pages_have_no_canonical_nor_alternates(client):
    canonical, alternates = head_links(client.get("/en/services/no-such-service").get_data(as_text=True))
    assert canonical is None and alternates == {}


@pytest.mark.parametrize("config", [{"BASE_URL": "https://help.example.org"}, {}, {"TRUSTED_HOSTS": ["help.example.org"]}])
def test_alternates_never_come_from_an_untrusted_host_header(databases, config):
    app = make_app(databases.demo(), **config)
    client = app.test_client()
    sid = a_service(app)
    # reproduction: curl -H 'Host: evil.example' http://SERVER/en/ wrote hreflang links to evil.example
    for path in ("/en/", "/en/categories/food", f"/en/services/{sid}", "/en/search?q=food"):
        local = client.get(path)  # the page cache keeps it (a localhost page on an unconfigured app)
        forged = client.get(path, headers=FORGED)
        if config.get("TRUSTED_HOSTS"):
            assert forged.status_code == 400
            continue
        page = forged.get_data(as_text=True)
        canonical, alternates = head_links(page)
        assert "evil" not in page
        base = config.get("BASE_URL", "")  # no base URL and a host that is not this machine: relative links
        assert canonical == base + path
        assert alternates["fr"] == base + "/fr" + path[3:] and alternates["x-default"].startswith(base + "/")
        assert all(href.startswith(base + "/") for href in alternates.values())
        if not base:
            assert "http://localhost" not in page  # not the localhost page the cache kept
        assert local.status_code == 200
