"""Reading what phones receive, as sync.js reads it, for tests: `decode` a document, `apply_patch` a patch.

The app never reads its own documents back, so these live here. The packed services are unpacked
by pwa_app.snapshot.unpack, which the app uses itself (patches are computed against what the phone
keeps). The format: docs/snapshot-format.md.
"""
from __future__ import annotations

import json

from pwa_app.snapshot.feed import flatten
from pwa_app.snapshot.unpack import unpack_services
from pwa_app.snapshot.wire import compact


def unpack_terms(packed: dict) -> list[dict]:
    """The categories `wire.pack_terms` packed (sync.js `unpackTerms`)."""
    slugs = list(packed["s"])

    def slug(n: int) -> str:  # "-rest" under the parent's slug
        if slugs[n].startswith("-"):
            slugs[n] = slug(packed["p"][n]) + slugs[n]
        return slugs[n]

    for n in range(len(slugs)):
        slug(n)
    return [compact({"s": s, "n": n, "p": slugs[p] if isinstance(p, int) else p, "k": k})
            for s, n, p, k in zip(slugs, packed["n"], packed["p"], packed["k"], strict=True)]


def decode(body: bytes | str) -> dict:
    """A document as phones read it: JSON with its terms and services unpacked into records."""
    document = json.loads(body)
    if isinstance(document.get("terms"), dict):
        document["terms"] = unpack_terms(document["terms"])
    if isinstance(document.get("services"), dict):
        document["services"] = unpack_services(document["services"], document.get("terms"))
    return document


def apply_patch(held: dict, patch: dict) -> dict:
    """What sync.js `applyPatches` does with a patch: the record as the phone keeps it after the change."""
    flat = {k: v for k, v in flatten(held).items() if k not in patch.get("unset", ())}
    flat.update(patch.get("set", {}), i=patch["i"], v=patch["v"])
    texts = {k[2:]: v for k, v in flat.items() if k.startswith("t.")}
    out = {k: v for k, v in flat.items() if not k.startswith("t.")}
    return {**out, "t": texts} if texts else out
