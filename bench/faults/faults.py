#!/usr/bin/env python3
"""Fault injection against the packaged application (see README.md). Scenarios:

  kill-sync    SIGKILL the app while clients send POST /api/v1/sync/members batches, restart, check
  kill-import  SIGKILL the app while a file import job runs, restart, check it resumes and finishes
  db-restart   restart PostgreSQL (own cluster) while clients send sync batches, check 5xx then recovery

Each scenario prints what it observed and ends with a JSON line of figures; it exits non-zero when a check
fails. The database is inspected with psql (PostgreSQL) or H2's Shell (H2, only while the app is stopped).
"""
import argparse, datetime, http.client, json, os, random, signal, subprocess, sys, threading, time

ADMIN = {"username": os.environ.get("ADMIN_USER", "admin"),
         "password": os.environ.get("ADMIN_PASSWORD", "admin-demo-2026")}
FIRST = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Xuân"]
LAST = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phúc", "Tâm"]
FAILED = []


def log(msg):
    print(f"[{datetime.datetime.now().strftime('%H:%M:%S')}] {msg}", flush=True)


def check(ok, what):
    log(("PASS " if ok else "FAIL ") + what)
    if not ok:
        FAILED.append(what)


class App:
    """The packaged app as a child process: start, wait until ready, SIGKILL or stop."""

    def __init__(self, a):
        self.a, self.proc, self.n = a, None, 0

    def start(self, *extra):
        self.n += 1
        self.log = os.path.join(self.a.out, f"{self.a.scenario}-{self.a.db}-app-{self.n}.log")
        cmd = ["java", "-Xmx1g", f"-Dquarkus.http.port={self.a.port}", "-Ddoanvien.demo-data.enabled=false",
               f"-Ddoanvien.security.key-dir={self.a.out}/keys", f"-Dquarkus.datasource.jdbc.url={self.a.jdbc}",
               *(["-Dquarkus.profile=pg"] if self.a.db == "pg" else []), *extra, "-jar", self.a.jar]
        t0 = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdout=open(self.log, "w"), stderr=subprocess.STDOUT, cwd=self.a.out)
        while time.monotonic() - t0 < 300:
            if self.proc.poll() is not None:
                sys.exit(f"app exited, see {self.log}")
            try:
                if http_call(self.a, "GET", "/q/health/ready", timeout=2)[0] == 200:
                    log(f"app started (pid {self.proc.pid}) in {time.monotonic() - t0:.1f} s, log {self.log}")
                    return
            except OSError:
                pass
            time.sleep(0.3)
        sys.exit("app not ready after 300 s")

    def kill9(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        log(f"app killed with SIGKILL (pid {self.proc.pid})")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait()

    def logged(self, text):
        with open(self.log, encoding="utf-8", errors="replace") as f:
            return [line.rstrip() for line in f if text in line]


TOKEN = [None]


def http_call(a, method, path, body=None, key=None, timeout=120, ctype="application/json", auth=True):
    """One request; returns (status, headers, parsed body). Raises OSError on connection failures."""
    conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=timeout)
    try:
        data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        headers = {"Content-Type": ctype}
        if key:
            headers["Idempotency-Key"] = key
        if auth and TOKEN[0]:
            headers["Authorization"] = "Bearer " + TOKEN[0]
        conn.request(method, path, body=data, headers=headers)
        r = conn.getresponse()
        raw = r.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")
        return r.status, {k.lower(): v for k, v in r.getheaders()}, parsed
    finally:
        conn.close()


def api(a, method, path, body=None, key=None):
    status, _, parsed = http_call(a, method, path, body, key)
    if status >= 300:
        sys.exit(f"{method} {path}: {status} {parsed}")
    return parsed


def login(a):
    TOKEN[0] = None
    TOKEN[0] = api(a, "POST", "/api/v1/auth/token", ADMIN)["accessToken"]


def setup_tree(a, run, unions):
    """A federation, an upper-level union and grassroots unions under the (created or existing) Confederation."""
    day = "2020-01-01"
    page = api(a, "GET", "/api/v1/units?kind=CONFEDERATION&size=1")
    root = page["items"][0]["id"] if page["items"] else api(a, "POST", "/api/v1/units", {
        "kind": "CONFEDERATION", "code": "VGCL", "name": "Tổng Liên đoàn Lao động Việt Nam", "validFrom": day})["id"]
    prov = api(a, "POST", "/api/v1/units", {"kind": "PROVINCIAL_FEDERATION", "code": f"F{run}-P",
                                            "name": f"Liên đoàn Lao động thử {run}", "parentId": root,
                                            "provinceCode": "79", "validFrom": day})["id"]
    upper = api(a, "POST", "/api/v1/units", {"kind": "UPPER_LEVEL_UNION", "category": "INDUSTRIAL_ZONE",
                                             "code": f"F{run}-U", "name": f"Công đoàn KCN thử {run}",
                                             "parentId": prov, "provinceCode": "79", "validFrom": day})["id"]
    gus = [api(a, "POST", "/api/v1/grassroots-unions", {"code": f"F{run}-G{i}", "name": f"CĐCS thử {run}-{i}",
                                                          "upperLevelUnitId": upper, "foundedOn": day})["id"]
           for i in range(unions)]
    log(f"tree: Confederation {root}, federation {prov}, upper-level union {upper}, {len(gus)} grassroots unions")
    return prov, upper, gus


def person(run, n, gus, rnd):
    """The n-th synthetic member of a run: a unique national ID, deterministic fields."""
    return {"fullName": f"{rnd.choice(FIRST)} {rnd.choice(MIDDLE)} {rnd.choice(LAST)}",
            "dateOfBirth": (datetime.date(1970, 1, 1) + datetime.timedelta(days=n % 9000)).isoformat(),
            "gender": "FEMALE" if n % 2 else "MALE",
            "nationalId": f"0{run % 100:02d}{n:09d}",
            "grassrootsUnionId": gus[n % len(gus)],
            "joinedOn": (datetime.date(2021, 1, 1) + datetime.timedelta(days=n % 1400)).isoformat()}


# ---------------------------------------------------------------------------------------------- database


def sql(a, query):
    """Rows of a query as lists of strings. H2 is read with its Shell, so only while the app is stopped."""
    if a.db == "pg":
        out = subprocess.run(["psql", "-X", "-h", "127.0.0.1", "-p", str(a.pg_port), "-U", "postgres", "-d",
                              a.pg_db, "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", query],
                             check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]
    out = subprocess.run(["java", "-cp", a.h2jar, "org.h2.tools.Shell", "-url", a.jdbc, "-user", "sa",
                          "-password", "", "-sql", query], check=True, capture_output=True, text=True).stdout
    lines = [line for line in out.splitlines() if " | " in line or line.strip()]
    # The first line is the header; rows follow, columns separated by " | "; a "(n rows)" footer may follow.
    return [[c.strip() for c in line.split("|")] for line in lines[1:] if not line.startswith("(")]


def scalar(a, query):
    return int(sql(a, query)[0][0])


def members_by_prefix(a, upper, prefix_len, like):
    """Members per externalId prefix (the batch), for the members of one run."""
    rows = sql(a, f"select left(external_id, {prefix_len}), count(*) from member where external_owner_id = {upper}"
                  f" and external_id like '{like}%' group by left(external_id, {prefix_len})")
    return {r[0]: int(r[1]) for r in rows}


def duplicates(a, upper, like):
    """(rows, distinct external ids, distinct national ID hashes, membership periods) of a run's members."""
    r = sql(a, f"select count(*), count(distinct external_id), count(distinct national_id_hash), "
               f"(select count(*) from membership_period p join member m2 on m2.id = p.member_id "
               f"where m2.external_owner_id = {upper} and m2.external_id like '{like}%') "
               f"from member where external_owner_id = {upper} and external_id like '{like}%'")[0]
    return [int(x) for x in r]


def active_in_upper(a, upper):
    return scalar(a, f"select count(*) from member m join grassroots_union g on g.id = m.grassroots_union_id "
                     f"where g.upper_level_unit_id = {upper} and m.status = 'ACTIVE'")


def figures_check(a, app, label):
    """Restart with doanvien.figures.on-start=check and read its verdict (app left running)."""
    app.start("-Ddoanvien.figures.on-start=check")
    ok = app.logged("stored figures match a recount")
    bad = app.logged("rows differ from a recount")
    check(bool(ok) and not bad, f"{label}: figures check at start: {(ok or bad or ['no verdict logged'])[0][-90:]}")
    return bool(ok) and not bad


def api_vs_sql(a, app, upper, label, stop_after=True):
    """Membership statistics of the upper-level union (maintained figures) against a count of members."""
    login(a)
    stats = api(a, "GET", f"/api/v1/stats/membership?unitId={upper}&groupBy=CHILD_UNIT")
    api_total = stats["total"]["activeMembers"]
    if a.db == "h2":
        app.stop()
    counted = active_in_upper(a, upper)
    check(api_total == counted, f"{label}: stats total activeMembers {api_total} == SQL count of active members "
                                f"{counted}")
    return api_total, counted


# ---------------------------------------------------------------------------------------------- scenarios


def make_batches(run, gus, upper, batches, size):
    rnd = random.Random(run)
    out = []
    for b in range(batches):
        items = []
        for i in range(size):
            m = person(run, b * size + i, gus, rnd)
            m["externalId"] = f"s{run}b{b:04d}i{i:04d}"
            items.append(m)
        out.append({"upperLevelUnitId": upper, "members": items})
    return out


def kill_sync(a, app):
    run = a.run
    app.start()
    login(a)
    _, upper, gus = setup_tree(a, run, 20)
    batches = make_batches(run, gus, upper, a.batches, a.batch)
    prefix = f"s{run}b"
    plen = len(prefix) + 4
    key = lambda b: f"faults-{run}-{b}"
    outcome = {}  # batch -> "200" | "error: ..." | other status
    lock = threading.Lock()
    nxt = [0]

    def client():
        while True:
            with lock:
                b = nxt[0]
                nxt[0] += 1
            if b >= len(batches):
                return
            try:
                status, _, body = http_call(a, "POST", "/api/v1/sync/members", batches[b], key(b))
                res = str(status) if status != 200 or body["rejected"] == 0 else "200-with-rejections"
            except OSError as e:
                res = f"error: {type(e).__name__}"
            with lock:
                outcome[b] = res
            if res.startswith("error"):
                return  # the app is gone: this client stops

    threads = [threading.Thread(target=client) for _ in range(a.clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    while sum(1 for v in outcome.values() if v == "200") < a.kill_after:
        time.sleep(0.02)
    app.kill9()
    for t in threads:
        t.join()
    ok200 = sorted(b for b, v in outcome.items() if v == "200")
    errors = sorted(b for b, v in outcome.items() if v.startswith("error"))
    # 409 is the documented answer when concurrent writers collide at the database (on H2 the figures' MERGE
    # is not atomic): nothing of the batch is written and the client retries it. Anything else is a failure.
    conflicts = sorted(b for b, v in outcome.items() if v == "409")
    others = {b: v for b, v in outcome.items() if v not in ("200", "409") and not v.startswith("error")}
    log(f"before the kill: {len(ok200)} batches answered 200 in {time.monotonic() - t0:.1f} s; in flight "
        f"(connection lost): {errors}; 409 (concurrent writers, retry): {conflicts}; other answers: {others}; "
        f"never sent: {len(batches) - len(outcome)}")
    check(not others, "no batch got an answer other than 200 or 409 before the kill")

    counts = members_by_prefix(a, upper, plen, prefix)
    per = {b: counts.get(f"{prefix}{b:04d}", 0) for b in range(len(batches))}
    check(all(per[b] == a.batch for b in ok200), f"every batch answered 200 is fully present "
                                                 f"({sum(per[b] for b in ok200)} members in {len(ok200)} batches)")
    inflight = {b: per[b] for b in errors}
    check(all(v in (0, a.batch) for v in inflight.values()),
          f"each batch in flight is all or nothing: members present per batch {inflight}")
    check(all(per[b] == 0 for b in conflicts), f"batches answered 409 wrote nothing: {[per[b] for b in conflicts]}")
    unsent = [b for b in range(len(batches)) if b not in outcome]
    check(all(per[b] == 0 for b in unsent), "batches never sent are absent")
    present_after_kill = sum(per.values())

    app.start("-Ddoanvien.figures.on-start=check")
    figures_after_crash = bool(app.logged("stored figures match a recount")) and not app.logged("rows differ")
    check(figures_after_crash, "figures equal a recount right after the crash (check at restart)")
    login(a)
    replayed = created = unchanged = 0
    statuses = {}
    for b in range(len(batches)):
        status, headers, body = http_call(a, "POST", "/api/v1/sync/members", batches[b], key(b))
        statuses[status] = statuses.get(status, 0) + 1
        if status == 200 and headers.get("idempotent-replayed") == "true":
            replayed += 1
        elif status == 200:
            created += body["created"]
            unchanged += body["unchanged"]
    committed_batches = sum(1 for b in range(len(batches)) if per[b] == a.batch)
    log(f"re-sent all {len(batches)} batches with the same keys: statuses {statuses}, replayed {replayed}, "
        f"members created {created}, unchanged {unchanged}")
    check(statuses == {200: len(batches)}, "every re-sent batch answered 200")
    check(replayed == committed_batches, f"the {committed_batches} committed batches were replayed (stored "
                                         f"answers), not run again: {replayed}")
    check(created == a.batches * a.batch - present_after_kill,
          f"the re-send created exactly the missing members: {created} == {a.batches * a.batch} - "
          f"{present_after_kill}")
    total_api, total_sql = api_vs_sql(a, app, upper, "kill-sync")
    app.stop()
    rows, distinct_ext, distinct_nid, periods = duplicates(a, upper, prefix)
    n = a.batches * a.batch
    check(rows == distinct_ext == distinct_nid == periods == n,
          f"exactly {n} members, no duplicates: rows {rows}, distinct externalIds {distinct_ext}, distinct "
          f"national IDs {distinct_nid}, membership periods {periods}")
    final_figures = figures_check(a, app, "kill-sync after re-send")
    app.stop()
    return {"scenario": "kill-sync", "db": a.db, "batches": a.batches, "batchSize": a.batch, "clients": a.clients,
            "answered200BeforeKill": len(ok200), "answered409BeforeKill": len(conflicts),
            "inFlightAtKill": len(errors),
            "inFlightPresent": sum(1 for v in inflight.values() if v == a.batch),
            "inFlightAbsent": sum(1 for v in inflight.values() if v == 0), "neverSent": len(unsent),
            "membersPresentAfterKill": present_after_kill, "resendReplayed": replayed, "resendCreated": created,
            "finalMembers": rows, "distinctExternalIds": distinct_ext, "distinctNationalIds": distinct_nid,
            "statsActiveMembers": total_api, "sqlActiveMembers": total_sql,
            "figuresMatchAfterCrash": figures_after_crash, "figuresMatchAtEnd": final_figures}


def kill_import(a, app):
    run = a.run
    app.start()
    login(a)
    _, upper, gus = setup_tree(a, run, 20)
    rnd = random.Random(run)
    prefix = f"m{run}r"
    lines = ["externalId,fullName,nationalId,gender,dateOfBirth,grassrootsUnionId,joinedOn"]
    for n in range(a.rows):
        m = person(run, 500_000_000 + n, gus, rnd)
        lines.append(f"{prefix}{n:06d},{m['fullName']},{m['nationalId']},{m['gender']},{m['dateOfBirth']},"
                     f"{m['grassrootsUnionId']},{m['joinedOn']}")
    csv = ("\n".join(lines) + "\n").encode()
    log(f"CSV of {a.rows} rows, {len(csv) / 1e6:.2f} MB")
    path = f"/api/v1/imports?upperLevelUnitId={upper}&fileName=faults-{run}.csv"
    status, headers, job = http_call(a, "POST", path, csv, f"import-{run}", ctype="text/csv")
    check(status == 202, f"import accepted: {status}")
    jid = job["id"]
    seen = []
    while True:
        j = api(a, "GET", f"/api/v1/imports/{jid}")
        seen.append(j["rowsDone"])
        if j["rowsDone"] >= a.kill_at_rows or j["status"] != "RUNNING":
            break
        time.sleep(0.05)
    app.kill9()
    check(j["status"] == "RUNNING", f"killed mid-job: last seen rowsDone {j['rowsDone']} of {j['rowsTotal']}")
    done, status_db = sql(a, f"select rows_done, status from import_job where id = {jid}")[0]
    done = int(done)
    present = sum(members_by_prefix(a, upper, len(prefix), prefix).values())
    check(present == done, f"after the kill: members present {present} == rowsDone committed with them {done}")
    check(0 < done < a.rows, f"the kill fell mid-job ({done} of {a.rows} rows committed)")

    t0 = time.monotonic()
    app.start()
    resumed = app.logged("resuming")
    check(bool(resumed), f"restart resumes the job: {(resumed or ['nothing logged'])[0][-70:]}")
    login(a)
    while True:
        j = api(a, "GET", f"/api/v1/imports/{jid}")
        if j["status"] != "RUNNING":
            break
        time.sleep(0.2)
    log(f"job {jid} {j['status']} {time.monotonic() - t0:.1f} s after the restart: rowsDone {j['rowsDone']}, "
        f"created {j['created']}, updated {j['updated']}, unchanged {j['unchanged']}, rejected {j['rejected']}")
    check(j["status"] == "DONE" and j["rowsDone"] == a.rows and j["created"] == a.rows and j["rejected"] == 0,
          "the job finished with every row created once and none rejected")
    st, _, again = http_call(a, "POST", path, csv, f"import-{run}", ctype="text/csv")
    check(st == 202 and again["id"] == jid, f"re-posting the file with the same key returns the same job ({st})")
    total_api, total_sql = api_vs_sql(a, app, upper, "kill-import")
    app.stop()
    rows, distinct_ext, distinct_nid, periods = duplicates(a, upper, prefix)
    check(rows == distinct_ext == distinct_nid == periods == a.rows,
          f"exactly {a.rows} members, no duplicates: rows {rows}, distinct externalIds {distinct_ext}, "
          f"distinct national IDs {distinct_nid}, membership periods {periods}")
    final_figures = figures_check(a, app, "kill-import after completion")
    app.stop()
    return {"scenario": "kill-import", "db": a.db, "rows": a.rows, "chunk": 500, "rowsDoneAtKill": done,
            "membersPresentAtKill": present, "jobStatus": j["status"], "jobCreated": j["created"],
            "jobRejected": j["rejected"], "finalMembers": rows, "distinctExternalIds": distinct_ext,
            "distinctNationalIds": distinct_nid, "statsActiveMembers": total_api, "sqlActiveMembers": total_sql,
            "figuresMatchAtEnd": final_figures}


def db_restart(a, app):
    run = a.run
    app.start()
    login(a)
    _, upper, gus = setup_tree(a, run, 20)
    batches = make_batches(run, gus, upper, a.batches, a.batch)
    prefix = f"s{run}b"
    key = lambda b: f"dbrestart-{run}-{b}"
    attempts = []  # (batch, attempt, status or error, seconds, problem type, replayed)
    lock = threading.Lock()
    nxt = [0]
    done200 = [0]
    stop_health = threading.Event()
    health = []  # (t, status)
    t0 = time.monotonic()

    def client():
        while True:
            with lock:
                b = nxt[0]
                nxt[0] += 1
            if b >= len(batches):
                return
            for attempt in range(1, 200):
                s = time.monotonic()
                try:
                    status, headers, body = http_call(a, "POST", "/api/v1/sync/members", batches[b], key(b), timeout=60)
                    ptype = body.get("type") if isinstance(body, dict) and status >= 400 else None
                    res = (b, attempt, status, round(time.monotonic() - s, 2), ptype,
                           headers.get("content-type"), headers.get("idempotent-replayed") == "true",
                           body.get("created") if status == 200 else None, headers.get("retry-after"))
                except OSError as e:
                    res = (b, attempt, f"error: {type(e).__name__}", round(time.monotonic() - s, 2), None, None,
                           False, None, None)
                with lock:
                    attempts.append(res)
                if res[2] == 200:
                    with lock:
                        done200[0] += 1
                    break
                time.sleep(0.5)

    def poll_health():
        while not stop_health.is_set():
            try:
                st = http_call(a, "GET", "/q/health/ready", timeout=10)[0]
            except OSError as e:
                st = type(e).__name__
            health.append((round(time.monotonic() - t0, 1), st))
            time.sleep(0.25)

    hp = threading.Thread(target=poll_health)
    hp.start()
    threads = [threading.Thread(target=client) for _ in range(a.clients)]
    for t in threads:
        t.start()
    while done200[0] < a.kill_after:
        time.sleep(0.02)
    r0 = time.monotonic()
    ctl = ["pg_ctlcluster", "--skip-systemctl-redirect", "15", a.pg_cluster]
    if a.down_seconds > 0:
        log(f"stopping PostgreSQL (pg_ctlcluster ... stop -m fast) for {a.down_seconds} s")
        subprocess.run([*ctl, "stop", "-m", "fast"], check=True)
        time.sleep(a.down_seconds)
        subprocess.run([*ctl, "start"], check=True)
    else:
        log("restarting PostgreSQL (pg_ctlcluster ... restart -m fast)")
        subprocess.run([*ctl, "restart", "-m", "fast"], check=True)
    log(f"PostgreSQL back after {time.monotonic() - r0:.1f} s")
    restart_at = round(r0 - t0, 1)
    for t in threads:
        t.join()
    time.sleep(3)
    stop_health.set()
    hp.join()
    failures = [x for x in attempts if x[2] != 200]
    by_status = {}
    for x in failures:
        by_status[str(x[2])] = by_status.get(str(x[2]), 0) + 1
    log(f"{len(attempts)} attempts for {len(batches)} batches; failures by status {by_status}")
    for x in failures[:12]:
        log(f"  failed: batch {x[0]} attempt {x[1]}: {x[2]} in {x[3]} s, type {x[4]}, content-type {x[5]}, "
            f"Retry-After {x[8]}")
    check(all(x[2] == 503 and x[5] and "problem+json" in x[5] and x[8] for x in failures),
          "every failed attempt was a 503 problem+json answer with Retry-After (no 500, no connection error)")
    check(all(x[3] < 30 for x in failures), f"no failed attempt hung (slowest failure "
                                           f"{max([x[3] for x in failures], default=0)} s)")
    first_ok = {}
    for x in attempts:
        if x[2] == 200 and x[0] not in first_ok:
            first_ok[x[0]] = x
    check(len(first_ok) == len(batches), f"every batch eventually answered 200 ({len(first_ok)})")
    retried = [b for b, x in first_ok.items() if x[1] > 1]
    replayed_retries = [b for b in retried if first_ok[b][6]]
    log(f"batches that needed retries: {len(retried)}; of those answered from the stored key: "
        f"{len(replayed_retries)}")
    down = [h for h in health if h[1] != 200]
    last_down = max((h[0] for h in down), default=None)
    log(f"readiness not UP at {len(down)} polls, {sorted(set(str(h[1]) for h in down))}, between "
        f"{min((h[0] for h in down), default=None)} s and {last_down} s (restart began at {restart_at} s)")
    check(health[-1][1] == 200, "readiness is UP again at the end, the app was not restarted")
    st, _, _ = http_call(a, "GET", "/q/health/ready")
    total_api, total_sql = api_vs_sql(a, app, upper, "db-restart", stop_after=False)
    rows, distinct_ext, distinct_nid, periods = duplicates(a, upper, prefix)
    n = a.batches * a.batch
    check(rows == distinct_ext == distinct_nid == periods == n,
          f"exactly {n} members, no duplicates: rows {rows}, distinct externalIds {distinct_ext}, distinct "
          f"national IDs {distinct_nid}, membership periods {periods}")
    created = sum(x[7] or 0 for x in first_ok.values() if not x[6])
    check(created == n, f"members created over all 200 answers (not replayed): {created} == {n}")
    app.stop()
    final_figures = figures_check(a, app, "db-restart at the end")
    app.stop()
    return {"scenario": "db-restart", "db": a.db, "downSeconds": a.down_seconds, "batches": a.batches, "batchSize": a.batch,
            "clients": a.clients, "attempts": len(attempts), "failuresByStatus": by_status,
            "slowestFailureSeconds": max([x[3] for x in failures], default=0),
            "batchesRetried": len(retried), "readinessDownPolls": len(down),
            "readinessDownSeconds": [min((h[0] for h in down), default=None), last_down],
            "restartAtSecond": restart_at, "finalMembers": rows, "distinctExternalIds": distinct_ext,
            "statsActiveMembers": total_api, "sqlActiveMembers": total_sql, "figuresMatchAtEnd": final_figures}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("scenario", choices=["kill-sync", "kill-import", "db-restart"])
    p.add_argument("--db", choices=["pg", "h2"], default="pg")
    p.add_argument("--jar", required=True)
    p.add_argument("--jdbc", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--port", type=int, default=8381)
    p.add_argument("--pg-port", type=int, default=5439)
    p.add_argument("--pg-db", default="dv_proof_faults")
    p.add_argument("--pg-cluster", default="faults")
    p.add_argument("--h2jar")
    p.add_argument("--batches", type=int, default=120)
    p.add_argument("--batch", type=int, default=250)
    p.add_argument("--clients", type=int, default=3)
    p.add_argument("--kill-after", type=int, default=40, help="batches answered 200 before the fault")
    p.add_argument("--down-seconds", type=int, default=0,
                   help="db-restart: stop PostgreSQL this long instead of restarting it at once")
    p.add_argument("--rows", type=int, default=15000, help="rows of the import file")
    p.add_argument("--kill-at-rows", type=int, default=4000)
    p.add_argument("--run", type=int, default=int(time.time()) % 1000)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    app = App(a)
    try:
        result = {"kill-sync": kill_sync, "kill-import": kill_import, "db-restart": db_restart}[a.scenario](a, app)
    finally:
        app.stop()
    result["failedChecks"] = FAILED
    print("RESULT " + json.dumps(result, ensure_ascii=False), flush=True)
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
