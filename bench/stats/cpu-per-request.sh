#!/usr/bin/env bash
# CPU per answer, for A/Bs on a machine whose wall-clock times drift (a shared 2-vCPU machine saw up to half of its
# time stolen by the hypervisor): starts a packaged app (pg profile) on $BENCH_DB, and for each path warms it up with
# two connections for WARM, then runs one connection for DUR and reads the CPU time the JVM and every PostgreSQL
# process used meanwhile (/proc, user + system), divided by the answers. Time stolen from the machine is in neither.
#
#   EXTRA_OPTS=<java options> bench/stats/cpu-per-request.sh <app dir> <label> <path relative to /api/v1>...
#
# Prints label, path, answers, JVM CPU ms per answer, PostgreSQL CPU ms per answer, median latency, non-2xx answers.
# Example (the baseline started without migrating, when the new build brings a migration it does not know):
#   EXTRA_OPTS=-Dquarkus.flyway.migrate-at-start=false bench/stats/cpu-per-request.sh <base> "base 1" \
#     "stats/membership?unitId=1&groupBy=CHILD_UNIT" "targets/1/progress?asOf=2026-11-15"
# H2_DIR=<dir>: the app on the embedded H2 default instead, with its demo data, in that directory (a packaged app built
# without the pg profile). LOGIN_USER / LOGIN_PASSWORD: whom to ask as (admin unless set; the demo's officer is
# officer.hanoi / officer-demo-2026).
# Needs wrk, curl, python3; nothing else should run on the machine. Port 8185.
set -euo pipefail
source "$(dirname "$0")/common.sh"
app=$1; label=$2; shift 2
PORT=8185
BENCH_DB=${BENCH_DB:-dv_bench_data}
LOG=${LOG:-/tmp/cpu-per-request-app.log}
if [ -n "${H2_DIR:-}" ]; then
  # the embedded H2 default with its demo data (loaded at the first start in H2_DIR): the JVM's CPU is the database's
  mkdir -p "$H2_DIR" && cd "$H2_DIR"
  DB_OPTS=""
else
  DB_OPTS=$(pg_options "$BENCH_DB")
fi
APP_PID=
trap '[ -z "$APP_PID" ] || kill "$APP_PID" 2>/dev/null || true' EXIT
# shellcheck disable=SC2086
start_app "$app" $PORT "$LOG" ${EXTRA_OPTS:-} $DB_OPTS
TOKEN=$(login "http://127.0.0.1:$PORT/api/v1" "${LOGIN_USER:-admin}" "${LOGIN_PASSWORD:-admin-demo-2026}")
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2> /dev/null || echo 0; }
pg_ticks() { local t=0 p; for p in $(pgrep -u postgres postgres); do t=$((t + $(ticks "$p"))); done; echo $t; }
hz=$(getconf CLK_TCK)
for path in "$@"; do
  wrk -c2 -t1 -d"${WARM:-20s}" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/$path" > /dev/null
  j0=$(ticks "$APP_PID"); p0=$(pg_ticks)
  out=$(wrk -c1 -t1 -d"${DUR:-20s}" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/$path")
  j1=$(ticks "$APP_PID"); p1=$(pg_ticks)
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  p50=$(echo "$out" | awk '/ 50%/ {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  python3 -c "print('\t'.join(['$label', '$path', '$n', '%.2f' % (($j1 - $j0) * 1000 / $hz / $n),
                                '%.2f' % (($p1 - $p0) * 1000 / $hz / $n), '$p50', '${non2xx:-0}']))"
done
