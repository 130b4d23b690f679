#!/usr/bin/env python3
"""Turns the statements one API call made, as logged by PostgreSQL with log_min_duration_statement = 0, into a
pgbench script: every executed statement in order, parameters inlined, one transaction per call like the app.
Usage: extract-sql.py <log-part> [--var name=literal ...] > script.sql
A --var replaces a parameter value (e.g. gu=777) by a pgbench variable (:gu), set at random by the caller."""
import re, sys

args = sys.argv[1:]
path = args.pop(0)
variables = {}
while args:
    if args.pop(0) == "--var":
        name, value = args.pop(0).split("=", 1)
        variables[value] = name

records, current = [], None
for line in open(path, encoding="utf-8", errors="replace"):
    line = line.rstrip("\n")
    if re.match(r"^\d{4}-\d\d-\d\d ", line):
        current = line
        records.append([line])
    elif current is not None and line.startswith("\t"):
        records[-1].append(line.strip())

out = []
for i, rec in enumerate(records):
    text = " ".join(rec)
    m = re.search(r"LOG:\s+duration: [\d.]+ ms\s+(statement|execute [^:]+): (.*)$", text)
    if not m:
        continue
    sql = m.group(2).strip()
    params = {}
    if i + 1 < len(records):
        d = re.search(r"DETAIL:\s+parameters: (.*)$", " ".join(records[i + 1]))
        if d:
            for k, v in re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", d.group(1)):
                params[k] = v
    def sub(mm):
        v = params.get(mm.group(1))
        if v is None:
            return mm.group(0)
        inner = v[1:-1] if v != "NULL" else None
        if inner in variables:
            return ":" + variables[inner]
        return v
    sql = re.sub(r"\$(\d+)\b", sub, sql)
    out.append(sql.rstrip(";") + ";")
print("\n".join(out))
