#!/usr/bin/env bash
# PostgreSQL 15 from Debian's packages on a loopback port, for tests and local runs.
#   deploy/local/pg.sh up|status|down
# up is idempotent: installs the package if missing, creates the cluster once, starts it, waits
# until it accepts connections and prints DATABASE_URL / TEST_DATABASE_URL.
set -euo pipefail

PGBIN=/usr/lib/postgresql/15/bin
ROOT=${PG_ROOT:-/tmp/alcor-pg}
PORT=${PG_PORT:-55432}
DB=${PG_DATABASE:-alcor}

as_postgres() { runuser -u postgres -- "$@"; }

install() {
  if ! dpkg -s postgresql-15 >/dev/null 2>&1; then
    echo "installing postgresql-15 from Debian's packages..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends postgresql-15 >&2
  fi
}

running() { [ -x "$PGBIN/pg_isready" ] && "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; }

up() {
  install
  mkdir -p "$ROOT" && chown postgres:postgres "$ROOT"
  if [ ! -f "$ROOT/data/PG_VERSION" ]; then
    as_postgres "$PGBIN/initdb" -D "$ROOT/data" -A trust -U postgres -E UTF8 --no-locale >/dev/null
  fi
  if ! running; then
    # fsync and friends off: test data only, and it makes the suites several times faster.
    as_postgres "$PGBIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/pg.log" -w -t 60 -o \
      "-p $PORT -k $ROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null
  fi
  for _ in $(seq 60); do running && break; sleep 0.5; done
  running || { echo "postgresql did not start; see $ROOT/pg.log" >&2; tail -n 20 "$ROOT/pg.log" >&2; exit 1; }
  psql -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1 ||
    psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE $DB"
  echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/$DB"
  echo "TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
}

down() {
  if [ -f "$ROOT/data/postmaster.pid" ]; then
    pid=$(head -1 "$ROOT/data/postmaster.pid")
    # Only ever stop our own server: the pid must be a postgres whose data dir is ours.
    if grep -qs "postgres" "/proc/$pid/cmdline" && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$ROOT/data"; then
      as_postgres "$PGBIN/pg_ctl" -D "$ROOT/data" -m fast -w stop >/dev/null
    fi
  fi
  echo "postgresql stopped"
}

status() {
  if running; then echo "postgresql running on 127.0.0.1:$PORT"; else echo "postgresql stopped"; exit 3; fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|status|down" >&2; exit 2 ;;
esac
