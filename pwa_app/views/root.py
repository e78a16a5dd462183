"""Routes outside any language: the front door picks one."""
from flask import Blueprint, redirect, url_for

from pwa_app.web import i18n

bp = Blueprint("root", __name__)


@bp.route("/")
def index():
    response = redirect(url_for("directory.home", lang=i18n.preferred_language()))
    response.headers["Vary"] = "Accept-Language, Cookie"
    return response
