#!/usr/bin/env bash
# Benchmark: latency of GET /api/v1/agencies/{id} over 10,000 agencies and GET /api/v1/tasks/{id} over 1,000
# tasks, against the local stack (started here if it is not up). Prints numbers; not a test.
# Usage: deploy/bench/http-latency.sh [agencies] [tasks] [seconds] [concurrency]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
"$root/deploy/local/up.sh" >/dev/null
token=$(curl -sf -d client_id=luoshi-cli -d grant_type=password -d username=admin -d password=admin \
  "http://localhost:${LUOSHI_KEYCLOAK_PORT:-18080}/realms/luoshi/protocol/openid-connect/token" \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
export TOKEN="$token" AGENCY_URL="http://127.0.0.1:${LUOSHI_AGENCY_PORT:-8081}" TASK_URL="http://127.0.0.1:${LUOSHI_TASK_PORT:-8082}"
# tokens live 5 minutes by default: each run fetches its own
java "$root/deploy/bench/src/HttpLatency.java" agencies "${1:-10000}" "${3:-30}" "${4:-8}"
java "$root/deploy/bench/src/HttpLatency.java" tasks "${2:-1000}" "${3:-30}" "${4:-8}"
