#!/usr/bin/env bash
# The whole suite, twice: on SQLite, then on a throwaway PostgreSQL cluster. One after the other:
# on two cores, running them side by side is no faster and makes browser timing noisier.
#   scripts/run_tests.sh [PYTEST ARGS...]
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

echo "== Test suite on SQLite =="
"$PY" -m pytest "$@"
sqlite=$?

echo "== Test suite on PostgreSQL =="
scripts/with_postgres.sh "$PY" -m pytest -p no:cacheprovider "$@"
postgres=$?

[ "$sqlite" -eq 0 ] || echo "The SQLite run failed (exit $sqlite); see above."
exit $(( sqlite != 0 || postgres != 0 ))
