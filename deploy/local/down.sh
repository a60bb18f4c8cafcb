#!/usr/bin/env bash
# Stops exactly what deploy/local/up.sh started (the processes in .luoshi/pids/ and the PostgreSQL cluster in
# .luoshi/pg/), newest first. Nothing else is touched, even if it listens on the same ports.
#   --purge  also deletes the local data (PostgreSQL cluster, Kafka log, Keycloak database, logs);
#            downloads (Kafka libs, Keycloak, PostgreSQL binaries) are kept.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"
STATE="$REPO/.luoshi"
PIDS="$STATE/pids"

PURGE=0
for arg in "$@"; do
  case "$arg" in
    --purge) PURGE=1 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "usage: $0 [--purge]" >&2; exit 2 ;;
  esac
done

log() { printf '[down] %s\n' "$*"; }
IS_ROOT=0; [[ $EUID -eq 0 ]] && IS_ROOT=1
as_pg() { if ((IS_ROOT)); then runuser -u postgres -- "$@"; else "$@"; fi; }

# Same identity check as up.sh: a pid file holds "PID STARTTIME" (field 22 of /proc/PID/stat).
proc_start() { # prints it, fails for no such process or a zombie
  local s; s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1; s=${s##*) }
  [[ "${s:0:1}" != Z ]] || return 1; cut -d' ' -f20 <<<"$s"
}
group_alive() { kill -0 -- "-$1" 2>/dev/null; }

# stop NAME: SIGTERM to the process group up.sh created (its pid leads it), up to 30 s, then SIGKILL
stop() {
  local name=$1 f="$PIDS/$1.pid" pid start i
  [[ -f "$f" ]] || return 0
  read -r pid start <"$f" || true
  if [[ -z "$pid" || -z "$start" ]] || [[ "$(proc_start "$pid")" != "$start" ]]; then
    # Leader gone but members of its group left (e.g. the java child of kc.sh): Linux does not reuse a pid
    # while it still names a process group, so that group is still the one up.sh created.
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null && group_alive "$pid"; then
      log "$name: leader gone, stopping the rest of its process group $pid"
      kill -TERM -- "-$pid" 2>/dev/null || true
      for ((i = 0; i < 50; i++)); do group_alive "$pid" || break; sleep 0.2; done
      kill -KILL -- "-$pid" 2>/dev/null || true
    else
      log "$name: not running"
    fi
    rm -f "$f"; return 0
  fi
  log "$name: stopping (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 150; i++)); do group_alive "$pid" || kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if group_alive "$pid" || kill -0 "$pid" 2>/dev/null; then
    log "$name: still alive after 30 s: SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

if [[ -d "$PIDS" ]]; then
  stop task-service
  stop agency-service
  stop keycloak
  stop kafka
fi

# PostgreSQL: pg_ctl on each cluster up.sh created (Debian or zonky binaries); pg_ctl reads the cluster's
# own postmaster.pid, so only that server is stopped.
for data in "$STATE"/pg/data-*; do
  [[ -f "$data/PG_VERSION" ]] || continue
  case "$data" in
    */data-debian) bin=/usr/lib/postgresql/15/bin ;;
    */data-zonky) bins=("$STATE"/pg/zonky-*/bin); bin=${bins[0]} ;;
    *) continue ;;
  esac
  [[ -x "$bin/pg_ctl" ]] || { log "no pg_ctl for $data"; continue; }
  if as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "postgres: stopping ($data)"
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null || log "postgres: pg_ctl stop failed"
  fi
done
rm -f "$PIDS/postgres.pid"

if ((PURGE)); then
  log "purging local data (downloads kept)"
  rm -rf "$STATE"/pg/data-* "$STATE/pg/run" "$STATE/kafka/data" "$STATE/kafka/config" "$STATE/kafka/topics.done" \
         "$STATE/logs" "$STATE/pids"
  for kc in "$STATE"/keycloak/keycloak-*; do [[ -d "$kc" ]] && rm -rf "$kc/data"; done
fi
log "done"
