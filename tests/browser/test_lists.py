"""Issue 7 for real: saved lists across a browser restart, the printed referral sheet, the SMS body,
a report sent offline and stored exactly once, quick exit, and clearing the phone."""
from __future__ import annotations

import io
import json
import re
from urllib.parse import unquote

import pytest
from flask_babel import force_locale, gettext
from pypdf import PdfReader
from sqlalchemy import func, select

from pwa_app.core import referral
from pwa_app.db.extensions import db
from pwa_app.db.models import Report, Service, Translation

from ..helpers import WITH_EXTENSION, wait_until
from .conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, LiveServer, serve

pytestmark = pytest.mark.browser
WAIT_MS = 15_000


class Server(LiveServer):
    def ids(self, n: int) -> list[str]:
        return self.active_ids(n)

    def name(self, sid: str, lang: str = "en") -> str:
        with self.app.app_context():
            if lang != "en":
                return db.session.scalar(select(Translation.value).where(
                    Translation.entity == "service", Translation.id == sid, Translation.field == "name",
                    Translation.language == lang)) or db.session.get(Service, sid).name
            return db.session.get(Service, sid).name

    def reports(self) -> int:
        with self.app.app_context():
            return db.session.scalar(select(func.count()).select_from(Report))


@pytest.fixture
def server(databases, tmp_path):
    # Its own snapshot folder: prebuilt snapshots in instance/ belong to another database.
    live = serve(databases, Server, SNAPSHOT_FOLDER=str(tmp_path / "snapshots"))
    yield live
    live.close()


@pytest.fixture
def phone(browser, tmp_path):
    """A browser with a profile on disk: close() and open() again is a browser restart."""

    class Phone:
        context = None

        def open(self):
            self.context = browser.browser_type.launch_persistent_context(
                str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, **PHONE)
            page = self.context.pages[0] if self.context.pages else self.context.new_page()
            page.on("pageerror", lambda e: print("page error:", e))  # shown when a test fails
            return page

        def close(self):
            self.context.close()
            self.context = None

    phone = Phone()
    yield phone
    if phone.context:
        phone.context.close()


def install(page, base: str, path: str = "/en/") -> None:
    page.goto(base + path)
    page.wait_for_selector("#offline-status p.saved", timeout=WAIT_MS)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=WAIT_MS)


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("html[data-tools='ready']", timeout=WAIT_MS)


# True once the default list holds an item with this note (arg), in the app's IndexedDB database.
SAVED_NOTE = """async (note) => {
    const list = await new Promise((ok) => { const r = indexedDB.open('passerelle'); r.onsuccess = () => {
        const q = r.result.transaction('lists').objectStore('lists').get('saved');
        q.onsuccess = () => { r.result.close(); ok(q.result); }; }; });
    return Boolean(list && list.items.some((item) => item.note === note));
}"""


def saved_names(page) -> list[str]:
    return page.locator("#saved-view section.list li > a").all_inner_texts()


def test_saved_offline_and_still_there_after_a_browser_restart(phone, server):
    first, second, third = server.ids(3)
    page = phone.open()
    install(page, server.url)
    open_page(page, f"{server.url}/en/services/{first}")
    page.locator("main .save-toggle").click()
    page.wait_for_selector("main .save-toggle[aria-pressed='true']")
    phone.context.set_offline(True)
    for sid in (second, third):  # drawn from the phone's directory, saved from there
        open_page(page, f"{server.url}/en/services/{sid}")
        page.locator("main .save-toggle").click()
        page.wait_for_selector("main .save-toggle[aria-pressed='true']")
    open_page(page, f"{server.url}/en/saved")
    assert saved_names(page) == [server.name(first), server.name(second), server.name(third)]
    page.locator("#saved-view li").nth(0).locator("[data-down]").click()
    page.wait_for_function("(n) => document.querySelector('#saved-view li a')?.textContent === n", arg=server.name(second))
    page.locator("#saved-view li").nth(2).locator("[data-remove]").click()
    page.wait_for_function("() => document.querySelectorAll('#saved-view li').length === 2")
    note = page.locator("#saved-view li").nth(1).locator("input[type=text]")
    note.fill("Ask for Marie; bring ID")
    note.press("Tab")
    # The note is kept once it is in the phone's database (on "change"): wait for that, then restart.
    page.wait_for_function(SAVED_NOTE, arg="Ask for Marie; bring ID", timeout=WAIT_MS)
    sms = unquote(page.locator("#saved-view [data-sms]").get_attribute("href").split("body=", 1)[1])
    phone.close()

    page = phone.open()  # the browser restarts, still offline
    phone.context.set_offline(True)
    open_page(page, f"{server.url}/en/saved")
    assert saved_names(page) == [server.name(second), server.name(first)]
    assert page.locator("#saved-view li").nth(1).locator("input[type=text]").input_value() == "Ask for Marie; bring ID"

    # The SMS body: names and numbers, the short link, at most two messages.
    lines = sms.splitlines()
    assert lines[0].startswith(server.name(second)[:10]) and re.search(r"\(\d{3}\) \d{3}-\d{4}", lines[0])
    token = lines[-1].rsplit("/r/", 1)[1]
    assert referral.decode(token) == [second, first] and referral.sms_segments(sms) <= 2
    # The browser's twin makes the same token and body as the server.
    phone.context.set_offline(False)  # to load the module on its own
    body = page.evaluate("""async ([ids, entries, link]) => {
        const { encodeIds, smsBody } = await import('/static/js/referral.js');
        return [await encodeIds(ids), smsBody(entries, link)];
    }""", [[second, first, "legacy-42"], [["Centre de santé du Nord-Est, équipe francophone", "613-555-0101"]] * 3,
          "https://x.example/fr/r/" + "B" * 80])
    assert body == [referral.encode([second, first, "legacy-42"]),
                    referral.sms_body([("Centre de santé du Nord-Est, équipe francophone", "613-555-0101")] * 3,
                                      "https://x.example/fr/r/" + "B" * 80)]


def test_a_list_handed_over_in_another_language_texts_each_numbers_extension(phone, server):
    """The saved-lists page writes the text message in the client's language, extensions included, as the
    sheet does (tests/test_lists.py checks the server's); the browser's twins of referral.phone_text and
    sheet_phone agree with them."""
    page = phone.open()
    for sid in WITH_EXTENSION:
        open_page(page, f"{server.url}/en/services/{sid}")
        page.locator("main .save-toggle").click()
        page.wait_for_selector("main .save-toggle[aria-pressed='true']")
    open_page(page, f"{server.url}/en/saved")
    page.locator("#saved-view .hand select").select_option("ar")
    page.wait_for_function("() => document.querySelector('#saved-view [data-sheet]').getAttribute('href').startsWith('/ar/r/')")
    sms = unquote(page.locator("#saved-view [data-sms]").get_attribute("href").split("body=", 1)[1])
    with server.app.test_request_context(), force_locale("ar"):
        ext = gettext("ext. %(ext)s").replace("%(ext)s", "202")
    assert [line.rsplit(": ", 1)[1] for line in sms.splitlines()[:2]] == [f"(613) 555-0115 {ext}", f"(819) 555-0125 {ext}"], sms
    phones = [{"d": "(613) 555-0115", "e": "+16135550115", "x": "202"}, {"d": "1", "e": "+1", "t": "fax"}, {"d": "2", "e": "+2"}]
    twins = page.evaluate("""async (phones) => {
        const { phoneText, sheetPhone } = await import('/static/js/referral.js');
        return [phones.map((p) => phoneText(p, 'poste %(ext)s')), sheetPhone({ p: phones.slice(1) })];
    }""", phones)
    assert twins == [[referral.phone_text(p, "poste %(ext)s") for p in phones], referral.sheet_phone({"p": phones[1:]})]


def test_the_referral_sheet_in_the_clients_language_prints_five_services_on_one_page(browser, server):
    ids = server.ids(5)
    token = referral.encode(ids)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server.url}/fr/r/{token}")
    page.wait_for_selector("html[data-tools='ready']", timeout=WAIT_MS)
    sms = unquote(page.locator("main [data-sms]").get_attribute("href").split("body=", 1)[1])
    assert all(re.search(r"\(613\) 555-\d{4}", line) for line in sms.splitlines()[:5])
    for size in ("A4", "Letter"):
        pdf = PdfReader(io.BytesIO(page.pdf(format=size, print_background=False)))
        text = " ".join(" ".join(pg.extract_text().split()) for pg in pdf.pages)
        assert len(pdf.pages) == 1, (size, len(pdf.pages))
        for sid in ids:
            assert " ".join(server.name(sid, "fr").split())[:25] in text.replace("’", "'"), sid
        assert len(re.findall(r"\(613\) 555-\d{4}", text)) >= 5 and "Quick exit" not in text
        assert "Pour s" in text  # "Pour s'y rendre": how to get there, in French
    # A tampered link: an empty list and a reason, not an error.
    response = page.goto(f"{server.url}/fr/r/{token[:-4]}AAAA")
    assert response.status == 200 and page.locator("main li[data-service]").count() == 0
    assert page.locator("main .alert").inner_text().startswith("Ce lien est endommagé ou incomplet")  # in French
    context.close()


@pytest.mark.engine
def test_a_report_made_offline_is_stored_exactly_once_after_a_restart(phone, server):
    sid = server.ids(1)[0]
    page = phone.open()
    install(page, server.url)
    phone.context.set_offline(True)
    open_page(page, f"{server.url}/en/services/{sid}/report")
    assert server.name(sid) in page.locator("main .report-about").inner_text()
    page.locator("input[name=kind][value=wrong_phone]").check()
    page.locator("#details").fill("The number rings out.")
    page.locator("form.report button[type=submit]").click()
    page.wait_for_selector("form.report[data-report-state='queued']", timeout=WAIT_MS)
    assert page.locator(".report-status").inner_text() == "Saved, will be sent when you are back online"
    queued = page.evaluate("""() => new Promise((ok) => { indexedDB.open('passerelle').onsuccess = (e) =>
        e.target.result.transaction('outbox').objectStore('outbox').getAll().onsuccess = (r) => ok(r.target.result); })""")
    assert len(queued) == 1 and server.reports() == 0
    phone.close()

    page = phone.open()  # browser reopened, back online: the app sends what waited
    page.goto(f"{server.url}/en/")
    page.wait_for_selector("html[data-reports-sent]", timeout=WAIT_MS)
    wait_until(lambda: server.reports() >= 1, timeout=WAIT_MS / 1000, message="the queued report reached the server")
    assert server.reports() == 1
    sent_here = page.evaluate("document.documentElement.dataset.reportsSent")
    assert sent_here == "0" or "Sent" in page.locator("#offline-status .reports-sent").inner_text()  # Background Sync may be first
    assert page.evaluate("""() => new Promise((ok) => { indexedDB.open('passerelle').onsuccess = (e) =>
        e.target.result.transaction('outbox').objectStore('outbox').count().onsuccess = (r) => ok(r.target.result); })""") == 0
    replay = page.request.post(f"{server.url}/api/reports", data=json.dumps(queued[0]["body"]),
                               headers={"Content-Type": "application/json"})
    assert replay.status == 200 and replay.json()["status"] == "duplicate" and server.reports() == 1
    with server.app.app_context():
        report = db.session.scalar(select(Report))
        assert (report.service_id, report.kind, report.details) == (sid, "wrong_phone", "The number rings out.")


def test_each_showing_of_the_report_form_is_a_new_report(phone, server):
    """The form's page may come from the service worker's cache, holding the key a report was already
    stored under: a report sent online, then two made offline on that page opened again, are three
    reports (the outbox and the server each keep a key once)."""
    sid = server.ids(1)[0]
    page = phone.open()
    install(page, server.url)
    for kind, offline in (("closed", False), ("wrong_phone", True), ("moved", True)):
        phone.context.set_offline(offline)
        open_page(page, f"{server.url}/en/services/{sid}/report")
        page.locator(f"input[name=kind][value={kind}]").check()
        page.locator("form.report button[type=submit]").click()
        page.wait_for_selector(f"form.report[data-report-state='{'queued' if offline else 'sent'}']", timeout=WAIT_MS)
    phone.context.set_offline(False)
    page.goto(f"{server.url}/en/")
    wait_until(lambda: server.reports() >= 3, timeout=WAIT_MS / 1000, message="the two queued reports reached the server")
    with server.app.app_context():
        assert sorted(db.session.scalars(select(Report.kind))) == ["closed", "moved", "wrong_phone"]


@pytest.mark.engine
def test_a_report_online_says_sent(browser, server):
    sid = server.ids(1)[0]
    context = browser.new_context(**PHONE)
    page = context.new_page()
    open_page(page, f"{server.url}/fr/services/{sid}/report")
    page.locator("input[name=kind][value=closed]").check()
    page.locator("form.report button[type=submit]").click()
    page.wait_for_selector("form.report[data-report-state='sent']", timeout=WAIT_MS)
    assert page.locator(".report-status").inner_text() == "Envoyé" and server.reports() == 1
    context.close()


def test_quick_exit_leaves_and_replaces_the_history_entry(browser, server):
    server.app.config["QUICK_EXIT_URL"] = f"{server.url}/en/about?exit"  # a neutral page the test can reach
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{server.url}/en/")
    open_page(page, f"{server.url}/en/categories/food")
    length = page.evaluate("history.length")
    page.locator("a.quick-exit").click()
    page.wait_for_url(re.compile(r"/en/about\?exit$"))
    assert page.evaluate("history.length") == length
    page.go_back()
    page.wait_for_load_state()
    assert page.url == f"{server.url}/en/"  # the page they left is not in the history
    context.close()


def phone_with_a_saved_service(browser, server, sid: str):
    """A phone that saved the directory offline and service `sid` in its list: what clearing would lose."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    install(page, server.url)
    open_page(page, f"{server.url}/en/services/{sid}")
    page.locator("main .save-toggle").click()
    page.wait_for_selector("main .save-toggle[aria-pressed='true']")
    return context, page


def test_clear_data_removes_lists_reports_directory_caches_and_worker(browser, server):
    sid = server.ids(1)[0]
    context, page = phone_with_a_saved_service(browser, server, sid)
    open_page(page, f"{server.url}/en/clear")
    page.locator("form.clear-data button").click()
    page.wait_for_selector("#data-cleared", timeout=WAIT_MS)
    left = """async () => ({
        rows: await new Promise((ok) => {  // scripts on the page may open an empty database again
            const r = indexedDB.open('passerelle');
            r.onsuccess = () => { const db = r.result; const names = [...db.objectStoreNames];
                if (!names.length) { ok(0); return; }
                const tx = db.transaction(names); let total = 0, pending = names.length;
                for (const n of names) {
                    tx.objectStore(n).count().onsuccess = (e) => { total += e.target.result; if (!--pending) ok(total); };
                } };
        }),
        caches: await caches.keys(),
        workers: (await navigator.serviceWorker.getRegistrations()).length,
        storage: localStorage.length,
    })"""
    # What is left, once it is nothing (the answer to the form may still be clearing): else say what is left.
    nothing = f"async () => {{ const l = await ({left})(); return !l.rows && !l.caches.length && !l.workers && !l.storage; }}"
    page.wait_for_function(nothing, timeout=WAIT_MS, polling=100)
    assert page.evaluate(left) == {"rows": 0, "caches": [], "workers": 0, "storage": 0}
    open_page(page, f"{server.url}/en/services/{sid}")
    assert page.locator("main .save-toggle[aria-pressed='false']").count() == 1
    context.close()


def test_names_in_another_language_keep_their_lang_in_saved_lists_and_the_offline_report_form(browser, server):
    """Issue 13: on a Somali page the demo's service names are English, and every place showing one says so."""
    sid = server.ids(1)[0]
    context = browser.new_context(**PHONE)
    page = context.new_page()
    install(page, server.url, "/so/")
    open_page(page, f"{server.url}/so/services/{sid}")
    page.locator("main .save-toggle").click()
    page.wait_for_selector("main .save-toggle[aria-pressed='true']")
    open_page(page, f"{server.url}/so/saved")
    item = page.locator("#saved-view section.list li > a").first
    assert item.inner_text() == server.name(sid) and item.get_attribute("lang") == "en"
    context.set_offline(True)
    open_page(page, f"{server.url}/so/services/{sid}/report")
    about = page.locator("main .report-about [lang]")
    assert about.get_attribute("lang") == "en" and about.inner_text() == server.name(sid)
    context.close()
