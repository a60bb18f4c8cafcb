#!/usr/bin/env bash
# Builds the image archive of each service without a Docker daemon and starts each one from it:
#   ./mvnw package -DskipTests -Pcontainer-image   base image (base-image.sh), then Quarkus Jib per service:
#                                                  deploy/images/target/luoshi-<service>-<tag>.tar
#   deploy/images/check.sh                         each service started from its archive's layers
# .ci/run does the same without rebuilding: its ./mvnw verify runs with -Pcontainer-image.
# Arguments are passed to Maven (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -ntp package -DskipTests -Pcontainer-image -pl agency-service,task-service -am "$@"
exec bash deploy/images/check.sh
