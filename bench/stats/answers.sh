#!/usr/bin/env bash
# The answers of a packaged app (pg profile) on $BENCH_DB, saved to compare two builds: statistics of units 1, 2, 5
# and 1001 by CHILD_UNIT, GENDER, PROVINCE, AGE_BAND and OWNERSHIP_INDUSTRY, each today, asOf 2025-06-17 and
# 2024 as a whole, their monthly series 2024-01..2026-11, and targets 1 and 2's progress (66 answers). A series'
# chartUrl is signed with its expiry time and differs from run to run: it is left out of the saved answers.
#
#   EXTRA_OPTS=<java options> bench/stats/answers.sh <app dir> <out dir>
#   diff -r <out dir of one build> <out dir of the other>
set -euo pipefail
source "$(dirname "$0")/common.sh"
app=$1; out=$2; mkdir -p "$out"
PORT=8185
BENCH_DB=${BENCH_DB:-dv_bench_data}
APP_PID=
trap '[ -z "$APP_PID" ] || kill "$APP_PID" 2>/dev/null || true' EXIT
# shellcheck disable=SC2086
start_app "$app" $PORT "$out.app.log" ${EXTRA_OPTS:-} $(pg_options "$BENCH_DB")
TOKEN=$(login "http://127.0.0.1:$PORT/api/v1")
get() { curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/$1" | sed -E 's/"chartUrl":"[^"]*"//' > "$2"; }
i=0
for unit in 1 2 5 1001; do
  for g in CHILD_UNIT GENDER PROVINCE AGE_BAND OWNERSHIP_INDUSTRY; do
    for q in "" "&asOf=2025-06-17" "&asOf=2024-12-31&from=2024-01-01"; do
      i=$((i + 1)); get "stats/membership?unitId=$unit&groupBy=$g$q" "$out/s$i.json"
    done
  done
  i=$((i + 1)); get "stats/membership/series?unitId=$unit&from=2024-01&to=2026-11" "$out/s$i.json"
done
for t in 1 2; do get "targets/$t/progress?asOf=2026-11-15" "$out/t$t.json"; done
echo "$(ls "$out" | wc -l) answers, $(cat "$out"/* | wc -c) bytes in $out (chartUrl stripped)"
