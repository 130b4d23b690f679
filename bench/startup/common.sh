# Shared by run.sh and restart-pg.sh (sourced): the recommended JVM flags of docs/operations.md, the timing of one
# start, and the summary of a results file.
RECOMMENDED="-XX:+UseSerialGC -Xms64m -Xmx512m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:-ShrinkHeapInSteps -XX:MaxHeapFreeRatio=40 -XX:TrimNativeHeapInterval=1000"

# timed_ready <label> <pid> <started ns> <port> <log>: waits until the app <pid> answers /q/health/ready on <port>
# (polled every 50 ms; exits with its log's tail if it dies), stops it and prints "<label> <ms to ready> <RSS MB>
# <RSS MB two seconds later>" (the periodic native trim of the recommended flags runs once a second).
timed_ready() {
    local label=$1 pid=$2 started=$3 port=$4 log=$5 ms rss settled
    until curl -fs "http://127.0.0.1:${port}/q/health/ready" >/dev/null 2>&1; do
        kill -0 "${pid}" 2>/dev/null || { echo "app died:" >&2; tail -20 "${log}" >&2; exit 1; }
        sleep 0.05
    done
    ms=$(( ($(date +%s%N) - started) / 1000000 ))
    rss=$(( $(awk '/VmRSS/ {print $2}' /proc/${pid}/status) / 1024 ))
    sleep 2
    settled=$(( $(awk '/VmRSS/ {print $2}' /proc/${pid}/status) / 1024 ))
    kill "${pid}"; wait "${pid}" 2>/dev/null || true
    echo "${label} ${ms} ${rss} ${settled}"
}

# summarise <results file> <label width> <labels...>: median, min and max time and median RSS (at ready and two
# seconds later) per label.
summarise() {
    local results=$1 width=$2 label
    shift 2
    for label in "$@"; do
        grep "^${label} " "${results}" | awk -v l="${label}" -v w="${width}" '{t[NR]=$2; r[NR]=$3; s[NR]=$4} END {
            n=asort(t); asort(r); asort(s); m=int((n+1)/2);
            printf "%-*s median %6d ms to ready (min %d, max %d), median RSS %4d MB (2 s later %4d MB), %d runs\n",
                w, l, t[m], t[1], t[n], r[m], s[m], n }'
    done
}
