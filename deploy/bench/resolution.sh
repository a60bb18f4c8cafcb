#!/usr/bin/env bash
# Benchmark: in-process agency name resolution (names/s) over ~10,000 generated agencies. Prints numbers; not a test.
# Usage: deploy/bench/resolution.sh [rounds]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/.luoshi/bench/resolution"
app="$root/agency-service/target/quarkus-app"
if [[ ! -d "$app/lib/main" ]]; then
  (cd "$root" && ./mvnw -B -ntp -q -pl agency-service -am package -DskipTests)
fi
classpath="$root/agency-service/target/classes:$app/lib/main/*"
mkdir -p "$out"
javac -nowarn -d "$out" -cp "$classpath" "$root"/deploy/bench/src/org/luoshi/agency/naming/ResolutionBenchmark.java
java -cp "$out:$classpath" org.luoshi.agency.naming.ResolutionBenchmark "${1:-5}"
