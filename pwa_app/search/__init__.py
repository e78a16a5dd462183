"""Search: the full-text index, spelling suggestions and the filters."""
