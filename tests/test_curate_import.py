"""Import through the browser (issue 19): upload, a dry run with examples that changes nothing, confirm.
The command line's engine, so the same all-or-nothing guarantee and the same guard against emptying."""
from __future__ import annotations

import csv
import io
import os
import shutil
import uuid
import zipfile

from sqlalchemy import func, select

from pwa_app.cli.database import DEMO_PACKAGE
from pwa_app.db.extensions import db
from pwa_app.db.models import Metadata, PendingImport, Service

from .conftest import SHARED_DATA, make_app
from .curation import settled_app  # noqa: F401 (the module's `app`: every test ends settled)
from .curation import PASSWORD, action_of, curator, form_of, make_account, token




def zipped(folder) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:  # under the test client's 500 KB spool: it leaks the file
        for path in sorted(folder.iterdir()):
            z.write(path, path.name)
    return out.getvalue()


def demo_with(tmp_path, rename: str | None = None, break_cell: bool = False):
    folder = tmp_path / "package"
    shutil.copytree(DEMO_PACKAGE, folder)
    path = folder / "services.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0])
    if rename:
        rows[0]["name"] = rename
    if break_cell:
        rows[0]["minimum_age"] = "old"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fields)
        writer.writeheader()
        writer.writerows(rows)
    return zipped(folder), rows[0]["id"]


def upload(client, data: bytes, name: str = "region.zip", mode: str = "replace", lenient: bool = False):
    page = client.get("/curate/import")
    form = {"csrf_token": token(page.text), "mode": mode, "file": (io.BytesIO(data), name)}
    return client.post("/curate/import", data={**form, **({"lenient": "1"} if lenient else {})},
                       content_type="multipart/form-data")


def names(app) -> dict[str, str]:
    with app.app_context():
        return dict(db.session.execute(select(Service.id, Service.name)).all())


def test_a_dry_run_shows_what_would_change_and_confirming_does_it(app, tmp_path):
    admin = curator(app, "admin@example.org", "admin")
    data, sid = demo_with(tmp_path, rename="Renamed by the upload")
    before = names(app)
    preview = upload(admin, data)
    assert preview.status_code == 200 and preview.is_streamed
    text = preview.get_data(as_text=True)
    assert "Reading the file…" in text and "Checking " in text and "written" in text
    assert "Nothing has changed yet. This is what the import would do:" in text
    assert '<th scope="row">service</th><td>0</td><td>1</td>' in text
    assert "Updated, for example</strong>: Renamed by the upload" in text
    assert names(app) == before, "a dry run changes nothing"
    target = action_of(text, "/confirm")
    confirm = form_of(text, target)
    done = admin.post(target, data=confirm)
    body = done.get_data(as_text=True)
    assert "Imported. Pages and phones show it now." in body and "Indexing for search" in body
    assert names(app)[sid] == "Renamed by the upload"
    assert "Renamed by the upload" in app.test_client().get(f"/en/services/{sid}").text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PendingImport)) == 0
    # Once applied, the upload is gone: confirming it again finds nothing.
    assert admin.post(target, data=confirm).status_code == 404


def test_an_import_is_a_change_in_the_trail_with_who_when_and_the_file(app, tmp_path):
    """The trail of every change says who replaced the directory with which file, and how many services
    it held before and after; a dry run says nothing there. Curators' own rows survive the replacement."""
    admin = curator(app, "admin@example.org", "admin")
    data, _ = demo_with(tmp_path, rename="Renamed by the upload")
    with app.app_context():
        listed = db.session.scalar(select(func.count()).select_from(Service))
    preview = upload(admin, data, name="spring-export.zip").get_data(as_text=True)
    assert "spring-export.zip" not in admin.get("/curate/changes").text  # the dry run: nothing yet
    target = action_of(preview, "/confirm")
    admin.post(target, data=form_of(preview, target)).get_data()
    with app.app_context():
        rows = db.session.scalars(select(Metadata).where(Metadata.resource_type == "directory")).all()
    assert [(r.last_action_type, r.field_name, r.previous_value, r.replacement_value, r.updated_by) for r in rows] == [
        ("replace", "services", str(listed), f"{listed} (spring-export.zip)", "admin@example.org")]
    assert str(uuid.UUID(rows[0].resource_id)) == rows[0].resource_id and rows[0].changed_at  # HSDS: a UUID
    changes = admin.get("/curate/changes").text
    assert "Whole directory" in changes and "replaced by an imported file" in changes and "spring-export.zip" in changes
    # A second replacement keeps the first one's row (the importer keeps curators' rows).
    preview = upload(admin, data, name="summer-export.zip").get_data(as_text=True)
    target = action_of(preview, "/confirm")
    admin.post(target, data=form_of(preview, target)).get_data()
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Metadata).where(Metadata.resource_type == "directory")) == 2


def test_a_file_with_problems_is_listed_and_nothing_changes(app, tmp_path):
    admin = curator(app, "admin@example.org", "admin")
    data, _ = demo_with(tmp_path, break_cell=True)
    before = names(app)
    text = upload(admin, data).get_data(as_text=True)
    assert "problem in the file. Nothing was changed." in text and "services.csv:2:minimum_age" in text
    assert "Import it" not in text and names(app) == before


def test_an_upload_that_would_empty_the_directory_is_refused_unless_asked_twice(app, tmp_path):
    """The published HSDS 3.0 example (one service, JSON): replacing 200 services with it is asked twice."""
    admin = curator(app, "admin@example.org", "admin")
    data = (SHARED_DATA / "hsds3-examples" / "json" / "service_full.json").read_bytes()
    before = names(app)
    text = upload(admin, data, name="service_full.json", lenient=True).get_data(as_text=True)
    assert "would remove most of it. Nothing was changed." in text and "Import it" not in text
    preview = admin.post(action_of(text, "/preview"), data=form_of(text, action_of(text, "/preview")))
    shown = preview.get_data(as_text=True)
    assert "Nothing has changed yet." in shown and 'name="allow_shrink" value="1"' in shown
    assert names(app) == before
    done = admin.post(action_of(shown, "/confirm"), data=form_of(shown, action_of(shown, "/confirm")))
    assert "Imported." in done.get_data(as_text=True) and len(names(app)) == 1


def test_what_is_not_a_package_gets_a_clear_error(app):
    admin = curator(app, "admin@example.org", "admin")
    refused = upload(admin, b"name,phone\n", name="list.csv")
    assert refused.status_code == 422 and "choose a .zip of an HSDS datapackage" in refused.text
    text = upload(admin, b"not a zip at all", name="region.zip").get_data(as_text=True)
    assert "Nothing was changed." in text


def test_curators_cannot_import(app, tmp_path):
    client = curator(app)
    assert client.get("/curate/import").status_code == 403


def test_a_file_larger_than_the_sites_limit_uploads_over_real_http(app, tmp_path):
    """The site refuses bodies over 1 MB; /curate/import takes PASSERELLE_IMPORT_MAX_MB (the CSRF check reads
    the form, so the limit is raised before it). A real server: the test client spools large bodies to a file."""
    import threading
    import urllib.request
    import uuid as uuid_

    from werkzeug.serving import make_server

    make_account(app, "admin@example.org", "admin")
    folder = tmp_path / "package"
    shutil.copytree(DEMO_PACKAGE, folder)
    (folder / "notes.txt").write_bytes(os.urandom(1_500_000))  # listed nowhere: ignored by the import, but sent
    data = zipped(folder)
    assert len(data) > 1024 * 1024
    served = make_app(app.config["SQLALCHEMY_DATABASE_URI"])  # the same database, unpooled: a live server
    server = make_server("127.0.0.1", 0, served, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    try:
        page = opener.open(base + "/curate/login").read().decode()
        opener.open(base + "/curate/login", data=urllib.parse.urlencode(
            {"email": "admin@example.org", "password": PASSWORD, "csrf_token": token(page)}).encode())
        page = opener.open(base + "/curate/import").read().decode()
        boundary = uuid_.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                 for k, v in (("csrf_token", token(page)), ("mode", "replace"))]
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="region.zip"\r\n'
                     f"Content-Type: application/zip\r\n\r\n".encode() + data + f"\r\n--{boundary}--\r\n".encode())
        request = urllib.request.Request(base + "/curate/import", data=b"".join(parts),
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        text = opener.open(request).read().decode()
        assert "Nothing has changed yet. This is what the import would do:" in text
        assert 'action="/curate/import/' in text and "Import it" in text
    finally:
        server.shutdown()
        with served.app_context():
            db.engine.dispose()
