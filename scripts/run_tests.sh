#!/usr/bin/env bash
# The whole suite on SQLite and on a throwaway PostgreSQL cluster, in two lanes side by side (one
# per core):
#   browser lane: the browser tests on SQLite, then those marked `engine` on PostgreSQL;
#   other lane:   every other test on SQLite, then those that take a database on PostgreSQL.
# The browser tests stay in one lane, one after the other: two Chromiums side by side on two cores
# took twice as long each (measured), and several of them check timing. Each part's output is kept
# and printed whole once both lanes are done; a line says when each part ends.
#   scripts/run_tests.sh [PYTEST ARGS...]     (PARALLEL=0: the four parts one after the other)
set -uo pipefail
cd "$(dirname "$0")/.."
export PY=${PY:-.venv/bin/python}

if [ -z "${PASSERELLE_TEST_DATABASE_URL:-}" ]; then
  exec scripts/with_postgres.sh "$0" "$@"  # the cluster lives as long as both lanes
fi

LOGS=$(mktemp -d /tmp/passerelle-tests.XXXXXX)
trap 'rm -rf "$LOGS"' EXIT

# part NAME ENGINE MARKS [PYTEST ARGS...]: one pytest run, its output in $LOGS/NAME, its status in $LOGS/NAME.status
part() {
  local name=$1 engine=$2 marks=$3 started=$SECONDS status run=(env)
  shift 3
  [ "$engine" = sqlite ] && run+=(-u PASSERELLE_TEST_DATABASE_URL -u PASSERELLE_TEST_THROWAWAY_CLUSTER)
  "${run[@]}" "$PY" -m pytest -p no:cacheprovider -m "$marks" "$@" > "$LOGS/$name" 2>&1
  status=$?
  [ "$status" = 5 ] && status=0  # no test of this part was selected (-k, -m in PYTEST ARGS)
  echo "$status" > "$LOGS/$name.status"
  echo "-- $name: $(tail -n 1 "$LOGS/$name" | tr -d '=' | sed 's/^ *//') [exit $status, $((SECONDS - started)) s]"
}

browser_lane() { part "browser-sqlite" sqlite "browser" "$@"; part "browser-postgresql" postgresql "browser and engine" "$@"; }
other_lane() { part "other-sqlite" sqlite "not browser" "$@"; part "other-postgresql" postgresql "not browser" "$@"; }

if [ "${PARALLEL:-1}" = 0 ]; then
  browser_lane "$@"
  other_lane "$@"
else
  browser_lane "$@" &
  browser=$!
  other_lane "$@"
  wait "$browser"
fi

failed=0
for name in browser-sqlite other-sqlite browser-postgresql other-postgresql; do
  echo
  echo "== $name =="
  cat "$LOGS/$name"
  [ "$(cat "$LOGS/$name.status")" = 0 ] || failed=1
done
echo
for name in browser-sqlite other-sqlite browser-postgresql other-postgresql; do
  [ "$(cat "$LOGS/$name.status")" = 0 ] || echo "FAILED: $name (exit $(cat "$LOGS/$name.status")); its output is above."
done
exit $failed
