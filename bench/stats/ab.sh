#!/usr/bin/env bash
# A/B of two packaged apps (PostgreSQL profile) on the same database, in alternating rounds: for each round and app,
# start it, time ONE_CLIENT_CALLS calls from one client to each ONE_CLIENT_URLS path (after as many warm-up calls;
# median and p90 in ms), then run concurrent.sh with the environment given (GROUP_BYS, UNITS, FILTERS, DURATION,
# WARMUP, CLIENTS), stop it. Results: $OUT_DIR/one-client.tsv and $OUT_DIR/concurrent.tsv, labelled "<label> <round>".
#
#   BASE_APP=<dir> NEW_APP=<dir> BENCH_DB=dv_bench_data bench/stats/ab.sh [ROUNDS]
#
# BASE_JAVA_OPTS: options for the baseline only (e.g. -Dquarkus.flyway.migrate-at-start=false when the database has
# a migration the baseline does not know). The apps are started from the repository's root with the recommended JVM flags of docs/operations.md (heap
# -Xmx${XMX:-512m}) on port 8185; nothing else should run.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
ROUNDS=${1:-2}
BASE_APP=${BASE_APP:?packaged app dir of the baseline}
NEW_APP=${NEW_APP:?packaged app dir of the new build}
BASE_JAVA_OPTS=${BASE_JAVA_OPTS:-}
BENCH_DB=${BENCH_DB:-dv_bench_data}
PORT=8185
OUT_DIR=${OUT_DIR:-$ROOT/bench/stats/out/ab}
ONE_CLIENT_CALLS=${ONE_CLIENT_CALLS:-30}
ONE_CLIENT_URLS=${ONE_CLIENT_URLS:-"stats/membership?unitId=1001&groupBy=GENDER stats/membership?unitId=1001&groupBy=OWNERSHIP stats/membership?unitId=2&groupBy=CHILD_UNIT"}
mkdir -p "$OUT_DIR"
source bench/stats/common.sh

start() { # start <app dir> [java options...]
  # shellcheck disable=SC2046
  start_app "$1" "$PORT" "$OUT_DIR/app.log" "${@:2}" $(pg_options "$BENCH_DB")
}
stop() { kill "$APP_PID"; wait "$APP_PID" 2> /dev/null || true; }
trap 'kill $APP_PID 2>/dev/null || true' EXIT

one_client() { # one_client <label>
  local token
  token=$(login "http://127.0.0.1:$PORT/api/v1" "${ADMIN_USER:-admin}" "${ADMIN_PASSWORD:-admin-demo-2026}")
  for path in $ONE_CLIENT_URLS; do
    for _ in $(seq 1 "$ONE_CLIENT_CALLS"); do
      curl -fsS -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/$path"
    done
    for _ in $(seq 1 "$ONE_CLIENT_CALLS"); do
      curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/$path"
    done | python3 -c "
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
print('\t'.join(['$1', '$path', '%.1f' % t[len(t) // 2], '%.1f' % t[int(len(t) * 0.9)]]))" | tee -a "$OUT_DIR/one-client.tsv"
  done
}

for round in $(seq 1 "$ROUNDS"); do
  for which in base new; do
    if [ "$which" = base ]; then start "$BASE_APP" $BASE_JAVA_OPTS; else start "$NEW_APP"; fi
    one_client "$which $round"
    OUT="$OUT_DIR/concurrent.tsv" bench/stats/concurrent.sh "http://127.0.0.1:$PORT" "$which $round"
    stop
  done
done
