"""The curators' screens under /curate/ (issue 19): one blueprint, `bp`, whose routes live in the
modules of this package: auth (login), edit (records), parts (hours, translations, coordinates),
work (dashboard, verification, reports), imports (uploads). What every request goes through is base.py.
"""
from __future__ import annotations

from pwa_app.views.curate import auth, edit, imports, parts, work  # noqa: F401 - their routes, on `bp`
from pwa_app.views.curate.base import CURATE_LANGUAGES, bp, init_app

__all__ = ["CURATE_LANGUAGES", "bp", "init_app"]
