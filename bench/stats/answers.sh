#!/usr/bin/env bash
# The answers of a packaged app (pg profile) on $BENCH_DB, saved to compare two builds: statistics of units 1, 2, 5
# and 1001 by CHILD_UNIT, GENDER, PROVINCE, AGE_BAND and OWNERSHIP_INDUSTRY, each today, asOf 2025-06-17 and
# 2024 as a whole, their monthly series 2024-01..2026-11, and targets 1 and 2's progress (66 answers). A series'
# chartUrl is signed with its expiry time and differs from run to run: it is left out of the saved answers.
#
#   EXTRA_OPTS=<java options> bench/stats/answers.sh <app dir> <out dir>
#   diff -r <out dir of one build> <out dir of the other>
set -euo pipefail
app=$1; out=$2; mkdir -p "$out"
PORT=8185
BENCH_DB=${BENCH_DB:-dv_bench_data}
# shellcheck disable=SC2086
java -XX:+UseSerialGC -Xmx512m ${EXTRA_OPTS:-} -Dquarkus.http.port=$PORT -Ddoanvien.demo-data.enabled=false \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" -Dquarkus.datasource.username=postgres \
  -jar "$app/quarkus-run.jar" > "$out.app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf http://127.0.0.1:$PORT/q/health/ready > /dev/null; do kill -0 $pid; sleep 0.5; done
TOKEN=$(curl -fsS -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"admin-demo-2026"}' | python3 -c "import sys, json; print(json.load(sys.stdin)['accessToken'])")
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
