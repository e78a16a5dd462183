"""The database: extensions, models, schema version, and the small stores over them (reports, rate limits, data version)."""
