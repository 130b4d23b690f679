#!/usr/bin/env python3
"""Bulk member sync through the API: sets up a small tree, then POSTs members in batches of up to 1,000 to
/api/v1/sync/members from a few concurrent clients, and prints members per second. With --copy-csv it also
writes the same number of member and membership_period rows as CSV files for PostgreSQL COPY."""
import argparse, base64, concurrent.futures, datetime, hashlib, json, os, random, sys, time, urllib.request

TOKEN = None  # bearer token of ADMIN_USER / ADMIN_PASSWORD (default: the bootstrap admin), set by login()

FIRST = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Xuân"]
LAST = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phúc", "Tâm", "Trang"]


def login(base):
    global TOKEN
    body = {"username": os.environ.get("ADMIN_USER", "admin"),
            "password": os.environ.get("ADMIN_PASSWORD", "admin-demo-2026")}
    req = urllib.request.Request(base + "/api/v1/auth/token", data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        TOKEN = json.loads(r.read())["accessToken"]


def call(base, method, path, body=None, key=None):
    data = None if body is None else json.dumps(body).encode()
    headers = {"Content-Type": "application/json", **({"Idempotency-Key": key} if key else {})}
    if TOKEN:
        headers["Authorization"] = "Bearer " + TOKEN
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(req, timeout=600) as r:
        return r.status, json.loads(r.read() or b"null")


def setup(base, run, unions):
    today = "2020-01-01"
    # Reuse the Confederation if there is one (only one may be active).
    _, page = call(base, "GET", "/api/v1/units?kind=CONFEDERATION&size=1")
    if page["items"]:
        root_id = page["items"][0]["id"]
    else:
        _, root = call(base, "POST", "/api/v1/units", {"kind": "CONFEDERATION", "code": f"B{run}-VGCL",
                                                       "name": "Bench Confederation", "validFrom": today})
        root_id = root["id"]
    _, prov = call(base, "POST", "/api/v1/units", {"kind": "PROVINCIAL_FEDERATION", "code": f"B{run}-P",
                                                   "name": f"Bench federation {run}", "parentId": root_id,
                                                   "provinceCode": "79", "validFrom": today})
    _, upper = call(base, "POST", "/api/v1/units", {"kind": "UPPER_LEVEL_UNION", "category": "INDUSTRIAL_ZONE",
                                                    "code": f"B{run}-U", "name": f"Bench upper {run}",
                                                    "parentId": prov["id"], "provinceCode": "79", "validFrom": today})
    ids = []
    for i in range(unions):
        _, g = call(base, "POST", "/api/v1/grassroots-unions", {"code": f"B{run}-G{i}", "name": f"CĐCS bench {run}-{i}",
                                                                "upperLevelUnitId": upper["id"], "foundedOn": today})
        ids.append(g["id"])
    return upper["id"], ids


def member(run, i, union_ids, rnd):
    joined = datetime.date(2021, 1, 1) + datetime.timedelta(days=i % 1400)
    return {
        "externalId": f"{run}-{i}",
        "fullName": f"{rnd.choice(FIRST)} {rnd.choice(MIDDLE)} {rnd.choice(LAST)}",
        "dateOfBirth": (datetime.date(1970, 1, 1) + datetime.timedelta(days=i % 9000)).isoformat(),
        "gender": "FEMALE" if i % 2 else "MALE",
        "nationalId": f"{run % 900:03d}{i:09d}",  # 000-899: COPY rows use 9xx
        "phone": f"09{i % 100000000:08d}",
        "grassrootsUnionId": union_ids[i % len(union_ids)],
        "joinedOn": joined.isoformat(),
    }


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", default="http://127.0.0.1:" + os.environ.get("BENCH_PORT", "8181"))
    p.add_argument("--members", type=int, default=100_000)
    p.add_argument("--batch", type=int, default=1000)
    p.add_argument("--clients", type=int, default=2)
    p.add_argument("--unions", type=int, default=200)
    p.add_argument("--run", type=int, default=int(time.time()) % 1000)
    p.add_argument("--copy-csv", help="prefix of CSV files to write for COPY (ids from 2e9 on)")
    a = p.parse_args()

    login(a.base)
    upper, unions = setup(a.base, a.run, a.unions)
    counts = {"CREATED": 0, "UPDATED": 0, "UNCHANGED": 0, "REJECTED": 0}

    def batch(n):
        # Built when sent (a million members held at once would take gigabytes of Python objects).
        rnd = random.Random(a.run * 1_000_003 + n)
        return [member(a.run, i, unions, rnd) for i in range(n * a.batch, min(a.members, (n + 1) * a.batch))]

    def send(n):
        status, body = call(a.base, "POST", "/api/v1/sync/members",
                            {"upperLevelUnitId": upper, "members": batch(n)}, key=f"bench-{a.run}-{n}")
        return body

    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(a.clients) as pool:
        for n, body in enumerate(pool.map(send, range((a.members + a.batch - 1) // a.batch)), 1):
            for k in counts:
                counts[k] += body[k.lower()]
            if n % 100 == 0:  # progress on stderr: members so far, their rate, the load average
                done, spent = sum(counts.values()), time.monotonic() - start
                print(f"{done} members in {spent:.0f} s, {done / spent:.0f}/s, load {os.getloadavg()[0]:.1f}",
                      file=sys.stderr, flush=True)
    elapsed = time.monotonic() - start
    print(json.dumps({"members": a.members, "batch": a.batch, "clients": a.clients, "seconds": round(elapsed, 1),
                      "membersPerSecond": round(a.members / elapsed), **counts}), flush=True)
    if counts["REJECTED"]:
        sys.exit("rejected items: the figures are not comparable")

    if a.copy_csv:
        # The same rows as the API stores them, for COPY straight into the tables: other ids and national IDs,
        # same unions, dates and external ids of the same upper-level union (prefixed "C"); personal data as
        # wide as the API's encrypted values and keyed hashes (stand-ins: COPY cannot encrypt).
        now = datetime.datetime.now(datetime.timezone.utc).isoformat()
        rnd = random.Random(a.run)
        with open(a.copy_csv + "-member.csv", "w") as fm, open(a.copy_csv + "-period.csv", "w") as fp:
            for i in range(a.members):
                m = member(a.run, i, unions, rnd)
                mid = 2_000_000_000 + a.run * 10_000_000 + i
                nid = f"9{a.run % 100:02d}{i:09d}"
                nid_hash = hashlib.sha256(("v|" + nid).encode()).hexdigest()
                key = "NIDH:" + nid_hash
                fm.write(f"{mid},DV{mid:010d},{m['fullName']},{m['fullName'].lower()},{m['dateOfBirth']},"
                         f"{m['gender']},VN,{sealed(nid)},,{key},{key},{sealed(m['phone'])},,"
                         f"{m['grassrootsUnionId']},{m['joinedOn']},ACTIVE,,,0,{now},{now},{upper},C{m['externalId']},"
                         f"{nid_hash}\n")
                fp.write(f"{mid},{mid},{m['grassrootsUnionId']},{m['joinedOn']},,\n")


def sealed(value):
    """As wide as PersonalData.encrypt's output: e1: + base64url(12-byte IV + value + 16-byte tag)."""
    raw = hashlib.sha256(value.encode()).digest()[:12] + value.encode() + hashlib.md5(value.encode()).digest()
    return "e1:" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


if __name__ == "__main__":
    main()
