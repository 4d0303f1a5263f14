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
# the databases in the temp dir), SKIP_API=1 / SKIP_WEB=1 (leave out the API endpoints / the pages),
# SERIAL_DURATION (seconds, 10; 0 skips it): the pages and their API calls again with one connection,
# one request at a time, which is the server time of a request on an otherwise idle server;
# REUSE_SQLITE=FILE REUSE_REPORT=load-….json (with DATABASES=sqlite): measure a database loaded
# before (e.g. a copy kept from an earlier run) instead of loading one; the server migrates it.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CONTACTS=${1:-${CONTACTS:-1000000}}
DATABASES=${DATABASES:-"sqlite postgresql"}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-4}
SERIAL_DURATION=${SERIAL_DURATION:-10}
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
EMAIL=admin@demo.peyvand.ir
PASSWORD=peyvand-demo-1405
declare -A P50 P95 P99
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

# As a browser does: the login page sets the form's CSRF cookie, the form posts it back, the answer
# sets the session cookie. COOKIE becomes "peyvand_session=…".
web_sign_in() {
  local jar="$WORK/cookies.txt" csrf session
  rm -f "$jar"
  csrf=$(curl -fs -c "$jar" "$URL/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -b "$jar" -c "$jar" -X POST "$URL/login" --data-urlencode "_csrf=$csrf" \
    --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD"
  session=$(awk '$6 == "peyvand_session" { print $7 }' "$jar")
  [ -n "$session" ] || { echo "web sign-in failed" >&2; exit 1; }
  COOKIE="peyvand_session=$session"
}

# count_statements DATABASE_URL LABEL PATH [LABEL PATH…]: serves with LOG_LEVEL=trace, sends each
# request twice, one at a time, and counts the SQL statements of the second (statements.py; each
# request carries its number as X-Request-Id, which the server logs with its statements).
count_statements() {
  local database_url=$1 log="$RESULTS_DIR/trace-$STAMP-$DB.log" labels=() path k=0
  shift
  start_server "$database_url" "$log" LOG_LEVEL=trace
  api_sign_in
  web_sign_in
  while [ $# -gt 0 ]; do
    path=${2//\{id\}/$CONTACT_ID}
    labels+=("$1 (warm-up)" "$1")
    for _ in 1 2; do
      k=$((k + 1))
      if [[ $path == /api/* ]]; then
        curl -fs -o /dev/null -H "X-Request-Id: pv-bench-$k" -H "Authorization: Bearer $TOKEN" -H 'Accept-Language: fa' "$URL$path"
      else
        curl -fs -o /dev/null -H "X-Request-Id: pv-bench-$k" -H "Cookie: $COOKIE" -H 'Accept-Language: fa' "$URL$path"
      fi
    done
    shift 2
  done
  sleep 1
  stop_server
  {
    echo
    echo "SQL statements per request ($DB, one request at a time, the second of two; LOG_LEVEL=trace):"
    echo
    echo "| request | statements | tables |"
    echo "| --- | ---: | --- |"
    python3 Benchmarks/http/statements.py "$log" "${labels[@]}" 2>"$RESULTS_DIR/statements-$STAMP-$DB.txt" | grep -v '(warm-up)'
  } | tee -a "$STATEMENTS"
}

# measure NAME PATH [IDS_FILE] → one table row; MODE=web measures a page with the session cookie.
measure() {
  local name=$1 path=$2 ids=${3:-} out connections=${MEASURE_CONNECTIONS:-$CONNECTIONS} duration=${MEASURE_DURATION:-$DURATION}
  if [ "${MODE:-api}" = web ]; then
    export BENCH_TOKEN="" BENCH_COOKIE=$COOKIE
  else
    export BENCH_TOKEN=$TOKEN BENCH_COOKIE=""
  fi
  export BENCH_PATH=$path BENCH_IDS=$ids
  wrk -t"$THREADS" -c"$connections" -d"${WARMUP}s" --timeout 10s -s Benchmarks/http/request.lua "$URL" >/dev/null
  out=$(wrk -t"$THREADS" -c"$connections" -d"${duration}s" --timeout 10s --latency -s Benchmarks/http/request.lua "$URL")
  echo "$out" >>"$RESULTS_DIR/wrk-$STAMP-$DB.log"
  read -r _ p50 p95 p99 rps requests errors non2xx <<<"$(grep '^RESULT' <<<"$out")"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$DB" "$name" "$p50" "$p95" "$p99" "$rps" "$requests" "$errors/$non2xx" | tee -a "$TABLE"
  P50[$DB $name]=$p50 P95[$DB $name]=$p95 P99[$DB $name]=$p99
}

# compare PAGE API: one row of the page-against-API table (p50 / p95 / p99, and the p50 ratio).
compare() {
  local page="$DB $1" api="$DB $2" ratio="—" api_figures="—"
  [ -n "${P50[$page]:-}" ] || return 0
  if [ -n "${2:-}" ] && [ -n "${P50[$api]:-}" ]; then
    api_figures="${P50[$api]} / ${P95[$api]} / ${P99[$api]}"
    ratio=$(python3 -c "print(f'{$(echo "${P50[$page]}") / $(echo "${P50[$api]}"):.1f}×')")
  fi
  printf '| %s | %s | %s / %s / %s | %s | %s |\n' "$DB" "$1" "${P50[$page]}" "${P95[$page]}" "${P99[$page]}" "$api_figures" "$ratio" \
    | tee -a "$COMPARISON"
}

bench_database() {
  DB=$1
  local database_url report port
  case "$DB" in
    sqlite) database_url="sqlite://${REUSE_SQLITE:-$WORK/bench.sqlite}" ;;
    postgresql) database_url=$(start_postgres) ;;
    *) echo "unknown database $DB" >&2; exit 2 ;;
  esac
  report="$RESULTS_DIR/load-$STAMP-$DB.json"

  if [ "$DB" = sqlite ] && [ -n "${REUSE_SQLITE:-}" ]; then
    log "$DB: reusing $REUSE_SQLITE (load report $REUSE_REPORT)"
    cp "$REUSE_REPORT" "$report"
    DATABASE_URL=$database_url PEYVAND_JOB_WORKER=off "$BIN" migrate 2>&1 | tail -n 3
  else
    log "$DB: loading $CONTACTS contacts (seed $SEED, as of $AS_OF)"
    DATABASE_URL=$database_url PEYVAND_JOB_WORKER=off "$BIN" demo load --contacts "$CONTACTS" --seed "$SEED" --as-of "$AS_OF" \
      --report "$report" 2>&1 | tee "$RESULTS_DIR/load-$STAMP-$DB.log"
  fi

  log "$DB: query plans"
  DATABASE_URL=$database_url PEYVAND_JOB_WORKER=off "$BIN" demo explain "Benchmarks/http/plans.$DB.sql" --report "$report" \
    2>&1 | tee "$RESULTS_DIR/plans-$STAMP-$DB.txt"

  json '"\n".join(i.lower() for i in d["sample_contact_ids"])' <"$report" >"$WORK/contact-ids.txt"
  CONTACT_ID=$(head -n1 "$WORK/contact-ids.txt")
  local account list cursor search search2 fa_search
  account=$(json 'd["busiest_account_id"].lower()' <"$report")
  fa_search=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("علی"))')
  list="/api/v1/contacts?sort=last_name&province=tehran&limit=50"
  search="/api/v1/contacts?q=$fa_search"
  search2="/api/v1/contacts?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("علی رضایی"))')"
  # The web pages, with the parameters their own links and filter form use (the API's names).
  local pages=(
    "page /contacts (newest first, 50 rows)" "/contacts"
    "page /contacts?province=tehran&sort=last_name" "/contacts?province=tehran&sort=last_name"
    "page /contacts?q=علی" "/contacts?q=$fa_search"
    "page /contacts/{id}" "/contacts/{id}"
    "page / (home dashboard)" "/"
    "page /opportunities/board" "/opportunities/board"
    "page /accounts (newest first, 50 rows)" "/accounts"
  )

  log "$DB: SQL statements per request"
  count_statements "$database_url" \
    "GET /api/v1/contacts?limit=50" "/api/v1/contacts?limit=50" \
    "${pages[@]}" \
    "page /contacts?limit=10 (N+1 check: same count as 50 rows)" "/contacts?limit=10" \
    "page /contacts?limit=200" "/contacts?limit=200" \
    "page /accounts?limit=10" "/accounts?limit=10"

  start_server "$database_url" "$RESULTS_DIR/serve-$STAMP-$DB.log"
  log "$DB: serving on $URL"
  api_sign_in
  web_sign_in
  cursor=$(curl -fs "$URL$list" -H "Authorization: Bearer $TOKEN" | json 'd["next_cursor"]')

  log "$DB: measuring (${DURATION}s per endpoint, $CONNECTIONS connections, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  if [ "${SKIP_API:-}" != 1 ]; then
    MODE=api
    measure "GET /contacts/{id} (random of 10k)" "/api/v1/contacts/{id}" "$WORK/contact-ids.txt"
    measure "GET /contacts?sort=last_name&province=tehran&limit=50" "$list"
    measure "… second page (cursor)" "$list&cursor=$cursor"
    measure "GET /contacts?q=علی (2 % of contacts match)" "$search"
    measure "GET /contacts?q=علی رضایی (both words)" "$search2"
    measure "GET /contacts?limit=50 (newest first)" "/api/v1/contacts?limit=50"
    measure "GET /accounts?limit=50 (newest first)" "/api/v1/accounts?limit=50"
    measure "GET /accounts/{busiest}/timeline" "/api/v1/accounts/$account/timeline"
  fi
  if [ "${SKIP_WEB:-}" != 1 ]; then
    MODE=web
    local i
    for ((i = 0; i < ${#pages[@]}; i += 2)); do
      if [[ ${pages[i + 1]} == *"{id}"* ]]; then
        measure "${pages[i]} (random of 10k)" "${pages[i + 1]}" "$WORK/contact-ids.txt"
      else
        measure "${pages[i]}" "${pages[i + 1]}"
      fi
    done
    compare "page /contacts (newest first, 50 rows)" "GET /contacts?limit=50 (newest first)"
    compare "page /contacts?province=tehran&sort=last_name" "GET /contacts?sort=last_name&province=tehran&limit=50"
    compare "page /contacts?q=علی" "GET /contacts?q=علی (2 % of contacts match)"
    compare "page /contacts/{id} (random of 10k)" "GET /contacts/{id} (random of 10k)"
    compare "page / (home dashboard)" ""
    compare "page /opportunities/board" ""
    compare "page /accounts (newest first, 50 rows)" "GET /accounts?limit=50 (newest first)"

    if [ "$SERIAL_DURATION" != 0 ]; then
      log "$DB: one connection, ${SERIAL_DURATION}s each"
      MEASURE_CONNECTIONS=1 MEASURE_DURATION=$SERIAL_DURATION
      local serial=" [1 connection]"
      MODE=api
      measure "GET /contacts?limit=50 (newest first)$serial" "/api/v1/contacts?limit=50"
      measure "GET /contacts?sort=last_name&province=tehran&limit=50$serial" "$list"
      measure "GET /contacts/{id} (random of 10k)$serial" "/api/v1/contacts/{id}" "$WORK/contact-ids.txt"
      MODE=web
      for ((i = 0; i < ${#pages[@]}; i += 2)); do
        if [[ ${pages[i + 1]} == *"{id}"* ]]; then
          measure "${pages[i]} (random of 10k)$serial" "${pages[i + 1]}" "$WORK/contact-ids.txt"
        else
          measure "${pages[i]}$serial" "${pages[i + 1]}"
        fi
      done
      unset MEASURE_CONNECTIONS MEASURE_DURATION
      compare "page /contacts (newest first, 50 rows)$serial" "GET /contacts?limit=50 (newest first)$serial"
      compare "page /contacts?province=tehran&sort=last_name$serial" "GET /contacts?sort=last_name&province=tehran&limit=50$serial"
      compare "page /contacts?q=علی$serial" ""
      compare "page /contacts/{id} (random of 10k)$serial" "GET /contacts/{id} (random of 10k)$serial"
      compare "page / (home dashboard)$serial" ""
      compare "page /opportunities/board$serial" ""
      compare "page /accounts (newest first, 50 rows)$serial" ""
    fi
  fi

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
COMPARISON="$RESULTS_DIR/pages-$STAMP.md"
STATEMENTS="$RESULTS_DIR/statements-$STAMP.md"
{
  echo "Web pages against the API call behind them: p50 / p95 / p99 in ms; ratio of the p50s"
  echo
  echo "| database | page | page p50 / p95 / p99 | API p50 / p95 / p99 | page/API p50 |"
  echo "| --- | --- | --- | --- | ---: |"
} >"$COMPARISON"
: >"$STATEMENTS"
for db in $DATABASES; do bench_database "$db"; done
log "Results: $TABLE, $COMPARISON, $STATEMENTS (load logs, plans, SQL and wrk output beside them)"
cat "$TABLE" "$COMPARISON" "$STATEMENTS"
