#!/usr/bin/env bash
# Apache Pulsar 3.0.x standalone (broker + one bookie + RocksDB metadata in one JVM) on loopback
# ports, for tests and local runs. No Docker and no Apache download site here: Pulsar comes from
# the Maven registry.
#   deploy/local/pulsar.sh install|up|start|stop|down|status
# up = install if missing + start + wait until /admin/v2/brokers/health says ok; down = stop.
# State, jars and logs live under $PULSAR_ROOT (default /tmp/alcor-pulsar). See README-pulsar.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=${PULSAR_ROOT:-/tmp/alcor-pulsar}
# 3.0.x is the LTS line that runs on JDK 17. 3.0.7 is the newest 3.0.x whose broker jars the
# registry serves here (3.0.12 is not served); change it deliberately.
VERSION=${PULSAR_VERSION:-3.0.7}
PORT=${PULSAR_PORT:-6650}
HTTP_PORT=${PULSAR_HTTP_PORT:-8080}
BOOKIE_PORT=${PULSAR_BOOKIE_PORT:-3181}
START_TIMEOUT=${PULSAR_START_TIMEOUT:-180}
# Pulsar 3.0 needs Java 17; prefer Debian's JDK 17 even if JAVA_HOME points at a newer one.
if [ -n "${PULSAR_JAVA:-}" ]; then JAVA=$PULSAR_JAVA
elif [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]; then JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java
else JAVA=java; fi
MEM=(-Xms512m -Xmx512m -XX:MaxDirectMemorySize=1g)   # bin/pulsar's default is 2g/2g/4g

DIST=$ROOT/dist-$VERSION     # route A: the unpacked distribution tarball
JARS=$ROOT/jars-$VERSION     # route B: broker jars resolved through a throwaway POM
MARK=$ROOT/.installed-$VERSION
CONF=$ROOT/conf/standalone.conf
LOG=$ROOT/log/pulsar.log
PIDF=$ROOT/pulsar.pid
HTTP=http://127.0.0.1:$HTTP_PORT

say() { echo "pulsar: $*" >&2; }
die() { say "$*"; exit 1; }

# --- install ---------------------------------------------------------------------------------

# Route A: the full distribution, attached to pulsar-server-distribution as classifier bin.
# The registry serves it for only a few versions (none in 3.0.x here), so this usually fails fast.
install_a() {
  local dl=$ROOT/dl tgz top
  rm -rf "$dl" && mkdir -p "$dl"
  mvn -B -q dependency:copy \
    "-Dartifact=org.apache.pulsar:pulsar-server-distribution:$VERSION:tar.gz:bin" \
    "-DoutputDirectory=$dl" >>"$ROOT/install.log" 2>&1 || return 1
  tgz=$(find "$dl" -maxdepth 1 -name '*.tar.gz' | head -n 1)
  [ -n "$tgz" ] || return 1
  top=$(tar -tzf "$tgz" | head -n 1 | cut -d/ -f1)
  rm -rf "$DIST.tmp" && mkdir -p "$DIST.tmp"
  tar -xzf "$tgz" -C "$DIST.tmp" --strip-components=1 || return 1
  [ -x "$DIST.tmp/bin/pulsar" ] || return 1
  echo "$top" >"$DIST.tmp/.topdir"          # recorded: the tarball's own top directory name
  rm -rf "$DIST" && mv "$DIST.tmp" "$DIST" && rm -rf "$dl"
}

# Route B: pulsar-broker and its runtime dependencies. Importing the parent POM `pulsar` as a BOM
# is essential: without it Maven 3.8's resolver meets conflicting exact version ranges among the
# transitive grpc artifacts and spends tens of minutes building the failure message.
install_b() {
  rm -rf "$JARS.tmp" && mkdir -p "$JARS.tmp"
  cat >"$JARS.tmp/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>alcor.local</groupId><artifactId>pulsar-standalone-jars</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencyManagement><dependencies>
    <dependency><groupId>org.apache.pulsar</groupId><artifactId>pulsar</artifactId>
      <version>$VERSION</version><type>pom</type><scope>import</scope></dependency>
  </dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>org.apache.pulsar</groupId><artifactId>pulsar-broker</artifactId>
      <version>$VERSION</version></dependency>
  </dependencies>
</project>
EOF
  mvn -B -q -f "$JARS.tmp/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
    "-DoutputDirectory=$JARS.tmp/lib" >>"$ROOT/install.log" 2>&1 || return 1
  [ -f "$JARS.tmp/lib/pulsar-broker-$VERSION.jar" ] || return 1
  rm -rf "$JARS" && mv "$JARS.tmp" "$JARS"
}

install() {
  # The health checks use curl; a minimal machine may lack it (Debian's package).
  if ! command -v curl >/dev/null; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends curl >&2 ||
      die "curl not found and could not be installed"
  fi
  if [ -f "$MARK" ]; then return 0; fi     # idempotent: already fetched
  command -v mvn >/dev/null || die "mvn not found (needs Maven 3.8 + JDK 17)"
  mkdir -p "$ROOT"
  : >"$ROOT/install.log"
  local t0=$SECONDS
  say "fetching Pulsar $VERSION through Maven (log: $ROOT/install.log)..."
  if install_a; then
    echo A >"$MARK"
  else
    rm -rf "$ROOT/dl" "$DIST.tmp"
    say "route A (pulsar-server-distribution:$VERSION:tar.gz:bin) unavailable; trying broker jars (route B)..."
    if install_b; then
      echo B >"$MARK"
    else
      rm -rf "$JARS.tmp"
      say "route B failed too. Maven said:"
      grep -E '^\[ERROR\]' "$ROOT/install.log" | grep -v -E '^\[ERROR\] *$|Re-run|Help 1|full stack|For more information' | tail -n 8 >&2 || true
      exit 1
    fi
  fi
  say "installed Pulsar $VERSION via route $(cat "$MARK") in $((SECONDS - t0)) s"
}

# --- run -------------------------------------------------------------------------------------

pid_of() { [ -f "$PIDF" ] && tr -dc '0-9' <"$PIDF"; }

# Ours = the pid file's process is a Pulsar standalone JVM started with our root, or (route A,
# for the first moments) our bin/pulsar launcher before it execs java under the same pid.
alive() {
  local pid cmd
  pid=$(pid_of) || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline")
  [[ $cmd == *"$ROOT/"* ]] || return 1
  [[ $cmd == *org.apache.pulsar.PulsarStandaloneStarter* || $cmd == *"$DIST/bin/pulsar standalone"* ]]
}

healthy() { [ "$(curl -sf -m 30 "$HTTP/admin/v2/brokers/health" 2>/dev/null)" = ok ]; }

write_conf() {
  mkdir -p "$ROOT/conf"
  # Ports come from the environment; everything else from the file kept in the repository.
  sed -e "s/^brokerServicePort=.*/brokerServicePort=$PORT/" \
      -e "s/^webServicePort=.*/webServicePort=$HTTP_PORT/" \
      "$HERE/pulsar/standalone.conf" >"$CONF"
  # Route B has no log4j2 configuration of its own (without one only errors are logged).
  cat >"$ROOT/conf/log4j2.xml" <<'EOF'
<Configuration status="warn">
  <Appenders><Console name="out" target="SYSTEM_OUT">
    <PatternLayout pattern="%d{HH:mm:ss.SSS} %-5level [%t] %c{1} - %msg%n"/>
  </Console></Appenders>
  <Loggers>
    <Logger name="org.apache.bookkeeper" level="warn"/>
    <Logger name="org.apache.zookeeper" level="warn"/>
    <Logger name="org.eclipse.jetty" level="warn"/>
    <Root level="info"><AppenderRef ref="out"/></Root>
  </Loggers>
</Configuration>
EOF
}

print_urls() {
  echo "PULSAR_WS_URL=ws://127.0.0.1:$HTTP_PORT PULSAR_HTTP_URL=$HTTP PULSAR_BROKER_URL=pulsar://127.0.0.1:$PORT"
}

start() {
  [ -f "$MARK" ] || die "Pulsar $VERSION is not installed under $ROOT (run: $0 install)"
  if alive; then
    healthy || wait_healthy
    print_urls; return 0
  fi
  rm -f "$PIDF"
  for p in "$PORT" "$HTTP_PORT" "$BOOKIE_PORT"; do
    if ss -Hltn "sport = :$p" 2>/dev/null | grep -q .; then die "port $p is already in use"; fi
  done
  write_conf
  mkdir -p "$ROOT/log" "$ROOT/data/metadata" "$ROOT/data/bookkeeper"
  # keep one previous log once it passes 100 MB (INFO level; a long test session writes GBs)
  if [ -f "$LOG" ] && [ "$(stat -c %s "$LOG")" -gt 100000000 ]; then mv -f "$LOG" "$LOG.1"; fi
  # Absolute data dirs: the defaults are relative to the working directory.
  local opts=(-nfw -nss --advertised-address 127.0.0.1 --bookkeeper-port "$BOOKIE_PORT"
              --metadata-dir "$ROOT/data/metadata" --bookkeeper-dir "$ROOT/data/bookkeeper")
  echo "${START_MARK:---- start $(date -u +%FT%TZ)}" >>"$LOG"
  echo "version $VERSION route $(cat "$MARK")" >>"$LOG"
  cd "$ROOT"
  if [ "$(cat "$MARK")" = A ]; then
    # bin/pulsar adds its own JVM flags and execs java, so $! is the JVM's pid.
    # Its pulsar_env.sh defaults write the GC log to a relative logs/ that the tarball lacks (the
    # JVM refuses to start) and size GC threads for 32 cores: override both.
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v "$JAVA")")")") \
    PULSAR_STANDALONE_CONF=$CONF PULSAR_MEM="${MEM[*]}" PULSAR_LOG_DIR=$ROOT/log \
    PULSAR_GC="-XX:+UseG1GC" PULSAR_GC_LOG="-Xlog:gc*:$ROOT/log/gc.log:time,uptime:filecount=2,filesize=10M" \
      setsid "$DIST/bin/pulsar" standalone "${opts[@]}" >>"$LOG" 2>&1 </dev/null &
  else
    # The flags bin/pulsar would add (module opens for Netty/BookKeeper, metadata drivers).
    local jvm=(--add-opens java.base/java.io=ALL-UNNAMED --add-opens java.base/java.util.zip=ALL-UNNAMED
      --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/jdk.internal.misc=ALL-UNNAMED
      --add-opens java.base/sun.net=ALL-UNNAMED --add-opens java.management/sun.management=ALL-UNNAMED
      -Dio.netty.tryReflectionSetAccessible=true -Djava.net.preferIPv4Stack=true
      -Djute.maxbuffer=10485760 -Dlog4j2.is.webapp=false -Dlog4j.shutdownHookEnabled=false
      "-Dlog4j.configurationFile=$ROOT/conf/log4j2.xml"
      -Dbookkeeper.metadata.bookie.drivers=org.apache.pulsar.metadata.bookkeeper.PulsarMetadataBookieDriver
      -Dbookkeeper.metadata.client.drivers=org.apache.pulsar.metadata.bookkeeper.PulsarMetadataClientDriver)
    setsid "$JAVA" "${MEM[@]}" "${jvm[@]}" -cp "$JARS/lib/*" org.apache.pulsar.PulsarStandaloneStarter \
      --config "$CONF" "${opts[@]}" >>"$LOG" 2>&1 </dev/null &
  fi
  echo $! >"$PIDF"
  wait_healthy
  print_urls
}

# A broker that went down without an orderly shutdown (SIGKILL, or stop's KILL after TERM) can
# come back with its bookie's registration lock in an endless revalidation loop: its own delete and
# create notifications invalidate it again and again (apache/pulsar#17759; 3.0.7 and 4.0.7 both
# do it, about half of the restarts after a kill here). One core then spins for as long as the
# broker runs and ledger creates fail now and then with "Not enough non-faulty bookies available".
# It shows in the log within a second of start-up; an orderly stop and a fresh start clear it.
registration_looping() {
  local count
  count=$(awk -v mark="$1" '$0 == mark { found = 1; n = 0; next }
    found && /Lock on resource \/ledgers\/available\/.* was invalidated/ { n++ } END { print n + 0 }' "$LOG")
  [ "$count" -gt 20 ]
}

# start, then restart (orderly) while the bookie registration loops; at most 3 tries.
start_clean() {
  local try
  for try in 1 2 3; do
    START_MARK="--- start $(date -u +%FT%TZ) #$$-$try"
    start
    sleep 2
    if ! registration_looping "$START_MARK"; then return 0; fi
    say "bookie registration loop after start (try $try); restarting in order"
    stop >/dev/null
  done
  die "bookie registration still looping after 3 starts; see $LOG"
}

wait_healthy() {
  local t0=$SECONDS
  while [ $((SECONDS - t0)) -lt "$START_TIMEOUT" ]; do
    if healthy; then say "healthy after $((SECONDS - t0)) s"; return 0; fi
    if ! alive; then
      say "the Pulsar JVM exited during start-up; last lines of $LOG:"
      tail -n 30 "$LOG" >&2; rm -f "$PIDF"; exit 1
    fi
    sleep 1
  done
  say "not healthy after $START_TIMEOUT s (still running; see $LOG):"
  tail -n 30 "$LOG" >&2; exit 1
}

stop() {
  local pid
  if alive; then
    pid=$(pid_of)
    kill -TERM "$pid"
    for _ in $(seq 60); do [ -d "/proc/$pid" ] || break; sleep 0.5; done
    if [ -d "/proc/$pid" ]; then say "no exit 30 s after TERM; sending KILL"; kill -KILL "$pid" 2>/dev/null || true; fi
    for _ in $(seq 20); do [ -d "/proc/$pid" ] || break; sleep 0.5; done
  elif [ -f "$PIDF" ]; then
    say "stale pid file (process gone or not ours); removing it"
  fi
  rm -f "$PIDF"
  echo "pulsar stopped"
}

status() {
  if alive; then
    echo "pulsar running (pid $(pid_of), version $VERSION, health: $(curl -sf -m 5 "$HTTP/admin/v2/brokers/health" 2>/dev/null || echo not-ok))"
  else
    echo "pulsar stopped"; exit 3
  fi
}

case "${1:-}" in
  install) install ;;
  up) install; start_clean ;;
  start) start_clean ;;
  stop | down) stop ;;
  status) status ;;
  *) echo "usage: $0 install|up|start|stop|down|status" >&2; exit 2 ;;
esac
