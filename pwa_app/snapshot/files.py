"""Offline snapshots as static, content-addressed files, so any web server or CDN can serve them.

`build` writes, for every language and region, the snapshot's bytes to `<sha256>.json` with `.gz`
(gzip 9) and `.br` (brotli at `BROTLI_QUALITY`, 11) siblings, plus `index.json` naming the current file of each. A file's
name is its content's SHA-256, so it can be cached forever and checked on arrival; a new version
is a new name. Old files stay until `prune` (phones may still be downloading them).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import tempfile
import time
from pathlib import Path

import brotli
from sqlalchemy.orm import Session

from pwa_app.db import data_version
from pwa_app.snapshot import feed, records, versions, wire

NAME = re.compile(r"^[0-9a-f]{64}\.json$")
INDEX = "index.json"


def _write_atomically(path: Path, data: bytes) -> None:
    """Write then rename: a server never sends half a file, even while a build runs."""
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
        tmp.write(data)
    os.replace(tmp.name, path)


def write_file(folder: Path, body: bytes, quality: int) -> str:
    """Store `body` and its precompressed siblings (brotli at `quality`) under its content hash; return the file name."""
    name = hashlib.sha256(body).hexdigest() + ".json"
    path = folder / name
    if not path.exists():
        _write_atomically(path.with_name(name + ".gz"), gzip.compress(body, compresslevel=9, mtime=0))
        _write_atomically(path.with_name(name + ".br"), brotli.compress(body, quality=quality))
        _write_atomically(path, body)  # last: its presence means the siblings are there too
    return name


def build(session: Session, settings: records.Settings, folder: Path, quality: int) -> dict:
    """Write every language's snapshot, whole and per region (brotli at `quality`), and the index; return the index."""
    folder.mkdir(parents=True, exist_ok=True)
    versions.ensure_ready(session, settings)
    version = versions.current_version(session)
    region_sets = [(versions.ALL,)] + [(r.id,) for r in versions.regions(session, settings) if r.id != versions.ALL]
    files: dict[str, dict[str, str]] = {}
    for lang in settings.languages:
        files[lang] = {}
        for wanted in region_sets:
            body = wire.encode(feed.snapshot(session, lang, wanted))
            files[lang]["+".join(wanted)] = write_file(folder, body, quality)
    # The data version tells this database's snapshots from another's at the same version number.
    index = {"version": version, "data_version": data_version.current(session), "built": int(time.time()),
             "files": files}
    _write_atomically(folder / INDEX, json.dumps(index, indent=1).encode())
    return index


def lookup(folder: Path, lang: str, wanted: tuple[str, ...], version: int, data_version: str) -> str | None:
    """The file holding this snapshot at this version of this database, if one was built."""
    try:
        index = json.loads((folder / INDEX).read_text())
    except (OSError, ValueError):
        return None
    if index.get("version") != version or index.get("data_version") != data_version:
        return None
    name = index.get("files", {}).get(lang, {}).get("+".join(wanted))
    return name if name and NAME.match(name) and (folder / name).exists() else None


def prune(folder: Path, keep_seconds: int = 7 * 24 * 3600) -> int:
    """Delete files no longer in the index and older than `keep_seconds`; return how many."""
    try:
        current = {n for per_lang in json.loads((folder / INDEX).read_text())["files"].values() for n in per_lang.values()}
    except (OSError, ValueError, KeyError):
        return 0
    removed = 0
    for path in folder.glob("*.json*"):
        base = path.name.split(".json")[0] + ".json"
        if NAME.match(base) and base not in current and time.time() - path.stat().st_mtime > keep_seconds:
            path.unlink()
            removed += 1
    return removed


def folder_of(app) -> Path:
    """Where `app` keeps its built snapshots: SNAPSHOT_FOLDER, else instance/snapshots."""
    return Path(app.config.get("SNAPSHOT_FOLDER") or Path(app.instance_path) / "snapshots")
