"""Compact, versioned snapshots of the directory for phones to keep offline. No request in sight.

A phone gets one small record per listed service in its interface language, holding exactly what
the list and service pages show (text already in the reader's language, phone numbers already in
E.164, costs and language names already formatted), plus its raw schedules: the phone works out
"open now" itself with the JavaScript twin of hours.py. After the first download it asks only for
what changed since the version it holds. Import the module you use (`from pwa_app.snapshot import
versions`); they depend on one another in this order, each only on those before it:

- `wire`: what phones download, byte for byte: the short record keys, the packed column form
  and `encode`. The format itself is documented in docs/snapshot-format.md.
- `unpack`: the packed form unpacked as the phone unpacks it (the Python twin of sync.js), which
  patches are computed against.
- `reader`: `render` turns a stored, language-neutral record into a reader's language.
- `records`: the neutral form `refresh` stores and hashes, read from the tables in bulk; `Settings`.
- `versions`: `refresh` (versions, tombstones), `ensure_ready`, `current_version`, regions, and
  the state checksum a phone checks its copy against.
- `feed`: the documents: `snapshot`, `changes` since a version, and the patches in them.
- `files`: the snapshots prebuilt as static, content-addressed files (`build-snapshots`).
"""
