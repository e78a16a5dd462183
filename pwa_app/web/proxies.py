"""Trust exactly the proxies the deployment says are in front of the app, and no client.

Behind nginx every request comes from 127.0.0.1; the client's address is in `X-Forwarded-For`, which
nginx appends to (deploy/nginx.conf). With `PASSERELLE_TRUSTED_PROXIES=N`, werkzeug's ProxyFix takes
the address N hops from the right of that header (the one the outermost trusted proxy saw) and the
scheme from `X-Forwarded-Proto`, so the report rate limiter counts each client apart. Anything a
client writes into those headers itself sits further left and is never read. With the default, 0,
the headers are ignored: an app reached directly must not let a client pick its own address.
"""
from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def trusted_proxies(value) -> int:
    """The configured number of proxies, or a clear error for anything but a small whole number."""
    try:
        count = int(str(value).strip())
    except ValueError:
        count = -1
    if not 0 <= count <= 10:
        raise SystemExit(f"PASSERELLE_TRUSTED_PROXIES must be the number of proxies in front of the app (0 to 10), not {value!r}.")
    return count


def init_app(app: Flask) -> None:
    count = trusted_proxies(app.config.get("TRUSTED_PROXIES", 0))
    app.config["TRUSTED_PROXIES"] = count
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=0, x_port=0, x_prefix=0)
