"""The services' neutral records kept between requests, for as long as the data version stands.

A page's cards are records the phone keeps (`snapshot.records.neutral_records`, about eight queries
for any number of services); the same few hundred services appear on page after page, in every
language (the record is the same in all of them; `reader.render` makes a language's view of it).
So one server keeps the records it has read, keyed on the data version: an import or a curator's
save changes the version, and the next request starts afresh, on every server at once.

A record is kept only when the version read in the same transaction as it, once it is read, is the
version the request was answered from (`conditional.request_version`, read outside that
transaction): a change committed in between, or a transaction that began before the change, never
leaves an older record under a newer version. Records are never changed once made: callers read them.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable

LIMIT = 4096  # records per process: a few MB; a directory's busiest pages show far fewer


class RecordCache:
    def __init__(self, limit: int = LIMIT):
        self.limit = limit
        self.key: tuple | None = None  # (data version, settings) the kept records belong to
        self.records: OrderedDict[str, dict] = OrderedDict()  # least recently used first
        self.lock = threading.Lock()

    def get(self, key: tuple, ids: Iterable[str], load: Callable[[list[str]], dict[str, dict]],
            still: Callable[[], bool]) -> dict[str, dict]:
        """The records of `ids` that exist: kept ones, and the others from `load(missing ids)`, kept
        too if `still()` (the data version has not moved since `key` was read)."""
        found = {}
        with self.lock:
            if key != self.key:
                self.key, self.records = key, OrderedDict()
            for sid in ids:
                record = self.records.get(sid)
                if record is not None:
                    self.records.move_to_end(sid)
                    found[sid] = record
        missing = [sid for sid in dict.fromkeys(ids) if sid not in found]
        if not missing:
            return found
        loaded = load(missing)
        found.update(loaded)
        if loaded and still():
            with self.lock:
                if key == self.key:
                    self.records.update(loaded)
                    while len(self.records) > self.limit:
                        self.records.popitem(last=False)
        return found
