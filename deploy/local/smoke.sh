#!/usr/bin/env bash
# Smoke test of the local stack, for CI: deploy/local/up.sh, then real calls against every piece (a Keycloak
# token for the local user admin, one authenticated request per service, OpenAPI documents, realm discovery,
# security end to end with real tokens and the audit trail, deploy/local/scenario.sh, Kafka topics, PostgreSQL), then ALWAYS
# deploy/local/down.sh. Exits non-zero if anything failed.
# Same LUOSHI_*_PORT variables as up.sh. LUOSHI_SMOKE_KEEP=1 leaves the stack up afterwards (for debugging).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"
STATE="$REPO/.luoshi"

PG_PORT="${LUOSHI_PG_PORT:-15432}"
KAFKA_PORT="${LUOSHI_KAFKA_PORT:-19092}"
KC_PORT="${LUOSHI_KEYCLOAK_PORT:-18080}"
AGENCY_PORT="${LUOSHI_AGENCY_PORT:-8081}"
TASK_PORT="${LUOSHI_TASK_PORT:-8082}"
REALM_URL="http://localhost:$KC_PORT/realms/luoshi"
TOPICS=(agency.events task.events agency.events.dlq task.events.dlq)

FAILED=0
BODY=$(mktemp)
ok()   { printf '[smoke] ok    %s\n' "$*"; }
fail() { printf '[smoke] FAIL  %s\n' "$*" >&2; FAILED=1; }

finish() {
  local rc=$?
  rm -f "$BODY"
  ((rc == 0 && FAILED == 0)) || echo "[smoke] logs: $STATE/logs" >&2
  if [[ "${LUOSHI_SMOKE_KEEP:-0}" == 1 ]]; then
    echo "[smoke] LUOSHI_SMOKE_KEEP=1: leaving the stack up (deploy/local/down.sh stops it)"
  else
    "$SCRIPT_DIR/down.sh" || rc=1
  fi
  if ((rc != 0 || FAILED != 0)); then echo "[smoke] FAILED" >&2; exit 1; fi
  echo "[smoke] PASSED"
}
trap finish EXIT

"$SCRIPT_DIR/up.sh"

# http_check NAME EXPECTED_CODE URL [CURL_ARGS...]: body left in $BODY
http_check() {
  local name=$1 expected=$2 url=$3 code; shift 3
  code=$(curl -s -m 20 -o "$BODY" -w '%{http_code}' "$@" "$url" || true)
  if [[ "$code" == "$expected" ]]; then ok "$name ($url: $code)"; return 0; fi
  fail "$name: $url answered ${code:-nothing}, expected $expected: $(head -c 300 "$BODY")"; return 1
}
body_has() { # NAME STRING
  if grep -qF -- "$2" "$BODY"; then ok "$1"; else fail "$1: '$2' not in $(head -c 300 "$BODY")"; fi
}

# --- Keycloak: discovery document, then a real token (password grant, public client luoshi-cli)
if http_check "realm discovery" 200 "$REALM_URL/.well-known/openid-configuration"; then
  body_has "issuer is $REALM_URL" "\"issuer\":\"$REALM_URL\""
fi
TOKEN=""
if http_check "token for admin" 200 "$REALM_URL/protocol/openid-connect/token" \
    -d client_id=luoshi-cli -d grant_type=password -d username=admin -d password=admin; then
  TOKEN=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' "$BODY")
  # The services require audience luoshi-api and read roles from realm_access.roles (application.properties).
  payload=$(cut -d. -f2 <<<"$TOKEN" | tr '_-' '/+')
  while (( ${#payload} % 4 )); do payload+="="; done
  payload=$(base64 -d <<<"$payload" 2>/dev/null || true)
  if grep -Eq '"aud":("luoshi-api"|\[[^]]*"luoshi-api")' <<<"$payload"; then ok "token audience luoshi-api"
  else fail "token lacks audience luoshi-api: $payload"; fi
  if grep -Eq '"realm_access":\{"roles":\[[^]]*"admin"' <<<"$payload"; then ok "token realm role admin"
  else fail "token lacks realm role admin: $payload"; fi
fi
AUTH=(-H "Authorization: Bearer $TOKEN")

# --- the services: one authenticated request each, refusal without a token, their OpenAPI documents
if http_check "agency-service GET /api/v1/agencies" 200 "http://127.0.0.1:$AGENCY_PORT/api/v1/agencies" "${AUTH[@]}"; then
  body_has "agency list body" '"items"'
fi
if http_check "task-service GET /api/v1/documents" 200 "http://127.0.0.1:$TASK_PORT/api/v1/documents" "${AUTH[@]}"; then
  body_has "document list body" '"items"'
  # up.sh imported every seed listed in deploy/local/seeds.tsv
  expected=$(grep -cv '^#' "$REPO/deploy/local/seeds.tsv")
  found=$(grep -o '"jurisdiction"' "$BODY" | wc -l)
  if ((found >= expected)); then ok "seed documents imported ($found)"; else fail "seed documents imported: $found of $expected"; fi
fi
if http_check "agency-service GET /api/v1/unresolved-names" 200 \
    "http://127.0.0.1:$AGENCY_PORT/api/v1/unresolved-names?status=OPEN" "${AUTH[@]}"; then
  # every unit name of the seeds resolved, so task-service announced none as unresolved
  if grep -q '"rawName"' "$BODY"; then fail "unresolved seed unit names: $(head -c 300 "$BODY")"; else ok "no unresolved unit names"; fi
fi
http_check "agency-service refuses a call without token" 401 "http://127.0.0.1:$AGENCY_PORT/api/v1/agencies" || true
http_check "task-service refuses a call without token" 401 "http://127.0.0.1:$TASK_PORT/api/v1/documents" || true
if http_check "agency-service /q/openapi" 200 "http://127.0.0.1:$AGENCY_PORT/q/openapi"; then
  body_has "agency-service OpenAPI lists /api/v1/agencies" "/api/v1/agencies"
fi
if http_check "task-service /q/openapi" 200 "http://127.0.0.1:$TASK_PORT/q/openapi"; then
  body_has "task-service OpenAPI lists /api/v1/documents" "/api/v1/documents"
fi

# --- security end to end with real Keycloak tokens: refusals, roles, agency scoping of officers, the audit trail
token_for() { # USER: prints an access token (password grant; local users' passwords equal their names)
  curl -s -m 20 "$REALM_URL/protocol/openid-connect/token" -d client_id=luoshi-cli -d grant_type=password \
    -d username="$1" -d password="$1" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
claim_of() { # TOKEN CLAIM: a string claim of a token's payload
  local payload; payload=$(cut -d. -f2 <<<"$1" | tr '_-' '/+')
  while (( ${#payload} % 4 )); do payload+="="; done
  base64 -d <<<"$payload" 2>/dev/null | sed -n "s/.*\"$2\":\"\([^\"]*\)\".*/\1/p"
}
first_task_id() { sed -n 's/^{"items":\[{"id":"\([^"]*\)".*/\1/p' "$BODY"; }
INTEGRATOR=$(token_for integrator); OFFICER=$(token_for hunan-edu); OTHER_OFFICER=$(token_for luan-edu)
# a token whose signature was altered: the last characters of the signature part replaced
TAMPERED="${TOKEN%?????}AAAAA"; [[ "$TAMPERED" != "$TOKEN" ]] || TAMPERED="${TOKEN%?????}BBBBB"
for svc in "agency-service $AGENCY_PORT /api/v1/agencies" "task-service $TASK_PORT /api/v1/tasks"; do
  read -r name port path <<<"$svc"
  http_check "$name refuses a tampered token" 401 "http://127.0.0.1:$port$path" -H "Authorization: Bearer $TAMPERED" || true
  http_check "$name lets integrator read" 200 "http://127.0.0.1:$port$path" -H "Authorization: Bearer $INTEGRATOR" || true
done
http_check "agency-service refuses integrator a write" 403 "http://127.0.0.1:$AGENCY_PORT/api/v1/agencies" \
  -H "Authorization: Bearer $INTEGRATOR" -H 'Content-Type: application/json' \
  -d '{"name":"冒烟测试局","classification":"DEPARTMENT","level":"PROVINCE","divisionCode":"430000"}' || true
http_check "task-service refuses integrator a write" 403 "http://127.0.0.1:$TASK_PORT/api/v1/documents" \
  -H "Authorization: Bearer $INTEGRATOR" -H 'Content-Type: application/json' \
  -d '{"docNumber":"冒烟〔2026〕1号","title":"冒烟测试","jurisdiction":"430000"}' || true
OWN_AGENCY=$(claim_of "$OFFICER" agency_id); FOREIGN_AGENCY=$(claim_of "$OTHER_OFFICER" agency_id)
OWN_TASK=""; FOREIGN_TASK=""
if http_check "seeded tasks of hunan-edu's agency" 200 "http://127.0.0.1:$TASK_PORT/api/v1/tasks?agencyId=$OWN_AGENCY&limit=1" \
    -H "Authorization: Bearer $OFFICER"; then OWN_TASK=$(first_task_id); fi
if http_check "seeded tasks of luan-edu's agency" 200 "http://127.0.0.1:$TASK_PORT/api/v1/tasks?agencyId=$FOREIGN_AGENCY&limit=1" \
    -H "Authorization: Bearer $OFFICER"; then FOREIGN_TASK=$(first_task_id); fi
if [[ -n "$OWN_TASK" && -n "$FOREIGN_TASK" ]]; then
  REQUEST_ID="smoke-$(date +%s)"
  http_check "hunan-edu reports progress on its agency's task" 201 "http://127.0.0.1:$TASK_PORT/api/v1/tasks/$OWN_TASK/progress" \
    -H "Authorization: Bearer $OFFICER" -H 'Content-Type: application/json' -H "X-Request-Id: $REQUEST_ID" \
    -d '{"period":"smoke","text":"冒烟测试进展","percent":5}' || true
  http_check "hunan-edu is refused on another agency's task" 403 "http://127.0.0.1:$TASK_PORT/api/v1/tasks/$FOREIGN_TASK/progress" \
    -H "Authorization: Bearer $OFFICER" -H 'Content-Type: application/json' -d '{"period":"smoke","text":"越权"}' || true
  if http_check "audit of that task" 200 "http://127.0.0.1:$TASK_PORT/api/v1/audit?entity=task&id=$OWN_TASK&limit=5" "${AUTH[@]}"; then
    body_has "audit shows the report" '"action":"ProgressReported"'
    body_has "audit names hunan-edu as actor" '"username":"hunan-edu"'
    body_has "audit keeps the request id" "\"requestId\":\"$REQUEST_ID\""
  fi
  http_check "integrator may not read the audit" 403 "http://127.0.0.1:$TASK_PORT/api/v1/audit" \
    -H "Authorization: Bearer $INTEGRATOR" || true
else
  fail "no seeded task found for hunan-edu ($OWN_AGENCY: '$OWN_TASK') or luan-edu ($FOREIGN_AGENCY: '$FOREIGN_TASK')"
fi

# --- issue 4's scenario: agencies, a task, ETags, progress, then a merge re-pointing the task (kcat, workload)
if command -v kcat >/dev/null 2>&1 && command -v jq >/dev/null 2>&1; then
  if "$SCRIPT_DIR/scenario.sh"; then ok "scenario.sh"; else fail "scenario.sh"; fi
else
  fail "scenario.sh needs kcat and jq (apt-get install kcat jq)"
fi

# --- Kafka: the topics up.sh creates (kcat when installed, else Kafka's own TopicCommand from .luoshi)
if command -v kcat >/dev/null 2>&1; then
  topics=$(kcat -b "127.0.0.1:$KAFKA_PORT" -L -m 15 2>&1 | sed -n 's/^ *topic "\([^"]*\)".*/\1/p' || true)
else
  topics=$(java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$STATE/kafka/config/tools-log4j2.properties" -cp "$STATE/kafka/libs/*" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list 2>&1 || true)
fi
for t in "${TOPICS[@]}"; do
  if grep -qxF "$t" <<<"$topics"; then ok "Kafka topic $t"; else fail "Kafka topic $t missing; got: $topics"; fi
done

# --- PostgreSQL: both databases answer and were migrated by Flyway (psql when installed, else the wire
# protocol's SSLRequest, which any PostgreSQL server answers with one byte, S or N)
if command -v psql >/dev/null 2>&1; then
  for db in luoshi_agency luoshi_task; do
    if n=$(PGPASSWORD=luoshi PGCONNECT_TIMEOUT=10 psql -h 127.0.0.1 -p "$PG_PORT" -U luoshi -d "$db" -tAq \
        -c 'select count(*) from flyway_schema_history where success' 2>&1) && [[ "$n" =~ ^[1-9][0-9]*$ ]]; then
      ok "PostgreSQL $db: $n Flyway migrations applied"
    else
      fail "PostgreSQL $db: $n"
    fi
  done
else
  answer=$( { exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT" && printf '\0\0\0\010\004\322\026\057' >&3 &&
              timeout 5 head -c 1 <&3; } 2>/dev/null || true)
  if [[ "$answer" == N || "$answer" == S ]]; then ok "PostgreSQL answers on 127.0.0.1:$PG_PORT"
  else fail "PostgreSQL does not answer on 127.0.0.1:$PG_PORT"; fi
fi

((FAILED == 0))
