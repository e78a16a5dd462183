"""The stylesheet and scripts, bundled and fingerprinted by webassets."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from flask import Flask
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


class BundleUrl:
    """The URL of a module bundle ("js", "near"), known once it is built (init_app)."""

    url = ""


APP_URL, NEAR_URL = BundleUrl(), BundleUrl()


# Saved lists, referral sheets, the report outbox, quick exit and clearing data (issue 7).
TOOLS_JS = ("lists-store.js", "referral.js", "lists.js", "report-queue.js", "safety.js", "toolkit.js")

# The offline app (issue 4), dependencies first; static/sw.js is served by offline.py instead.
OFFLINE_JS = ("textnorm.js", "hours.js", "store.js", "cldr-format.js", "status-line.js",
              "regions.js", "sync-client.js", "sw-bridge.js", *TOOLS_JS, "entry.js")
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


BUNDLES = {
    "css": Bundle("css/app.css", "css/offline.css", "css/search.css", "css/lists.css", filters="rcssmin", output="gen/app.%(version)s.css"),
    "js": Bundle(*(f"js/{name}" for name in (*OFFLINE_JS, *FINDING_JS)), filters=JoinModules(keep_exports=True),
                 output="gen/app.%(version)s.js"),
    "near": Bundle(*(f"js/{name}" for name in NEAR_JS), filters=JoinModules(True, APP_URL, NEAR_JS),
                   depends=[f"js/{name}" for name in (*OFFLINE_JS, *FINDING_JS)], output="gen/near.%(version)s.js"),
    "offline": Bundle(*(f"js/{name}" for name in SHELL_JS),
                      filters=JoinModules(True, APP_URL, SHELL_JS, elsewhere=dict.fromkeys(NEAR_JS, NEAR_URL)),
                      depends=[f"js/{name}" for name in (*OFFLINE_JS, *FINDING_JS, *NEAR_JS)], output="gen/offline.%(version)s.js"),
    "search-worker": Bundle(*(f"js/{name}" for name in SEARCH_WORKER_JS), filters=JoinModules(),
                            output="gen/search-worker.%(version)s.js"),
    "sync-worker": Bundle(*(f"js/{name}" for name in SYNC_WORKER_JS), filters=JoinModules(), output="gen/sync-worker.%(version)s.js"),
    "draw": Bundle(str(NUNJUCKS), COMPILED_TEMPLATES, output="gen/draw.%(version)s.js"),
}


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

    app.extensions["assets"] = env
    app.jinja_env.globals["asset_url"] = urls.__getitem__
    return env
