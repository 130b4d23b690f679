#!/usr/bin/env bash
# Warm A/B of target progress: two packaged builds (pg profile), each on its own copy of a generated database,
# alternating; each round starts the app, warms it up with WARMUP calls of each target, then times CALLS calls of
# each (curl's time_total, one client) and prints median / p90 / p99 / max.
#
#   BASE_APP=<quarkus-app dir> NEW_APP=<quarkus-app dir> BASE_DB=dv_proof_small NEW_DB=dv_proof_new \
#     bench/progress/warm-ab.sh [rounds]
#
# Two databases because a build migrates the database it starts on (a later migration would stop the earlier
# build's Flyway validation): `create database NEW_DB template BASE_DB` after generating BASE_DB with
# `bench/progress/run.sh pg`. Targets 1 (Confederation) and 2 (a province) are the ones run.sh created.
# Or one database for both, the baseline started with BASE_JAVA_OPTS=-Dquarkus.flyway.migrate-at-start=false when
# the new build brings a migration the baseline does not know.
set -euo pipefail

ROUNDS=${1:-3}
PORT=${PORT:-8390}
WARMUP=${WARMUP:-1700}
CALLS=${CALLS:-300}
AS_OF=${AS_OF:-2026-11-15}
TARGETS=${TARGETS:-"1 2"}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx1g -XX:+UseSerialGC"}
BASE_JAVA_OPTS=${BASE_JAVA_OPTS:-}
: "${BASE_APP:?set BASE_APP}" "${NEW_APP:?set NEW_APP}"
BASE_DB=${BASE_DB:-dv_proof_small}
NEW_DB=${NEW_DB:-dv_proof_new}
WORK=$(mktemp -d /tmp/warm-ab.XXXX)
APP_PID=

stop() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi; APP_PID=; }
trap stop EXIT

start() { # app-dir database [java options...]
  local url=jdbc:postgresql://127.0.0.1:5432/$2 app=$1 db=$2
  shift 2
  mkdir -p "$WORK/$db" && cd "$WORK/$db"
  # shellcheck disable=SC2086
  DB_URL=$url java $JAVA_OPTS "$@" -Dquarkus.profile=pg -Dquarkus.http.port="$PORT" -Ddoanvien.demo-data.enabled=false \
    -Dquarkus.datasource.jdbc.url="$url" -jar "$app/quarkus-run.jar" > "$WORK/app-$db.log" 2>&1 &
  APP_PID=$!
  cd - > /dev/null
  until curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null 2>&1; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$WORK/app-$db.log"; exit 1; }
    sleep 0.2
  done
  TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"admin-demo-2026"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
}

call() { curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$@" "http://127.0.0.1:$PORT/api/v1/targets/$T/progress?asOf=$AS_OF"; }

for r in $(seq 1 "$ROUNDS"); do
  for build in base new; do
    # shellcheck disable=SC2086
    if [ $build = base ]; then start "$BASE_APP" "$BASE_DB" $BASE_JAVA_OPTS; else start "$NEW_APP" "$NEW_DB"; fi
    for _ in $(seq 1 "$WARMUP"); do for T in $TARGETS; do call; done; done
    for T in $TARGETS; do
      for _ in $(seq 1 "$CALLS"); do call -w '%{time_total}\n'; done | sort -n | awk -v b=$build -v r="$r" -v t="$T" \
        '{a[NR]=$1} END {printf "round %d %-4s target %s: median %.1f ms p90 %.1f p99 %.1f max %.1f (n=%d)\n",
          r, b, t, a[int((NR+1)/2)]*1000, a[int(NR*0.9)]*1000, a[int(NR*0.99)]*1000, a[NR]*1000, NR}'
    done
    stop
  done
done
