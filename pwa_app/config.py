"""Defaults kept in version control; secrets and the database location come from the environment."""
import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")  # None: SQLite in the instance folder
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    MAX_CONTENT_LENGTH = 1024 * 1024  # larger bodies get 413 before a view reads them

    LANGUAGES = ("en", "fr")
    DEFAULT_LANGUAGE = "en"
    BABEL_TRANSLATION_DIRECTORIES = "../translations"

    REGION_TIMEZONE = os.environ.get("PASSERELLE_TIMEZONE", "America/Toronto")
    # Real numbers for Canada; a deployment elsewhere sets its own.
    HELPLINE_NUMBER = os.environ.get("PASSERELLE_HELPLINE", "211")
    EMERGENCY_NUMBER = os.environ.get("PASSERELLE_EMERGENCY", "911")
    CRISIS_NUMBER = os.environ.get("PASSERELLE_CRISIS", "988")
    # Phone numbers without a country code are read as this region's.
    PHONE_COUNTRY_CODE = os.environ.get("PASSERELLE_COUNTRY_CODE", "1")

    SEARCH_MAX_QUERY = 200  # characters kept from a query; the rest is ignored
    PAGE_SIZE = 25
