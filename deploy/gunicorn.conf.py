"""gunicorn settings for Passerelle: `gunicorn -c deploy/gunicorn.conf.py` (see docs/deploy.md).

Every worker is stateless: the directory, reports and sync versions live in the database, so
any number of workers, on any number of machines, answer alike.
"""
import multiprocessing
import os
import sys
from pathlib import Path

from gunicorn.glogging import Logger

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository, for pwa_app
from pwa_app.core.security import scrub_target  # noqa: E402
from pwa_app.web.config import secret_key_problem  # noqa: E402

# The production server never starts with the development SECRET_KEY: it signs Clear data's
# tokens and keys the rate limiter's address hashing.
if problem := secret_key_problem(os.environ.get("SECRET_KEY")):
    raise SystemExit(problem)

wsgi_app = "pwa_app:create_app()"
bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# One worker per core, plus one: most pages come from the page cache, and more workers than that
# only take the CPU from each other, and from the database on the same machine (on 2 cores, with
# PostgreSQL and the load generator alongside, 5 workers answered 1,300-1,700 cached pages a
# second, 3 about 2,000). Threads cover the waits on the database.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 30  # a request that takes longer is stuck; the worker is replaced
graceful_timeout = 20
keepalive = 5
# Workers are not recycled after N requests: a recycling worker drops the kept-alive connections
# it holds, which clients see as errors under load, and no leak has been seen (memory per worker
# is in docs/benchmarks.md). MAX_REQUESTS turns recycling back on where a leak shows up.
max_requests = int(os.environ.get("MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
preload_app = False  # each worker opens its own database connections
control_socket_disable = True  # no gunicornc; several instances on one machine must not share a socket
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")



class PrivateAccessLog(Logger):
    """The access log's atoms with nothing personal in them: the path without its query string
    (searches, positions) nor referral token, and no request line, query, referrer or address."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = scrub_target(atoms["U"])
        atoms.update({"r": "-", "q": "-", "f": "-", "h": "-"})
        return atoms


# Access log without query strings, referral tokens or addresses (PrivateAccessLog).
logger_class = PrivateAccessLog
accesslog = os.environ.get("ACCESS_LOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")


def post_worker_init(worker):
    """Build what every page shares before this worker takes requests (pwa_app/web/warmup.py)."""
    from pwa_app.web.warmup import warm

    warm(worker.wsgi)
