#!/usr/bin/env bash
# Benchmark: latency of GET /api/v1/agencies/{id} over generated agencies, against the local stack (started here
# if it is not up). Prints numbers; not a test. Task reads: deploy/bench/tasks.sh reads.
# Usage: deploy/bench/http-latency.sh [agencies=10000] [seconds=30] [connections=8]
set -euo pipefail
exec "$(dirname "$0")/tasks.sh" agencies "${1:-10000}" "${2:-30}" "${3:-8}"
