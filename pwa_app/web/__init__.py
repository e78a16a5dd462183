"""The web app's set-up and request hooks: config, assets, languages of the request, page cache, compression, errors."""
