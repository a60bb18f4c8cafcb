#!/usr/bin/env bash
# Benchmark: the importer. Prints numbers; not a test.
#   in process: the five seeds parsed (cold and warm) and the parse throughput (tasks/s) of a generated corpus;
#   through HTTP: a task-service and an agency-service started here on 127.0.0.1, with their own PostgreSQL and
#   Kafka (the test infrastructure), import the five seeds as a fresh system's first requests, then (a second
#   task-service on another fresh database, warmed up) the seeds again and generated documents (tasks/s).
# Usage: deploy/bench/import.sh [documents] [tasks-per-document] [documents-imported-through-HTTP (0: parse only)]
# BENCH_COLD_ONLY=true: through HTTP, only the five seeds as the first requests of a freshly started system
# BENCH_PARSE_ROUNDS (8): rounds of the in-process parse over the generated corpus
# BENCH_WARM_UP_ROUNDS (3): unmeasured rounds (dry run and stored) of the corpus before the warm service is measured;
#   C2 still compiles the import path during the first ones
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/.luoshi/bench/import"
# the services are run from their packages: built again when missing or older than any source, since a stale one
# measures old code (or fails against a newer peer)
stale() {
  local jar="$root/$1/target/quarkus-app/quarkus-run.jar"
  [[ ! -f "$jar" || -n "$(find "$root/$1/src/main" "$root/contracts/src/main" -newer "$jar" -print -quit)" ]]
}
if stale agency-service || stale task-service || [[ ! -d "$root/task-service/target/test-classes/org/luoshi/task/support" ]]; then
  (cd "$root" && ./mvnw -B -ntp -q install -DskipTests)
fi
mkdir -p "$out"
(cd "$root/task-service" && ../mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$out/classpath.txt" >/dev/null)
# the reactor's own contracts classes first: the local Maven repository may hold an older build of them
classpath="$root/task-service/target/classes:$root/task-service/target/test-classes:$root/contracts/target/classes"
classpath="$classpath:$root/contracts/target/test-classes:$(cat "$out/classpath.txt")"
javac -nowarn -d "$out/classes" -cp "$classpath" "$root"/deploy/bench/src/org/luoshi/task/importing/{ImportBenchmark,CpuShares}.java
# from task-service/, as its tests run: the test infrastructure finds ../seeds and ../agency-service from there
cd "$root/task-service"
java ${BENCH_JAVA_OPTS:-} -Xmx2g -cp "$out/classes:$classpath" org.luoshi.task.importing.ImportBenchmark "${1:-200}" "${2:-90}" "${3:-40}"
