"""Offline (issue 4): snapshots, the changes feed, ETags, sw.js, the manifest and the app shell."""
from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from pwa_app.snapshot import feed, reader, versions, wire
from pwa_app.snapshot.records import RECORD_FORMAT, Settings
from pwa_app.db.extensions import db
from pwa_app.db.models import OfflineRecord, Service, Translation
from pwa_app.core.textnorm import normalize, tokens

from .wire import apply_patch, decode

VECTORS = json.loads((Path(__file__).parent / "data" / "textnorm_vectors.json").read_text())


def get_json(client, url, **headers):
    response = client.get(url, headers={"Accept-Encoding": "identity", **headers})
    return response, (decode(response.data) if response.status_code == 200 else None)


def settings(app) -> Settings:
    with app.app_context():
        return Settings.from_app(app, db.session)


def curate(app, name_of: str | None = None, new_name: str = "", retire: str | None = None) -> int:
    """Change the directory as a curator would, then refresh the offline records; return the version."""
    with app.app_context():
        if name_of:
            db.session.execute(update(Service).where(Service.id == name_of).values(name=new_name))
        if retire:
            db.session.execute(update(Service).where(Service.id == retire).values(status="inactive"))
        version = versions.refresh(db.session, Settings.from_app(app, db.session))
        db.session.commit()
        return version


def service_ids(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(Service.id).where(Service.status == "active").order_by(Service.id)))


@pytest.mark.parametrize("vec", VECTORS, ids=[v["name"] for v in VECTORS])
def test_textnorm_vectors(vec):
    assert normalize(vec["input"]) == vec["normalized"]
    assert tokens(vec["input"]) == vec["tokens"]


def test_snapshot_holds_every_listed_service_with_what_pages_show(client, app):
    response, doc = get_json(client, "/en/offline/snapshot.json")
    assert response.status_code == 200 and doc["format"] == wire.FORMAT and doc["lang"] == "en"
    with app.app_context():
        listed = set(db.session.scalars(select(Service.id).where(Service.status.in_(("active", "temporarily closed")))))
    assert {s["i"] for s in doc["services"]} == listed
    record = next(s for s in doc["services"] if s.get("p") and s.get("l"))
    assert record["n"] and record["p"][0]["e"].startswith("+1") and record["l"][0]["a"]
    assert {t["s"] for t in doc["terms"]} >= {c for s in doc["services"] for c in s.get("c", [])}
    assert doc["info"]["timezone"] == app.config["REGION_TIMEZONE"]
    # The body is checked on the phone against the header, and the state against the records.
    assert response.headers["X-Checksum-SHA256"] == hashlib.sha256(response.data).hexdigest()
    assert doc["state"] == versions.state_checksum((s["i"], s["v"]) for s in doc["services"])


def test_snapshots_are_per_language_and_mark_fallbacks(client, app):
    untranslated = service_ids(app)[0]
    with app.app_context():  # the French text of one service is withdrawn
        db.session.execute(delete(Translation).where(Translation.entity == "service", Translation.id == untranslated))
        db.session.commit()
    curate(app)
    _, en = get_json(client, "/en/offline/snapshot.json")
    _, fr = get_json(client, "/fr/offline/snapshot.json")
    assert [s["i"] for s in en["services"]] == [s["i"] for s in fr["services"]]
    assert any(e["n"] != f["n"] for e, f in zip(en["services"], fr["services"], strict=True))
    # French text that is missing falls back to English, marked with its language.
    fallbacks = [s for s in fr["services"] if s.get("fb")]
    assert [s["i"] for s in fallbacks] == [untranslated] and fallbacks[0]["fb"] == ["en"]
    assert any(isinstance(v, list) and v[1] == "en" for s in fallbacks for v in [s["n"], *s.get("t", {}).values()])
    assert client.get("/de/offline/snapshot.json").status_code == 404


def test_languages_come_from_the_configuration(app):
    app.config["LANGUAGES"] = ("en",)
    with app.app_context():
        s = Settings.from_app(app, db.session)
        versions.ensure_ready(db.session, s)
        body = json.loads(db.session.get(OfflineRecord, versions.META_KEY).body)
    assert set(body) == {"en"}


def test_snapshot_is_compact(client):
    response = client.get("/en/offline/snapshot.json", headers={"Accept-Encoding": "gzip"})
    count = len(decode(gzip.decompress(response.data))["services"])
    assert response.headers["Content-Encoding"] == "gzip"
    assert len(response.data) / count < 350  # bench/offline.py reports the exact figures (target 250, brotli)


def test_unchanged_check_costs_one_small_304(client):
    response, doc = get_json(client, "/en/offline/snapshot.json")
    etag = response.headers["ETag"]
    unchanged = client.get(f"/en/offline/changes.json?since={doc['version']}", headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.data == b""
    assert len(unchanged.headers.to_wsgi_list().__str__()) < 1024
    again = client.get("/en/offline/snapshot.json", headers={"If-None-Match": etag.rstrip('"') + '-gz"',
                                                              "Accept-Encoding": "gzip"})
    assert again.status_code == 304


def test_each_encoding_of_a_download_has_its_own_tag(client):
    """An ETag names the bytes sent (RFC 9110, 8.8.3): a cache holding the brotli body must not be told by a
    304 to a browser that takes only gzip that its brotli body is the one to send."""
    for url in ("/en/offline/snapshot.json", "/en/offline/search-data.json"):
        tags = {enc: client.get(url, headers={"Accept-Encoding": enc}).headers["ETag"] for enc in ("br", "gzip", "identity")}
        assert tags["br"].endswith('-br"') and tags["gzip"].endswith('-gz"') and len(set(tags.values())) == 3, tags
        for enc, tag in tags.items():
            again = client.get(url, headers={"Accept-Encoding": enc, "If-None-Match": tag})
            assert (again.status_code, again.headers["ETag"], again.data) == (304, tag, b""), (url, enc)
            assert "Accept-Encoding" in again.headers["Vary"]
        other = client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": tags["br"]})
        assert other.status_code == 200 and other.headers["Content-Encoding"] == "gzip", url
        # The body as it is (no encoding) is one every browser takes: its tag revalidates whatever it asks for.
        assert client.get(url, headers={"Accept-Encoding": "br", "If-None-Match": tags["identity"]}).status_code == 304


def test_changes_carry_only_changed_and_deleted_records(client, app):
    _, before = get_json(client, "/en/offline/snapshot.json")
    renamed, retired = service_ids(app)[:2]
    version = curate(app, name_of=renamed, new_name="Renamed by a curator", retire=retired)
    assert version == before["version"] + 1
    response, changes = get_json(client, f"/en/offline/changes.json?since={before['version']}",
                                 **{"If-None-Match": f'"en.all.{before["version"]}"'})
    assert response.status_code == 200
    # The phone holds the record as it was: only the field that changed is sent.
    assert "services" not in changes
    assert changes["patches"] == [{"i": renamed, "v": version, "set": {"n": "Renamed by a curator"}}]
    assert changes["deleted"] == [retired]
    assert "terms" not in changes  # no category changed: the categories are not sent again
    _, after = get_json(client, "/en/offline/snapshot.json")
    held = {s["i"]: s for s in before["services"] if s["i"] != retired}
    held[renamed] = apply_patch(held[renamed], changes["patches"][0])
    assert held == {s["i"]: s for s in after["services"]}
    # What the phone holds after applying them matches the server's state checksum.
    assert versions.state_checksum((i, s["v"]) for i, s in held.items()) == changes["state"]
    assert len(response.data) < len(client.get("/en/offline/snapshot.json").data) / 20


def test_a_phone_that_missed_two_edits_gets_the_whole_record(client, app):
    _, before = get_json(client, "/en/offline/snapshot.json")
    sid = service_ids(app)[0]
    curate(app, name_of=sid, new_name="First edit")
    middle = before["version"] + 1
    curate(app, name_of=sid, new_name="Second edit")
    _, from_middle = get_json(client, f"/en/offline/changes.json?since={middle}")
    assert [p["set"] for p in from_middle["patches"]] == [{"n": "Second edit"}]
    _, from_before = get_json(client, f"/en/offline/changes.json?since={before['version']}")
    assert "patches" not in from_before and [s["n"] for s in from_before["services"]] == ["Second edit"]
    with app.app_context():
        row = db.session.get(OfflineRecord, f"service:{sid}")
        assert row.previous_version == middle and json.loads(row.previous_body)["n"][0] == "First edit"


HOW = "Come in person with proof of address; a volunteer will help you fill in the short form."
PATCH_EXAMPLE = ({"i": "a", "v": 1, "n": "Food bank", "t": {"de": "Groceries", "el": "Anyone", "ap": HOW},
                  "w": "https://x.example"},
                 {"i": "a", "v": 2, "n": "Food bank", "t": {"de": "Groceries and meals", "ap": HOW}, "g": ["English"]})


def test_patches_add_and_remove_fields():
    held, record = PATCH_EXAMPLE
    patch = feed.make_patch(held, record)
    assert patch == {"i": "a", "v": 2, "set": {"t.de": "Groceries and meals", "g": ["English"]}, "unset": ["t.el", "w"]}
    assert apply_patch(held, patch) == record
    # Where the whole record is as small, it goes whole.
    assert feed.make_patch(held, {"i": "a", "v": 2, "n": "Other"}) is None


def test_refresh_without_changes_keeps_the_version(app):
    version = curate(app)
    assert curate(app) == version


TWENTY_LANGUAGES = ("en", "fr", "es", "pt", "ar", "fa", "ur", "zh_Hans", "zh_Hant", "pa", "hi", "ta", "tl", "vi",
                    "ko", "uk", "ru", "so", "ti", "iu")


def test_records_are_stored_once_whatever_the_number_of_languages(app):
    """Interface languages cost no queries and no new service versions at import: records are language-neutral."""
    from sqlalchemy import event

    curate(app)
    with app.app_context():
        before = {r.key: r.version for r in db.session.scalars(select(OfflineRecord))}
    statements: list[str] = []
    queries = {}

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        for languages in (("en", "fr"), TWENTY_LANGUAGES):
            app.config["LANGUAGES"] = languages
            statements.clear()
            curate(app)
            queries[len(languages)] = len(statements)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert queries[20] <= queries[2] + 1 < 40, queries  # + 1: the meta record, kept per language, is written
    with app.app_context():
        after = {r.key: r.version for r in db.session.scalars(select(OfflineRecord))}
        body = json.loads(db.session.get(OfflineRecord, next(k for k in after if k != versions.META_KEY)).body)
    assert {k: v for k, v in after.items() if k != versions.META_KEY} == {
        k: v for k, v in before.items() if k != versions.META_KEY}
    assert not set(body) & set(TWENTY_LANGUAGES) and body["n"]


def test_a_new_interface_language_gets_language_names_in_that_language(client, app):
    app.config["LANGUAGES"] = ("en", "fr", "es")
    _, en = get_json(client, "/en/offline/snapshot.json")
    _, es = get_json(client, "/es/offline/snapshot.json")
    spoken = {n for s in es["services"] for n in s.get("g", [])}
    assert "francés" in spoken and "French" not in spoken
    assert "French" in {n for s in en["services"] for n in s.get("g", [])}
    # Spanish text the data does not have falls back to English, marked as such.
    assert all(s.get("fb") == ["en"] for s in es["services"])


def test_records_stored_in_the_old_per_language_format_are_rebuilt(client, app):
    _, before = get_json(client, "/fr/offline/snapshot.json")
    with app.app_context():  # as an older release stored them: {language: the record}
        for row in db.session.scalars(select(OfflineRecord).where(OfflineRecord.key != versions.META_KEY)):
            row.body = json.dumps({lang: reader.render(json.loads(row.body), lang) for lang in ("en", "fr")})
            row.content_hash = hashlib.sha256(row.body.encode()).hexdigest()
        db.session.commit()
    _, after = get_json(client, "/fr/offline/snapshot.json")
    assert [{**s, "v": 0} for s in after["services"]] == [{**s, "v": 0} for s in before["services"]]
    with app.app_context():
        bodies = db.session.scalars(select(OfflineRecord.body).where(OfflineRecord.key != versions.META_KEY))
        assert {json.loads(body)["_"] for body in bodies} == {RECORD_FORMAT}


def test_changes_from_another_history_ask_for_a_snapshot(client):
    _, doc = get_json(client, "/en/offline/snapshot.json")
    _, changes = get_json(client, f"/en/offline/changes.json?since={doc['version'] + 5}")
    assert changes["reset"] is True
    assert client.get("/en/offline/changes.json?since=abc").status_code == 400


def test_large_directories_are_split_into_regions(client, app):
    app.config["OFFLINE_REGION_MAX_SERVICES"] = 20
    index = client.get("/offline/regions.json").get_json()
    regions = {r["id"]: r for r in index["regions"]}
    assert index["default"] is None and "all" in regions and len(regions) > 2
    chosen = sorted(r for r in regions if r != "all")[:2]
    _, part = get_json(client, "/en/offline/snapshot.json?regions=" + "+".join(chosen))
    _, whole = get_json(client, "/en/offline/snapshot.json?regions=all")
    assert part["regions"] == chosen and 0 < len(part["services"]) < len(whole["services"])
    with app.app_context():
        where = {r.key.split(":")[1]: r.regions.split() for r in db.session.scalars(select(OfflineRecord))
                 if r.key != versions.META_KEY}
    assert all(not where[s["i"]] or set(where[s["i"]]) & set(chosen) for s in part["services"])
    assert len(part["services"]) <= regions[chosen[0]]["services"] + regions[chosen[1]]["services"]


def test_small_directories_are_one_region(client):
    index = client.get("/offline/regions.json").get_json()
    assert index["default"] == "all" and [r["id"] for r in index["regions"]] == ["all"]


def test_service_worker_is_served_from_the_root_without_caching(client, app):
    response = client.get("/sw.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    source = response.get_data(as_text=True)
    urls = json.loads(re.search(r"^const PRECACHE_URLS = (.*);$", source, re.M).group(1))
    version = json.loads(re.search(r"^const VERSION = (.*);$", source, re.M).group(1))
    assert version != "dev" and re.fullmatch(r"[0-9a-f]{16}", version)
    env = app.extensions["assets"]
    for name in ("css", "js"):  # fingerprinted: a change to any asset changes sw.js
        assert env[name].urls()[0] in urls and re.search(r"\.[0-9a-f]{8,}\.(css|js)$", env[name].urls()[0])
    # The default language's shell up front; the others are kept as people use them.
    assert "/en/offline" in urls and "/fr/offline" not in urls
    # The page's icon, not the install icons the browser fetches itself.
    assert "/static/icons/icon.svg" in urls and not any(url.endswith(".png") for url in urls)
    assert client.get("/sw.js", headers={"If-None-Match": response.headers["ETag"]}).status_code == 304


def test_every_precached_url_answers_200(client):
    source = client.get("/sw.js").get_data(as_text=True)
    for url in json.loads(re.search(r"^const PRECACHE_URLS = (.*);$", source, re.M).group(1)):
        response = client.get(url)
        response.close()
        assert response.status_code == 200, url


def test_sw_version_follows_the_shell(client, app, monkeypatch):
    before = client.get("/sw.js").headers["ETag"]
    from pwa_app.views import offline

    monkeypatch.setitem(app.config, "HELPLINE_NUMBER", "311")  # the shell page changes
    assert client.get("/sw.js").headers["ETag"] != before
    monkeypatch.setattr(offline, "ICONS", offline.ICONS[:1])
    assert client.get("/sw.js").headers["ETag"] != before


def test_sw_version_follows_the_directorys_facts_but_not_its_records(client, app):
    """The shell shows the demo label: a real directory imported over the demo, with the server running,
    reaches phones that keep the old shell as a new version of the app (the shell without the label)."""
    from pwa_app.db import data_version
    from pwa_app.db.extensions import db
    from pwa_app.db.models import DirectoryInfo, Service

    demo = client.get("/sw.js").headers["ETag"]
    assert b'class="demo"' in client.get("/en/offline").data
    with app.app_context():  # a curator's edit: a new data version, the same facts
        db.session.scalars(db.select(Service)).first().name += " (edited)"
        data_version.touch(db.session)
        db.session.commit()
    assert client.get("/sw.js").headers["ETag"] == demo
    with app.app_context():  # what an import of a real directory leaves
        db.session.get(DirectoryInfo, "demo").value = ""
        data_version.touch(db.session)
        db.session.commit()
    assert client.get("/sw.js").headers["ETag"] != demo
    assert b'class="demo"' not in client.get("/en/offline").data


def test_manifest_makes_the_app_installable(client):
    manifest = json.loads(client.get("/manifest.webmanifest?lang=fr").data)
    assert manifest["name"] and manifest["short_name"] and manifest["display"] == "standalone"
    assert manifest["start_url"] == "/fr/" and manifest["lang"] == "fr" and manifest["theme_color"]
    sizes = {(i["sizes"], i["purpose"]) for i in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        response = client.get(icon["src"])
        response.close()
        assert response.status_code == 200 and response.mimetype == "image/png"
    assert json.loads(client.get("/manifest.webmanifest").data)["start_url"] == "/en/"


def test_pages_link_the_manifest_script_and_strings(client):
    html = client.get("/fr/").get_data(as_text=True)
    assert '<link rel="manifest" href="/manifest.webmanifest?lang=fr">' in html
    assert re.search(r'<script type="module" src="/static/gen/app\.[0-9a-f]+\.js"></script>', html)
    strings = json.loads(re.search(r'<script type="application/json" id="strings">(.*?)</script>', html, re.S).group(1))
    assert strings["lang"] == "fr" and "%(percent)s" in strings["saving"] and strings["update"] != "Update available"
    assert "<script>" not in html  # CSP: no inline script, only JSON data


def test_shell_carries_render_strings_in_the_page_language(client):
    html = client.get("/fr/offline").get_data(as_text=True)
    strings = json.loads(re.search(r'id="render-strings">(.*?)</script>', html, re.S).group(1))
    services = strings["catalogue"]["%(num)d service"]
    assert services["one"] == "%(num)d service" and services["other"] == "%(num)d services"
    assert strings["languageNames"]["en"] == "anglais" and strings["catalogue"]["Call"] == "Appeler le"
    # Every message the shared templates translate, and only those (templates/shared/).
    assert strings["catalogue"]["Last verified %(date)s"] == "Dernière vérification : %(date)s"
    assert "Report a problem" in strings["catalogue"] and "Quick exit" not in strings["catalogue"]
    assert strings["catalogue"]["%(num)d service"] == {"one": "%(num)d service", "many": "%(num)d services", "other": "%(num)d services"}
    assert 'id="offline-view"' in html and "/gen/draw." in html


# A child listed before its parent, whose slug is made of its parent's; a slug that only starts alike.
TERMS = [{"s": "food-meals-hot", "n": "Hot meals", "p": "food-meals"}, {"s": "food", "n": "Food", "k": "102"},
         {"s": "food-meals", "n": ["Repas", "fr"], "p": "food"}, {"s": "foodbank", "n": "Food banks", "p": "food"},
         {"s": "orphan", "n": "Orphan", "p": "gone"}]
UUIDS = [{"i": f"0f8fad5b-d9cb-469f-a165-70867728950{n}", "v": 1, "n": "A"} for n in range(wire.PACK_MIN)]
MIXED_UUIDS = UUIDS[:-1] + [{**UUIDS[-1], "i": "0f8fad5b-d9cb-569f-a165-708677289509"}]
# A reader's language the data lacks: every text falls back to English.
IN_FALLBACK = [{"i": f"s{n}", "v": 1, "n": [f"Service {n}", "en"], "o": [f"Service {n}", "en"], "fb": ["en"],
                **({"t": {"de": [f"About {n}", "en"]}} if n % 2 else {}),
                "p": [{"d": "613-555-0160", "e": "+16135550160", "t": "voice", "c": ["Main line", "en"]}],
                "l": [{"n": ["Hall", "en"], "c": [["Ramp", "en"]], "p": [{"d": "613-555-0160", "e": "+16135550160"}]}]}
               for n in range(wire.PACK_MIN)]


def test_packed_terms_unpack_to_the_categories_pages_show():
    packed = json.loads(wire.encode({"terms": TERMS}))["terms"]
    assert packed["p"] == [2, None, 1, 1, "gone"]  # parents by index where they are sent
    assert packed["s"] == ["-hot", "food", "-meals", "foodbank", "orphan"]  # under the parent's slug
    assert decode(wire.encode({"terms": TERMS}))["terms"] == TERMS


def packing_examples() -> tuple[list[dict], list[dict]]:
    """Terms and records that exercise every packing rule (sync.js must unpack them alike: see the browser twin)."""
    terms = [{"s": "food", "n": "Food"}, {"s": "housing", "n": "Housing"}]
    records = [
        {"i": "Not-a-uuid", "v": 3, "n": ["Banque", "fr"], "o": ["Banque", "fr"], "fb": ["fr"], "c": ["food", "gone"],
         "t": {"de": ["Texte", "fr"], "el": "Everyone"}, "e": "x@", "w": "https://www.example.org/a",
         "p": [{"d": "613-555-0142", "e": "+16135550142", "t": "voice", "x": "12"},
               {"d": "613 555 0143", "e": "+16135550143", "t": "fax"},
               {"d": "555-0199", "t": "cell"},  # not a number: no e164, no texts
               {"d": "٦١٣٥٥٥٠١٤٤", "e": "+1٦١٣٥٥٥٠١٤٤"},  # digits JavaScript would not read alike, and no type
               {"d": "+44 20 7946 0000", "e": "+442079460000", "t": "mobile", "m": 1, "c": ["Texte", "fr"]},
               {"d": "613-555-0150", "e": "+16135550150", "t": "voice"},  # its location's, alike: an index
               {"d": "613-555-0150", "e": "+16135550150", "t": "text", "c": ["Accueil", "fr"]},  # described: {"r"}
               {"d": "613-555-0150", "e": "+16135550150", "t": "voice", "c": "Desk"},
               {"d": "211", "e": "211", "t": "voice"}, {"d": "1-800-555-0199", "e": "+18005550199", "t": "voice"},
               {"d": "(800) AGE-DIAL", "e": "+18002433425", "t": "voice"}],  # letters: the display goes as it is
         "l": [{"n": ["Banque", "fr"], "a": ["1 Main St", "Ottawa ON"], "g": [45.1, -75.2], "c": [["Rampe", "fr"]],
                "p": [{"d": "613-555-0150", "e": "+16135550150", "t": "voice", "c": "Front desk"},
                      {"d": "613-555-0151", "e": "+16135550151", "t": "fax"}],
                "h": [{"opens_at": "09:00", "closes_at": "17:00", "byday": "MO", "freq": "WEEKLY"}, {},
                      {"description": "By appointment"}]},
               {}]},
        {"i": "Other", "v": 4, "n": "Shelter", "o": "Agency", "e": "help@example.org", "w": "http://example.org",
         "l": [{"n": "Agency"}], "h": [{"dtstart": "2025-01-01", "interval": 2}], "a": [18, None], "g": ["English"],
         "t": {"ap": "Odd\x7ftext"}},  # holds the separator: its column stays a list
    ]
    records[0]["g"] = ["English", "français"]
    return terms, records


def packing_documents() -> list[dict]:
    terms, records = packing_examples()
    return [{"terms": terms, "services": records}, {"terms": TERMS, "services": UUIDS}, {"services": MIXED_UUIDS},
            {"services": IN_FALLBACK}]


def test_services_are_packed_neighbours_together():
    # Along a Hilbert curve through their first place: the two in Ottawa side by side, whatever their names.
    at = {"Ottawa": [45.42, -75.69], "Vancouver": [49.28, -123.12], "Ottawa South": [45.38, -75.67]}
    records = [{"i": f"s{n}", "v": 1, "n": name, "o": name, "l": [{"g": at[city]} if city else {}]}  # none: first
               for n, (name, city) in enumerate([("A", "Ottawa"), ("B", "Vancouver"), ("C", "Ottawa South"), ("D", None)])]
    packed = wire.pack_services(records)
    assert packed["cols"]["n"].split(wire.SEPARATOR) in (["D", "B", "A", "C"], ["D", "B", "C", "A"],
                                                        ["D", "A", "C", "B"], ["D", "C", "A", "B"])


def test_packed_services_unpack_to_the_records_pages_show():
    terms, records = packing_examples()
    shown = json.loads(json.dumps(records))
    del shown[0]["p"][1], shown[0]["l"][0]["p"][1]
    shown[0]["l"][0]["p"][0] = {"d": "613-555-0150", "e": "+16135550150"}  # a location's phones show their number only
    packed = wire.pack_services(records, terms)
    assert packed["tab"]["g"] == ["English", "français"] and packed["tab"]["l.c"] == ["Rampe"]  # all in "fr", the usual fallback
    assert packed["cols"]["t.ap"] == ["Odd\x7ftext", None]  # by organization: "Agency" first
    assert packed["cols"]["w"] == "http://example.org\x7fhttps://www.example.org/a"
    # A number goes as its tel: target, ready, with the pattern of its display where not the usual one: the
    # phone fills the digits in and reads no written number. A display no pattern gives goes as it is.
    assert packed["pf"] == "###-###-####"
    assert packed["cols"]["p"][1][:2] == [{"e": "+16135550142", "x": "12"}, {"d": "555-0199", "e": "", "t": "cell"}]
    assert packed["cols"]["p"][1][-3:] == [{"e": "211", "f": "###"}, {"e": "+18005550199", "f": "#-###-###-####"},
                                          {"d": "(800) AGE-DIAL", "e": "+18002433425"}]
    # A location's number the service has as it is goes as its index; described, with what the service adds.
    assert packed["cols"]["p"][1][-6:-3] == [0, {"r": 0, "t": "text", "m": 0, "c": ["Accueil"]}, {"r": 0, "c": "Desk"}]
    body = json.dumps({"terms": terms, "services": packed})
    assert decode(body)["services"] == sorted(shown, key=lambda r: r["i"])
    uuids, mixed = UUIDS, MIXED_UUIDS
    packed = json.loads(wire.encode({"services": uuids}))["services"]
    # One string of ids without dashes, and without the version digit they all share.
    assert packed["uuid"] == "4" and packed["cols"]["i"].startswith("0f8fad5bd9cb69fa16570867728950")
    assert len(packed["cols"]["i"]) == 31 * len(uuids)
    assert decode(wire.encode({"services": uuids}))["services"] == uuids
    packed = json.loads(wire.encode({"services": mixed}))["services"]
    assert packed["uuid"] == 1 and len(packed["cols"]["i"]) == 32 * len(mixed)
    assert decode(wire.encode({"services": mixed}))["services"] == sorted(mixed, key=lambda r: r["i"])
    packed = json.loads(wire.encode({"services": IN_FALLBACK}))["services"]
    assert set(packed["fa"]) == {"n", "t.de", "l.n", "l.c", "p.c"} and packed["tab"]["l.c"] == ["Ramp"]
    assert packed["cols"]["p"] == [[{"r": 0, "c": "Main line"}]] * wire.PACK_MIN  # "p.c": described in "en"
    # Columns of strings travel as one string, "" for null; "o" holds "same as the name" markers.
    assert packed["cols"]["o"] == [1] * wire.PACK_MIN and packed["cols"]["t.de"] == "\x7fAbout 1\x7f\x7fAbout 3"
    assert decode(wire.encode({"services": IN_FALLBACK}))["services"] == IN_FALLBACK
    # A changes feed of a record or two goes as records: the columns' header would outweigh them.
    assert json.loads(wire.encode({"services": uuids[:1]}))["services"] == uuids[:1]
