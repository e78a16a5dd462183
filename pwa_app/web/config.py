"""Defaults kept in version control; secrets and the database location come from the environment."""
import os

# Good for a development machine only: the production server refuses to start with it (or none).
DEVELOPMENT_SECRET_KEY = "dev-only-not-secret"


def secret_key_problem(value: str | None) -> str | None:
    """Why `value` cannot be the SECRET_KEY of a production server, in one line; None when it can."""
    if not value or value == DEVELOPMENT_SECRET_KEY:
        return ("SECRET_KEY is not set, or is the development value: set it to a long random value "
                "(python3 -c 'import secrets; print(secrets.token_urlsafe(48))'; see docs/deploy.md).")
    if len(value) < 32:
        return "SECRET_KEY is shorter than 32 characters: set it to a long random value (see docs/deploy.md)."
    return None


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")  # None: SQLite in the instance folder
    # Absolute URLs start with BASE_URL, never with the Host header (pwa_app/web/site.py); with
    # TRUSTED_HOSTS, Flask answers 400 to a request for any other host.
    BASE_URL = os.environ.get("PASSERELLE_BASE_URL") or None
    TRUSTED_HOSTS = [h.strip() for h in os.environ.get("PASSERELLE_TRUSTED_HOSTS", "").split(",") if h.strip()] or None
    MAX_CONTENT_LENGTH = 1024 * 1024  # larger bodies get 413 before a view reads them

    # Interface languages, in the order the language picker lists them; each needs a catalogue in
    # translations/ and its own name in i18n.NATIVE_NAMES (the tests check both).
    LANGUAGES = ("en", "fr", "es", "pt", "ar", "fa", "ur", "zh_Hans", "zh_Hant", "pa", "hi", "ta", "tl", "vi",
                 "ko", "uk", "ru", "so", "ti", "iu")
    DEFAULT_LANGUAGE = "en"
    BABEL_TRANSLATION_DIRECTORIES = "../translations"

    REGION_TIMEZONE = os.environ.get("PASSERELLE_TIMEZONE", "America/Toronto")
    # Real numbers for Canada; a deployment elsewhere sets its own.
    HELPLINE_NUMBER = os.environ.get("PASSERELLE_HELPLINE", "211")
    EMERGENCY_NUMBER = os.environ.get("PASSERELLE_EMERGENCY", "911")
    CRISIS_NUMBER = os.environ.get("PASSERELLE_CRISIS", "988")
    # Phone numbers without a country code are read as this region's.
    PHONE_COUNTRY_CODE = os.environ.get("PASSERELLE_COUNTRY_CODE", "1")

    # Issue 7: "Quick exit" leaves for a neutral site; reports are limited per client per window.
    QUICK_EXIT_URL = os.environ.get("PASSERELLE_QUICK_EXIT_URL", "https://weather.gc.ca/")
    REPORT_RATE_LIMIT = 10  # reports per client per window
    REPORT_RATE_WINDOW = 60  # seconds; no trace of a client is kept longer
    REPORT_MAX_BYTES = 64 * 1024

    # Where `flask build-snapshots` writes the static offline snapshots (default: instance/snapshots).
    SNAPSHOT_FOLDER = os.environ.get("PASSERELLE_SNAPSHOT_FOLDER")

    # Proxies in front of the app (nginx: 1) whose X-Forwarded-For and X-Forwarded-Proto it believes
    # (pwa_app/web/proxies.py); 0 believes none, as an app reached directly must.
    TRUSTED_PROXIES = os.environ.get("PASSERELLE_TRUSTED_PROXIES", "0")

    # Brotli quality of what is compressed once per data version: the offline downloads (up to 1 MB;
    # larger ones at 5, pwa_app/web/compress.py) and `flask build-snapshots`' files. 11 is the smallest
    # and the slowest to make; the decoded bytes are the same at any quality.
    BROTLI_QUALITY = 11
    SEARCH_MAX_QUERY = 200  # characters kept from a query; the rest is ignored, never echoed
    # Rendered pages kept per process (pwa_app/web/page_cache.py), in bytes: the oldest go first.
    PAGE_CACHE_BYTES = int(os.environ.get("PASSERELLE_PAGE_CACHE_MB", "32")) * 1024 * 1024
    PAGE_SIZE = 25
    # Curation (issue 19): a curator's session ends after this long idle; a service is due for
    # verification this long after the last; a report's contact is erased after this many days.
    CURATOR_IDLE_MINUTES = int(os.environ.get("PASSERELLE_CURATOR_IDLE_MINUTES", "30"))
    VERIFY_MONTHS = int(os.environ.get("PASSERELLE_VERIFY_MONTHS", "6"))
    REPORT_RETENTION_DAYS = int(os.environ.get("PASSERELLE_REPORT_RETENTION_DAYS", "90"))
    CURATE_IMPORT_MAX_MB = int(os.environ.get("PASSERELLE_IMPORT_MAX_MB", "100"))  # an upload through /curate/import
    LOGIN_FAILURES = 10  # failed logins per account, and per client, per hour; then 429
    SITEMAP_MAX_URLS = 50_000  # URLs per sitemap file, the protocol's limit (pwa_app/views/seo.py)


def normalize_database_url(url: str) -> str:
    """Accept the usual spellings of a PostgreSQL URL and use the driver we ship (psycopg 3)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url
