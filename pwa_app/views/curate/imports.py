"""Import through the browser (admins): upload, dry run with examples, confirm. Progress is written
as the import goes: the page is streamed, one line a stage, so a large file shows it is moving even
with scripts off. The import runs in a thread of its own (its own database session) while this
request writes what it says; see pwa_app.curate.upload for the engine."""
from __future__ import annotations

import queue
import re
import threading

from flask import Response, abort, current_app, request, stream_with_context
from flask_login import current_user
from markupsafe import escape

from pwa_app.curate import upload
from pwa_app.db.extensions import db
from pwa_app.hsds.importer import WouldShrink
from pwa_app.hsds.package import ImportFailed
from pwa_app.snapshot.records import Settings
from pwa_app.views.curate.base import _, admin_only, bp, render, takes_uploads
from pwa_app.views.curate.edit import now

MARK = "<!--progress-->"
DONE = object()


class LineProgress:
    """The importer's stages, as lines for the page (at most one per tenth of the rows written)."""

    def __init__(self, lines: queue.Queue):
        self.lines, self.total, self.written, self.said = lines, 0, 0, -1

    def stage(self, name: str, total: int = 0) -> None:
        self.total, self.written, self.said = total, 0, -1
        rows = re.search(r"[\d,]+", name)
        if name.startswith("reading"):
            self.lines.put(_("Reading the file…"))
        elif name.startswith("checking"):
            self.lines.put(_("Checking %(rows)s rows…", rows=rows.group(0) if rows else "?"))
        elif name.startswith("writing"):
            count = format(total, ",")
            self.lines.put(_("Writing %(rows)s rows…", rows=count))
        elif name.startswith("indexing"):
            self.lines.put(_("Indexing for search and for the phones…"))

    def advance(self, rows: int) -> None:
        self.written += rows
        tenth = 10 * self.written // self.total if self.total else 10
        if tenth > self.said and tenth < 10:
            self.said = tenth
            self.lines.put(_("%(percent)s%% written", percent=tenth * 10))


@bp.route("/import", methods=["GET", "POST"])
@admin_only
@takes_uploads("CURATE_IMPORT_MAX_MB")
def upload_page():
    if request.method == "GET":
        return render("import.html", stage="upload", error="")
    sent = request.files.get("file")
    try:
        pending = upload.store(db.session, sent.read() if sent else b"", sent.filename if sent else "",
                               current_user.email, request.form.get("mode") == "merge", bool(request.form.get("lenient")), now())
    except upload.NotAPackage as exc:
        db.session.rollback()
        return render("import.html", stage="upload", error=str(exc)), 422
    db.session.commit()
    return _stream(pending.token, confirm=False, allow_shrink=False)


@bp.route("/import/<token>/preview", methods=["POST"])
@admin_only
def preview(token: str):
    return _stream(token, confirm=False, allow_shrink=bool(request.form.get("allow_shrink")))


@bp.route("/import/<token>/confirm", methods=["POST"])
@admin_only
def confirm(token: str):
    return _stream(token, confirm=True, allow_shrink=bool(request.form.get("allow_shrink")))


def _stream(token: str, confirm: bool, allow_shrink: bool) -> Response:
    pending = upload.find(db.session, token, now())
    if pending is None:
        abort(404)
    filename, app, confirmed_by = pending.filename, current_app._get_current_object(), current_user.email
    lines: queue.Queue = queue.Queue()
    outcome: dict = {}

    def work() -> None:
        with app.app_context():
            session = db.session
            try:
                job = upload.find(session, token, now())
                if confirm:
                    outcome["summary"] = upload.apply(session, job, Settings.from_app(app, session), LineProgress(lines),
                                                      allow_shrink, who=confirmed_by, now=now())
                    session.commit()
                else:
                    outcome["preview"] = upload.dry_run(session, job, LineProgress(lines), allow_shrink)
                    session.rollback()
            except WouldShrink as exc:
                session.rollback()
                outcome["shrink"] = exc
            except ImportFailed as exc:
                session.rollback()
                outcome["problems"] = exc.problems
            except Exception:  # noqa: BLE001 - said on the page, logged in full
                session.rollback()
                app.logger.exception("import of an upload failed")
                outcome["broken"] = True
            finally:
                lines.put(DONE)

    context = {"stage": "confirmed" if confirm else "preview", "filename": filename, "token": token,
               "allow_shrink": allow_shrink, "merge": pending.merge}
    head = render("import.html", **context, outcome=None).split(MARK)[0]
    db.session.rollback()

    def generate():
        yield head
        thread = threading.Thread(target=work, name="curate-import", daemon=True)
        thread.start()
        while (line := lines.get()) is not DONE:
            yield f"<li>{escape(line)}</li>\n"
        thread.join()
        yield render("import.html", **context, outcome=outcome).split(MARK)[1]

    response = Response(stream_with_context(generate()), mimetype="text/html")
    response.headers["X-Accel-Buffering"] = "no"  # nginx: pass each line on as it comes
    return response


