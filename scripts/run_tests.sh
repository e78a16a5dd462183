#!/usr/bin/env bash
# The whole suite on SQLite and on a throwaway PostgreSQL cluster, in two lanes side by side (one
# per core). The suite is cut into parts, which the lanes take in turn, each as it becomes free:
#   the browser tests on SQLite (one part: one Chromium and one live server for them all);
#   every other test on SQLite, in CHUNKS parts of whole modules (PASSERELLE_TEST_CHUNK, tests/conftest.py);
#   every other test that takes a database, on PostgreSQL, in CHUNKS parts too;
#   the browser tests marked `engine`, on PostgreSQL.
# Only one browser part runs at a time: two Chromiums side by side on two cores took twice as long
# each (measured), and several browser tests check timing. Each part's output is kept and printed
# whole once both lanes are done; a line says when each part ends.
#   scripts/run_tests.sh [PYTEST ARGS...]     (PARALLEL=0: one lane, the parts one after the other)
set -uo pipefail
cd "$(dirname "$0")/.."
export PY=${PY:-.venv/bin/python}

if [ -z "${PASSERELLE_TEST_DATABASE_URL:-}" ]; then
  exec scripts/with_postgres.sh "$0" "$@"  # the cluster lives as long as both lanes
fi

LOGS=$(mktemp -d /tmp/passerelle-tests.XXXXXX)
trap 'rm -rf "$LOGS"' EXIT

# part NAME ENGINE CHUNK MARKS [PYTEST ARGS...]: one pytest run (CHUNK "-" for all of it), its output in
# $LOGS/NAME, its status in $LOGS/NAME.status
part() {
  local name=$1 engine=$2 chunk=$3 marks=$4 started=$SECONDS status run=(env)
  shift 4
  [ "$engine" = sqlite ] && run+=(-u PASSERELLE_TEST_DATABASE_URL -u PASSERELLE_TEST_THROWAWAY_CLUSTER)
  [ "$chunk" != - ] && run+=(PASSERELLE_TEST_CHUNK="$chunk")
  "${run[@]}" "$PY" -m pytest -p no:cacheprovider -m "$marks" "$@" > "$LOGS/$name" 2>&1
  status=$?
  [ "$status" = 5 ] && status=0  # no test of this part was selected (-k, -m in PYTEST ARGS)
  echo "$status" > "$LOGS/$name.status"
  echo "-- $name: $(tail -n 1 "$LOGS/$name" | tr -d '=' | sed 's/^ *//') [exit $status, $((SECONDS - started)) s]"
}

# The parts, longest first, one a line: NAME ENGINE CHUNK MARKS. The browser part on PostgreSQL comes
# last, so that it never runs beside the one on SQLite (a lane takes it only after taking every chunk,
# long after the other lane took the browser part on SQLite as its first).
CHUNKS=${CHUNKS:-3}
{
  echo "browser-sqlite sqlite - browser"
  for i in $(seq "$CHUNKS"); do echo "other-sqlite-$i sqlite $i/$CHUNKS not browser"; done
  for i in $(seq "$CHUNKS"); do echo "other-postgresql-$i postgresql $i/$CHUNKS not browser"; done
  echo "browser-postgresql postgresql - browser and engine"
} > "$LOGS/parts"
cp "$LOGS/parts" "$LOGS/queue"

# lane [PYTEST ARGS...]: take the next part off the queue and run it, until none is left.
lane() {
  local line name engine chunk marks
  while line=$(flock "$LOGS/lock" sh -c 'head -n 1 "$1" && sed -i 1d "$1"' _ "$LOGS/queue") && [ -n "$line" ]; do
    read -r name engine chunk marks <<< "$line"
    if [ "$name" = browser-postgresql ]; then  # never beside the browser part on SQLite
      while [ ! -e "$LOGS/browser-sqlite.status" ]; do sleep 1; done
    fi
    part "$name" "$engine" "$chunk" "$marks" "$@"
  done
}

if [ "${PARALLEL:-1}" = 0 ]; then
  lane "$@"
else
  lane "$@" &
  other=$!
  lane "$@"
  wait "$other"
fi

failed=0
names=$(cut -d ' ' -f 1 "$LOGS/parts")
for name in $names; do
  echo
  echo "== $name =="
  cat "$LOGS/$name"
  [ "$(cat "$LOGS/$name.status")" = 0 ] || failed=1
done
echo
for name in $names; do
  [ "$(cat "$LOGS/$name.status")" = 0 ] || echo "FAILED: $name (exit $(cat "$LOGS/$name.status")); its output is above."
done
exit $failed
