#!/usr/bin/env bash
# Imports the seed documents listed in deploy/local/seeds.tsv through POST /api/v1/imports (run by up.sh).
# Importing the same file again changes nothing (the service answers 200), so re-running is safe.
set -euo pipefail
repo="${LUOSHI_REPO:-$(cd "$(dirname "$0")/../.." && pwd)}"
task_url="${LUOSHI_TASK_URL:-http://127.0.0.1:8082}"
keycloak_url="${LUOSHI_KEYCLOAK_URL:-http://localhost:18080}"

token=$(curl -sf --connect-timeout 5 -m 30 -d client_id=luoshi-cli -d grant_type=password -d username=admin -d password=admin \
  "$keycloak_url/realms/luoshi/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
[[ -n "$token" ]] || { echo "no token from $keycloak_url" >&2; exit 1; }

while IFS=$'\t' read -r file jurisdiction; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  response=$(mktemp)
  status=$(curl -s --connect-timeout 5 -m 300 -o "$response" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/octet-stream' --data-binary "@$repo/seeds/$file" \
    "$task_url/api/v1/imports?fileName=$file&jurisdiction=$jurisdiction")
  case "$status" in
    201) echo "imported $file ($jurisdiction)" ;;
    200) echo "already imported $file" ;;
    *) echo "import of $file failed with $status: $(head -c 500 "$response")" >&2; rm -f "$response"; exit 1 ;;
  esac
  rm -f "$response"
done < "$repo/deploy/local/seeds.tsv"
