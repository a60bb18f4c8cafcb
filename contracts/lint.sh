#!/usr/bin/env bash
# Lints every contract with Redocly CLI (installed from npm into contracts/node_modules on first use).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x node_modules/.bin/redocly ]; then
  npm install --no-audit --no-fund --loglevel=error >&2
fi
exec node_modules/.bin/redocly lint --config redocly.yaml --format stylish
