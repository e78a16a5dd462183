"""Convert older directory formats into HSDS 3.0 tabular datapackages, which the importer then checks.

- HSDS 1.1 and 2.0 datapackages (Open Referral's samples and most 2016-2022 exports);
- Ohana API CSV exports (sample-csv) and Ohana's MongoDB export (one JSON object a line), such
  as the 2014 San Mateo County directory.

Legacy ids are not UUIDs, so every record gets a stable uuid5 of its format, table and old id:
converting the same file twice gives the same ids, and a later --merge updates in place. Open
Eligibility category codes map to the terms shipped in demo_data/taxonomy_terms.csv (same ids).
Free-text hours become schedules where they are unambiguous; otherwise the text is kept as the
schedule's description. Locations that are not human services (parks, museums, libraries, ...)
and test records are skipped and counted.

Modules, by source format (each imports only those listed before it):

- `common`: stable legacy ids, the conversion `Report`, `Tables` (the HSDS 3.0 rows and writing the
  datapackage), the shipped Open Eligibility taxonomy and small CSV/row helpers;
- `hours_text`: the free-text opening-hours reader ("Monday-Friday, 8-5"), times, dates, holidays
  and the schedule rows made from them;
- `ohana`: Ohana CSV and MongoDB exports (`convert_ohana_csv`, `convert_ohana_mongo`);
- `hsds1`: HSDS 1.x and 2.0 datapackages (`convert_hsds11`, `convert_hsds20`: one converter);
- this package: `CONVERTERS`, by kind, for `flask import-legacy`.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pwa_app.hsds.legacy.common import Report
from pwa_app.hsds.legacy.hsds1 import convert_hsds11, convert_hsds20
from pwa_app.hsds.legacy.ohana import convert_ohana_csv, convert_ohana_mongo

# Each converts (source folder, output folder, country for addresses without one).
CONVERTERS: dict[str, Callable[[Path, Path, str | None], Report]] = {
    "hsds-1.1": convert_hsds11,
    "hsds-2.0": convert_hsds20,
    "ohana-csv": convert_ohana_csv,
    "ohana-mongo": convert_ohana_mongo,
}
