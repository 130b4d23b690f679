#!/usr/bin/env bash
# Times the recruitment, statistics, export and chart endpoints against a running doanvien.
#
#   bench/stats/bench.sh [BASE_URL] [N]
#
# BASE_URL defaults to http://localhost:8080, N (calls per endpoint) to 200. The scope is the Confederation
# (the open unit of kind CONFEDERATION) and one provincial federation (the first one, or PROVINCE_CODE=79 for
# another); TARGET_ID picks the target whose chart is drawn (default: the first top-level target).
# Each endpoint gets 3 warm-up calls, then N sequential calls timed by curl (time_total); the script prints
# median, p99 and max in milliseconds, and fails if any call did not answer 200.
# ONLY / SKIP: extended regular expressions on the endpoint labels below, to time some endpoints only (at national
# scale AGE_BAND takes seconds a call, and the "all rows" CSVs are hundreds of megabytes).
# Needs bash, curl, python3.
set -euo pipefail

BASE="${1:-http://localhost:8080}"
N="${2:-200}"
API="$BASE/api/v1"

json() { python3 -c "import sys, json; d = json.load(sys.stdin); print($1)"; }

# The API needs a bearer token: ADMIN_USER / ADMIN_PASSWORD (default: the demo admin).
source "$(dirname "$0")/common.sh"
TOKEN=$(login "$API" "${ADMIN_USER:-admin}" "${ADMIN_PASSWORD:-admin-demo-2026}")
curl_api() { curl -H "Authorization: Bearer $TOKEN" "$@"; }

ROOT=$(curl_api -fsS "$API/units?kind=CONFEDERATION&size=100" | json "[u['id'] for u in d['items'] if u.get('validTo') is None][0]")
if [[ -n "${PROVINCE_CODE:-}" ]]; then
  PROV=$(curl_api -fsS "$API/units?kind=PROVINCIAL_FEDERATION&provinceCode=$PROVINCE_CODE&size=100" | json "d['items'][0]['id']")
else
  PROV=$(curl_api -fsS "$API/units?kind=PROVINCIAL_FEDERATION&size=1&sort=code" | json "d['items'][0]['id']")
fi
TARGET="${TARGET_ID:-$(curl_api -fsS "$API/targets?topLevel=true&size=1" | json "d['items'][0]['id'] if d['items'] else ''")}"
YEAR=$(date +%Y)
echo "# base=$BASE N=$N confederation=$ROOT province=$PROV target=${TARGET:-none} $(date -u +%FT%TZ)"
printf '%-52s %8s %8s %8s %10s\n' endpoint median_ms p99_ms max_ms bytes

measure() {
  local name="$1" accept="$2" url="$3"
  if [[ -n "${ONLY:-}" ]] && ! [[ "$name" =~ $ONLY ]]; then return 0; fi
  if [[ -n "${SKIP:-}" ]] && [[ "$name" =~ $SKIP ]]; then return 0; fi
  for _ in 1 2 3; do curl_api -sS -o /dev/null -H "Accept: $accept" "$url"; done
  local out
  out=$(for _ in $(seq "$N"); do
    curl_api -sS -o /dev/null -H "Accept: $accept" -w '%{http_code} %{time_total} %{size_download}\n' "$url"
  done)
  echo "$out" | python3 -c "
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
bad = [r for r in rows if r[0] != '200']
if bad:
    sys.exit('$name: %d calls answered %s' % (len(bad), bad[0][0]))
t = sorted(float(r[1]) * 1000 for r in rows)
p99 = t[min(len(t) - 1, int(round(0.99 * len(t) + 0.5)) - 1)]
print('%-52s %8.1f %8.1f %8.1f %10s' % ('$name', t[len(t) // 2], p99, t[-1], rows[-1][2]))
"
}

for scope in "confederation:$ROOT" "province:$PROV"; do
  label="${scope%%:*}"; id="${scope#*:}"
  measure "leads ($label)" application/json "$API/recruitment/leads?unitId=$id"
  measure "coverage ($label)" application/json "$API/recruitment/coverage?unitId=$id"
  for g in CHILD_UNIT PROVINCE OWNERSHIP INVESTOR_COUNTRY INDUSTRY GENDER AGE_BAND; do
    measure "stats $g ($label)" application/json "$API/stats/membership?unitId=$id&groupBy=$g&from=$YEAR-01-01"
  done
  measure "series month, 12 ($label)" application/json "$API/stats/membership/series?unitId=$id"
  measure "series quarter since 2024 ($label)" application/json "$API/stats/membership/series?unitId=$id&from=2024-01&interval=quarter"
  measure "series.svg ($label)" image/svg+xml "$API/stats/membership/series.svg?unitId=$id"
  measure "stats OWNERSHIP csv ($label)" text/csv "$API/stats/membership?unitId=$id&groupBy=OWNERSHIP"
  measure "leads csv, all rows ($label)" text/csv "$API/recruitment/leads?unitId=$id"
done
measure "members csv, all rows (province)" text/csv "$API/members?unitId=$PROV"
measure "enterprises csv, all rows" text/csv "$API/enterprises"
if [[ -n "$TARGET" ]]; then
  measure "target chart.svg" image/svg+xml "$API/targets/$TARGET/chart.svg"
  measure "target series csv" text/csv "$API/targets/$TARGET/series"
fi
