"""Golden parity: every page of the demo region drawn offline on the phone, against the page the server sends.

Run: PYTHONPATH=. .venv/bin/python -m bench.parity [--langs en,ar,...] [--phones 2] [--write]

For each interface language, two Chromium contexts (phones) each open `/<lang>/` once, so the service
worker installs and the directory is saved, then go offline and share the pages of the demo region
between them: the home page, every category page (found by following the server's links from the home
page, with their further pages), every service page, 20 searches (several languages, two typos, a phone
number, no results), the saved-lists page (two services saved) and a referral sheet. Each page the phone
draws is compared with the server's page for the same URL: the visible text of `<main>` (innerText,
whitespace collapsed), the hrefs of its links in order, and the `lang`/`dir` attributes of `<html>` and of
every element inside `<main>`; for searches also the first 10 results and the count. Differences are
grouped into kinds (page type, part of the page, how it differs) with one example each.

How the server's side is read, quickly: its HTML comes over plain HTTP while the phone draws the same
URL, is parsed with DOMParser in the phone's tab once the offline page was read there, and its `<main>`
takes the place of the offline one, so the very same stylesheet lays it out and the same code reads it.
What the server's scripts do to it at load is done too (unhide "Near me", as near-me.js does where the
phone has geolocation), and the "Save" buttons that lists.js adds on both sides are left out of both.
The saved-lists page and the referral sheet, which scripts fill, are opened for real in a third context
that blocks the service worker. Seven pages per language are also opened that way and compared with the
shortcut: the "method check" column says how many agreed.

Two phones, not two tabs: tabs of one context share a renderer process, so only contexts use both cores.
About 440 pages a language, each a full offline page load (0.2-0.5 s of CPU), make this a long run:
`--langs` and `--every N` (every n-th page) give quick looks; `--json` keeps every difference and
`--from-json` rebuilds the report from it.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
import urllib.parse
import urllib.request
from collections import Counter, defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

from ._common import CHROMIUM, CHROMIUM_ARGS, ROOT, demo_server, write_section

LANGUAGES = ("en", "fr", "es", "ar", "zh_Hans", "zh_Hant", "pa", "tl", "vi", "fa", "ru", "uk", "ko", "pt", "so",
             "ti", "hi", "ta", "ur", "iu")
SEARCHES = ["food", "nourriture", "comida", "طعام", "食物", "shelter", "logement", "vivienda", "жильё", "음식",
            "dentist", "food bank", "legal aid", "counselling", "aines", "ESL",
            "fod", "sheltr",  # typos: the server finds nothing for one and corrects the other
            "613-555-0115", "xyzzy qwerty"]  # a phone number; nothing at all
# The phone of the browser tests, at device pixel ratio 1: text and links do not depend on it, and
# painting four times the pixels on two cores cost a third of the run.
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 1, "is_mobile": True, "has_touch": True}
WAIT_MS = 20_000
CHECKED_PER_LANGUAGE = 7  # pages also opened for real online, to check the shortcut
PAGE_TYPES = ("home", "category", "service", "search", "saved", "sheet")
HIDDEN_REGIONS = {"filters form (hidden until opened)"}  # reported, but not part of the visible text

# What is read from a <main>, offline or online: the same function on both sides.
EXTRACT = r"""(main, root) => {
  const clean = (t) => (t || '').replace(/\s+/g, ' ').trim();
  for (const b of main.querySelectorAll('.save-toggle')) b.remove();  // lists.js adds them on both sides
  const all = (sel) => [...main.querySelectorAll(sel)];
  const regions = {};
  const put = (key, els, how = (e) => clean(e.innerText)) => {
    const parts = els.map(how).filter(Boolean);
    if (parts.length) regions[key] = parts.join(' ¦ ');
  };
  put('breadcrumbs', all('.crumbs'));
  put('heading', all('h1'));
  put('intro', all('main > p.lead, main > h1 + p:not(.note)'));
  put('"Showing results for" note', all('p.note'));
  put('category tiles', all('ul.categories'));
  put('subcategory chips', all(':scope > ul.chips'));
  put('count line', all('h2.count-line'));
  put('filters (visible part)', all('details.filters > summary, button.near-me:not([hidden])'));
  put('filters form (hidden until opened)', all('form.filters'), (e) => clean(e.textContent));
  put('active filter chips', all('ul.active-filters'));
  put('no-results block', all('.empty'));
  put('pager', all('nav.pager'));
  put('service organization', all('article.service > p.org'));
  put('"only available in" note', all('article.service > .fallback'));
  put('service alert', all('article.service > .alert'));
  put('open-now line', all('article.service > .hours-now'));
  put('call/text buttons', all('article.service > ul.actions'));
  all('article.service > section').forEach((s, n) => put(`section ${n + 1}`, [s]));
  put('verified/report footer', all('footer.verified'));
  put('saved lists', all('#saved-view'));
  put('referral sheet', all('article.sheet'));
  const mark = (e) => [e.tagName.toLowerCase(), e.getAttribute('lang') || '', e.getAttribute('dir') || '',
                       clean(e.textContent).slice(0, 60)];
  const outside = (e) => !e.closest('.results .card');
  // Each result card, field by field, by the service it links to.
  const cards = all('.results .card').map((c) => {
    const link = c.querySelector('h2 a');
    const part = (sel) => [...c.querySelectorAll(sel)].map((e) => clean(e.innerText)).join(' ¦ ');
    return [link ? link.getAttribute('href').split('/').pop() : '', link ? clean(link.textContent) : '', {
      name: part('h2'), organization: part('.org'), 'opening hours': part('.hours-now'), distance: part('.distance'),
      'languages spoken': part('.langs-spoken'), '"free"': part('.free'), phone: part(':scope > a, :scope > bdi'),
      links: [...c.querySelectorAll('a[href]')].map((a) => a.getAttribute('href').replace(/^\/[A-Za-z_]+\//, '/')).join(' '),
      'lang/dir marks': [...c.querySelectorAll('[lang], [dir]')].map((e) => mark(e).slice(0, 3).join(':')).join(' '),
    }];
  });
  return {
    lang: root.getAttribute('lang') || '', dir: root.getAttribute('dir') || '',
    text: main.innerText.split('\n').map(clean).filter(Boolean),
    links: all('a[href]').map((a) => a.getAttribute('href')),
    marks: all('[lang], [dir]').map(mark),
    outsideLinks: all('a[href]').filter(outside).map((a) => a.getAttribute('href')),
    outsideMarks: all('[lang], [dir]').filter(outside).map(mark),
    cards,
    h1: clean((main.querySelector('h1') || {}).innerText || ''),
    sections: all('article.service > section > h2').map((e) => clean(e.innerText)),
    regions,
  };
}"""
OFFLINE = f"""() => {{
  const d = document.documentElement;
  const main = document.getElementById('main');
  return main ? {{rendered: d.dataset.rendered || '', ...({EXTRACT})(main, d)}} : null;
}}"""
# The server's HTML, parsed here and put in place of this page's <main>; what its scripts do at load first.
FROM_HTML = f"""(html) => {{
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const fresh = doc.getElementById('main');
  const main = document.getElementById('main');
  if (!fresh || !main) return null;
  const near = fresh.querySelector('button.near-me');
  if (near && fresh.querySelector('.near-status') && 'geolocation' in navigator) near.hidden = false;
  const node = document.adoptNode(fresh);
  main.replaceWith(node);
  return {{rendered: 'server', ...({EXTRACT})(node, doc.documentElement)}};
}}"""
LIVE = f"""() => ({{rendered: 'server', ...({EXTRACT})(document.getElementById('main'), document.documentElement)}})"""


# --- the server, in its own process so that it has a core of its own ---

def serve() -> None:
    with demo_server() as base:
        print(base, flush=True)
        sys.stdin.read()  # until the benchmark closes the pipe


@contextmanager
def server_process():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's pwa_app, whatever is installed
    proc = subprocess.Popen([sys.executable, "-m", "bench.parity", "--serve"], cwd=ROOT, text=True, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        base = proc.stdout.readline().strip()
        if not base.startswith("http"):
            raise RuntimeError("the demo server did not start")
        yield base
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode()


def crawl(base: str) -> tuple[list[str], list[str]]:
    """Category pages (with their further pages) and service ids: the server's own links, from /en/ on."""
    todo, seen, services = deque(["/en/"]), {"/en/"}, set()
    while todo:
        html = get(base + todo.popleft())
        services |= set(re.findall(r'href="/en/services/([^"/?#]+)"', html))
        for href in re.findall(r'href="(/en/categories/[^"#]+)"', html):
            href = href.replace("&amp;", "&")
            if href.endswith("?page=1"):
                continue  # the bare URL
            if href not in seen:
                seen.add(href)
                todo.append(href)
    categories = sorted(h.removeprefix("/en/") for h in seen if h != "/en/")
    return categories, sorted(services)


def page_list(categories: list[str], services: list[str], token: str) -> list[tuple[str, str]]:
    """(page type, path after /<lang>/) of every page compared."""
    return ([("home", "")] + [("category", c) for c in categories] + [("service", f"services/{s}") for s in services]
            + [("search", "search?" + urllib.parse.urlencode({"q": q})) for q in SEARCHES]
            + [("saved", "saved"), ("sheet", f"r/{token}")])


# --- comparing two pages ---

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def link_shape(href: str) -> str:
    """An href with its particulars taken out, so that links of one kind group together."""
    href = UUID.sub("<id>", href)
    href = re.sub(r"^/[A-Za-z_]+/", "/<lang>/", href)
    href = re.sub(r"/categories/[^/?#]+", "/categories/<slug>", href)
    href = re.sub(r"^(tel|sms|geo|mailto):.*", r"\1:…", href)
    href = re.sub(r"^https?://(?:www\.)?([^/]+).*", r"https://\1/…", href)
    href = re.sub(r"/r/[^#?]+", "/r/<token>", href)
    href = re.sub(r"([?&]q=)[^&#]*", r"\1<query>", href)
    return re.sub(r"\d+", "N", href)


def snippet(a: str, b: str, width: int = 170) -> tuple[str, str]:
    """The stretch where two texts part, with a little of what comes before."""
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    s = 0
    while s < min(len(a), len(b)) - p and a[-1 - s] == b[-1 - s]:
        s += 1
    start = max(0, p - 30)

    def cut(t: str) -> str:
        end = min(len(t), max(len(t) - s + 20, p + 40))
        piece = t[start:end]
        piece = piece if len(piece) <= width else piece[:width] + "…"
        return ("…" if start else "") + piece + ("…" if end < len(t) and not piece.endswith("…") else "")

    return cut(a), cut(b)


def result_count(h1: str, query: str, results: int) -> int:
    """The count in a search page's heading ("23 results for “food”"), the query taken out first."""
    if not results:
        return 0
    digits = "".join(str(unicodedata.digit(c)) if unicodedata.digit(c, None) is not None else " "
                     for c in h1.replace(query, " "))
    numbers = digits.split()
    return int(numbers[0]) if numbers else -1


@dataclass
class Diff:
    kind: str
    lang: str
    url: str
    offline: str
    online: str


@dataclass
class Page:
    lang: str
    type: str
    url: str
    query: str = ""
    equal: bool = False
    diffs: list[Diff] = field(default_factory=list)


def multiset_minus(a: list, b: list) -> list:
    left = Counter(a)
    left.subtract(Counter(b))
    return [k for k, n in left.items() for _ in range(max(n, 0))]


def compare(page: Page, off: dict | None, on: dict | None, english: dict | None, error: str) -> None:
    """Fill page.equal and page.diffs: offline (`off`) against the server's page (`on`)."""
    t, url, lang = page.type, page.url, page.lang

    def add(kind: str, offline: str, online: str) -> None:
        page.diffs.append(Diff(f"{t}: {kind}", lang, url, offline, online))

    if on is None:
        add("the server's page has no <main> (not compared)", "", "")
        return
    if error or off is None:
        add(f"offline page never finished drawing ({error or 'no <main>'})", error, " / ".join(on["text"][:3]))
        return
    if off["rendered"] == "none":
        add("not drawn offline (the phone shows its “not available offline” page)", " / ".join(off["text"][:2]),
            " / ".join(on["text"][:2]))
        return
    if (off["lang"], off["dir"]) != (on["lang"], on["dir"]):
        add("<html> lang/dir differ", f"lang={off['lang']} dir={off['dir']}", f"lang={on['lang']} dir={on['dir']}")
    names = english["sections"] if english else on["sections"]
    changed = [k for k in dict.fromkeys([*on["regions"], *off["regions"]])
               if off["regions"].get(k) != on["regions"].get(k)]
    for key in changed:
        a, b = off["regions"].get(key), on["regions"].get(key)
        label = key
        if key.startswith("section "):
            n = int(key.split()[1]) - 1
            label = f"section “{names[n]}”" if n < len(names) else key
        if a is None:
            add(f"{label} missing offline", "", b)
        elif b is None:
            add(f"{label} only offline", a, "")
        elif lang != "en" and english and english["regions"].get(key) == a:
            add(f"{label} in English offline", *snippet(a, b))
        else:
            add(f"{label} differs", *snippet(a, b))
    if t == "search" and "heading" in changed and re.sub(r"\d+", "N", off["regions"].get("heading", "")) == re.sub(
            r"\d+", "N", on["regions"].get("heading", "")):
        page.diffs = [d for d in page.diffs if d.kind != f"{t}: heading differs"]  # the count, below
    compare_cards(add, off, on, english, lang)
    if off["text"] != on["text"] and all(k in HIDDEN_REGIONS for k in changed) and not page.diffs:
        add("other text differs", *snippet(" / ".join(off["text"]), " / ".join(on["text"])))
    if off["outsideLinks"] != on["outsideLinks"]:
        missing = multiset_minus(on["outsideLinks"], off["outsideLinks"])
        extra = multiset_minus(off["outsideLinks"], on["outsideLinks"])
        for shape, hrefs in group_by(missing, link_shape).items():
            add(f"links missing offline: {shape}", "", ", ".join(hrefs[:3]))
        for shape, hrefs in group_by(extra, link_shape).items():
            add(f"links only offline: {shape}", ", ".join(hrefs[:3]), "")
        if not missing and not extra:
            n = next(i for i, (x, y) in enumerate(zip(off["outsideLinks"], on["outsideLinks"], strict=True)) if x != y)
            add("links in another order", ", ".join(off["outsideLinks"][n:n + 3]), ", ".join(on["outsideLinks"][n:n + 3]))
    if off["outsideMarks"] != on["outsideMarks"]:
        off_marks, on_marks = [tuple(m) for m in off["outsideMarks"]], [tuple(m) for m in on["outsideMarks"]]
        shape = lambda m: f"<{m[0]}{' lang=' + m[1] if m[1] else ''}{' dir=' + m[2] if m[2] else ''}>"  # noqa: E731
        missing, extra = multiset_minus(on_marks, off_marks), multiset_minus(off_marks, on_marks)
        for kind, marks in group_by(missing, shape).items():
            add(f"lang/dir mark missing offline: {kind}", "", " · ".join(m[3] for m in marks[:3]))
        for kind, marks in group_by(extra, shape).items():
            add(f"lang/dir mark only offline: {kind}", " · ".join(m[3] for m in marks[:3]), "")
        if not missing and not extra:
            add("lang/dir marks in another order", "", "")
    if t == "search":
        first = [[c[0] for c in x["cards"][:10]] for x in (off, on)]
        if first[0] != first[1]:
            add("first 10 results differ", " | ".join(c[1] for c in off["cards"][:4]),
                " | ".join(c[1] for c in on["cards"][:4]))
        a, b = (result_count(x["h1"], page.query, len(x["cards"])) for x in (off, on))
        if a != b:
            add("result count differs", f"{a}: {off['h1']}", f"{b}: {on['h1']}")
    page.equal = (off["text"] == on["text"] and off["links"] == on["links"] and off["marks"] == on["marks"]
                  and (off["lang"], off["dir"]) == (on["lang"], on["dir"])
                  and not any(d.kind.endswith(("first 10 results differ", "result count differs")) for d in page.diffs))


def compare_cards(add, off: dict, on: dict, english: dict | None, lang: str) -> None:
    """The result lists: the same services in the same order, then each card field by field."""
    off_ids, on_ids = [c[0] for c in off["cards"]], [c[0] for c in on["cards"]]
    names = {c[0]: c[1] for c in [*on["cards"], *off["cards"]]}
    if off_ids != on_ids:
        missing, extra = multiset_minus(on_ids, off_ids), multiset_minus(off_ids, on_ids)
        if missing:
            add("results missing offline", "", " | ".join(names[i] for i in missing[:4]))
        if extra:
            add("results only offline", " | ".join(names[i] for i in extra[:4]), "")
        if not missing and not extra:
            n = next(i for i, (x, y) in enumerate(zip(off_ids, on_ids, strict=True)) if x != y)
            add("results in another order (same services)", " | ".join(names[i] for i in off_ids[n:n + 3]),
                " | ".join(names[i] for i in on_ids[n:n + 3]))
    theirs = {c[0]: c[2] for c in on["cards"]}
    english_cards = {c[0]: c[2] for c in english["cards"]} if english else {}
    seen = set()
    for sid, _name, fields in off["cards"]:
        if sid not in theirs:
            continue
        for key, a in fields.items():
            b = theirs[sid][key]
            if a == b or key in seen:
                continue
            seen.add(key)  # one example per field and page
            if lang != "en" and english_cards.get(sid, {}).get(key) == a:
                add(f"result {key} in English offline", *snippet(a, b))
            else:
                add(f"result {key} differs", *snippet(a, b))


def group_by(items: list, key) -> dict:
    groups: dict = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return groups


def check_shortcut(real: dict, parsed: dict) -> list[str]:
    """Where the server's page read through DOMParser differs from the same page opened for real."""
    out = []
    for key in ("lang", "dir", "text", "links", "marks", "cards"):
        if real[key] != parsed[key]:
            a, b = snippet(json.dumps(real[key], ensure_ascii=False), json.dumps(parsed[key], ensure_ascii=False), 80)
            out.append(f"{key} (for real: {a}; through DOMParser: {b})")
    return out


# --- one language ---

class Run:
    def __init__(self, browser, base: str, lang: str, pages: list[tuple[str, str]], pool: ThreadPoolExecutor,
                 english: dict, phones: int):
        self.browser, self.base, self.lang, self.pool, self.english = browser, base, lang, pool, english
        self.phones = phones
        self.todo = deque(pages)
        self.pages: list[Page] = []
        self.parsed: dict[str, dict] = {}
        self.checks: list[tuple[str, list[str]]] = []
        self.errors: dict[str, list[str]] = defaultdict(list)
        self.timing: Counter = Counter()

    def script_error(self, tab, error) -> None:
        where = urllib.parse.urlsplit(tab.url)
        self.errors[where.path + (f"?{where.query}" if where.query else "")].append(str(error)[:120])

    def fetch(self, path: str):
        return asyncio.get_running_loop().run_in_executor(self.pool, get, self.base + path)

    async def draw(self, tab, path: str, tools: bool = False) -> tuple[dict | None, str]:
        """Open `path` on the offline phone; what its <main> shows, or why not."""
        wait = "() => document.documentElement?.dataset.rendered" + (
            " && document.documentElement?.dataset.tools === 'ready'" if tools else "")
        try:
            await tab.goto(self.base + path, wait_until="commit", timeout=WAIT_MS)
            await tab.wait_for_function(wait, timeout=WAIT_MS)
            return await tab.evaluate(OFFLINE), ""
        except Exception as error:  # noqa: BLE001 - a page that crashes or hangs is a finding, not a failure
            first = str(error).splitlines()[0]
            return None, "timeout" if "Timeout" in first else first[:80]

    async def english_of(self, tab, rest: str) -> dict | None:
        """The English server page for the same path: to tell text left in English offline."""
        if rest not in self.english:
            self.english[rest] = await tab.evaluate(FROM_HTML, await self.fetch(f"/en/{rest}"))
        return self.english[rest]

    async def worker(self, tab) -> None:
        while self.todo:
            kind, rest = self.todo.popleft()
            path = f"/{self.lang}/{rest}"
            clock = time.perf_counter()
            # The server draws its page meanwhile: not earlier, so that both sides tell the same "open now".
            server_html = self.fetch(path)
            off, error = await self.draw(tab, path)
            if off is None:  # the tab may hold no page to read the server's into: open one that works
                await self.draw(tab, f"/{self.lang}/")
            self.timing["offline"] += time.perf_counter() - clock
            html = await server_html
            self.timing["server wait"] += time.perf_counter() - clock
            on = await tab.evaluate(FROM_HTML, html)
            self.timing["server read"] += time.perf_counter() - clock
            clock = time.perf_counter()
            english = None
            if on is not None and off is not None and self.lang != "en" and (
                    off["regions"] != on["regions"] or off["cards"] != on["cards"]):
                english = await self.english_of(tab, rest)
            page = Page(self.lang, kind, path, urllib.parse.parse_qs(rest.partition("?")[2]).get("q", [""])[0])
            if self.errors.get(path):
                page.diffs.append(Diff(f"{kind}: script error offline", self.lang, path, self.errors[path][0], ""))
            compare(page, off, on, english, error)
            self.pages.append(page)
            self.parsed[path] = on
            self.timing["english+compare"] += time.perf_counter() - clock

    async def save_two(self, tab, ids: list[str]) -> None:
        """Save two services as a person does: "Save" on each service page."""
        for sid in ids:
            await tab.goto(f"{self.base}/{self.lang}/services/{sid}")
            await tab.wait_for_function("() => document.documentElement?.dataset.tools === 'ready'", timeout=WAIT_MS)
            await tab.locator("main .save-toggle").first.click()
            await tab.wait_for_selector("main .save-toggle[aria-pressed='true']", timeout=WAIT_MS)

    async def install(self, phone):
        """The first visit: the worker takes control and the directory is saved on the phone."""
        tab = await phone.new_page()
        await tab.goto(f"{self.base}/{self.lang}/")
        await tab.wait_for_selector("#offline-status p.saved", timeout=60_000)
        # navigator.serviceWorker.ready can hang: wait for control instead.
        await tab.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=WAIT_MS)
        # Cross-language search and filters offline need search-data.json, which a page fetches once the
        # directory is saved: reload once, as the next visit would.
        await tab.reload()
        await tab.wait_for_function("() => document.documentElement?.dataset.searchData === 'kept'", timeout=WAIT_MS)
        tab.on("pageerror", lambda error: self.script_error(tab, error))
        return tab

    async def open_for_real(self, reference, path: str) -> dict:
        await reference.goto(self.base + path)
        await reference.wait_for_function("() => document.documentElement?.dataset.tools === 'ready'", timeout=WAIT_MS)
        return await reference.evaluate(LIVE)

    async def online_side(self, online, saved_ids: list[str], special: list[str], sample: list[str]) -> dict:
        """The pages that scripts fill, and the method check's sample, opened for real with no service worker."""
        reference = await online.new_page()
        await self.save_two(reference, saved_ids)
        return {path: await self.open_for_real(reference, path) for path in [*special, *sample]}

    async def run(self) -> dict:
        started = time.perf_counter()
        lang = self.lang
        phones = [await self.browser.new_context(**PHONE) for _ in range(self.phones)]
        online = await self.browser.new_context(**PHONE, service_workers="block")
        try:
            tabs = await asyncio.gather(*(self.install(phone) for phone in phones))
            installed = time.perf_counter() - started
            for phone in phones:
                await phone.set_offline(True)
            saved_ids = [rest.split("/")[1] for kind, rest in self.todo if kind == "service"][:2]
            special = [(kind, f"/{lang}/{rest}") for kind, rest in self.todo if kind in ("saved", "sheet")]
            self.todo = deque(p for p in self.todo if p[0] not in ("saved", "sheet"))
            sample = [f"/{lang}/{rest}" for kind, n in (("home", 1), ("category", 2), ("service", 2), ("search", 2))
                      for _, rest in [p for p in self.todo if p[0] == kind][:n]][:CHECKED_PER_LANGUAGE]
            real, *_ = await asyncio.gather(self.online_side(online, saved_ids, [p for _, p in special], sample),
                                            *(self.worker(tab) for tab in tabs))
            looped = time.perf_counter() - started - installed
            # The saved-lists page (two services saved, as on the server's side) and the referral sheet.
            await self.save_two(tabs[0], saved_ids)
            for kind, path in special:
                off, error = await self.draw(tabs[0], path, tools=True)
                page = Page(lang, kind, path)
                compare(page, off, real[path], None, error)
                self.pages.append(page)
            self.checks = [(path, check_shortcut(real[path], self.parsed[path])) for path in sample]
        finally:
            for context in [*phones, online]:
                await context.close()
        return {"lang": lang, "pages": self.pages, "seconds": time.perf_counter() - started, "install": installed,
                "loop": looped, "timing": dict(self.timing), "checks": self.checks, "load": os.getloadavg()[0]}


async def measure(langs: list[str], phones: int, every: int = 1, save=None) -> list[dict]:
    from playwright.async_api import async_playwright

    results = []
    with server_process() as base, ThreadPoolExecutor(2) as pool:
        categories, services = crawl(base)
        from pwa_app.core.referral import encode

        pages = page_list(categories, services, encode(services[:3]))
        pages = [p for n, p in enumerate(pages) if n % every == 0 or p[0] in ("saved", "sheet")]
        print(f"{len(categories)} category pages, {len(services)} services, {len(SEARCHES)} searches: "
              f"{len(pages)} pages per language", flush=True)
        english: dict = {}
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang in langs:
                try:
                    result = await Run(browser, base, lang, pages, pool, english, phones).run()
                except Exception as error:  # noqa: BLE001 - one language failing should not lose the others
                    print(f"{lang}: the run failed: {error}", flush=True)
                    continue
                results.append(result)
                print(summary_line(result), flush=True)
                if save:
                    save(results)
            await browser.close()
    return results


# --- the report ---

def by_type(pages: list[Page]) -> dict[str, tuple[int, int]]:
    out = {}
    for t in PAGE_TYPES:
        of = [p for p in pages if p.type == t]
        out[t] = (sum(p.equal for p in of), len(of))
    return out


def summary_line(r: dict) -> str:
    pages = r["pages"]
    types = " ".join(f"{t} {e}/{n}" for t, (e, n) in by_type(pages).items())
    agreed = sum(not d for _, d in r["checks"])
    top = ", ".join(f"{kind} ({n})" for kind, n, _, _ in kinds([r])[:3])
    return (f"{r['lang']:8} {sum(p.equal for p in pages):4}/{len(pages):<4} equal  ({types})  "
            f"{r['seconds']:.0f} s (install {r['install']:.0f} s, pages {r['loop']:.0f} s, load {r['load']:.1f})  "
            f"method check {agreed}/{len(r['checks'])}\n         {top or 'no differences'}")


def kinds(results: list[dict]) -> list[tuple[str, int, list[str], Diff]]:
    """Each kind of difference: pages it touches, languages, and its first example."""
    seen: dict[str, list[Diff]] = defaultdict(list)
    for r in results:
        for page in r["pages"]:
            for kind in dict.fromkeys(d.kind for d in page.diffs):
                # One kind whatever the query in a link.
                seen[re.sub(r"([?&]q=)[^&#\s]*", r"\1<query>", kind)].append(next(d for d in page.diffs if d.kind == kind))
    rows = []
    for kind, diffs in seen.items():
        langs = list(dict.fromkeys(d.lang for d in diffs))
        # A non-English example where there is one: those show what a reader of that language gets.
        example = next((d for d in diffs if d.lang not in ("en",) and (d.offline or d.online)), diffs[0])
        rows.append((kind, len(diffs), langs, example))
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def cell(text: str, limit: int = 170) -> str:
    text = text if len(text) <= limit else text[:limit] + "…"
    return text.replace("|", "\\|").replace("\n", " ") or "—"


def report(results: list[dict], phones: int, top: int) -> str:
    n_pages = len(results[0]["pages"]) if results else 0
    lines = ["## Offline parity (`bench/parity.py`)", "",
             f"Every page of the demo region ({n_pages} per language: home, every category page and its further "
             f"pages, every service, {len(SEARCHES)} searches, the saved-lists page with two services saved, a "
             "referral sheet), drawn offline by the phone and compared with the server's page for the same URL: "
             "visible text of `<main>`, link hrefs in order, `lang`/`dir` of `<html>` and of every element in "
             "`<main>`; for searches also the first 10 results and the count. A page is *equal* when all of "
             "these are. The server's HTML is read in the phone's tab through DOMParser (same stylesheet, same "
             "reading code); the method check opens a few pages for real online and compares. "
             f"{phones} phones (browser contexts, each with its own renderer and its own saved copy) share a "
             "language's pages; Chromium at device pixel ratio 1.", "",
             "| language | pages equal / compared | home | categories | services | searches | saved lists | "
             "referral sheet | method check | seconds (of which install) | load average |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        types = by_type(r["pages"])
        agreed = sum(not d for _, d in r["checks"])
        lines.append(f"| {r['lang']} | {sum(p.equal for p in r['pages'])} / {len(r['pages'])} | "
                     + " | ".join(f"{e}/{n}" for e, n in types.values())
                     + f" | {agreed}/{len(r['checks'])} | {r['seconds']:.0f} ({r['install']:.0f}) | {r['load']:.1f} |")
    total = sum(len(r["pages"]) for r in results)
    equal = sum(p.equal for r in results for p in r["pages"])
    seconds = sum(r["seconds"] for r in results)
    lines.append(f"| **all** | **{equal} / {total}** | | | | | | | | **{seconds:.0f}** | |")
    if results:
        per_page = sum(r["loop"] for r in results) / max(1, sum(len(r["pages"]) for r in results))
        lines += ["", f"{seconds / 60:.1f} minutes for {len(results)} language(s), {per_page:.2f} s a page once "
                  "installed (both phones together). The machine is shared: the load average column is the one "
                  "of the whole machine during that language (2 cores), and the times grow with it."]
    disagreements = [(r["lang"], path, d) for r in results for path, d in r["checks"] if d]
    if disagreements:
        lines += ["", "Method check disagreements (the DOMParser reading against the page opened for real): "
                  + "; ".join(f"{lang} {path}: {', '.join(d)}" for lang, path, d in disagreements[:8])
                  + ". The real page is opened minutes after the DOMParser reading: where only opening hours "
                  "differ, an opening or closing time fell in between."]
    rows = kinds(results)
    lines += ["", f"Kinds of difference ({len(rows)}), by pages touched across all languages; the example is the "
              "first page of that kind (a non-English one where there is one), as the two sides read it "
              "where they part:", "",
              "| kind | pages | languages | example | offline | online (server) |", "|---|---:|---|---|---|---|"]
    for kind, count, langs, d in rows[:top]:
        where = "all 20" if len(langs) == len(LANGUAGES) else ", ".join(langs[:6]) + ("…" if len(langs) > 6 else "")
        lines.append(f"| {cell(kind, 120)} | {count} | {where} | `{d.lang}` {cell(d.url, 70)} | {cell(d.offline)} | "
                     f"{cell(d.online)} |")
    if len(rows) > top:
        lines.append(f"| … {len(rows) - top} more kinds, {sum(r[1] for r in rows[top:])} page-kinds | | | | | |")
    lines += ["", "“filters form (hidden until opened)” is the text of the closed Filters panel: not visible until "
              "opened, so not counted against *equal*. On searches, “heading differs” is what is left of the "
              "heading once digits are set aside when the count differs: a plural form chosen for another count."]
    return "\n".join(lines)


def dump(results: list[dict], phones: int, path: str | None) -> None:
    """Every difference found so far, for --from-json (written after each language)."""
    if not path:
        return
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"phones": phones, "results": [
            {**{k: v for k, v in r.items() if k != "pages"},
             "pages": [{**p.__dict__, "diffs": [d.__dict__ for d in p.diffs]} for p in r["pages"]]}
            for r in results]}, f, ensure_ascii=False, indent=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", default=",".join(LANGUAGES), help="comma-separated interface languages")
    parser.add_argument("--phones", type=int, default=2,
                        help="browser contexts that share a language's pages (each renderer takes a core)")
    parser.add_argument("--top", type=int, default=40, help="kinds of difference listed in the report")
    parser.add_argument("--json", help="also write every difference to this file")
    parser.add_argument("--write", action="store_true", help="write the report into docs/benchmarks.md")
    parser.add_argument("--every", type=int, default=1, help="compare every n-th page only (quick looks)")
    parser.add_argument("--from-json", help="rebuild the report from a file --json wrote, without measuring")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
        return 0
    langs = [x.strip() for x in args.langs.split(",") if x.strip()]
    unknown = [x for x in langs if x not in LANGUAGES]
    if unknown:
        parser.error(f"unknown language(s): {', '.join(unknown)}")
    started = time.perf_counter()
    if args.from_json:
        with open(args.from_json, encoding="utf-8") as f:
            saved = json.load(f)
        args.phones = saved["phones"]
        results = [{**r, "pages": [Page(**{**p, "diffs": [Diff(**d) for d in p["diffs"]]}) for p in r["pages"]]}
                   for r in saved["results"]]
    else:
        results = asyncio.run(measure(langs, args.phones, args.every, save=lambda rs: dump(rs, args.phones, args.json)))
    text = report(results, args.phones, args.top)
    print()
    print(text)
    print(f"\nTotal {time.perf_counter() - started:.0f} s")
    if args.write:
        write_section("parity", text)
    unequal = sum(not p.equal for r in results for p in r["pages"])
    if unequal:
        print(f"{unequal} page(s) not equal", file=sys.stderr)
    return 1 if unequal else 0


if __name__ == "__main__":
    sys.exit(main())
