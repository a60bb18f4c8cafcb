#!/usr/bin/env bash
# Offline validation of everything under deploy/ (run by ./mvnw verify through the root pom, or by hand):
# renders the Kustomize overlays, validates every object against the Kubernetes and operator CRD schemas
# (npm kubernetes-models packages), refuses unknown fields, cross-checks the manifests against the services'
# application.properties, and checks deploy/compose/compose.yaml. Details: deploy/validate/validate.mjs.
# The npm packages are installed into deploy/node_modules (git-ignored) from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null 2>&1; then
  echo "deploy/validate.sh needs Node.js and npm (apt-get install nodejs npm)" >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
exec node validate/validate.mjs "$@"
