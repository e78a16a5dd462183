"""Safety (issue 7): "Clear Passerelle data from this phone". Quick exit is a link in base.html.

The POST answers with Clear-Site-Data, so the browser itself deletes this site's storage, caches
and service worker even when JavaScript is off; static/js/safety.js clears the same things first.
"""
from __future__ import annotations

from flask import render_template, request

from . import i18n

bp = i18n.localized_blueprint("safety", __name__)


@bp.route("/clear", methods=["GET", "POST"])
def clear():
    """Ask first (GET), then clear (POST)."""
    if request.method == "GET":
        return render_template("safety/clear.html", cleared=False)
    response = render_template("safety/clear.html", cleared=True), 200, {
        "Clear-Site-Data": '"cache", "cookies", "storage"', "Cache-Control": "no-store"}
    return response
