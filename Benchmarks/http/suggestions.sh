#!/usr/bin/env bash
# Similar cases and suggested articles at scale: 200,000 cases and 5,000 articles (issue 6's target:
# under 50 ms p95), on SQLite and on PostgreSQL.
#
# For each database: a fresh database (an SQLite file; a PostgreSQL server started as run.sh does),
# `peyvand demo load --contacts 20000 --cases 200000 --articles 5000`, then the server, and wrk on
# GET /api/v1/cases/{id}/similar and /suggested-articles for random cases of the load, one request at a
# time (the server time of one request) and with CONNECTIONS at once; and the query plans of both
# lookups. Everything it started is stopped however the run ends.
#
#   Benchmarks/http/suggestions.sh
#
# Environment: CASES (200000), ARTICLES (5000), CONTACTS (20000), DATABASES ("sqlite postgresql"),
# DURATION (seconds per measurement, 20), WARMUP (3), CONNECTIONS (4), THREADS (1), SKIP_BUILD=1,
# RESULTS_DIR (.build/bench), KEEP=1 (keep the databases).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CASES=${CASES:-200000}
ARTICLES=${ARTICLES:-5000}
CONTACTS=${CONTACTS:-20000}
DATABASES=${DATABASES:-"sqlite postgresql"}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-1}
RESULTS_DIR=${RESULTS_DIR:-$ROOT/.build/bench}
BIN=$ROOT/.build/release/peyvand
PGBIN=/usr/lib/postgresql/15/bin
WORK=$(mktemp -d /tmp/peyvand-suggestions.XXXXXX)
PGDATA="$WORK/pgdata"
SERVER_PID=""
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
EMAIL=admin@demo.peyvand.ir
PASSWORD=peyvand-demo-1405
mkdir -p "$RESULTS_DIR"
TABLE="$RESULTS_DIR/suggestions-$STAMP.md"
# shellcheck source=Benchmarks/http/common.sh
source Benchmarks/http/common.sh

cleanup() {
  local status=$?
  stop_server
  stop_postgres
  if [ "${KEEP:-}" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
  exit $status
}
trap cleanup EXIT INT TERM

# measure NAME PATH CONNECTIONS → one table row (milliseconds).
measure() {
  local name=$1 path=$2 connections=$3 out
  export BENCH_TOKEN=$TOKEN BENCH_COOKIE="" BENCH_PATH=$path BENCH_IDS="$WORK/case-ids-$DB.txt"
  wrk -t"$THREADS" -c"$connections" -d"${WARMUP}s" --timeout 10s -s Benchmarks/http/request.lua "$URL" >/dev/null
  out=$(wrk -t"$THREADS" -c"$connections" -d"${DURATION}s" --timeout 10s --latency -s Benchmarks/http/request.lua "$URL")
  echo "$out" >>"$RESULTS_DIR/wrk-suggestions-$STAMP-$DB.log"
  read -r _ p50 p95 p99 rps requests errors non2xx <<<"$(grep '^RESULT' <<<"$out")"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$DB" "$name" "$connections" "$p50" "$p95" "$p99" "$rps" "$requests" \
    "$errors/$non2xx" | tee -a "$TABLE"
}

# case_ids DATABASE_URL: 2,000 case ids spread over the whole load, one per line.
case_ids() {
  local query="SELECT id FROM cases WHERE deleted_at IS NULL ORDER BY id"
  case "$DB" in
    sqlite) sqlite3 "${1#sqlite://}" "$query" | awk -v n="$CASES" 'NR % int(n / 2000 + 1) == 0' | head -n 2000 ;;
    postgresql) psql -At "$1" -c "$query" | awk -v n="$CASES" 'NR % int(n / 2000 + 1) == 0' | head -n 2000 ;;
  esac
}

bench_database() {
  DB=$1
  local database_url sample
  case "$DB" in
    sqlite) database_url="sqlite://$WORK/suggestions.sqlite" ;;
    postgresql) database_url=$(start_postgres) ;;
  esac
  log "$DB: loading $CONTACTS contacts, $CASES cases and $ARTICLES articles"
  DATABASE_URL=$database_url PEYVAND_SECRET="benchmark-secret-0123456789abcdefghij" \
    "$BIN" demo load --contacts "$CONTACTS" --cases "$CASES" --articles "$ARTICLES" >"$RESULTS_DIR/load-suggestions-$STAMP-$DB.log" 2>&1
  tail -n 3 "$RESULTS_DIR/load-suggestions-$STAMP-$DB.log" >&2
  case_ids "$database_url" >"$WORK/case-ids-$DB.txt"
  sample=$(head -n 1 "$WORK/case-ids-$DB.txt")
  start_server "$database_url" "$RESULTS_DIR/server-suggestions-$STAMP-$DB.log"
  api_sign_in
  log "$DB: one case's answers ($sample)"
  curl -fs -H "Authorization: Bearer $TOKEN" "$URL/api/v1/cases/$sample/similar" | head -c 600 >&2; echo >&2
  curl -fs -H "Authorization: Bearer $TOKEN" "$URL/api/v1/cases/$sample/suggested-articles" | head -c 600 >&2; echo >&2
  for connections in 1 "$CONNECTIONS"; do
    measure "similar cases" "/api/v1/cases/{id}/similar" "$connections"
    measure "suggested articles" "/api/v1/cases/{id}/suggested-articles" "$connections"
  done
  stop_server
  if [ "$DB" = postgresql ]; then stop_postgres; fi
}

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "Building the release binary"
  swift build -c release --product peyvand
fi
{
  echo "Similar cases and suggested articles: $CASES cases, $ARTICLES articles ($STAMP, milliseconds)"
  echo
  echo "| database | request | connections | p50 | p95 | p99 | requests/s | requests | errors/non-2xx |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
} | tee "$TABLE"
for database in $DATABASES; do bench_database "$database"; done
echo "Results: $TABLE" >&2
