#!/usr/bin/env bash
# Starts each service from its image archive, without a container engine, and checks that it answers its health
# check. Run by .ci/run after `./mvnw verify -Pcontainer-image` (which writes the archives); by hand, after
# deploy/images/build.sh.
#
# For each deploy/images/target/luoshi-<service>-<tag>.tar (a `docker save` archive):
#  - the image's own description is read from the archive (manifest.json and the config): layers in order,
#    entrypoint, environment, working directory, user, exposed port; the user must not be root;
#  - the layers are unpacked in order into a root file system, which is mounted read-only (as
#    readOnlyRootFilesystem in deploy/kubernetes) with an empty tmpfs on /tmp (the emptyDir there);
#  - the entrypoint runs in that root (a private mount namespace and chroot) as the image's user, with the image's
#    environment plus the service's configuration: a free loopback port, and a database, Kafka and Keycloak
#    address where nothing listens (so Flyway's migration at start is turned off: with no database it would, rightly,
#    stop the start);
#  - it must answer GET /q/health/live with 200 and status UP within 120 s. Without its dependencies it is, rightly,
#    not ready (/q/health/ready: 503, or no answer within 5 s while the Kafka check waits): that is required too,
#    so a readiness check that never asks the database or Kafka would be noticed;
#  - /q/metrics must answer 200 in the Prometheus format; the metric names are kept in
#    target/run-<service>/metrics.txt (docs/operations.md lists the ones dashboards and alerts use).
# Ends with "images: N passed, M failed" and exits 1 on any failure.
#
# Needs root (mount namespace, chroot), GNU tar, curl, node (for a free port and the JSON), unshare (util-linux).
# Environment: IMAGE_TAG (default: luoshi.image.tag of the root pom), SERVICES ("agency-service task-service").
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$(pwd)
OUT="$REPO/deploy/images/target"
IMAGE_TAG="${IMAGE_TAG:-$(sed -n 's:.*<luoshi.image.tag>\(.*\)</luoshi.image.tag>.*:\1:p' pom.xml)}"
SERVICES="${SERVICES:-agency-service task-service}"
START=$(date +%s)
log() { printf '[images %3ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }
die() { printf 'images: %s\n' "$*" >&2; exit 1; }

for tool in tar curl node unshare mount; do command -v "$tool" >/dev/null || die "$tool is missing"; done
[ "$(id -u)" = 0 ] || die "starting a service from its layers needs a mount namespace and chroot: run as root"

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
status_of() { curl -s -o "$2" -w '%{http_code}' --max-time 5 "$1" || true; }

PASSED=0
FAILED=0
service_pid=
# a service left running (the script interrupted) is stopped by its pid
trap '[ -z "$service_pid" ] || kill -KILL "$service_pid" 2>/dev/null || true' EXIT
for service in $SERVICES; do
  archive="$OUT/luoshi-$service-$IMAGE_TAG.tar"
  work="$OUT/run-$service"
  rm -rf "$work"
  if [ ! -f "$archive" ]; then
    log "$service: FAILED: no image archive ${archive#"$REPO"/} (build it with ./mvnw package -Pcontainer-image)"
    FAILED=$((FAILED + 1))
    continue
  fi
  log "$service: $(du -h "$archive" | cut -f1) ${archive#"$REPO"/}; unpacking its layers"
  mkdir -p "$work/archive" "$work/rootfs"
  tar -xf "$archive" -C "$work/archive" --warning=no-unknown-keyword
  node - "$work/archive" >"$work/image.env" <<'NODE'
const fs = require("fs"), path = require("path");
const dir = process.argv[2];
const [manifest] = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
const config = JSON.parse(fs.readFileSync(path.join(dir, manifest.Config), "utf8")).config;
const q = (s) => `'${String(s).replace(/'/g, "'\\''")}'`;
console.log(`LAYERS=(${manifest.Layers.map(q).join(" ")})`);
console.log(`ENTRYPOINT=(${[...(config.Entrypoint ?? []), ...(config.Cmd ?? [])].map(q).join(" ")})`);
console.log(`IMAGE_ENV=(${(config.Env ?? []).map(q).join(" ")})`);
console.log(`WORKDIR=${q(config.WorkingDir || "/")}`);
console.log(`IMAGE_USER=${q(config.User || "0")}`);
console.log(`EXPOSED=${q(Object.keys(config.ExposedPorts ?? {}).join(" "))}`);
NODE
  # shellcheck disable=SC1091
  source "$work/image.env"
  for layer in "${LAYERS[@]}"; do tar -xf "$work/archive/$layer" -C "$work/rootfs" --warning=no-unknown-keyword; done
  rm -rf "$work/archive"
  uid="${IMAGE_USER%%:*}"
  log "$service: entrypoint ${ENTRYPOINT[*]} (user $IMAGE_USER, in $WORKDIR, exposes $EXPOSED)"
  if [ -z "$uid" ] || [ "$uid" = 0 ] || [ "$uid" = root ]; then
    log "$service: FAILED: the image runs as root (User '$IMAGE_USER')"
    FAILED=$((FAILED + 1))
    continue
  fi

  port=$(free_port)
  closed=$(free_port) # nothing listens there: database, Kafka and Keycloak are all unreachable
  env -i "${IMAGE_ENV[@]}" \
    HTTP_HOST=127.0.0.1 HTTP_PORT="$port" DB_HOST=127.0.0.1 DB_PORT="$closed" \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$closed" OIDC_AUTH_SERVER_URL="http://127.0.0.1:$closed/realms/luoshi" \
    AGENCY_SERVICE_URL="http://127.0.0.1:$closed" QUARKUS_FLYWAY_MIGRATE_AT_START=false \
    unshare --mount -- /bin/bash -c '
      set -e
      root=$1; workdir=$2; uid=$3; shift 3
      mount --bind "$root" "$root"
      mount --bind /proc "$root/proc"
      mount --bind /dev "$root/dev"
      mount -t tmpfs -o size=256m,mode=1777 tmpfs "$root/tmp"
      mount -o remount,bind,ro "$root"
      exec unshare --root="$root" --wd="$workdir" --setgid="$uid" --setuid="$uid" -- "$@"' \
    run "$work/rootfs" "$WORKDIR" "$uid" "${ENTRYPOINT[@]}" >"$work/service.log" 2>&1 &
  # env, unshare, bash and unshare each exec the next: the last exec is the entrypoint, with this pid
  service_pid=$!
  t0=$(date +%s)
  live=000 ready=000 metrics=000 up_after=never
  for _ in $(seq 1 120); do
    kill -0 "$service_pid" 2>/dev/null || break
    live=$(status_of "http://127.0.0.1:$port/q/health/live" "$work/live.json")
    [ "$live" = 200 ] && break
    sleep 1
  done
  if [ "$live" = 200 ]; then
    up_after=$(( $(date +%s) - t0 ))
    ready=$(status_of "http://127.0.0.1:$port/q/health/ready" "$work/ready.json")
    metrics=$(status_of "http://127.0.0.1:$port/q/metrics" "$work/metrics.prom")
    grep -v '^#' "$work/metrics.prom" 2>/dev/null | sed 's/[{ ].*//' | sort -u >"$work/metrics.txt" || true
  fi
  # stop it with SIGTERM, as Kubernetes would, and SIGKILL after 10 s (STOP_WAIT): a stop is reported, not required
  stopped="it had already exited"
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    t1=$(date +%s)
    kill -TERM "$service_pid" 2>/dev/null || true
    for _ in $(seq 1 "${STOP_WAIT:-10}"); do kill -0 "$service_pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$service_pid" 2>/dev/null; then
      kill -KILL "$service_pid" 2>/dev/null || true
      stopped="still stopping ${STOP_WAIT:-10} s after SIGTERM (killed)"
    else
      stopped="stopped $(( $(date +%s) - t1 )) s after SIGTERM"
    fi
  fi
  wait "$service_pid" 2>/dev/null || true
  problems=()
  [ "$live" = 200 ] && grep -q '"status": *"UP"' "$work/live.json" || problems+=("/q/health/live answered $live")
  [ "$live" = 200 ] && [ "$ready" = 200 ] && problems+=("/q/health/ready is UP with no database and no Kafka")
  [ "$live" = 200 ] && { [ "$metrics" = 200 ] && grep -q '^jvm_memory_used_bytes' "$work/metrics.prom" || problems+=("/q/metrics answered $metrics"); }
  grep -q 'Read-only file system' "$work/service.log" && problems+=("wrote outside /tmp: $(grep -m1 'Read-only file system' "$work/service.log")")
  if [ ${#problems[@]} = 0 ]; then
    log "$service: ok: /q/health/live UP after ${up_after}s from a read-only root as user $uid; ready ${ready/000/gave no answer in 5 s} without its dependencies; $(wc -l <"$work/metrics.txt" | tr -d ' ') metrics"
    log "$service: $stopped"
    PASSED=$((PASSED + 1))
  else
    log "$service: FAILED: $(IFS=';'; echo "${problems[*]}"); last lines of its log:"
    tail -n 40 "$work/service.log" | sed 's/^/    /'
    FAILED=$((FAILED + 1))
  fi
  service_pid=
  rm -rf "$work/rootfs"
done

echo "images: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
