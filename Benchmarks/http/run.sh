#!/usr/bin/env bash
# HTTP benchmarks of the sales core at scale, on SQLite and on PostgreSQL.
#
# For each database: builds the release binary (once), starts a fresh database (an SQLite file in a
# temp dir; a PostgreSQL server started as scripts/test does, on a free port), loads the demo data
# set with `peyvand demo load`, prints the query plans of the benchmarked statements, serves it, signs
# in and measures each endpoint with wrk, then stops everything it started however the run ends.
#
#   Benchmarks/http/run.sh [CONTACTS]        default 1000000; e.g. 20000 for a quick run
#
# Environment: CONTACTS, DATABASES ("sqlite postgresql"), DURATION (seconds per endpoint, 20),
# WARMUP (seconds, 3), CONNECTIONS (4), THREADS (1), SEED (1405), AS_OF (2026-11-23),
# SKIP_BUILD=1 (use the existing .build/release/peyvand), RESULTS_DIR (.build/bench), KEEP=1 (keep
# the databases in the temp dir).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CONTACTS=${1:-${CONTACTS:-1000000}}
DATABASES=${DATABASES:-"sqlite postgresql"}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-1}
SEED=${SEED:-1405}
AS_OF=${AS_OF:-2026-11-23}
RESULTS_DIR=${RESULTS_DIR:-$ROOT/.build/bench}
BIN=$ROOT/.build/release/peyvand
PGBIN=/usr/lib/postgresql/15/bin
WORK=$(mktemp -d /tmp/peyvand-bench.XXXXXX)
PGDATA="$WORK/pgdata"
SERVER_PID=""
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RESULTS_DIR"
TABLE="$RESULTS_DIR/results-$STAMP.md"

log() { printf '\n== %s\n' "$*" >&2; }

stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}

stop_postgres() {
  if [ -f "$PGDATA/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

cleanup() {
  local status=$?
  stop_server
  stop_postgres
  if [ "${KEEP:-}" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
  exit $status
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

install_dependencies() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v curl >/dev/null || missing+=(curl)
  if [[ " $DATABASES " == *" postgresql "* ]] && [ ! -x "$PGBIN/initdb" ]; then missing+=(postgresql-15); fi
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

start_postgres() {
  local port
  port=$(free_port)
  log "Starting PostgreSQL on 127.0.0.1:$port"
  id postgres >/dev/null 2>&1 || useradd -r -M -s /bin/false postgres
  mkdir -p "$PGDATA" && chown postgres:postgres "$WORK" "$PGDATA"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # fsync off speeds up the load only (reads do not fsync); shared_buffers as a small production server.
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/postgres.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB -c max_wal_size=4GB" \
    start >/dev/null
  psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE USER peyvand WITH PASSWORD 'peyvand' SUPERUSER;" \
    -c "CREATE DATABASE peyvand_bench OWNER peyvand;"
  echo "postgres://peyvand:peyvand@127.0.0.1:$port/peyvand_bench"
}

# measure NAME PATH [IDS_FILE] → one table row
measure() {
  local name=$1 path=$2 ids=${3:-} out
  export BENCH_TOKEN=$TOKEN BENCH_PATH=$path BENCH_IDS=$ids
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s -s Benchmarks/http/request.lua "$URL" >/dev/null
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s Benchmarks/http/request.lua "$URL")
  echo "$out" >>"$RESULTS_DIR/wrk-$STAMP-$DB.log"
  read -r _ p50 p95 p99 rps requests errors non2xx <<<"$(grep '^RESULT' <<<"$out")"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$DB" "$name" "$p50" "$p95" "$p99" "$rps" "$requests" "$errors/$non2xx" | tee -a "$TABLE"
}

bench_database() {
  DB=$1
  local database_url report port
  case "$DB" in
    sqlite) database_url="sqlite://$WORK/bench.sqlite" ;;
    postgresql) database_url=$(start_postgres) ;;
    *) echo "unknown database $DB" >&2; exit 2 ;;
  esac
  report="$RESULTS_DIR/load-$STAMP-$DB.json"

  log "$DB: loading $CONTACTS contacts (seed $SEED, as of $AS_OF)"
  DATABASE_URL=$database_url PEYVAND_JOB_WORKER=off "$BIN" demo load --contacts "$CONTACTS" --seed "$SEED" --as-of "$AS_OF" \
    --report "$report" 2>&1 | tee "$RESULTS_DIR/load-$STAMP-$DB.log"

  log "$DB: query plans"
  DATABASE_URL=$database_url PEYVAND_JOB_WORKER=off "$BIN" demo explain "Benchmarks/http/plans.$DB.sql" --report "$report" \
    2>&1 | tee "$RESULTS_DIR/plans-$STAMP-$DB.txt"

  port=$(free_port)
  URL="http://127.0.0.1:$port"
  log "$DB: serving on $URL"
  DATABASE_URL=$database_url PEYVAND_SECRET="benchmark-secret-0123456789abcdefghij" \
    "$BIN" serve --hostname 127.0.0.1 --port "$port" >"$RESULTS_DIR/serve-$STAMP-$DB.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do curl -fs "$URL/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
  TOKEN=$(curl -fs -X POST "$URL/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"admin@demo.peyvand.ir","password":"peyvand-demo-1405"}' | json 'd["token"]')

  json '"\n".join(i.lower() for i in d["sample_contact_ids"])' <"$report" >"$WORK/contact-ids.txt"
  local account list cursor search
  account=$(json 'd["busiest_account_id"].lower()' <"$report")
  list="/api/v1/contacts?sort=last_name&province=tehran&limit=50"
  cursor=$(curl -fs "$URL$list" -H "Authorization: Bearer $TOKEN" | json 'd["next_cursor"]')
  search="/api/v1/contacts?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("علی"))')"
  search2="/api/v1/contacts?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("علی رضایی"))')"

  log "$DB: measuring (${DURATION}s per endpoint, $CONNECTIONS connections, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  measure "GET /contacts/{id} (random of 10k)" "/api/v1/contacts/{id}" "$WORK/contact-ids.txt"
  measure "GET /contacts?sort=last_name&province=tehran&limit=50" "$list"
  measure "… second page (cursor)" "$list&cursor=$cursor"
  measure "GET /contacts?q=علی (2 % of contacts match)" "$search"
  measure "GET /contacts?q=علی رضایی (both words)" "$search2"
  measure "GET /contacts?limit=50 (newest first)" "/api/v1/contacts?limit=50"
  measure "GET /accounts/{busiest}/timeline" "/api/v1/accounts/$account/timeline"

  stop_server
  [ "$DB" = postgresql ] && stop_postgres
  return 0
}

install_dependencies
if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "Building (release)"
  swift build -c release --product peyvand
fi

{
  echo "Peyvand HTTP benchmark, $STAMP, $CONTACTS contacts, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM,"
  echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up; latency in ms"
  echo
  echo "| database | endpoint | p50 | p95 | p99 | req/s | requests | errors/non-2xx |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"
} | tee "$TABLE"
for db in $DATABASES; do bench_database "$db"; done
log "Results: $TABLE (load logs, plans and wrk output beside it)"
cat "$TABLE"
