#!/usr/bin/env bash
# Captures the SQL the app runs for each hot read into bench/load/sql/*.sql (pgbench scripts), by turning on
# log_min_duration_statement = 0 for one database of the local PostgreSQL and reading its server log around one
# call of each endpoint (after a first call, so caches are warm as under load). Usage:
#   BENCH_DB=dv_proof_small PORT=8385 bench/load/capture-sql.sh
# Needs a running app on PORT against BENCH_DB (e.g. started by hand as in run.sh), read access to the server
# log (PG_LOG), targets 1 (Confederation), a grassroots union 779 and a member 1234567 (the generated registry
# has them).
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH_DB=${BENCH_DB:-dv_proof_small}
PORT=${PORT:-8385}
PG_LOG=${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
BASE=http://127.0.0.1:$PORT
TMP=$(mktemp -d)
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"admin-demo-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
psql -X -q -d postgres -c "alter database $BENCH_DB set log_min_duration_statement = 0"
trap 'psql -X -q -d postgres -c "alter database $BENCH_DB reset log_min_duration_statement"' EXIT
# NO_WAIT=1 when the app was started after the setting was made by hand (alter database ... set
# log_min_duration_statement = 0): its pooled connections have it already.
if [ "${NO_WAIT:-0}" != 1 ]; then
  echo "restart the app now so that its pooled connections pick the setting up, then press Enter"; read -r
fi
cap() { # name url
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE$2"
  sleep 0.5
  local n; n=$(wc -l < "$PG_LOG")
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE$2"
  sleep 1
  tail -n +$((n + 1)) "$PG_LOG" | awk -v db="$BENCH_DB" '/^[0-9]{4}-/ { keep = index($0, "@" db " ") > 0 } keep' > "$TMP/$1.log"
}
cap member "/api/v1/members/1234567"
cap members "/api/v1/members?grassrootsUnionId=779&size=20"
cap gu "/api/v1/grassroots-unions/779"
cap progress "/api/v1/targets/1/progress"
cap stats "/api/v1/stats/membership?unitId=1&groupBy=CHILD_UNIT"
# Member search by name: the generated members are named "Hội viên <id>"; pgbench searches a random id's name
# (the union names of the page are kept as captured).
cap search "/api/v1/members?q=hoi%20vien%2012345&size=20"
E=bench/load/extract-sql.py
{ echo '\set m random(1, :members)'; python3 $E "$TMP/member.log" --var m=1234567; } > bench/load/sql/member.sql
{ echo '\set gu random(1, :gus)'; python3 $E "$TMP/members.log" --var gu=779; } > bench/load/sql/members-of-union.sql
{ echo '\set gu random(1, :gus)'; python3 $E "$TMP/gu.log" --var gu=779; } > bench/load/sql/grassroots-union.sql
python3 $E "$TMP/progress.log" > bench/load/sql/progress-confederation.sql
python3 $E "$TMP/stats.log" > bench/load/sql/stats-child-unit.sql
{ echo '\set m random(1, :members)'; python3 $E "$TMP/search.log" | sed "s/'%hoi vien 12345%'/'%hoi vien :m%'/g"; } \
  > bench/load/sql/member-search.sql
wc -l bench/load/sql/*.sql
