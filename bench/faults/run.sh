#!/usr/bin/env bash
# Fault injection against the packaged application: SIGKILL during bulk sync and during a file import, and a
# PostgreSQL restart during bulk sync. See README.md. Usage:
#   bench/faults/run.sh [pg|h2|all] [scenario...]     default: all scenarios on pg, then kill-sync and
#                                                     kill-import on H2
# Settings (environment): PORT (8381), PG_PORT (5439, an own cluster that may be restarted), PG_CLUSTER
# (faults), PG_DB (dv_proof_faults, dropped and re-created), APPS (/tmp/dv-faults: packaged apps), OUT
# (bench/faults/out), H2_WRITE_DELAY (0).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-8381}
PG_PORT=${PG_PORT:-5439}
PG_CLUSTER=${PG_CLUSTER:-faults}
PG_DB=${PG_DB:-dv_proof_faults}
APPS=${APPS:-/tmp/dv-faults}
OUT=${OUT:-$(pwd)/bench/faults/out}
# H2's URL as the app's default (application.properties) but under OUT. WRITE_DELAY=0 makes H2 write each commit
# to the file before answering; H2's own default, 500 ms, lost acknowledged commits on SIGKILL (see RESULTS.md).
H2_WRITE_DELAY=${H2_WRITE_DELAY:-0}
WHICH=${1:-all}
shift || true
SCENARIOS=${*:-}
mkdir -p "$OUT"

# The datasource kind is fixed at build time: one package per database kind.
build() { # profile dir
  if [ ! -f "$2/quarkus-run.jar" ]; then
    ./mvnw -B -q package -DskipTests ${1:+-Dquarkus.profile=$1}
    rm -rf "$2" && mkdir -p "$(dirname "$2")" && cp -r target/quarkus-app "$2"
  fi
}

if ! pg_lsclusters -h | awk '{print $2, $3, $4}' | grep -q "^$PG_CLUSTER $PG_PORT online"; then
  echo "needs the PostgreSQL cluster '$PG_CLUSTER' online on port $PG_PORT, e.g.:" >&2
  echo "  pg_createcluster 15 $PG_CLUSTER --port $PG_PORT  (pg_hba.conf: trust for 127.0.0.1)" >&2
  echo "  pg_ctlcluster --skip-systemctl-redirect 15 $PG_CLUSTER start" >&2
  exit 1
fi

run_pg() { # scenario
  psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "drop database if exists $PG_DB" -c "create database $PG_DB"
  python3 bench/faults/faults.py "$1" --db pg --jar "$APPS/pg/quarkus-run.jar" --out "$OUT" --port "$PORT" \
    --jdbc "jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB" --pg-port "$PG_PORT" --pg-db "$PG_DB" \
    --pg-cluster "$PG_CLUSTER" "${@:2}" | tee "$OUT/$1-pg${2:+-down}.txt"
}

run_h2() { # scenario
  rm -rf "$OUT/h2db"
  local h2jar
  h2jar=$(ls "$APPS"/h2/lib/main/com.h2database.h2-*.jar)
  python3 bench/faults/faults.py "$1" --db h2 --jar "$APPS/h2/quarkus-run.jar" --out "$OUT" --port "$PORT" \
    --jdbc "jdbc:h2:file:$OUT/h2db/doanvien;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;WRITE_DELAY=$H2_WRITE_DELAY" \
    --h2jar "$h2jar" | tee "$OUT/$1-h2-wd$H2_WRITE_DELAY.txt"
}

status=0
if [ "$WHICH" = pg ] || [ "$WHICH" = all ]; then
  build pg "$APPS/pg"
  for s in ${SCENARIOS:-kill-sync kill-import db-restart}; do run_pg "$s" || status=1; done
  # The same with PostgreSQL down for 10 s: requests meanwhile are refused connections, readiness is DOWN.
  if [ -z "$SCENARIOS" ] || [[ " $SCENARIOS " == *" db-restart "* ]]; then
    run_pg db-restart --down-seconds 10 || status=1
  fi
fi
if [ "$WHICH" = h2 ] || [ "$WHICH" = all ]; then
  build "" "$APPS/h2"
  for s in ${SCENARIOS:-kill-sync kill-import}; do run_h2 "$s" || status=1; done
fi
grep -h '^RESULT' "$OUT"/*.txt > "$OUT/results.jsonl" || true
exit $status
