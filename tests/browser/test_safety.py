"""Issue 13 for real: the status line announces changes only, another site cannot clear the phone,
and Quick exit leaves no trail the site can avoid (history, the service worker's page cache)."""
from __future__ import annotations

import re
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .conftest import PHONE
from .test_lists import WAIT_MS, install, open_page, phone_with_a_saved_service, server  # noqa: F401  (server is a fixture)

pytestmark = pytest.mark.browser
LIVE = '[aria-live]:not([aria-live="off"]), [role=status], [role=alert], [role=log]'

# Every text that appears inside a live region, from the first moment of each page load.
RECORD_ANNOUNCEMENTS = """
window.__announced = [];
new MutationObserver((records) => {
  const LIVE = '%s';
  for (const record of records) {
    for (const node of [record.target, ...record.addedNodes]) {
      const element = node.nodeType === 1 ? node : node.parentElement;
      if (!element) continue;
      const region = element.closest(LIVE) || (element.querySelector && element.querySelector(LIVE));
      const text = region ? region.textContent.trim() : '';
      if (text) window.__announced.push(text);
    }
  }
}).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
""" % LIVE  # noqa: UP031 - JavaScript braces would all need doubling in an f-string


# True once a page load's own work is done (navigator.serviceWorker.ready can hang here: not used).
SETTLED = """async () => {
    const html = document.documentElement;
    if (!html.dataset.offlineVersion || html.dataset.tools !== 'ready') return false;
    const registration = await navigator.serviceWorker.getRegistration();
    return Boolean(registration && registration.active && !registration.installing && !registration.waiting
                   && navigator.serviceWorker.controller);
}"""


class Elsewhere:
    """Another website (http://localhost:PORT: another site than 127.0.0.1) serving a few pages."""

    def __init__(self, pages: dict[str, str]):
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                body = pages.get(self.path, "<!doctype html><title>Elsewhere</title><p>Elsewhere</p>").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        self.url = f"http://localhost:{self.http.server_port}"

    def close(self):
        self.http.shutdown()
        self.http.server_close()


def is_saved(page) -> bool:
    return page.locator("main .save-toggle[aria-pressed='true']").count() == 1


@pytest.mark.engine  # issue 13: proved on both engines
def test_the_status_line_announces_changes_not_every_page_load(browser, server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.add_init_script(RECORD_ANNOUNCEMENTS)
    install(page, server.url)  # the first visit saves the directory: a change, announced
    page.wait_for_function("() => window.__announced.some((t) => t.includes('Available offline'))", timeout=WAIT_MS)
    page.reload()  # the second load: nothing new, nothing said
    page.wait_for_selector("#offline-status p.saved", timeout=WAIT_MS)
    # Everything this load does that could announce is over: the check of the directory (its version
    # is set after the status line is written), the tools, and the worker's registration (no update
    # installing or waiting: "ready" and "update" are said only then). Nothing was said meanwhile.
    page.wait_for_function(SETTLED, timeout=WAIT_MS, polling=100)
    assert page.evaluate("window.__announced") == []
    assert "Available offline" in page.locator("#offline-status").inner_text()  # still shown
    assert page.evaluate(f"document.querySelector('#offline-status p.saved').closest('{LIVE}') === null")
    # An error is a change: announced.
    page.route("**/changes.json*", lambda route: route.fulfill(status=500, body="no"))
    page.reload()
    page.wait_for_function("() => document.documentElement.dataset.offlineError === 'failed'", timeout=WAIT_MS)
    page.wait_for_function("() => window.__announced.some((t) => t.includes('could not be saved'))", timeout=WAIT_MS)
    context.close()


@pytest.mark.engine  # issue 13: proved on both engines
def test_another_site_cannot_clear_the_phone(browser, server):
    sid = server.ids(1)[0]
    # The other site even fetched the confirmation page itself to get a token: it is not this browser's.
    with urllib.request.urlopen(f"{server.url}/en/clear") as response:
        found = re.search(r'name="token" value="([^"]+)"', response.read().decode())
    token = found.group(1) if found else ""
    elsewhere = Elsewhere({"/attack": f"""<!doctype html><title>Win a prize</title>
        <form method="post" action="{server.url}/en/clear"><input type="hidden" name="token" value="{token}"></form>
        <script>document.forms[0].submit()</script>"""})
    context, page = phone_with_a_saved_service(browser, server, sid)
    answers = []
    page.on("response", lambda r: answers.append(r) if r.url.endswith("/en/clear") else None)
    page.goto(f"{elsewhere.url}/attack")
    page.wait_for_selector("#clear-view .refused", timeout=WAIT_MS)  # asked again, nothing done
    assert [a.status for a in answers] == [403] and "clear-site-data" not in answers[0].all_headers()
    left = page.evaluate("""async () => ({
        caches: (await caches.keys()).filter((n) => n.startsWith('passerelle-shell-')).length,
        workers: (await navigator.serviceWorker.getRegistrations()).length })""")
    assert left == {"caches": 1, "workers": 1}
    open_page(page, f"{server.url}/en/services/{sid}")
    assert is_saved(page)  # the saved list, which exists only on this phone, is still there
    page.wait_for_selector("#offline-status p.saved", timeout=WAIT_MS)  # and the offline directory
    # The page itself still clears, with its own token.
    open_page(page, f"{server.url}/en/clear")
    page.locator("form.clear-data button").click()
    page.wait_for_selector("#data-cleared", timeout=WAIT_MS)
    assert page.evaluate("caches.keys()") == []
    context.close()
    elsewhere.close()


def test_the_page_that_clears_the_phone_starts_no_download(browser, server):
    """Nothing on /<lang>/clear writes to the phone: a download begun there could put the directory or
    the search data back after the person pressed Clear (safety.js clearsThisPhone)."""
    sid = server.ids(1)[0]
    context, page = phone_with_a_saved_service(browser, server, sid)
    asked, here = [], []
    # From the moment the clear page is the page: the service page before it may still be finishing its
    # own idle work (a search-data check) while the test moves on, which is not the clear page's doing.
    page.on("framenavigated", lambda f: here.append(f.url) if f == page.main_frame else None)
    page.on("request", lambda r: asked.append(r.url) if here and here[-1].endswith("/en/clear") else None)  # workers' too
    open_page(page, f"{server.url}/en/clear")
    # A page checks for changes once it has loaded and the browser is idle: at most 2 s (entry.js).
    page.wait_for_timeout(3000)
    assert [url for url in asked if "/offline/" in url] == []
    # Any other page does check, as this phone's own request shows.
    with page.expect_request(lambda r: "changes.json" in r.url, timeout=WAIT_MS):
        open_page(page, f"{server.url}/en/services/{sid}")
    context.close()


def test_clearing_offline_needs_no_server(browser, server):
    sid = server.ids(1)[0]
    context, page = phone_with_a_saved_service(browser, server, sid)
    context.set_offline(True)
    open_page(page, f"{server.url}/en/clear")  # the shell draws the confirmation
    page.locator("form.clear-data button").click()
    page.wait_for_selector("#data-cleared", timeout=WAIT_MS)
    left = page.evaluate("""async () => ({ caches: await caches.keys(),
        workers: (await navigator.serviceWorker.getRegistrations()).length,
        databases: (await indexedDB.databases()).map((d) => d.name) })""")
    assert left == {"caches": [], "workers": 0, "databases": []}
    context.close()


@pytest.mark.engine  # issue 13: proved on both engines
def test_quick_exit_leaves_no_trail_in_the_history_or_the_page_cache(browser, server):
    elsewhere = Elsewhere({})
    server.app.config["QUICK_EXIT_URL"] = f"{elsewhere.url}/neutral"
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{elsewhere.url}/start")  # where the person came from
    install(page, server.url)
    length = page.evaluate("history.length")
    page.locator("#q").fill("abuse shelter")
    page.locator("#q").press("Enter")
    page.wait_for_url(re.compile(r"/en/search\?q=abuse\+shelter$"))
    page.wait_for_selector("html[data-tools='ready']", timeout=WAIT_MS)
    page.locator("main a[href*='/services/']").first.click()
    page.wait_for_url(re.compile(r"/en/services/[^/?]+$"))
    page.wait_for_selector("html[data-tools='ready']", timeout=WAIT_MS)
    page.locator("main .save-toggle").click()
    page.wait_for_selector("main .save-toggle[aria-pressed='true']")
    service = page.url
    assert page.evaluate("history.length") == length  # each page replaced the one before
    kept = """async () => { const urls = [];
        for (const name of (await caches.keys()).filter((n) => n.startsWith('passerelle-pages-')))
            for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
        return urls; }"""
    page.wait_for_function(f"({kept})().then((urls) => urls.includes(location.href))", timeout=WAIT_MS)
    assert not [u for u in page.evaluate(kept) if "/search" in u or "?" in u]  # never a search
    page.locator("a.quick-exit").click()
    page.wait_for_url(f"{elsewhere.url}/neutral")
    assert page.evaluate("history.length") == length
    page.go_back()
    page.wait_for_load_state()
    assert page.url == f"{elsewhere.url}/start"  # Back reaches no Passerelle page
    # What is left on the phone: no visited pages; the app, the offline directory and the saved list.
    check = context.new_page()
    check.goto(f"{server.url}/en/about?check")  # a query string: not kept either
    assert check.evaluate(kept) == []
    names = check.evaluate("caches.keys()")  # the app shell and the directory's search data: the same for everyone
    assert any(n.startswith("passerelle-shell-") for n in names) and not [n for n in names if "pages" in n]
    assert all(n.startswith(("passerelle-shell-", "passerelle-search-data-")) for n in names), names
    assert check.evaluate("sessionStorage.length") == 0
    open_page(check, service)
    assert is_saved(check)
    check.wait_for_selector("#offline-status p.saved", timeout=WAIT_MS)
    context.close()
    elsewhere.close()


def test_moving_between_pages_leaves_links_elsewhere_and_new_tabs_alone(browser, server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    open_page(page, f"{server.url}/en/")
    length = page.evaluate("history.length")
    page.locator("main a[href*='/categories/']").first.click()
    page.wait_for_url(re.compile(r"/en/categories/"))
    page.wait_for_selector("html[data-tools='ready']", timeout=WAIT_MS)
    assert page.evaluate("history.length") == length
    # Not ours to replace: what another script handled, other schemes, modified clicks.
    outcome = page.evaluate("""() => {
        const make = (href, extra = {}) => Object.assign(document.createElement('a'), { href, ...extra });
        const results = {};
        for (const [name, link, init] of [
            ['tel', make('tel:911'), {}], ['external', make('https://example.org/'), {}],
            ['blank', make('/en/about', { target: '_blank' }), {}], ['download', make('/en/about', { download: 'x' }), {}],
            ['ctrl', make('/en/about'), { ctrlKey: true }], ['middle', make('/en/about'), { button: 1 }],
            ['file', make('/en/offline/snapshot.json'), {}], ['here', make('#main'), {}]]) {
            document.body.append(link);
            let seen = null;
            const spy = (e) => { seen = e.defaultPrevented; e.preventDefault(); };
            window.addEventListener('click', spy, { once: true });
            link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }));
            window.removeEventListener('click', spy);
            results[name] = seen;
        }
        return results; }""")
    assert outcome == {k: False for k in ("tel", "external", "blank", "download", "ctrl", "middle", "file", "here")}
    context.close()


def test_without_javascript_clearing_and_quick_exit_still_work(page_without_js, live_server):
    page = page_without_js
    answers = []
    page.on("response", lambda r: answers.append(r) if r.request.method == "POST" else None)
    page.goto(f"{live_server}/en/clear")
    page.locator("form.clear-data button").click()  # a plain form post, with the page's token
    page.wait_for_selector("#data-cleared")
    assert [a.status for a in answers] == [200] and "clear-site-data" in answers[0].all_headers()
    page.goto(f"{live_server}/en/")
    assert page.locator("a.quick-exit").get_attribute("href").startswith("http")  # a plain link
