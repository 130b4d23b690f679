#!/usr/bin/env bash
# Start-up of the packaged application on the embedded H2 database with the demo data (issue 19, item 5): time
# from launching the JVM to /q/health/ready answering 200, and the resident memory (RSS) at that moment, for the
# first start (a new, empty directory: schema, demo registry, figures, demo accounts) and for a restart on the
# database the first start left. Three JVM settings, alternating within each round so that they share the machine's
# state: the JVM's defaults (the baseline), the recommended flags of docs/operations.md, and those flags with the
# AppCDS archive the build writes when asked (-Dquarkus.package.jar.appcds.enabled=true).
# Usage: bench/startup/run.sh [rounds]     (default 3; needs target/quarkus-app built for H2, with app-cds.jsa:
#        ./mvnw -B -DskipTests package -Dquarkus.package.jar.appcds.enabled=true)
# APP=<a quarkus-app directory> measures that build instead of target/quarkus-app.
# BASELINE_APP=<a quarkus-app directory of another build> adds a fourth setting, that build with the recommended
# flags (or BASELINE_FLAGS), to compare two versions of the code in the same rounds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
app=${APP:-$(pwd)/target/quarkus-app}
rounds=${1:-3}
[[ -f "${app}/quarkus-run.jar" ]] || { echo "build first (see the header)" >&2; exit 1; }
[[ -f "${app}/app-cds.jsa" ]] || { echo "no ${app}/app-cds.jsa: build with -Dquarkus.package.jar.appcds.enabled=true" >&2; exit 1; }
port=18091
source bench/startup/common.sh

# start <label> <data dir> <flags...>: prints "<label> <ms to ready> <RSS MB>"
start() {
    local label=$1 dir=$2 from=${app}
    shift 2
    [[ ${label} == baseline-* ]] && from=${BASELINE_APP}
    local started
    started=$(date +%s%N)
    # From the application's directory, as AppCDS needs the class path it was dumped with; the database and the
    # keys in the run's own directory.
    (cd "${from}" && exec java "$@" -Dquarkus.http.port=${port} \
        "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:${dir}/doanvien;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;WRITE_DELAY=0" \
        -Ddoanvien.security.key-dir="${dir}/keys" -jar quarkus-run.jar) >>"${dir}/app.log" 2>&1 &
    timed_ready "${label}" $! "${started}" "${port}" "${dir}/app.log"
}

results=$(mktemp)
for i in $(seq 1 "${rounds}"); do
    for variant in defaults recommended appcds ${BASELINE_APP:+baseline}; do
        case ${variant} in
            defaults) flags=(-Xshare:auto) ;;
            recommended) flags=(${RECOMMENDED}) ;;
            baseline) flags=(${BASELINE_FLAGS:-${RECOMMENDED}}) ;;
            appcds) flags=(${RECOMMENDED} -XX:SharedArchiveFile=app-cds.jsa) ;;
        esac
        dir=$(mktemp -d /tmp/dv-start.XXXXXX)
        start "${variant}-first" "${dir}" "${flags[@]}" | tee -a "${results}"
        start "${variant}-restart" "${dir}" "${flags[@]}" | tee -a "${results}"
        if grep -qi "sharing.*disabled\|unable to use shared archive\|shared class paths mismatch" "${dir}/app.log"; then
            echo "warning: ${variant} did not use the shared archive:" >&2
            grep -i "shar" "${dir}/app.log" >&2 || true
        fi
        rm -rf "${dir}"
    done
done
echo
summarise "${results}" 20 defaults-first recommended-first appcds-first ${BASELINE_APP:+baseline-first} \
    defaults-restart recommended-restart appcds-restart ${BASELINE_APP:+baseline-restart}
rm -f "${results}"
