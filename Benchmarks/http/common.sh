# Helpers shared by the HTTP benchmark scripts (sourced, not run). They use the caller's WORK,
# PGDATA, PGBIN, BIN, EMAIL and PASSWORD, and set SERVER_PID, URL and TOKEN.

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

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

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

start_server() {  # start_server DATABASE_URL LOG [ENV=VALUE…]: serves on a free port, sets URL and SERVER_PID
  local database_url=$1 log=$2 port
  shift 2
  port=$(free_port)
  URL="http://127.0.0.1:$port"
  env "$@" DATABASE_URL="$database_url" PEYVAND_SECRET="benchmark-secret-0123456789abcdefghij" \
    "$BIN" serve --hostname 127.0.0.1 --port "$port" >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do curl -fs "$URL/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
}

api_sign_in() {
  TOKEN=$(curl -fs -X POST "$URL/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" | json 'd["token"]')
}
