# Shared by the scripts of bench/stats (sourced): logging in, and starting a packaged app with the recommended JVM
# flags of docs/operations.md (RECOMMENDED, from bench/startup/common.sh).
# shellcheck source=../startup/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../startup/common.sh"

# login <api url> [username] [password]: prints a bearer token (the demo admin unless given).
login() {
  curl -fsS -X POST "$1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"${2:-admin}\",\"password\":\"${3:-admin-demo-2026}\"}" \
    | python3 -c "import sys, json; print(json.load(sys.stdin)['accessToken'])"
}

# pg_options <database>: the options that put a packaged app (pg profile) on a database of 127.0.0.1, demo data off.
pg_options() {
  echo "-Ddoanvien.demo-data.enabled=false -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$1" \
    "-Dquarkus.datasource.username=postgres"
}

# start_app <app dir> <port> <log> [java options...]: starts the packaged app in the current directory with the
# recommended flags (heap -Xmx${XMX:-512m}) and the options given, in the background (its pid in APP_PID), and
# waits up to 10 minutes until it is ready; fails with its log's tail if it dies.
start_app() {
  local app=$1 port=$2 log=$3
  shift 3
  # shellcheck disable=SC2086
  java ${RECOMMENDED/-Xmx512m/-Xmx${XMX:-512m}} "$@" -Dquarkus.http.port="$port" -jar "$app/quarkus-run.jar" \
    > "$log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1200); do
    curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2> /dev/null || { tail -20 "$log"; return 1; }
    sleep 0.5
  done
  return 1
}
