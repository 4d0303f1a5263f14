#!/usr/bin/env python3
"""SQL statements per request, from a `LOG_LEVEL=trace` server log (swift-log's stream format).

    statements.py LOG LABEL... > table.md     (SQL text of every request on stderr)

run.sh sends request number k (from 1) with the header `X-Request-Id: pv-bench-k`, which Vapor
takes as the request's id and the drivers log with each statement. This groups the "Executing
query" entries by that id and names request k LABEL k. Prints a markdown table row per label:
label, statements, and the statements by table.
"""
import re
import sys
from collections import OrderedDict

log, labels = sys.argv[1], sys.argv[2:]
with open(log, "rb") as f:
    text = f.read().decode("utf-8", "replace")

requests = {f"pv-bench-{k}": {"path": None, "sql": []} for k in range(1, len(labels) + 1)}
unattributed = 0
# A log entry starts with its timestamp; a multi-line statement continues on the following lines.
entries = []
for line in text.splitlines():
    if re.match(r"\d{4}-\d\d-\d\dT", line) or not entries:
        entries.append(line)
    else:
        entries[-1] += " " + line.strip()

for line in entries:
    match = re.search(r"request-id=(pv-bench-\d+)\b", line)
    if not match or match.group(1) not in requests:
        if line.rstrip().endswith("Executing query"):
            unattributed += 1
        continue
    request = requests[match.group(1)]
    if line.rstrip().endswith("Executing query"):
        sql = re.search(r"sql=(.*?)(?: [\w-]+=|\s*\[[A-Za-z]+\] Executing query)", line)
        request["sql"].append(sql.group(1) if sql else line)
    elif request["path"] is None:
        method = re.search(r"\b(GET|POST|HEAD) (/\S*)", line)
        if method:
            request["path"] = method.group(2)


def table_of(sql):
    found = re.search(r'\b(?:FROM|INTO|UPDATE)\s+"?([a-z_]+)"?', sql, re.IGNORECASE)
    return found.group(1) if found else sql.split()[0].lower()


for label, (request_id, request) in zip(labels, requests.items()):
    tables = OrderedDict()
    for sql in request["sql"]:
        tables[table_of(sql)] = tables.get(table_of(sql), 0) + 1
    summary = ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in tables.items())
    print(f"| {label} | {len(request['sql'])} | {summary} |")
    print(f"\n## {label} ({request['path']}, request {request_id}): {len(request['sql'])} statements", file=sys.stderr)
    for sql in request["sql"]:
        print("  " + sql, file=sys.stderr)
if unattributed:
    print(f"\n{unattributed} statements without a request-id", file=sys.stderr)
