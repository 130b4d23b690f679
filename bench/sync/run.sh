#!/usr/bin/env bash
# Bulk member sync through the API against the packaged app (port 8181, BENCH_PORT), on H2 and on PostgreSQL,
# next to PostgreSQL COPY of the same rows. Usage: bench/sync/run.sh [members] [all|h2|pg] (default 100000 all).
# See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
WHICH=${2:-all}
case "$WHICH" in all|h2|pg) ;; *) echo "usage: $0 [members] [all|h2|pg]" >&2; exit 2 ;; esac
PORT=${BENCH_PORT:-8181}
export BENCH_PORT=$PORT
PGURL_DB=${BENCH_DB:-dv_sync_bench}
PGPORT=${BENCH_PGPORT:-5432}
PSQL="psql -h 127.0.0.1 -p $PGPORT -U postgres -v ON_ERROR_STOP=1 -q"
OUT=bench/sync/out
mkdir -p "$OUT"
APP_H2=${APP_H2:-/tmp/dv-sync-bench/h2-app}
APP_PG=${APP_PG:-/tmp/dv-sync-bench/pg-app}

build() { # profile dir
  if [ ! -f "$2/quarkus-run.jar" ]; then
    ./mvnw -B -q -DskipTests package ${1:+-Dquarkus.profile=$1}
    mkdir -p "$2" && rm -rf "$2" && cp -r target/quarkus-app "$2"
  fi
}

wait_up() {
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && return 0
    sleep 1
  done
  echo "app did not start" >&2; return 1
}

run_app() { # name app-dir extra-java-args...
  local name=$1 dir=$2; shift 2
  java -Xmx1g -Dquarkus.http.port=$PORT -Ddoanvien.demo-data.enabled=false "$@" -jar "$dir/quarkus-run.jar" \
    > "$OUT/$name-app.log" 2>&1 &
  APP_PID=$!
  wait_up
}

stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }

# Load averages every 30 s while the script runs (the machine is shared): $OUT/load-<which>.txt
(while true; do echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 30; done) > "$OUT/load-$WHICH.txt" &
LOAD_PID=$!
trap 'kill $LOAD_PID 2>/dev/null || true' EXIT

if [ "$WHICH" != pg ]; then
  build "" "$APP_H2"
  echo "== H2 (file database, fresh)"
  rm -rf /tmp/dv-sync-bench/h2db
  run_app h2 "$APP_H2" "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:/tmp/dv-sync-bench/h2db/doanvien;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  python3 bench/sync/bench.py --members "$N" | tee "$OUT/h2.json"
  stop_app
  [ "$WHICH" = h2 ] && exit 0
fi

build pg "$APP_PG"
echo "== PostgreSQL ($PGURL_DB on port $PGPORT, fresh; autovacuum: $($PSQL -d postgres -Atc 'show autovacuum'))"
$PSQL -d postgres -c "drop database if exists $PGURL_DB" -c "create database $PGURL_DB"
DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/$PGURL_DB run_app pg "$APP_PG" -Dquarkus.profile=pg
python3 bench/sync/bench.py --members "$N" --copy-csv "$OUT/copy" | tee "$OUT/pg.json"
stop_app

echo "== PostgreSQL COPY of the same number of rows into the same tables (indexes and constraints in place)"
COLS="id, card_number, full_name, search_text, date_of_birth, gender, nationality, national_id, passport_number, identity_key, active_identity_key, phone, email, grassroots_union_id, joined_on, status, left_on, leave_reason, version, created_at, updated_at, external_owner_id, external_id, national_id_hash"
START=$(date +%s.%N)
$PSQL -d "$PGURL_DB" -c "\\copy member ($COLS) from '$OUT/copy-member.csv' with (format csv)" \
      -c "\\copy membership_period (id, member_id, grassroots_union_id, start_on, end_on, end_reason) from '$OUT/copy-period.csv' with (format csv)"
END=$(date +%s.%N)
python3 - "$N" "$START" "$END" <<'PY' | tee "$OUT/copy.json"
import json, sys
n, s, e = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(json.dumps({"members": n, "seconds": round(e - s, 1), "membersPerSecond": round(n / (e - s))}))
PY
rm -f "$OUT"/copy-*.csv
