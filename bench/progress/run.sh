#!/usr/bin/env bash
# Progress benchmark: a national-scale registry generated in SQL, progress and breakdown latency at the
# Confederation and at one province, then the same with the members doubled; and the same on H2 at a scale
# H2 can take. See README.md. Usage:
#   bench/progress/run.sh check      generator figures == the app's own recount (small registry)
#   bench/progress/run.sh pg         generate MEMBERS (default 15M) in $BENCH_DB, measure
#   bench/progress/run.sh double     append as many members again (30M), regenerate figures, measure
#   bench/progress/run.sh measure    measure again on what $BENCH_DB holds
#   bench/progress/run.sh dims       build the figures by dimension again, time that start and a restart
#   bench/progress/run.sh h2         H2_MEMBERS (default 1M) on an H2 file database, measure
#   bench/progress/run.sh all        check, pg, double, h2
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT=$ROOT/bench/progress/out
mkdir -p "$OUT"
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-dv_bench_data}
MEMBERS=${MEMBERS:-15000000}
H2_MEMBERS=${H2_MEMBERS:-1000000}
GUS=${GUS:-130000}
ULUS=${ULUS:-1200}
PORT=${PORT:-8185}
CALLS=${CALLS:-300}
WARMUP=${WARMUP:-300}
AS_OF=${AS_OF:-2026-11-15}
TRGM=${TRGM:-0}
NEW_DIMENSION=${NEW_DIMENSION:-}   # dims: then also rebuild this one dimension alone (e.g. OWNERSHIP_INDUSTRY)
SKIP_INDEXES=${SKIP_INDEXES:-0}
# The datasource kind is fixed at build time: one packaged app per database kind, kept under out/.
APPS=$OUT/apps
APP_PID=
APP_LOG=$OUT/app-$PORT.log

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log"; }
psqlq() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
# Runs a command and records its wall time (seconds) under a label in out/timings.txt.
timed() {
  local label=$1; shift
  local t0=$(date +%s.%N)
  "$@"
  local s=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
  printf '%s\t%.1f\n' "$label" "$s" | tee -a "$OUT/timings.txt"
}

build() {
  if [ ! -f "$APPS/pg/quarkus-run.jar" ] || [ ! -f "$APPS/h2/quarkus-run.jar" ]; then
    log "packaging the app for PostgreSQL and for H2"
    rm -rf "$APPS"; mkdir -p "$APPS"
    ./mvnw -B -q package -DskipTests -Dquarkus.profile=pg
    cp -r target/quarkus-app "$APPS/pg"
    ./mvnw -B -q package -DskipTests
    cp -r target/quarkus-app "$APPS/h2"
  fi
}

# start_app <jdbc-url> <profile> [extra -D options...]: starts the packaged app on $PORT and waits until ready.
start_app() {
  local url=$1 profile=$2 jar; shift 2
  if curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null 2>&1; then
    log "port $PORT already answers (another app?): stop it or set PORT"; return 1
  fi
  jar=$APPS/$([ "$profile" = pg ] && echo pg || echo h2)/quarkus-run.jar
  DB_URL=$url java -Xmx2g -Dquarkus.profile="$profile" -Dquarkus.http.port="$PORT" \
    -Ddoanvien.demo-data.enabled=false -Dquarkus.datasource.jdbc.url="$url" "$@" \
    -jar "$jar" > "$APP_LOG" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1800); do
    if curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null 2>&1; then return 0; fi
    if ! kill -0 "$APP_PID" 2> /dev/null; then log "app exited, see $APP_LOG"; tail -20 "$APP_LOG"; return 1; fi
    sleep 1
  done
  log "app not ready"; return 1
}

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2> /dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2> /dev/null || true
  fi
  APP_PID=
}
trap stop_app EXIT

create_db() {
  local db=$1
  psqlq -d test -c "drop database if exists $db" -c "create database $db"
}

# Schema by the app's own Flyway migrations: start once on the empty database, then stop.
migrate_pg() {
  start_app "jdbc:postgresql://$PGHOST:5432/$1" pg
  stop_app
}

generate_pg() {
  local db=$1 first=$2 last=$3
  psqlq -d "$db" -f bench/progress/indexes-drop.sql
  psqlq -d "$db" -v first="$first" -v last="$last" -v gus="$GUS" -v ulus="$ULUS" -f bench/progress/gen-registry.sql
  if [ "$SKIP_INDEXES" = 1 ]; then
    log "SKIP_INDEXES=1: secondary indexes of member and membership_period not rebuilt (progress never reads them)"
  else
    psqlq -d "$db" -v trgm="$TRGM" -f bench/progress/indexes-create.sql
  fi
}

figures_pg() {
  psqlq -d "$1" -f bench/progress/gen-figures.sql
}

sizes() {
  psqlq -d "$1" -At -F $'\t' -c "
    select 'members', count(*)::text from member
    union all select 'active members', count(*)::text from member where status = 'ACTIVE'
    union all select 'membership periods', count(*)::text from membership_period
    union all select 'grassroots unions', count(*)::text from grassroots_union
    union all select 'units', count(*)::text from unit
    union all select 'unit_day_figure rows', count(*)::text from unit_day_figure
    union all select 'unit_month_figure rows', count(*)::text from unit_month_figure
    union all select 'unit_year_figure rows', count(*)::text from unit_year_figure
    union all select 'grassroots_union_month rows', count(*)::text from grassroots_union_month
    union all select 'unit_dimension_figure rows', count(*)::text from unit_dimension_figure
    union all select 'database size', pg_database_size(current_database()) / (1024 * 1024) || ' MB'"
}

# The API needs a bearer token: the bootstrap admin's (created by the app on an empty user table).
ADMIN_USER=${ADMIN_USER:-admin}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-admin-demo-2026}
AUTH=()
login() {
  local token
  token=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/') || true
  if [ -n "$token" ]; then AUTH=(-H "Authorization: Bearer $token"); else AUTH=(); fi
}

target() { # target <scopeUnitId> <value> -> id
  curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/targets" -H 'Content-Type: application/json' "${AUTH[@]}" \
    -H "Idempotency-Key: bench-$1-$RANDOM$RANDOM" \
    -d "{\"name\":\"Bench $1\",\"scopeUnitId\":$1,\"metric\":\"ACTIVE_MEMBERS\",\"targetValue\":$2,\"baselineDate\":\"2023-12-31\",\"deadline\":\"2028-12-31\"}" \
    | sed -E 's/.*"id":([0-9]+).*/\1/'
}

# latency <label> <url>: WARMUP calls, then CALLS calls one after another; median, p99 and max in ms.
latency() {
  local label=$1 url=$2 f="$OUT/latency-$(echo "$1" | tr ' /' '__').txt"
  curl -sf "${AUTH[@]}" "$url" > "$OUT/sample-$(echo "$1" | tr ' /' '__').json"
  for _ in $(seq 1 "$WARMUP"); do curl -sf -o /dev/null "${AUTH[@]}" "$url"; done
  : > "$f"
  for _ in $(seq 1 "$CALLS"); do curl -sf -o /dev/null "${AUTH[@]}" -w '%{time_total}\n' "$url" >> "$f"; done
  sort -g "$f" | awk -v label="$label" '{ v[NR] = $1 * 1000 } END {
      p50 = v[int((NR + 1) / 2)]; i = int(NR * 0.99 + 0.999); if (i > NR) i = NR;
      printf "%s\tcalls=%d\tmedian=%.1f ms\tp99=%.1f ms\tmax=%.1f ms\n", label, NR, p50, v[i], v[NR] }' \
    | tee -a "$OUT/results.txt"
}

# measure <label> <jdbc-url> <profile>
measure() {
  local label=$1 url=$2 profile=$3; shift 3
  start_app "$url" "$profile" "$@"
  login
  local confed province
  confed=$(target 1 15000000)
  province=$(target 2 300000)
  local base="http://127.0.0.1:$PORT/api/v1/targets"
  log "$label: targets $confed (Confederation, 83 children) and $province (province LDLD-01)"
  latency "$label Confederation progress+breakdown" "$base/$confed/progress?asOf=$AS_OF"
  latency "$label province progress+breakdown" "$base/$province/progress?asOf=$AS_OF"
  latency "$label Confederation series 36 months" "$base/$confed/series?from=2024-01&to=2026-12"
  stop_app
}

check() {
  local db=dv_bench_check
  log "check: small registry (20,000 members, 400 grassroots unions) in $db, figures from SQL vs the app's recount"
  create_db $db
  migrate_pg $db
  GUS=400 ULUS=40 generate_pg $db 1 20000
  figures_pg $db
  start_app "jdbc:postgresql://$PGHOST:5432/$db" pg -Ddoanvien.figures.on-start=check
  stop_app
  if grep -q "stored figures match a recount" "$APP_LOG"; then
    log "check: SQL-generated figures match the app's FiguresRecount"
  else
    grep "Figures check" "$APP_LOG" | tee -a "$OUT/run.log"; return 1
  fi
  psqlq -d test -c "drop database $db"
}

pg() {
  df -h /work | tee -a "$OUT/run.log"
  log "pg: $MEMBERS members in $GUS grassroots unions, $ULUS upper-level unions, 83 level-2 units in $BENCH_DB"
  create_db "$BENCH_DB"
  migrate_pg "$BENCH_DB"
  timed "pg generate registry $MEMBERS members" generate_pg "$BENCH_DB" 1 "$MEMBERS"
  timed "pg generate figures $MEMBERS members" figures_pg "$BENCH_DB"
  dims
  sizes "$BENCH_DB" | tee -a "$OUT/run.log"
  measure "PG $MEMBERS" "jdbc:postgresql://$PGHOST:5432/$BENCH_DB" pg
}

# The figures by dimension (V16) of a registry loaded behind the app's back: the app builds them at its first
# start, as it does once on a database migrated from before V16. Timed: that first start, then a restart (nothing
# left to build: the restart-to-ready figure), with the app's RSS once ready.
dims() {
  local url="jdbc:postgresql://$PGHOST:5432/$BENCH_DB"
  # every dimension unbuilt (the marks: 'figures-by-dimension' for V16's eight, ':NAME' for each later one)
  psqlq -d "$BENCH_DB" -c "delete from startup_task where name like 'figures-by-dimension%'"
  timed "pg first start: figures by dimension built (and ready)" start_app "$url" pg
  grep "Figures by dimension" "$APP_LOG" | tail -3 | tee -a "$OUT/run.log"
  stop_app
  psqlq -d "$BENCH_DB" -At -F $'\t' -c "select dimension, count(*) from unit_dimension_figure group by 1 order by 1" \
    | tee -a "$OUT/run.log"
  # a dimension added by a later release to a populated database: only its rows are built at the next start
  if [ -n "$NEW_DIMENSION" ]; then
    psqlq -d "$BENCH_DB" -c "delete from startup_task where name = 'figures-by-dimension:$NEW_DIMENSION'" \
      -c "delete from unit_dimension_figure where dimension = '$NEW_DIMENSION'"
    timed "pg start that builds one new dimension ($NEW_DIMENSION, and ready)" start_app "$url" pg
    grep "Figures by dimension" "$APP_LOG" | tail -2 | tee -a "$OUT/run.log"
    stop_app
  fi
  timed "pg restart to ready" start_app "$url" pg
  log "RSS once ready: $(awk '/VmRSS/ { print $2 / 1024 " MB" }' /proc/$APP_PID/status)"
  stop_app
}

double() {
  local have
  have=$(psqlq -d "$BENCH_DB" -At -c "select max(id) from member")
  log "double: appending $have members to $BENCH_DB"
  timed "pg append registry $have members" generate_pg "$BENCH_DB" $((have + 1)) $((2 * have))
  timed "pg generate figures $((2 * have)) members" figures_pg "$BENCH_DB"
  sizes "$BENCH_DB" | tee -a "$OUT/run.log"
  measure "PG $((2 * have))" "jdbc:postgresql://$PGHOST:5432/$BENCH_DB" pg
}

h2_source() {
  TRGM=0 generate_pg "$1" 1 "$H2_MEMBERS"
  figures_pg "$1"
}

h2() {
  local src=dv_bench_h2src dir="$OUT/h2" csv="$OUT/h2/csv"
  local url="jdbc:h2:file:$dir/doanvien;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  log "h2: $H2_MEMBERS members generated in PostgreSQL ($src), copied into an H2 file database"
  rm -rf "$dir"; mkdir -p "$csv"
  if [ "${H2_REUSE:-0}" = 1 ]; then
    log "H2_REUSE=1: reusing the registry already generated in $src"
  else
    create_db $src
    migrate_pg $src
    timed "h2 generate registry+figures in PG $H2_MEMBERS members" h2_source $src
  fi
  local tables="unit unit_link grassroots_union grassroots_union_link member membership_period unit_day_figure unit_month_figure unit_year_figure grassroots_union_month grassroots_union_total unit_dimension_figure startup_task"
  for t in $tables; do
    psqlq -d $src -c "\\copy $t to '$csv/$t.csv' with (format csv, header)"
  done
  # H2 schema by the app's migrations, then the rows by CSVREAD with the app stopped.
  start_app "$url" prod
  stop_app
  {
    echo "set referential_integrity false;"
    for t in $tables; do
      echo "insert into $t select * from csvread('$csv/$t.csv', null, 'charset=UTF-8');"
    done
    echo "alter sequence member_seq restart with $((H2_MEMBERS + 1000));"
    echo "alter sequence membership_period_seq restart with 200000000;"
    echo "alter sequence unit_seq restart with 100000;"
    echo "alter sequence unit_link_seq restart with 100000;"
    echo "alter sequence grassroots_union_seq restart with 1000000;"
    echo "alter sequence grassroots_union_link_seq restart with 1000000;"
    echo "set referential_integrity true;"
  } > "$dir/load.sql"
  local h2jar
  h2jar=$(ls "$APPS"/h2/lib/main/com.h2database.h2-*.jar | head -1)
  timed "h2 load $H2_MEMBERS members from CSV" java -cp "$h2jar" org.h2.tools.RunScript -url "$url" -user sa \
    -script "$dir/load.sql"
  du -sh "$dir" | tee -a "$OUT/run.log"
  measure "H2 $H2_MEMBERS" "$url" prod
  psqlq -d test -c "drop database $src"
  rm -rf "$csv"
}

build
case "${1:-all}" in
  check) check ;;
  pg) pg ;;
  double) double ;;
  dims) dims ;;
  measure) measure "PG $(psqlq -d "$BENCH_DB" -At -c 'select count(*) from member')" \
             "jdbc:postgresql://$PGHOST:5432/$BENCH_DB" pg ;;
  h2) h2 ;;
  all) check; pg; double; h2 ;;
  *) echo "usage: $0 [check|pg|double|measure|h2|all]"; exit 2 ;;
esac
