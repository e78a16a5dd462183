#!/usr/bin/env bash
# The whole suite on SQLite, then again on a throwaway PostgreSQL cluster. One after the other:
# on two cores, running them side by side is no faster and makes browser timing noisier.
#   scripts/run_tests.sh [PYTEST ARGS...]
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

echo "== Test suite on SQLite =="
"$PY" -m pytest "$@"
sqlite=$?

# Browser tests measure pages, scripts and the phone's storage, the same on either engine: the
# PostgreSQL run repeats only those marked `engine` (they write through the server, or compare the
# phone with what the server reads). Of the other tests, those that take a database run on both;
# those that never touch one (text normalisation, catalogues, layers...) run once (tests/conftest.py).
echo "== Test suite on PostgreSQL (tests that take a database; browser tests only those marked engine) =="
scripts/with_postgres.sh "$PY" -m pytest -p no:cacheprovider -m "not browser or engine" "$@"
postgres=$?

[ "$sqlite" -eq 0 ] || echo "The SQLite run failed (exit $sqlite); see above."
exit $(( sqlite != 0 || postgres != 0 ))
