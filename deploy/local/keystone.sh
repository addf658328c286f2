#!/usr/bin/env bash
# A real OpenStack Keystone (Debian 12 packages, Zed) on loopback, for the AUTH_STRATEGY=keystone tests.
#   deploy/local/keystone.sh install|up|status|down
# Keystone's own sqlite database and Fernet keys live under $KEYSTONE_ROOT; uWSGI serves
# keystone-wsgi-public on 127.0.0.1:$KEYSTONE_PORT (one worker: sqlite takes one writer at a time). `up` is idempotent: installs the packages if
# missing, bootstraps once (admin user, service project and the `neutron` service user), starts,
# waits until /v3 answers, and prints KEYSTONE_URL and the credentials.
set -euo pipefail

ROOT=${KEYSTONE_ROOT:-/tmp/alcor-keystone}
PORT=${KEYSTONE_PORT:-15000}
ADMIN_PASSWORD=${KEYSTONE_ADMIN_PASSWORD:-alcor-admin}
SERVICE_PASSWORD=${KEYSTONE_SERVICE_PASSWORD:-alcor-neutron}
URL="http://127.0.0.1:$PORT"
CONF=$ROOT/keystone.conf
PIDF=$ROOT/uwsgi.pid

log() { echo "[keystone] $*" >&2; }

install() {
  local missing=""
  for p in keystone uwsgi-core uwsgi-plugin-python3 curl; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    mkdir -p "$ROOT"
    log "installing:$missing (log: $ROOT/apt.log)"
    apt-get -o DPkg::Lock::Timeout=900 update -qq >"$ROOT/apt.log" 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends $missing >>"$ROOT/apt.log" 2>&1
  fi
  # The package's postinst may have started nothing (policy-rc.d) or its own uwsgi: neither is used.
}

# a pid file counts only if its process is still our uwsgi (pids get reused)
alive() { [ -f "$PIDF" ] && tr '\0' ' ' <"/proc/$(cat "$PIDF")/cmdline" 2>/dev/null | grep -q "uwsgi.*$ROOT"; }
answering() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$URL/v3" 2>/dev/null | grep -q 200; }

configure() {
  mkdir -p "$ROOT"/{log,fernet-keys,credential-keys}
  cat >"$CONF" <<CONF
[DEFAULT]
log_dir = $ROOT/log
use_stderr = false
[database]
connection = sqlite:///$ROOT/keystone.db
[token]
provider = fernet
expiration = 3600
[fernet_tokens]
key_repository = $ROOT/fernet-keys
[credential]
key_repository = $ROOT/credential-keys
[cache]
enabled = false
CONF
}

# eventlet prints harmless tracebacks at exit: keep them in the log
km() { keystone-manage --config-file "$CONF" "$@" 2>>"$ROOT/log/keystone-manage.stderr"; }

bootstrap() {
  [ -f "$ROOT/bootstrapped" ] && return 0
  log "bootstrapping (db_sync, fernet keys, admin user)"
  km db_sync
  km fernet_setup --keystone-user root --keystone-group root
  km credential_setup --keystone-user root --keystone-group root
  km bootstrap --bootstrap-password "$ADMIN_PASSWORD" --bootstrap-username admin --bootstrap-project-name admin \
    --bootstrap-role-name admin --bootstrap-admin-url "$URL/v3/" --bootstrap-public-url "$URL/v3/" \
    --bootstrap-internal-url "$URL/v3/" --bootstrap-region-id RegionOne
  touch "$ROOT/bootstrapped"
}

# Write-ahead logging, so a reader never blocks a writer: in the default rollback journal, catalog
# writes (regions, services, endpoints) failed with "database is locked" after 5 s. The mode is
# kept in the file; setting it on every `up` also converts a database bootstrapped before this.
wal_mode() {
  python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode=WAL")' "$ROOT/keystone.db"
}

# uWSGI's http-socket closes the connection after every answer without saying so; a client that
# reuses it races the close and gets ECONNRESET. "Connection: close" tells clients not to reuse.
start() {
  alive && return 0
  log "starting uwsgi on $URL"
  OS_KEYSTONE_CONFIG_FILES="$CONF" setsid uwsgi --plugin python3 --http-socket "127.0.0.1:$PORT" \
    --wsgi-file /usr/bin/keystone-wsgi-public --processes 1 --threads 1 --master --die-on-term \
    --add-header "Connection: close" \
    --env "OS_KEYSTONE_CONFIG_FILES=$CONF" --pidfile "$PIDF" --logto "$ROOT/log/uwsgi.log" \
    --set-placeholder "root=$ROOT" >/dev/null 2>&1 </dev/null &
  for _ in $(seq 60); do answering && return 0; sleep 0.5; done
  log "keystone did not answer; see $ROOT/log/"; tail -n 20 "$ROOT/log/uwsgi.log" >&2 || true; exit 1
}

# The service user that validates tokens for the Neutron API (keystonemiddleware's role), once.
service_user() {
  [ -f "$ROOT/service-user" ] && return 0
  local token
  token=$(curl -s -i -H 'content-type: application/json' "$URL/v3/auth/tokens" -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\",\"domain\":{\"id\":\"default\"},\"password\":\"$ADMIN_PASSWORD\"}}},\"scope\":{\"project\":{\"name\":\"admin\",\"domain\":{\"id\":\"default\"}}}}}" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-subject-token"{print $2}')
  [ -n "$token" ] || { log "admin login failed"; exit 1; }
  api() { curl -sf -H "x-auth-token: $token" -H 'content-type: application/json' "$@"; }
  local project user role
  project=$(api "$URL/v3/projects" -d '{"project":{"name":"service","domain_id":"default"}}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["project"]["id"])')
  user=$(api "$URL/v3/users" -d "{\"user\":{\"name\":\"neutron\",\"domain_id\":\"default\",\"password\":\"$SERVICE_PASSWORD\"}}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["user"]["id"])')
  role=$(api "$URL/v3/roles?name=admin" | python3 -c 'import json,sys; print(json.load(sys.stdin)["roles"][0]["id"])')
  api -X PUT "$URL/v3/projects/$project/users/$user/roles/$role" >/dev/null
  touch "$ROOT/service-user"
}

up() {
  install
  configure
  bootstrap
  alive || wal_mode
  start
  service_user
  echo "KEYSTONE_URL=$URL/v3"
  echo "KEYSTONE_SERVICE_USER=neutron"
  echo "KEYSTONE_SERVICE_PASSWORD=$SERVICE_PASSWORD"
  echo "KEYSTONE_SERVICE_PROJECT=service"
  echo "KEYSTONE_ADMIN_PASSWORD=$ADMIN_PASSWORD"
}

down() {
  if alive; then kill -TERM "$(cat "$PIDF")"; for _ in $(seq 40); do alive || break; sleep 0.25; done; fi
  rm -f "$PIDF"
  echo "keystone stopped"
}

status() {
  if answering; then echo "keystone running on $URL/v3"; else echo "keystone stopped"; exit 3; fi
}

case "${1:-}" in
  install) install ;;
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 install|up|status|down" >&2; exit 2 ;;
esac
