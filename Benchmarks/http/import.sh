#!/usr/bin/env bash
# Time of a CSV import of N contacts through the HTTP API, on a release build: generates N rows
# (Persian names, unique mobiles and e-mails, Jalali birth dates), serves a fresh SQLite database
# with the small demo data set, posts the file to `POST /api/v1/import/contacts`, polls the import
# until it is completed and reports the wall time and rows per second. Stops what it started.
#
#   Benchmarks/http/import.sh [ROWS]        default 100000
#
# Environment: SKIP_BUILD=1 (use the existing .build/release/peyvand), PEYVAND_BINARY (another build, e.g. debug
# under `perf record`), DUPLICATES (create|skip|update,
# default skip: every row is still checked for duplicates, as a real import is).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-${ROWS:-100000}}
DUPLICATES=${DUPLICATES:-skip}
BIN=${PEYVAND_BINARY:-$PWD/.build/release/peyvand}
WORK=$(mktemp -d /tmp/peyvand-import-bench.XXXXXX)
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
  rm -rf "$WORK"
}
trap cleanup EXIT
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

[ "${SKIP_BUILD:-0}" = 1 ] || swift build -c release --product peyvand >&2

python3 - "$ROWS" >"$WORK/contacts.csv" <<'PY'
import random, sys
rows = int(sys.argv[1])
random.seed(1405)
first = ["علی", "مریم", "رضا", "زهرا", "محمد", "فاطمه", "حسین", "سارا", "مهدی", "نرگس", "امیر", "لیلا"]
last = ["رضایی", "کریمی", "احمدی", "حسینی", "محمدی", "موسوی", "جعفری", "نادری", "صادقی", "کاظمی", "رحیمی", "یزدانی"]
cities = [("tehran", "تهران"), ("isfahan", "اصفهان"), ("fars", "شیراز"), ("khorasan-razavi", "مشهد")]
print("first_name,last_name,mobile,email,province,city,birth_date,tags")
for n in range(rows):
    province, city = random.choice(cities)
    print(f"{random.choice(first)},{random.choice(last)}{n},0912{n:07d},person{n}@example.ir,{province},{city},"
          f"13{random.randint(50, 80)}/{random.randint(1, 12):02d}/{random.randint(1, 28):02d},import-bench")
PY
size=$(du -h "$WORK/contacts.csv" | cut -f1)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DATABASE_URL="sqlite://$WORK/peyvand.sqlite" PEYVAND_SECRET="benchmark-secret-0123456789abcdefghij" \
  "$BIN" serve --demo --hostname 127.0.0.1 --port "$port" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
URL="http://127.0.0.1:$port"
for _ in $(seq 1 240); do curl -fs "$URL/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
TOKEN=$(curl -fs -X POST "$URL/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"admin@demo.peyvand.ir","password":"peyvand-demo-1405"}' | json 'd["token"]')

start=$(date +%s.%N)
id=$(curl -fs -X POST "$URL/api/v1/import/contacts?duplicates=$DUPLICATES" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: text/csv' --data-binary @"$WORK/contacts.csv" | json 'd["id"]')
while :; do
  state=$(curl -fs "$URL/api/v1/imports/$id" -H "Authorization: Bearer $TOKEN")
  status=$(echo "$state" | json 'd["status"]')
  [ "$status" = completed ] || [ "$status" = failed ] && break
  sleep 0.2
done
end=$(date +%s.%N)
echo "$state" | json '"status %s: %s created, %s skipped, %s failed of %s rows" % (d["status"], d["created"], d["skipped"], d["failed"], d["total_rows"])'
python3 -c "s=$end-$start; print(f'import of $ROWS contact rows ($size CSV, duplicates=$DUPLICATES) on SQLite: {s:.1f} s, {$ROWS/s:,.0f} rows/s')"
