#!/usr/bin/env bash
# Import and export of a member list of N rows (default 500,000) through the packaged app on PostgreSQL, with the
# app's heap and resident memory sampled while it works, next to PostgreSQL COPY of the same rows (the baseline).
# Usage: bench/imports/run.sh [rows] ; HEAP (default 512m) is the app's -Xmx. See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-500000}
HEAP=${HEAP:-512m}
PORT=${BENCH_PORT:-8183}
DB=${BENCH_DB:-dv_import_bench}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
OUT=bench/imports/out
APP=${APP_PG:-/tmp/dv-import-bench/pg-app}
BASE=http://127.0.0.1:$PORT
mkdir -p "$OUT"

if [ ! -f "$APP/quarkus-run.jar" ]; then
  ./mvnw -B -q -DskipTests package -Dquarkus.profile=pg
  mkdir -p "$APP" && rm -rf "$APP" && cp -r target/quarkus-app "$APP"
fi
if [ ! -f "$OUT/files-$N/list.xlsx" ]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt
  echo "== writing the list of $N rows (XLSX, CSV, COPY file)"
  java -cp "$(cat target/bench-cp.txt)" bench/imports/GenerateList.java "$N" "$OUT/files-$N"
fi
ls -l "$OUT/files-$N"

APP_PID=
start() {
  $PSQL -d postgres -c "drop database if exists $DB" -c "create database $DB"
  DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB java -Xmx$HEAP -Dquarkus.profile=pg -Dquarkus.http.port=$PORT \
    -Ddoanvien.demo-data.enabled=false -jar "$APP/quarkus-run.jar" > "$OUT/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 300); do curl -sf "$BASE/q/health/ready" > /dev/null && break; sleep 1; done
  # heap in use (survivor + eden + old, KB) every 500 ms
  jstat -gc "$APP_PID" 500 > "$OUT/jstat.txt" 2>/dev/null &
  JSTAT_PID=$!
}
stop() {
  kill "$JSTAT_PID" 2>/dev/null || true
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
}
trap 'kill $JSTAT_PID $APP_PID 2>/dev/null || true' EXIT
peak() { # peak heap in use (MB) since the mark, and the process's peak RSS (MB)
  python3 - "$OUT/jstat.txt" "${1:-0}" "$APP_PID" <<'PY'
import sys
lines = [l.split() for l in open(sys.argv[1]) if l.strip() and not l.startswith(' S0C') and not l.lstrip().startswith('S0C')]
head = open(sys.argv[1]).readline().split()
idx = {k: i for i, k in enumerate(head)}
rows = lines[int(sys.argv[2]):]
used = [sum(float(r[idx[k]]) for k in ('S0U', 'S1U', 'EU', 'OU')) / 1024 for r in rows if len(r) == len(head)]
rss = [l for l in open('/proc/%s/status' % sys.argv[3]) if l.startswith('VmHWM')][0].split()[1]
print('%.0f %.0f' % (max(used) if used else 0, int(rss) / 1024))
PY
}
mark() { wc -l < "$OUT/jstat.txt"; }

TOKEN=
login() {
  TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"admin-demo-2026"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["accessToken"])')
}
union() { # a small tree and one grassroots union: its id
  python3 - "$BASE" "$TOKEN" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
def call(path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    return json.loads(urllib.request.urlopen(req).read())
d = "2010-01-01"
root = call("/api/v1/units", {"kind": "CONFEDERATION", "code": "BI-VGCL", "name": "Bench", "validFrom": d})
prov = call("/api/v1/units", {"kind": "PROVINCIAL_FEDERATION", "code": "BI-P", "name": "Bench P", "parentId": root["id"],
                               "provinceCode": "79", "validFrom": d})
upper = call("/api/v1/units", {"kind": "UPPER_LEVEL_UNION", "category": "INDUSTRIAL_ZONE", "code": "BI-U",
                                "name": "Bench U", "parentId": prov["id"], "provinceCode": "79", "validFrom": d})
g = call("/api/v1/grassroots-unions", {"code": "BI-G", "name": "CĐCS bench", "upperLevelUnitId": upper["id"],
                                       "foundedOn": d})
print(g["id"])
PY
}
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
RESULTS=$OUT/results.tsv
echo "# $(date -u +%FT%TZ) rows=$N heap=$HEAP $(nproc) cores" | tee -a "$RESULTS"

for f in list.csv list.xlsx; do
  start; login; G=$(union)
  m=$(mark); t0=$(now)
  job=$(curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$OUT/files-$N/$f" -F "grassrootsUnionId=$G" \
    "$BASE/api/v1/imports" | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
  t1=$(now)
  while true; do
    s=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/imports/$job")
    st=$(echo "$s" | python3 -c 'import sys,json;print(json.load(sys.stdin)["status"])')
    [ "$st" != RUNNING ] && break
    sleep 2
  done
  t2=$(now)
  read -r heap rss < <(peak "$m")
  echo "$s" > "$OUT/job-$f.json"
  printf 'import %s\trows=%s\tupload+check %ss\tjob %ss\ttotal %ss\trows/s %.0f\tpeak heap %s MB\tpeak RSS %s MB\t%s\n' \
    "$f" "$N" "$(secs $t0 $t1)" "$(secs $t1 $t2)" "$(secs $t0 $t2)" "$(awk -v n=$N -v a=$t0 -v b=$t2 'BEGIN{print n/(b-a)}')" \
    "$heap" "$rss" "$(echo "$s" | python3 -c 'import sys,json;j=json.load(sys.stdin);print(j["status"], "created", j["created"], "rejected", j["rejected"])')" \
    | tee -a "$RESULTS"
  if [ "$f" = list.xlsx ]; then
    for fmt in csv xlsx; do
      m=$(mark); t0=$(now)
      curl -sf -H "Authorization: Bearer $TOKEN" -o "$OUT/export.$fmt" \
        "$BASE/api/v1/members?grassrootsUnionId=$G&format=$fmt"
      t1=$(now)
      read -r heap rss < <(peak "$m")
      printf 'export %s\trows=%s\t%ss\trows/s %.0f\t%s bytes\tpeak heap %s MB\tpeak RSS %s MB\n' "$fmt" "$N" "$(secs $t0 $t1)" \
        "$(awk -v n=$N -v a=$t0 -v b=$t1 'BEGIN{print n/(b-a)}')" "$(stat -c %s "$OUT/export.$fmt")" "$heap" "$rss" \
        | tee -a "$RESULTS"
    done
    t0=$(now)
    $PSQL -d "$DB" -c "\\copy (select id, full_name, date_of_birth, gender, national_id, phone, joined_on from member where grassroots_union_id = $G) to '$OUT/copy-out.csv' with (format csv, header)"
    t1=$(now)
    printf 'baseline COPY TO (same rows, same columns)\trows=%s\t%ss\trows/s %.0f\n' "$N" "$(secs $t0 $t1)" \
      "$(awk -v n=$N -v a=$t0 -v b=$t1 'BEGIN{print n/(b-a)}')" | tee -a "$RESULTS"
    rm -f "$OUT/export.csv" "$OUT/export.xlsx" "$OUT/copy-out.csv"
  fi
  stop
done

echo "== baseline: COPY of the same rows into a table of their columns, unique CCCD index in place"
$PSQL -d "$DB" -c "create table import_baseline (stt int, full_name varchar(255), date_of_birth date,
  gender varchar(8), nationality varchar(2), national_id varchar(12) unique, phone varchar(20), joined_on date)"
t0=$(now)
$PSQL -d "$DB" -c "\\copy import_baseline from '$OUT/files-$N/copy.csv'"
t1=$(now)
printf 'baseline COPY FROM (same rows)\trows=%s\t%ss\trows/s %.0f\n' "$N" "$(secs $t0 $t1)" \
  "$(awk -v n=$N -v a=$t0 -v b=$t1 'BEGIN{print n/(b-a)}')" | tee -a "$RESULTS"
