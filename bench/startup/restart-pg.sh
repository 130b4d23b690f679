#!/usr/bin/env bash
# Restart to ready on a populated PostgreSQL database (the 15 M registry of bench/progress/run.sh pg): the packaged
# app built for PostgreSQL is started on it again and again, alternating three JVM settings (the JVM's defaults, the
# recommended flags of docs/operations.md, those flags with the AppCDS archive), and the time from launching the JVM
# to /q/health/ready answering 200 (polled every 50 ms) and the resident memory then are recorded.
#
#   ./mvnw -B -DskipTests package -Dquarkus.profile=pg -Dquarkus.package.jar.appcds.enabled=true
#   BENCH_DB=dv_bench_data bench/startup/restart-pg.sh 3
#
# The AppCDS archive is written by the build, which starts the app once against the pg profile's database
# (127.0.0.1:5432/test). Settings: BENCH_DB (dv_bench_data), APP (target/quarkus-app), PORT (18095), KEYS (the key
# directory the database was written with, data/keys of the checkout that ran bench/progress; a fresh one when
# unset: nothing at start reads personal data, so the time is the same).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
app=${APP:-$(pwd)/target/quarkus-app}
rounds=${1:-3}
db=${BENCH_DB:-dv_bench_data}
port=${PORT:-18095}
keys=${KEYS:-$(mktemp -d /tmp/dv-restart-keys.XXXXXX)}
[[ -f "${app}/quarkus-run.jar" ]] || { echo "build first (see the header)" >&2; exit 1; }
[[ -f "${app}/app-cds.jsa" ]] || { echo "no ${app}/app-cds.jsa: build with -Dquarkus.package.jar.appcds.enabled=true" >&2; exit 1; }
source bench/startup/common.sh
log=$(mktemp /tmp/dv-restart.XXXXXX.log)

start() {
    local label=$1 started
    shift
    started=$(date +%s%N)
    (cd "${app}" && exec java "$@" -Dquarkus.http.port="${port}" -Dquarkus.profile=pg \
        -Ddoanvien.demo-data.enabled=false -Ddoanvien.security.key-dir="${keys}" \
        "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/${db}" -jar quarkus-run.jar) >>"${log}" 2>&1 &
    timed_ready "${label}" $! "${started}" "${port}" "${log}"
}

# one start first, not counted: the database's pages into the OS cache as on a server that restarts
start warm-up ${RECOMMENDED} >/dev/null
results=$(mktemp)
for i in $(seq 1 "${rounds}"); do
    start defaults -Xshare:auto | tee -a "${results}"
    start recommended ${RECOMMENDED} | tee -a "${results}"
    start appcds ${RECOMMENDED} -XX:SharedArchiveFile=app-cds.jsa | tee -a "${results}"
done
if grep -qi "unable to use shared archive\|shared class paths mismatch" "${log}"; then
    echo "warning: the AppCDS runs did not use the archive:" >&2
    grep -i "shar" "${log}" >&2 || true
fi
echo
summarise "${results}" 12 defaults recommended appcds
grep -o "started in [0-9.]*s" "${log}" | tail -3
rm -f "${results}"
