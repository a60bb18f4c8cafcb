#!/usr/bin/env bash
# Read and event benchmarks against the local stack (started here if it is not up). Prints numbers; not a test.
#   deploy/bench/tasks.sh agencies [count=10000] [seconds=30] [connections=8]  GET /api/v1/agencies/{id}
#   deploy/bench/tasks.sh reads    [tasks=1000] [seconds=20] [connections=8]   GET /api/v1/tasks/{id} vs raw Vert.x
#   deploy/bench/tasks.sh reassign [merges=100]                                merge → TaskReassigned p50/p99
#   deploy/bench/tasks.sh list     [tasks=1000000] [seconds=20] [connections=8] filtered lists over generated tasks
# Each measurement follows WARM_UP_SECONDS (120) of unmeasured load. The programs build against task-service's own libraries (Vert.x PostgreSQL client, Kafka client).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mode="${1:?agencies | reads | reassign | list}"; shift
# the services at full JIT (the local stack's default stops at C1 for a quick start): restarted for the benchmark
"$root/deploy/local/down.sh" >/dev/null 2>&1 || true
LUOSHI_SERVICE_JAVA_OPTS="${LUOSHI_SERVICE_JAVA_OPTS:--Xms512m -Xmx1g}" "$root/deploy/local/up.sh" >/dev/null
app="$root/task-service/target/quarkus-app"
out="$root/.luoshi/bench/tasks"
mkdir -p "$out"
javac -nowarn -d "$out" -cp "$app/lib/main/*" "$root/deploy/bench/src/org/luoshi/bench/TaskBenchmarks.java"
TOKEN=$(curl -sf -d client_id=luoshi-cli -d grant_type=password -d username=admin -d password=admin \
  "http://localhost:${LUOSHI_KEYCLOAK_PORT:-18080}/realms/luoshi/protocol/openid-connect/token" \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
export TOKEN AGENCY_URL="http://127.0.0.1:${LUOSHI_AGENCY_PORT:-8081}" TASK_URL="http://127.0.0.1:${LUOSHI_TASK_PORT:-8082}" \
  KAFKA="127.0.0.1:${LUOSHI_KAFKA_PORT:-19092}" PG_PORT="${LUOSHI_PG_PORT:-15432}"
java -Xmx1g -cp "$out:$app/lib/main/*" org.luoshi.bench.TaskBenchmarks "$mode" "$@"
