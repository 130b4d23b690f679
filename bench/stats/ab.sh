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
FLAGS="-XX:+UseSerialGC -Xms64m -Xmx${XMX:-512m} -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:-ShrinkHeapInSteps -XX:MaxHeapFreeRatio=40 -XX:TrimNativeHeapInterval=1000"

start() { # start <app dir> [java options...]
  local dir=$1; shift
  java $FLAGS "$@" -Dquarkus.http.port=$PORT -Ddoanvien.demo-data.enabled=false \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" -Dquarkus.datasource.username=postgres \
    -jar "$dir/quarkus-run.jar" > "$OUT_DIR/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2> /dev/null || { tail -20 "$OUT_DIR/app.log"; return 1; }
    sleep 1
  done
  return 1
}
stop() { kill "$APP_PID"; wait "$APP_PID" 2> /dev/null || true; }
trap 'kill $APP_PID 2>/dev/null || true' EXIT

one_client() { # one_client <label>
  local token
  token=$(curl -fsS -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"${ADMIN_USER:-admin}\",\"password\":\"${ADMIN_PASSWORD:-admin-demo-2026}\"}" \
    | python3 -c "import sys, json; print(json.load(sys.stdin)['accessToken'])")
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
