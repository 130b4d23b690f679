#!/usr/bin/env bash
# Load benchmark: the three user types at once against the packaged app on PostgreSQL (one wrk process per
# type: mobile reads, mobile joins, bulk sync, analysts), then each hot read alone next to pgbench running the
# same SQL (the ceiling), plus startup time and resident memory. See README.md. Usage:
#   bench/load/run.sh            uses $BENCH_DB (default dv_proof_load), which must hold a registry made by
#                                bench/progress/run.sh pg (a copy of dv_bench_data, or a smaller one)
# Settings (environment): BENCH_DB, PORT (8383), DURATION (60s, the mixed run), SOLO (30s, each solo run),
# connections per type MOBILE_C (8), JOIN_C (2), SYNC_C (2), ANALYST_C (4), SOLO_C (8), SYNC_BATCH (100),
# KEYS (bench/load/keys-$BENCH_DB), NATIONAL_STATS (1: analysts also ask statistics by child unit at the Confederation), APP (/tmp/dv-faults/pg:
# the packaged app, built with -Dquarkus.profile=pg if missing), OUT (bench/load/out).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BENCH_DB=${BENCH_DB:-dv_proof_load}
PORT=${PORT:-8383}
DURATION=${DURATION:-60s}
SOLO=${SOLO:-30s}
MOBILE_C=${MOBILE_C:-8}
JOIN_C=${JOIN_C:-2}
SYNC_C=${SYNC_C:-2}
ANALYST_C=${ANALYST_C:-4}
SOLO_C=${SOLO_C:-8}
SYNC_BATCH=${SYNC_BATCH:-100}
APP=${APP:-/tmp/dv-faults/pg}
OUT=${OUT:-$ROOT/bench/load/out}
RUN=${RUN:-$(( $(date +%s) % 100 ))}
# Keys of the app (token signing, personal data): keep the same ones for every run on a database, or members
# synced by an earlier run could not be decrypted.
KEYS=${KEYS:-$ROOT/bench/load/keys-$BENCH_DB}
BASE=http://127.0.0.1:$PORT
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
for tool in wrk pgbench psql curl python3; do
  command -v "$tool" > /dev/null || { echo "$tool is missing (wrk: apt-get install wrk)" >&2; exit 1; }
done
mkdir -p "$OUT"
: > "$OUT/results.jsonl"
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log"; }
record() { echo "$1" >> "$OUT/results.jsonl"; }

if [ ! -f "$APP/quarkus-run.jar" ]; then
  ./mvnw -B -q package -DskipTests -Dquarkus.profile=pg
  rm -rf "$APP" && mkdir -p "$(dirname "$APP")" && cp -r target/quarkus-app "$APP"
fi

# The app: X-Forwarded-For is honoured (as behind a reverse proxy), so joins can come from many client
# addresses and the per-address join limit (10 per 15 minutes) applies per simulated phone, not to the
# benchmark as a whole. Tokens live two hours so one login lasts the run.
APP_PID=
stop_app() { if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2> /dev/null; then kill "$APP_PID"; wait "$APP_PID" || true; fi; }
trap stop_app EXIT
log "starting the app on $BENCH_DB"
T0=$(date +%s.%N)
(cd "$OUT" && exec java -Xmx2g -Dquarkus.profile=pg -Dquarkus.http.port="$PORT" -Ddoanvien.demo-data.enabled=false \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:5432/$BENCH_DB" -Ddoanvien.security.key-dir="$KEYS" \
  -Dquarkus.http.proxy.proxy-address-forwarding=true -Dquarkus.http.proxy.allow-x-forwarded=true \
  -Ddoanvien.security.token.access-lifetime=PT2H -jar "$APP/quarkus-run.jar" > "$OUT/app.log" 2>&1) &
APP_PID=$!
until curl -sf "$BASE/q/health/ready" > /dev/null 2>&1; do
  kill -0 "$APP_PID" 2> /dev/null || { tail -20 "$OUT/app.log"; exit 1; }
  sleep 0.2
done
JPID=$(pgrep -P "$APP_PID" java || echo "$APP_PID")
STARTUP=$(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
RSS_START=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/"$JPID"/status)
QUARKUS_STARTED=$(grep -o 'started in [0-9.]*s' "$OUT/app.log" | head -1)
log "ready after $STARTUP s (Quarkus: $QUARKUS_STARTED), RSS $RSS_START MB"
record "{\"startupSeconds\":$STARTUP,\"quarkus\":\"$QUARKUS_STARTED\",\"rssAtStartMB\":$RSS_START}"

TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"admin-demo-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
AUTH=(-H "Authorization: Bearer $TOKEN")
post() { curl -sf -X POST "$BASE$1" "${AUTH[@]}" -H 'Content-Type: application/json' -d "$2"; }
jid() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }

# What the generator made: grassroots unions 1..GUS under upper-level unions 1001..; the Confederation is unit 1,
# a provincial federation unit 2.
GUS=$(psql -X -At -d "$BENCH_DB" -c "select max(id) from grassroots_union where id < 1000000")
ULUS=$(psql -X -At -d "$BENCH_DB" -c "select count(*) from unit where kind = 'UPPER_LEVEL_UNION'")
MEMBERS=$(psql -X -At -d "$BENCH_DB" -c "select count(*) from member")
# Members 1..MEMBER_IDS are the generator's (those synced by earlier runs come after a gap).
MEMBER_IDS=$(psql -X -At -d "$BENCH_DB" -c "select max(id) from member where identity_key like 'BENCH:%'")
log "registry: $MEMBERS members, $GUS grassroots unions, $ULUS upper-level unions"
CONFED_T=$(post /api/v1/targets '{"name":"Load confederation","scopeUnitId":1,"metric":"ACTIVE_MEMBERS","targetValue":15000000,"baselineDate":"2023-12-31","deadline":"2028-12-31"}' | jid)
PROV_T=$(post /api/v1/targets '{"name":"Load province","scopeUnitId":2,"metric":"ACTIVE_MEMBERS","targetValue":300000,"baselineDate":"2023-12-31","deadline":"2028-12-31"}' | jid)
# Enterprises for join requests (the generated registry has none): 20 under upper-level union 1001.
TAX_CODES=
for i in $(seq 1 20); do
  tc=$(printf '9%02d%07d' "$RUN" "$i")
  post /api/v1/enterprises "{\"taxCode\":\"$tc\",\"name\":\"Công ty thử tải $RUN-$i\",\"ownership\":\"PRIVATE\",\"industry\":\"C\",\"provinceCode\":\"79\",\"upperLevelUnitId\":1001}" > /dev/null
  TAX_CODES=${TAX_CODES:+$TAX_CODES,}$tc
done
# Bulk sync goes to upper-level union 1001's grassroots unions (1, 1 + ULUS, 1 + 2 ULUS, ...).
SYNC_GUS=$(psql -X -At -d "$BENCH_DB" -c "select string_agg(id::text, ',') from (select id from grassroots_union where upper_level_unit_id = 1001 order by id limit 50) g")
ANALYST_PATHS="/api/v1/targets/$CONFED_T/progress|/api/v1/targets/$PROV_T/progress|/api/v1/stats/membership?unitId=2&groupBy=CHILD_UNIT|/api/v1/stats/membership?unitId=2&groupBy=PROVINCE|/api/v1/stats/membership?unitId=1001&groupBy=GENDER"
# The national statistics by child unit (over all 130,000 grassroots unions) can be left out (NATIONAL_STATS=0):
# at 15M members it does not finish within the 60 s transaction timeout under load (see RESULTS.md).
if [ "${NATIONAL_STATS:-1}" = 1 ]; then
  ANALYST_PATHS="$ANALYST_PATHS|/api/v1/stats/membership?unitId=1&groupBy=CHILD_UNIT"
fi
export TOKEN GUS MEMBER_IDS TAX_CODES SYNC_GUS SYNC_BATCH RUN ANALYST_PATHS
export SYNC_ULU=1001
log "targets $CONFED_T (Confederation) and $PROV_T (unit 2); analyst paths: $ANALYST_PATHS"

wrk_type() { # type connections duration label phase (warm-up 1, mixed 2: national IDs and keys differ)
  PHASE=$5 USER_TYPE=$1 wrk -t1 -c"$2" -d"$3" --timeout 30s -s bench/load/load.lua "$BASE" > "$OUT/wrk-$1-$4.txt" 2>&1
}

log "warm-up: 15 s of every type"
PIDS=()
for t in mobile analyst sync; do wrk_type $t 2 15s warmup 1 & PIDS+=($!); done
wait "${PIDS[@]}"

uptime | tee -a "$OUT/run.log"
log "mixed run: mobile $MOBILE_C, join $JOIN_C, sync $SYNC_C, analyst $ANALYST_C connections, $DURATION"
(sleep $(( ${DURATION%s} / 2 )); uptime > "$OUT/uptime-mid.txt") & PIDS=($!)
wrk_type mobile "$MOBILE_C" "$DURATION" mixed 2 & PIDS+=($!)
wrk_type join "$JOIN_C" "$DURATION" mixed 2 & PIDS+=($!)
wrk_type sync "$SYNC_C" "$DURATION" mixed 2 & PIDS+=($!)
wrk_type analyst "$ANALYST_C" "$DURATION" mixed 2 & PIDS+=($!)
wait "${PIDS[@]}"
LOAD_MID=$(cat "$OUT/uptime-mid.txt")
log "load average during the mixed run: $LOAD_MID"
for t in mobile join sync analyst; do
  line=$(grep '^RESULT' "$OUT/wrk-$t-mixed.txt" | sed 's/^RESULT //')
  record "{\"run\":\"mixed\",${line#\{}"
  log "mixed $t: $line"
done
RSS_AFTER=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/"$JPID"/status)
RSS_PEAK=$(awk '/VmHWM/ {print int($2 / 1024)}' /proc/"$JPID"/status)
record "{\"rssAfterMixedMB\":$RSS_AFTER,\"rssPeakMB\":$RSS_PEAK,\"uptimeMid\":\"$LOAD_MID\"}"
log "RSS after the mixed run $RSS_AFTER MB, peak $RSS_PEAK MB"

# Ceiling: each hot read alone through the API, then pgbench running the SQL the app ran for it
# (sql/*.sql, captured by capture-sql.sh), same number of clients.
solo() { # name path pgbench-script
  ANALYST_PATHS=$2 USER_TYPE=analyst wrk -t1 -c"$SOLO_C" -d"$SOLO" --timeout 30s -s bench/load/load.lua "$BASE" \
    > "$OUT/wrk-solo-$1.txt" 2>&1
  local api pg
  api=$(grep '^RESULT' "$OUT/wrk-solo-$1.txt" | sed 's/^RESULT //')
  pgbench -n -c "$SOLO_C" -j 1 -T "${SOLO%s}" -D gus="$GUS" -D members="$MEMBER_IDS" -f "bench/load/sql/$3" "$BENCH_DB" > "$OUT/pgbench-$1.txt" 2>&1
  pg=$(grep -o 'tps = [0-9.]*' "$OUT/pgbench-$1.txt" | head -1 | cut -d' ' -f3)
  local pglat
  pglat=$(grep -o 'latency average = [0-9.]*' "$OUT/pgbench-$1.txt" | cut -d' ' -f4)
  record "{\"run\":\"solo\",\"endpoint\":\"$1\",\"api\":$api,\"pgbenchTps\":$pg,\"pgbenchLatencyMs\":$pglat}"
  log "solo $1: API $(echo "$api" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["rps"], "req/s, p50", r["p50ms"], "ms, p99", r["p99ms"], "ms")'); pgbench $pg tps ($pglat ms)"
}
uptime | tee -a "$OUT/run.log"
solo member "/api/v1/members/{m}" member.sql
solo grassroots-union "/api/v1/grassroots-unions/{gu}" grassroots-union.sql
solo members-of-union "/api/v1/members?grassrootsUnionId={gu}&size=20" members-of-union.sql
solo progress-confederation "/api/v1/targets/$CONFED_T/progress" progress-confederation.sql
solo stats-child-unit "/api/v1/stats/membership?unitId=1&groupBy=CHILD_UNIT" stats-child-unit.sql
# Member search by name needs the trigram index, which bench/progress/run.sh builds only with TRGM=1.
if [ "$(psql -X -At -d "$BENCH_DB" -c "select count(*) from pg_indexes where indexname = 'ix_member_search_trgm'")" = 1 ]; then
  solo member-search "/api/v1/members?q=hoi%20vien%20{m}&size=20" member-search.sql
else
  log "solo member-search skipped: no trigram index on member.search_text (generate with TRGM=1)"
fi
uptime | tee -a "$OUT/run.log"

# Each analyst request alone, one after another (3 calls each, the last two after the first warmed it up),
# to show which of them the analysts' figure of the mixed run waits on.
IFS='|' read -ra APATHS <<< "$ANALYST_PATHS"
for p in "${APATHS[@]}"; do
  times=$(for _ in 1 2 3; do curl -s -o /dev/null -w '%{time_total} ' "${AUTH[@]}" "$BASE$p"; done)
  record "{\"run\":\"analyst-alone\",\"path\":\"$p\",\"seconds\":\"${times% }\"}"
  log "alone $p: $times s"
done
uptime | tee -a "$OUT/run.log"
log "results in $OUT/results.jsonl"
