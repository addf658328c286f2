#!/usr/bin/env bash
# One Apache Ignite 2.x server node (in memory, no persistence) on loopback ports, for tests and
# local runs: a shared cache behind @alcor/kv. No Docker and no Apache download site here: Ignite
# comes from the Maven registry and starts from the project's own Java main (deploy/local/ignite/).
#   deploy/local/ignite.sh install|up|start|stop|down|status
# up = install if missing + start + wait until a thin-client handshake succeeds; down = stop.
# The last line of up/start is IGNITE_ENDPOINT=127.0.0.1:<port>.
# State, jars and logs live under $IGNITE_ROOT (default /tmp/alcor-ignite).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=${IGNITE_ROOT:-/tmp/alcor-ignite}
# Pinned in deploy/local/ignite/pom.xml (2.17.0); the same coordinates also carry Ignite 3.
CLIENT_PORT=${IGNITE_PORT:-10800}
DISCOVERY_PORT=${IGNITE_DISCOVERY_PORT:-47500}
COMMUNICATION_PORT=${IGNITE_COMMUNICATION_PORT:-47100}
START_TIMEOUT=${IGNITE_START_TIMEOUT:-90}
HEAP=${IGNITE_HEAP:-256m}
REGION_MB=${IGNITE_REGION_MB:-256}
if [ -n "${IGNITE_JAVA:-}" ]; then JAVA=$IGNITE_JAVA
elif [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]; then JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java
else JAVA=java; fi

BUILD=$ROOT/build
MARK=$ROOT/.installed
LOG=$ROOT/log/ignite.log
PIDF=$ROOT/ignite.pid
MAIN=alcor.ignite.AlcorIgniteNode

say() { echo "ignite: $*" >&2; }
die() { say "$*"; exit 1; }

# --- install ---------------------------------------------------------------------------------

# Rebuilt when the Java project changes (its checksum is the marker's content).
source_sum() { cat "$HERE/ignite/pom.xml" "$HERE"/ignite/src/main/java/alcor/ignite/*.java | sha256sum | cut -d' ' -f1; }

install() {
  if [ -f "$MARK" ] && [ "$(cat "$MARK")" = "$(source_sum)" ]; then return 0; fi
  command -v mvn >/dev/null || die "mvn not found (needs Maven 3.8 + JDK 17)"
  mkdir -p "$ROOT"
  local t0=$SECONDS
  say "building the node and fetching Ignite through Maven (log: $ROOT/install.log)..."
  rm -rf "$BUILD" && mkdir -p "$BUILD"
  cp -r "$HERE/ignite/pom.xml" "$HERE/ignite/src" "$BUILD/"
  if ! mvn -B -q -f "$BUILD/pom.xml" package dependency:copy-dependencies -DincludeScope=runtime >"$ROOT/install.log" 2>&1; then
    say "the Maven build failed. Maven said:"
    grep -E '^\[ERROR\]' "$ROOT/install.log" | grep -v -E '^\[ERROR\] *$|Re-run|Help 1|full stack|For more information' | tail -n 8 >&2 || true
    exit 1
  fi
  [ -d "$BUILD/target/classes/alcor" ] && ls "$BUILD"/target/dependency/ignite-core-*.jar >/dev/null 2>&1 || die "build produced no classes or jars"
  source_sum >"$MARK"
  say "installed in $((SECONDS - t0)) s"
}

# --- run -------------------------------------------------------------------------------------

pid_of() { [ -f "$PIDF" ] && tr -dc '0-9' <"$PIDF"; }

# Ours = the pid file's process is a JVM running our main class with our root.
alive() {
  local pid cmd
  pid=$(pid_of) || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline")
  [[ $cmd == *"$ROOT/"* && $cmd == *"$MAIN"* ]]
}

# A thin-client handshake (protocol 1.1.0): length 8, op 1, version 1.1.0, client code 2.
# The node answers with a length and a success byte of 1. Needs no Node.js: bash + od only.
handshake_ok() {
  local reply
  reply=$(timeout 3 bash -c '
    exec 3<>/dev/tcp/127.0.0.1/'"$CLIENT_PORT"' || exit 1
    printf "\x08\x00\x00\x00\x01\x01\x00\x01\x00\x00\x00\x02" >&3
    head -c 5 <&3 | od -An -tx1' 2>/dev/null) || return 1
  [[ $(echo $reply) == *" 01" ]]
}

print_endpoint() { echo "IGNITE_ENDPOINT=127.0.0.1:$CLIENT_PORT"; }

opens() {
  local m
  # Ignite 2.x on JDK 17 (ignite.sh adds these itself; an embedded start must pass them).
  for m in java.base/jdk.internal.access java.base/jdk.internal.misc java.base/sun.nio.ch \
    java.base/sun.util.calendar java.base/sun.reflect.generics.reflectiveObjects java.base/java.io \
    java.base/java.nio java.base/java.net java.base/java.util java.base/java.util.concurrent \
    java.base/java.util.concurrent.locks java.base/java.util.concurrent.atomic java.base/java.lang \
    java.base/java.lang.invoke java.base/java.lang.reflect java.base/java.math java.base/java.time \
    java.base/java.text java.management/com.sun.jmx.mbeanserver java.management/sun.management \
    jdk.internal.jvmstat/sun.jvmstat.monitor jdk.management/com.sun.management.internal \
    java.sql/java.sql java.desktop/java.awt.font; do
    echo "--add-opens=$m=ALL-UNNAMED"
  done
}

start() {
  [ -f "$MARK" ] || die "Ignite is not installed under $ROOT (run: $0 install)"
  if alive; then
    handshake_ok || wait_ready
    print_endpoint; return 0
  fi
  rm -f "$PIDF"
  for p in "$CLIENT_PORT" "$DISCOVERY_PORT" "$COMMUNICATION_PORT"; do
    if ss -Hltn "sport = :$p" 2>/dev/null | grep -q .; then die "port $p is already in use (set IGNITE_PORT / IGNITE_DISCOVERY_PORT / IGNITE_COMMUNICATION_PORT)"; fi
  done
  mkdir -p "$ROOT/log" "$ROOT/work"
  rm -rf "$ROOT/work"/*     # in memory only: nothing to keep between starts
  echo "--- start $(date -u +%FT%TZ)" >>"$LOG"
  local -a flags
  mapfile -t flags < <(opens)
  cd "$ROOT"
  setsid "$JAVA" "-Xms$HEAP" "-Xmx$HEAP" -XX:+UseG1GC "${flags[@]}" \
    -Djava.net.preferIPv4Stack=true -DIGNITE_UPDATE_NOTIFIER=false -DIGNITE_QUIET=true \
    -DIGNITE_NO_ASCII=true -DIGNITE_PERFORMANCE_SUGGESTIONS_DISABLED=true \
    "-Dalcor.ignite.clientPort=$CLIENT_PORT" "-Dalcor.ignite.discoveryPort=$DISCOVERY_PORT" \
    "-Dalcor.ignite.communicationPort=$COMMUNICATION_PORT" "-Dalcor.ignite.regionMb=$REGION_MB" \
    "-Dalcor.ignite.work=$ROOT/work" \
    -cp "$BUILD/target/classes:$BUILD/target/dependency/*" "$MAIN" >>"$LOG" 2>&1 </dev/null &
  echo $! >"$PIDF"
  wait_ready
  print_endpoint
}

wait_ready() {
  local t0=$SECONDS
  while [ $((SECONDS - t0)) -lt "$START_TIMEOUT" ]; do
    if handshake_ok; then say "thin-client handshake ok after $((SECONDS - t0)) s"; return 0; fi
    if ! alive; then
      say "the Ignite JVM exited during start-up; last lines of $LOG:"
      tail -n 30 "$LOG" >&2; rm -f "$PIDF"; exit 1
    fi
    sleep 0.5
  done
  say "no thin-client handshake after $START_TIMEOUT s (still running; see $LOG):"
  tail -n 30 "$LOG" >&2; exit 1
}

stop() {
  local pid
  if alive; then
    pid=$(pid_of)
    kill -TERM "$pid"
    for _ in $(seq 40); do [ -d "/proc/$pid" ] || break; sleep 0.5; done
    if [ -d "/proc/$pid" ]; then say "no exit 20 s after TERM; sending KILL"; kill -KILL "$pid" 2>/dev/null || true; fi
    for _ in $(seq 20); do [ -d "/proc/$pid" ] || break; sleep 0.5; done
  elif [ -f "$PIDF" ]; then
    say "stale pid file (process gone or not ours); removing it"
  fi
  rm -f "$PIDF"
  echo "ignite stopped"
}

status() {
  if alive; then
    local state=not-ok
    handshake_ok && state=ok
    echo "ignite running (pid $(pid_of), thin client 127.0.0.1:$CLIENT_PORT, handshake: $state, rss $(ps -o rss= -p "$(pid_of)" | tr -d ' ') KB)"
  else
    echo "ignite stopped"; exit 3
  fi
}

case "${1:-}" in
  install) install ;;
  up) install; start ;;
  start) start ;;
  stop | down) stop ;;
  status) status ;;
  *) echo "usage: $0 install|up|start|stop|down|status" >&2; exit 2 ;;
esac
