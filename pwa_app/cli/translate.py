"""`flask translate extract|update|compile`: the interface catalogues in translations/ (gettext, through Babel)."""
from __future__ import annotations

from pathlib import Path

from flask import Flask

from pwa_app.views.curate import CURATE_LANGUAGES


def register(app: Flask) -> None:
    @app.cli.group("translate")
    def translate() -> None:
        """Work with the interface catalogues in translations/ (gettext, through Babel)."""

    def pybabel(*args: str) -> None:
        from babel.messages.frontend import CommandLineInterface

        CommandLineInterface().run(["pybabel", "-q", *args])

    root = Path(app.root_path).parent
    folder = root / "translations"

    @translate.command("extract")
    def extract() -> None:
        """Collect every user-facing string into messages.pot, and the curators' screens' into curate.pot."""
        for args in extract_arguments(root):
            pybabel("extract", *args)

    @translate.command("update")
    def update() -> None:
        """Merge the templates into every language's catalogue (curate.pot: the curator languages' only)."""
        pybabel("update", "-i", str(folder / "messages.pot"), "-d", str(folder), "--no-fuzzy-matching",
                "--ignore-obsolete", "--width", "100")  # the catalogues' own wrapping, so an update changes only what changed
        for code in CURATE_LANGUAGES:
            pybabel("update", "-i", str(folder / "curate.pot"), "-D", "curate", "-l", code, "-d", str(folder),
                    "--no-fuzzy-matching", "--ignore-obsolete", "--width", "100")

    @translate.command("compile")
    def compile_() -> None:
        """Compile every catalogue to the .mo files the app reads."""
        pybabel("compile", "-d", str(folder))
        pybabel("compile", "-D", "curate", "-d", str(folder))



def extract_arguments(root: Path) -> list[list[str]]:
    """pybabel extract's arguments for messages.pot (everything but the curators' folders) and curate.pot."""
    common = ["-k", "_l", "-k", "lazy_gettext", "--no-location", "--sort-output", "--omit-header", "--width", "100"]
    return [["-F", str(root / "babel.cfg"), "--ignore-dirs", ".* ._ curate", *common,
             "-o", str(root / "translations" / "messages.pot"), str(root)],
            ["-F", str(root / "babel-curate.cfg"), *common, "-o", str(root / "translations" / "curate.pot"), str(root)]]

