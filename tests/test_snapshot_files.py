"""Offline snapshots as static, content-addressed, precompressed files."""
from __future__ import annotations

import gzip
import hashlib
import json
import shutil

import brotli
import pytest

from pwa_app.snapshot import files
from pwa_app.db.extensions import db

from .conftest import make_app


def build(app, tmp_path):
    app.config["SNAPSHOT_FOLDER"] = str(tmp_path / "snapshots")
    result = app.test_cli_runner().invoke(args=["build-snapshots"])
    assert result.exit_code == 0, result.output
    return tmp_path / "snapshots", json.loads((tmp_path / "snapshots" / "index.json").read_text())


@pytest.fixture(scope="module")
def built(databases, tmp_path_factory):
    """The demo region's snapshots, built once by `flask build-snapshots` (20 languages, brotli 11):
    each test's database is a copy of the same one, so the files are its files too."""
    return build(make_app(databases.demo()), tmp_path_factory.mktemp("built"))


def built_for(app, built, tmp_path):
    """A copy of the module's built snapshots, served by `app`."""
    folder = shutil.copytree(built[0], tmp_path / "snapshots")
    app.config["SNAPSHOT_FOLDER"] = str(folder)
    return folder, built[1]


def test_build_writes_content_addressed_files_with_precompressed_siblings(app, built, tmp_path):
    folder, index = built_for(app, built, tmp_path)
    assert set(index["files"]) == set(app.config["LANGUAGES"])
    for lang, per_region in index["files"].items():
        name = per_region["all"]
        body = (folder / name).read_bytes()
        assert name == hashlib.sha256(body).hexdigest() + ".json"
        assert gzip.decompress((folder / (name + ".gz")).read_bytes()) == body
        assert brotli.decompress((folder / (name + ".br")).read_bytes()) == body
        assert json.loads(body)["lang"] == lang


def test_snapshot_route_points_to_the_static_file_served_forever(app, client, built, tmp_path):
    folder, index = built_for(app, built, tmp_path)
    r = client.get("/fr/offline/snapshot.json")
    name = index["files"]["fr"]["all"]
    assert r.status_code == 302 and r.location.endswith(f"/snapshots/{name}")
    with client.get(f"/snapshots/{name}", headers={"Accept-Encoding": "gzip, br"}) as r:
        assert r.status_code == 200 and r.headers["Content-Encoding"] == "br"
        assert r.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert r.headers["X-Checksum-SHA256"] == name[:-5]
        assert brotli.decompress(r.data) == (folder / name).read_bytes()
    with client.get(f"/snapshots/{name}") as plain:
        assert "Content-Encoding" not in plain.headers and plain.data == (folder / name).read_bytes()
    with client.get(f"/snapshots/{name}", headers={"If-None-Match": f'"{name[:-5]}"'}) as r:
        assert r.status_code == 304
    # Each encoding's bytes have their own tag; the body as it is revalidates in any encoding.
    tags = {}
    for encoding in ("br", "gzip"):
        with client.get(f"/snapshots/{name}", headers={"Accept-Encoding": encoding}) as r:
            tags[encoding] = r.headers["ETag"]
    assert tags == {"br": f'"{name[:-5]}-br"', "gzip": f'"{name[:-5]}-gz"'}
    with client.get(f"/snapshots/{name}", headers={"Accept-Encoding": "gzip", "If-None-Match": tags["gzip"]}) as r:
        assert r.status_code == 304 and r.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    with client.get(f"/snapshots/{name}", headers={"Accept-Encoding": "gzip", "If-None-Match": tags["br"]}) as r:
        assert r.status_code == 200 and r.headers["Content-Encoding"] == "gzip"
    with client.get(f"/snapshots/{name}", headers={"Accept-Encoding": "br", "If-None-Match": f'"{name[:-5]}"'}) as r:
        assert r.status_code == 304


def test_bad_names_are_404(app, client, built, tmp_path):
    built_for(app, built, tmp_path)
    for name in ("index.json", "../index.json", "x.json", "0" * 64 + ".json", "%2e%2e%2fetc%2fpasswd"):
        with client.get(f"/snapshots/{name}") as r:
            assert r.status_code == 404


def test_a_new_import_falls_back_to_building_until_rebuilt(app, client, built, tmp_path):
    folder, index = built_for(app, built, tmp_path)
    assert client.get("/en/offline/snapshot.json").status_code == 302
    with app.app_context():
        from pwa_app.db.models import Service

        s = db.session.scalars(db.select(Service).where(Service.status == "active")).first()
        s.name = "Renamed for the test"
        db.session.commit()
        from pwa_app.snapshot import records, versions

        versions.refresh(db.session, records.Settings.from_app(app, db.session))
        db.session.commit()
    r = client.get("/en/offline/snapshot.json")
    body = gzip.decompress(r.data) if r.headers.get("Content-Encoding") == "gzip" else r.data
    assert r.status_code == 200 and b"Renamed for the test" in body
    _, newer = build(app, tmp_path)
    assert newer["version"] > index["version"]
    assert client.get("/en/offline/snapshot.json").status_code == 302


def test_prune_keeps_current_files(app, built, tmp_path):
    folder, index = built_for(app, built, tmp_path)
    (folder / ("a" * 64 + ".json")).write_bytes(b"{}")
    assert files.prune(folder, keep_seconds=0) == 1
    assert all((folder / n).exists() for per in index["files"].values() for n in per.values())
