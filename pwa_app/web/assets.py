"""The stylesheet and scripts, bundled, minified, fingerprinted and precompressed by webassets.

Each bundle is built once, when the app starts (or when its sources change), as
`static/gen/<name>.<hash>.<js|css>` with `.br` (brotli 11) and `.gz` (gzip 9) siblings. The app
serves them itself (`send_static`), in the encoding the browser accepts and cached for a year,
and nginx can serve the same files with `gzip_static` (deploy/nginx.conf).
"""
from __future__ import annotations

import gzip
import hashlib
import mimetypes
import os
import re
import tempfile
from pathlib import Path

import brotli
import rjsmin
from flask import Flask, current_app, request, send_from_directory
from webassets import Bundle, Environment
from webassets.filter import Filter


class JoinModules(Filter):
    """Join our ES modules into one module: drop the imports between them (and, for a worker, their `export`s).

    No Node at run time: the files are written in dependency order, with distinct top-level names.
    A bundle loaded as a module keeps its `export`s (`keep_exports`), so that another bundle can
    import from it: `imports_from` names that bundle (a BundleUrl), and every import of a file that
    is not in this bundle (`own`) is read from there instead; `elsewhere` names other bundles, by file.
    """

    name = "join-modules"

    def __init__(self, keep_exports: bool = False, imports_from: BundleUrl | None = None, own: tuple[str, ...] = (),
                 elsewhere: dict[str, BundleUrl] | None = None):
        super().__init__()
        self.keep_exports, self.imports_from, self.own, self.elsewhere = keep_exports, imports_from, own, elsewhere or {}
        self.wanted: dict[BundleUrl, list[str]] = {}

    def input(self, _in, out, **kw):
        source = _in.read()
        for names, module in re.findall(r"^import \{([^}]*)\} from '\./([\w-]+\.js)';$", source, flags=re.M):
            if module not in self.own and self.imports_from is not None:
                wanted = self.wanted.setdefault(self.elsewhere.get(module, self.imports_from), [])
                wanted += [name.strip() for name in names.split(",") if name.strip()]
        source = re.sub(r"^import [^;]+ from '\./[\w-]+\.js';\n", "", source, flags=re.M)
        source = re.sub(r"^//# sourceMappingURL=.*$", "", source, flags=re.M)  # maps are not shipped
        out.write(source if self.keep_exports else re.sub(r"^export (?=(async )?function|const |let |class )", "", source, flags=re.M))

    def output(self, _in, out, **kw):
        """The whole bundle: one import of every name its files take from each other bundle."""
        imports = "".join(f"import {{ {', '.join(dict.fromkeys(names))} }} from '{bundle.url}';\n"
                          for bundle, names in self.wanted.items())
        self.wanted = {}  # for the next build
        out.write(imports + _in.read())


class Minify(Filter):
    """Minify a joined bundle with rJSmin (pinned in pyproject.toml): comments and spaces go, names stay.

    rJSmin reads template literals, regular expressions and `import`/`export` lines as a parser
    would, but it does not look inside the `${…}` of a template literal nested in another one
    (a comment written there would be cut): docs/architecture.md, "Bundles on the wire".
    """

    name = "minify-js"

    def output(self, _in, out, **kw):
        out.write(rjsmin.jsmin(_in.read(), keep_bang_comments=True))  # /*! licence */ comments stay


class BundleUrl:
    """The URL of a module bundle ("js", "near"), known once it is built (init_app)."""

    url = ""


APP_URL, NEAR_URL = BundleUrl(), BundleUrl()


# Saved lists, referral sheets, the report outbox, quick exit and clearing data (issue 7).
TOOLS_JS = ("lists-store.js", "referral.js", "lists.js", "report-queue.js", "safety.js", "toolkit.js")

# The offline app (issue 4), dependencies first; static/sw.js is served by offline.py instead.
OFFLINE_JS = ("textnorm.js", "hours.js", "store.js", "cldr-format.js", "status-line.js",
              "regions.js", "sync-client.js", "sw-bridge.js", *TOOLS_JS, "plan-answers.js", "entry.js")
# Search on every page (issue 6): the search box's matches as one types, and the client of the
# search worker, the twin of the server's ranking (pwa_app/search/ranking.py).
FINDING_JS = ("search-client.js", "live-search.js")
# The filters and "Near me" (issue 6): only pages with a list of services load them ("near").
NEAR_JS = ("filters.js", "near-me.js")
# What only the offline shell runs, to draw directory pages from the saved records (issue 14): a
# module of its own, which entry.js imports there and nowhere else; it imports the rest from "js"
# and "near".
SHELL_JS = ("moment.js", "draw.js", "render.js")
SEARCH_WORKER_JS = ("textnorm.js", "store.js", "spelling.js", "search-core.js", "search-worker.js")
# Downloading, checking, unpacking and writing the directory, off the page's thread (issue 14).
SYNC_WORKER_JS = ("store.js", "sync.js", "sync-worker.js")

# The shared templates compiled for the phone (scripts/compile_templates.mjs, at set-up) and Nunjucks'
# runtime: only the offline shell loads them (templates/offline/shell.html), to draw pages offline.
NUNJUCKS = Path(__file__).resolve().parents[2] / "node_modules" / "nunjucks" / "browser" / "nunjucks-slim.min.js"
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
COMPILED_TEMPLATES = "gen/shared-templates.js"


def shared_sources() -> list[tuple[str, Path]]:
    """The files compile_templates.mjs compiles, by name, as it lists them."""
    found = [*(f"shared/{p.name}" for p in (TEMPLATES / "shared").glob("*.html")),
             *(f"icons/{p.name}" for p in (TEMPLATES / "icons").glob("*.svg"))]
    return [(name, TEMPLATES / name) for name in sorted(found)]


def check_compiled_templates(static: Path) -> None:
    """Refuse to start with templates compiled from other sources: the phone would draw another page."""
    digest = hashlib.sha256()
    for name, path in shared_sources():
        digest.update(f"{name}\0{path.read_text(encoding='utf-8')}\0".encode())
    compiled = static / COMPILED_TEMPLATES
    first = compiled.open(encoding="utf-8").readline().strip() if compiled.exists() else ""
    if first != f"// sources: {digest.hexdigest()}":
        raise RuntimeError(f"{compiled} is missing or older than templates/shared: run `make install` "
                           "(node scripts/compile_templates.mjs) to compile them for the phone")


# A bundle is built again when its sources change, or this recipe (its filters, the minifier's options).
RECIPE = str(Path(__file__).resolve())
SOURCES_JS = [f"js/{name}" for name in (*OFFLINE_JS, *FINDING_JS)]

BUNDLES = {
    "css": Bundle("css/app.css", "css/offline.css", "css/search.css", "css/lists.css", filters="rcssmin",
                  depends=[RECIPE], output="gen/app.%(version)s.css"),
    # Issue 19: the curators' screens (/curate/) only; never on a public page, never offline.
    "curate-css": Bundle("css/app.css", "css/curate.css", filters="rcssmin", depends=[RECIPE],
                         output="gen/curate.%(version)s.css"),
    "js": Bundle(*SOURCES_JS, filters=[JoinModules(keep_exports=True), Minify()], depends=[RECIPE],
                 output="gen/app.%(version)s.js"),
    "near": Bundle(*(f"js/{name}" for name in NEAR_JS), filters=[JoinModules(True, APP_URL, NEAR_JS), Minify()],
                   depends=[*SOURCES_JS, RECIPE], output="gen/near.%(version)s.js"),
    "offline": Bundle(*(f"js/{name}" for name in SHELL_JS),
                      filters=[JoinModules(True, APP_URL, SHELL_JS, elsewhere=dict.fromkeys(NEAR_JS, NEAR_URL)), Minify()],
                      depends=[*SOURCES_JS, *(f"js/{name}" for name in NEAR_JS), RECIPE], output="gen/offline.%(version)s.js"),
    "search-worker": Bundle(*(f"js/{name}" for name in SEARCH_WORKER_JS), filters=[JoinModules(), Minify()],
                            depends=[RECIPE], output="gen/search-worker.%(version)s.js"),
    "sync-worker": Bundle(*(f"js/{name}" for name in SYNC_WORKER_JS), filters=[JoinModules(), Minify()],
                          depends=[RECIPE], output="gen/sync-worker.%(version)s.js"),
    "draw": Bundle(str(NUNJUCKS), COMPILED_TEMPLATES, filters=Minify(), depends=[RECIPE], output="gen/draw.%(version)s.js"),
}
# What the service worker precaches for every visitor: every bundle but the curators' stylesheet
# (their screens are network only, sw.js never keeps them).
PRECACHED_BUNDLES = tuple(name for name in BUNDLES if name != "curate-css")


def init_app(app: Flask) -> Environment:
    static = Path(app.static_folder)
    check_compiled_templates(static)
    env = Environment(directory=str(static), url=app.static_url_path)
    env.versions = "hash"
    env.manifest = f"json:{static / 'gen' / 'manifest.json'}"
    env.cache = False
    env.url_expire = False
    env.auto_build = True
    for name, bundle in BUNDLES.items():
        env.register(name, bundle)
    (static / "gen").mkdir(exist_ok=True)
    urls = {}
    for name in BUNDLES:  # builds once, at start-up; "js" and "near" first, whose URLs the next ones import from
        urls[name] = env[name].urls()[0]
        if name in ("js", "near"):
            (APP_URL if name == "js" else NEAR_URL).url = urls[name]

    for url in urls.values():
        precompress(static / url.removeprefix(app.static_url_path + "/"))

    app.extensions["assets"] = env
    app.jinja_env.globals["asset_url"] = urls.__getitem__
    app.view_functions["static"] = send_static  # Flask's own static route, answered by send_static
    return env


# A built bundle's name: its content's hash is in it, so its bytes never change (webassets' "hash" versions).
FINGERPRINTED = re.compile(r"gen/[\w-]+\.[0-9a-f]{8,}\.(?:js|css)")
# Preferred first; brotli saves 10-20 % over gzip on our bundles (docs/architecture.md).
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
IMMUTABLE = "public, max-age=31536000, immutable"


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all: app servers starting side by side may build the same file."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


def precompress(path: Path) -> None:
    """Write `path`'s brotli (quality 11) and gzip (level 9) siblings, once: a fingerprinted file never changes."""
    data = None
    for suffix, squeeze in ((".br", lambda b: brotli.compress(b, quality=11)),
                            (".gz", lambda b: gzip.compress(b, compresslevel=9, mtime=0))):
        sibling = path.with_name(path.name + suffix)
        if not sibling.exists():
            data = path.read_bytes() if data is None else data
            _write_atomically(sibling, squeeze(data))


def send_static(filename: str):
    """A file under /static/; a built bundle in the best encoding the browser accepts, cached for a year."""
    if not FINGERPRINTED.fullmatch(filename):
        return current_app.send_static_file(filename)
    folder = Path(current_app.static_folder)
    accepted = request.accept_encodings
    suffix, encoding = "", None
    for name, ending in ENCODINGS:
        if accepted[name] > 0 and (folder / (filename + ending)).is_file():
            suffix, encoding = ending, name
            break
    mimetype = mimetypes.guess_type(filename)[0]  # the bundle's own type, not the sibling's
    response = send_from_directory(folder, filename + suffix, mimetype=mimetype, max_age=31536000)
    if encoding:
        response.headers["Content-Encoding"] = encoding
    response.vary.add("Accept-Encoding")
    response.headers["Cache-Control"] = IMMUTABLE
    return response
