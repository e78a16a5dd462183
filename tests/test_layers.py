"""The layers of pwa_app/, as the folders name them: every import points down, never up, and never round.

Read from the source (every `import`, also inside functions), so a new module or import is checked
without being listed here. docs/architecture.md draws the same layers.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pwa_app"
# Bottom to top. A module may import its own sub-package and the ones before it, nothing after.
LAYERS = ["core", "db", "hsds", "present", "search", "snapshot", "curate", "web", "views", "cli", "app"]
# What has no web in sight: no Flask request, no current_app, no g (they get a session and settings).
PURE = {"core", "db", "hsds", "present", "search", "snapshot", "curate"}
LONG = 300  # lines; a longer module says why at its top (a "Size:" paragraph in its docstring)


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = modules()


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else "app"


def imports(name: str, path: Path) -> list[tuple[str, int]]:
    """(module imported, line) for every pwa_app import in `path`, relative ones resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            for a in node.names:  # `from pwa_app.web import i18n` imports the module pwa_app.web.i18n
                out.append((f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base, node.lineno))
    return [(m, line) for m, line in out if m == "pwa_app" or m.startswith("pwa_app.")]


GRAPH = {name: imports(name, path) for name, path in MODULES.items()}


def test_every_module_sits_in_a_layer():
    top = sorted(n for n in MODULES if layer(n) == "app" and n != "pwa_app")
    assert top == [], "modules outside the layers' folders"


def test_no_import_points_up_a_layer():
    upward = [f"{MODULES[name].relative_to(PACKAGE.parent)}:{line} imports {target}"
              for name, targets in GRAPH.items() for target, line in targets
              if LAYERS.index(layer(target)) > LAYERS.index(layer(name))]
    assert upward == []


def blueprint_of(module: str) -> str:
    """A blueprint is a module of views/, or a package there whose modules share it (views/curate/)."""
    return ".".join(module.split(".")[:3])


def test_blueprints_do_not_import_each_other():
    across = [f"{name} imports {target}" for name, targets in GRAPH.items() if layer(name) == "views"
              for target, _ in targets if layer(target) == "views" and target != "pwa_app.views"
              and blueprint_of(target) != blueprint_of(name)]
    assert across == []


def test_there_is_no_import_cycle():
    graph = {name: {t for t, _ in targets if t in MODULES and t != name} for name, targets in GRAPH.items()}
    # A package's __init__ is imported with any of its modules: count it only where it is named.
    cycles, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                cycles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


@pytest.mark.parametrize("name", sorted(n for n in MODULES if layer(n) in PURE))
def test_pure_logic_does_not_reach_into_the_web(name):
    """The importer, the view model, search and snapshots take a session and settings, not a request."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    used = {a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("flask")
            for a in node.names}
    used |= {a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names if a.name.startswith("flask")}
    assert used & {"request", "current_app", "g", "session", "flask"} == set()


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_long_module_says_why(name):
    path = MODULES[name]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    if lines <= LONG:
        return
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    assert "Size:" in doc, f"{path.relative_to(PACKAGE.parent)} has {lines} lines: split it, or say why at its top"


def test_the_checks_can_fail(tmp_path):
    """The readers above see an upward import, inside a function too, and a relative one."""
    sample = tmp_path / "offender.py"
    sample.write_text("def f():\n    from pwa_app.views import directory\nfrom ..web import i18n\n")
    found = imports("pwa_app.present.offender", sample)
    assert sorted((line, m, layer(m)) for m, line in found) == [(2, "pwa_app.views.directory", "views"),
                                                                (3, "pwa_app.web.i18n", "web")]
    assert LAYERS.index("views") > LAYERS.index("present") and LAYERS.index("web") > LAYERS.index("present")
