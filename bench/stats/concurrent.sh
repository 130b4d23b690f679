#!/usr/bin/env bash
# Membership statistics and target progress under concurrent clients (issue #19's targets): each case is run by
# wrk with CLIENTS connections (default 8) for DURATION (default 15s) after a WARMUP run, against a running app.
#
#   bench/stats/concurrent.sh [BASE_URL] [LABEL]
#
# Cases: every groupBy at the Confederation (unit 1 of the bench registry) and at a province (PROVINCE, default 2),
# asOf today and asOf a past day (PAST, default 2025-06-17, from PAST_FROM 2025-03-10), and the progress of a
# national target (created once); UNITS adds other units (asOf today). GROUP_BYS limits the groupings (the previous build knows neither SIZE_BAND nor
# NATIONALITY, nor the pairs GENDER_AGE_BAND...); FILTERS adds filtered statistics (where=DIMENSION:VALUE). Prints and appends to OUT (default bench/stats/out/concurrent.tsv): label, case, requests/s, p50,
# p99 (ms), non-2xx answers. Needs curl, python3, wrk.
set -euo pipefail
BASE="${1:-http://127.0.0.1:8185}"
LABEL="${2:-run}"
API="$BASE/api/v1"
CLIENTS="${CLIENTS:-8}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-5s}"
PROVINCE="${PROVINCE:-2}"
PAST="${PAST:-2025-06-17}"
PAST_FROM="${PAST_FROM:-2025-03-10}"
GROUP_BYS="${GROUP_BYS:-CHILD_UNIT PROVINCE OWNERSHIP INVESTOR_COUNTRY INDUSTRY SIZE_BAND GENDER AGE_BAND NATIONALITY GENDER_AGE_BAND OWNERSHIP_INDUSTRY OWNERSHIP_SIZE_BAND}"
# Filtered statistics, GROUPBY@DIMENSION:VALUE each (empty for a build without the where parameter)
FILTERS="${FILTERS-INDUSTRY@OWNERSHIP:FOREIGN_INVESTED AGE_BAND@GENDER:FEMALE OWNERSHIP@SIZE_BAND:1000_AND_OVER}"
# Other units to ask every groupBy of, e.g. UNITS=1001 (an upper-level union of the bench registry)
UNITS="${UNITS:-}"
OUT="${OUT:-$(dirname "$0")/out/concurrent.tsv}"
mkdir -p "$(dirname "$OUT")"

source "$(dirname "$0")/common.sh"
TOKEN=$(login "$API" "${ADMIN_USER:-admin}" "${ADMIN_PASSWORD:-admin-demo-2026}")
TARGET="${TARGET_ID:-$(curl -fsS -H "Authorization: Bearer $TOKEN" "$API/targets?topLevel=true&scopeUnitId=1&size=1" \
  | python3 -c "import sys, json; d = json.load(sys.stdin); print(d['items'][0]['id'] if d['items'] else '')")}"
if [[ -z "$TARGET" ]]; then
  TARGET=$(curl -fsS -X POST "$API/targets" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"Bench national","scopeUnitId":1,"metric":"ACTIVE_MEMBERS","targetValue":15000000,"baselineDate":"2023-12-31","deadline":"2028-12-31"}' \
    | python3 -c "import sys, json; print(json.load(sys.stdin)['id'])")
fi

run() { # run <case> <url>
  local name=$1 url=$2 out
  wrk -t2 -c"$CLIENTS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$url" > /dev/null
  out=$(wrk -t2 -c"$CLIENTS" -d"$DURATION" --timeout "${TIMEOUT:-10s}" --latency -H "Authorization: Bearer $TOKEN" "$url")
  echo "$out" | python3 -c "
import sys, re
t = sys.stdin.read()
def ms(v):
    n, u = float(re.match(r'([\d.]+)', v).group(1)), re.sub(r'[\d.]', '', v)
    return n * {'us': 0.001, 'ms': 1, 's': 1000, 'm': 60000}[u]
p = dict(re.findall(r'^\s+(50|99)%\s+(\S+)', t, re.M))
rps = re.search(r'Requests/sec:\s+([\d.]+)', t).group(1)
bad = re.search(r'Non-2xx or 3xx responses: (\d+)', t)
print('\t'.join(['$LABEL', '$name', rps, '%.1f' % ms(p['50']), '%.1f' % ms(p['99']), bad.group(1) if bad else '0']))
" | tee -a "$OUT"
}

echo "# $(date -u +%FT%TZ) $LABEL base=$BASE clients=$CLIENTS duration=$DURATION target=$TARGET"
run "progress Confederation" "$API/targets/$TARGET/progress"
for g in $GROUP_BYS; do
  run "Confederation $g" "$API/stats/membership?unitId=1&groupBy=$g"
  run "province $g" "$API/stats/membership?unitId=$PROVINCE&groupBy=$g"
  run "Confederation $g asOf $PAST" "$API/stats/membership?unitId=1&groupBy=$g&asOf=$PAST&from=$PAST_FROM"
done
for u in $UNITS; do
  for g in $GROUP_BYS; do
    run "unit $u $g" "$API/stats/membership?unitId=$u&groupBy=$g"
  done
done
for f in $FILTERS; do
  g=${f%%@*}; w=${f#*@}
  run "Confederation $g where $w" "$API/stats/membership?unitId=1&groupBy=$g&where=$w"
  run "province $g where $w" "$API/stats/membership?unitId=$PROVINCE&groupBy=$g&where=$w"
done
