"""The stylesheet and scripts, bundled and fingerprinted by webassets."""
from __future__ import annotations

from pathlib import Path

from flask import Flask
from webassets import Bundle, Environment

BUNDLES = {
    "css": Bundle("css/app.css", filters="rcssmin", output="gen/app.%(version)s.css"),
}


def init_app(app: Flask) -> Environment:
    static = Path(app.static_folder)
    env = Environment(directory=str(static), url=app.static_url_path)
    env.versions = "hash"
    env.manifest = f"json:{static / 'gen' / 'manifest.json'}"
    env.cache = False
    env.url_expire = False
    env.auto_build = True
    for name, bundle in BUNDLES.items():
        env.register(name, bundle)
    (static / "gen").mkdir(exist_ok=True)
    urls = {name: env[name].urls()[0] for name in BUNDLES}  # builds once, at start-up

    app.extensions["assets"] = env
    app.jinja_env.globals["asset_url"] = urls.__getitem__
    return env
