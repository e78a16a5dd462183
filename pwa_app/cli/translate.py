"""`flask translate extract|update|compile`: the interface catalogues in translations/ (gettext, through Babel)."""
from __future__ import annotations

from pathlib import Path

from flask import Flask


def register(app: Flask) -> None:
    @app.cli.group("translate")
    def translate() -> None:
        """Work with the interface catalogues in translations/ (gettext, through Babel)."""

    def pybabel(*args: str) -> None:
        from babel.messages.frontend import CommandLineInterface

        CommandLineInterface().run(["pybabel", "-q", *args])

    root = Path(app.root_path).parent
    pot = str(root / "translations" / "messages.pot")

    @translate.command("extract")
    def extract() -> None:
        """Collect every user-facing string from the code and templates into messages.pot."""
        pybabel("extract", "-F", str(root / "babel.cfg"), "-k", "_l", "-k", "lazy_gettext", "--no-location",
                "--sort-output", "--omit-header", "--width", "100", "-o", pot, str(root))

    @translate.command("update")
    def update() -> None:
        """Merge messages.pot into every language's catalogue."""
        pybabel("update", "-i", pot, "-d", str(root / "translations"), "--no-fuzzy-matching", "--ignore-obsolete",
                "--width", "100")  # the catalogues' own wrapping, so an update changes only what changed

    @translate.command("compile")
    def compile_() -> None:
        """Compile every catalogue to the .mo files the app reads."""
        pybabel("compile", "-d", str(root / "translations"))

