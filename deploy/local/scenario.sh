#!/usr/bin/env bash
# The two services working together on the running local stack (deploy/local/up.sh), step by step as an integrator
# would do it with curl, jq and kcat:
#   two agencies created in agency-service; a document and a task assigned to both created in task-service (once
#   task-service's directory replica has heard of them on agency.events); the task updated with its ETag and a stale
#   ETag refused; a progress report posted; then the two agencies merged into a new one in agency-service, and
#   - task-service re-points the task to the successor within LUOSHI_SCENARIO_MAX_MS (default 1000 ms),
#   - a TaskReassigned CloudEvent keyed by the task id is readable with kcat on task.events,
#   - agency-service's workload of the successor counts the task (it consumes task.events);
#   and on agency-service's side: each unit's history names the merger, and kcat reads AgenciesMerged on agency.events.
# Prints each step; exits non-zero when one fails. Needs curl, jq and kcat (Debian packages of those names).
# Same LUOSHI_*_PORT variables as up.sh; smoke.sh runs it on every CI run.
set -euo pipefail

KAFKA_PORT="${LUOSHI_KAFKA_PORT:-19092}"
KC_PORT="${LUOSHI_KEYCLOAK_PORT:-18080}"
AGENCY="http://127.0.0.1:${LUOSHI_AGENCY_PORT:-8081}/api/v1"
TASK="http://127.0.0.1:${LUOSHI_TASK_PORT:-8082}/api/v1"
REALM_URL="http://localhost:$KC_PORT/realms/luoshi"
MAX_MS="${LUOSHI_SCENARIO_MAX_MS:-1000}"

for tool in curl jq kcat; do
  command -v "$tool" >/dev/null || { echo "[scenario] needs $tool (apt-get install $tool)" >&2; exit 2; }
done

FAILED=0
step() { printf '[scenario] ok    %s\n' "$*"; }
fail() { printf '[scenario] FAIL  %s\n' "$*" >&2; FAILED=1; }
die()  { printf '[scenario] FAIL  %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

HEADERS=$(mktemp); BODY=$(mktemp)
trap 'rm -f "$HEADERS" "$BODY"' EXIT
# call METHOD URL [CURL_ARGS...]: prints the status code; body in $BODY, response headers in $HEADERS
call() {
  local method=$1 url=$2; shift 2
  curl -s -m 20 -X "$method" -D "$HEADERS" -o "$BODY" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$@" "$url"
}
expect() { # EXPECTED_CODE WHAT METHOD URL [CURL_ARGS...]
  local expected=$1 what=$2 code; shift 2
  code=$(call "$@") || true
  [[ "$code" == "$expected" ]] || die "$what: $1 $2 answered ${code:-nothing}, expected $expected: $(head -c 400 "$BODY")"
}
json() { jq -r "$1" "$BODY"; }

TOKEN=$(curl -s -m 20 "$REALM_URL/protocol/openid-connect/token" -d client_id=luoshi-cli -d grant_type=password \
  -d username=admin -d password=admin | jq -r .access_token)
[[ -n "$TOKEN" && "$TOKEN" != null ]] || die "no token for admin from $REALM_URL"

RUN=$(date +%s)
expect 200 "resolve the province government" GET "$AGENCY/agencies/resolve?name=%E6%B9%96%E5%8D%97%E7%9C%81%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C&jurisdiction=430000"
PROVINCE=$(json .id)
new_agency() { # NAME: prints the id of a new provincial department under the province government
  expect 201 "create agency $1" POST "$AGENCY/agencies" -H 'Content-Type: application/json' -d "$(jq -nc \
    --arg name "$1" --arg parent "$PROVINCE" \
    '{name: $name, classification: "DEPARTMENT", level: "PROVINCE", divisionCode: "430000", parentId: $parent}')"
  json .id
}
FIRST=$(new_agency "湖南省场景${RUN}甲局")
SECOND=$(new_agency "湖南省场景${RUN}乙局")
step "agencies created in agency-service: $FIRST, $SECOND"

expect 201 "create document" POST "$TASK/documents" -H 'Content-Type: application/json' \
  -d "$(jq -nc --arg n "湘场景〔${RUN}〕1号" '{docNumber: $n, title: "场景演示文件", jurisdiction: "430000", issuedOn: "2026-01-05"}')"
DOCUMENT=$(json .id)
task_body=$(jq -nc --arg a "$FIRST" --arg b "$SECOND" '{seq: "1", category: "场景演示", title: "建设场景演示平台",
  assignments: [{agencyId: $a, role: "LEAD"}, {agencyId: $b, role: "PARTICIPANT"}],
  milestones: [{title: "平台上线", dueDate: "2027-06-30"}]}')
# task-service knows agencies only from agency.events: until its replica has both, the answer is a 4xx
deadline=$(( $(now_ms) + 30000 ))
until [[ "$(call POST "$TASK/documents/$DOCUMENT/tasks" -H 'Content-Type: application/json' -d "$task_body")" == 201 ]]; do
  (( $(now_ms) < deadline )) || die "task-service never accepted the new agencies: $(head -c 400 "$BODY")"
  sleep 0.2
done
TASK_ID=$(json .id)
step "document $DOCUMENT and task $TASK_ID (lead $FIRST, participant $SECOND) created in task-service"

expect 200 "read the task" GET "$TASK/tasks/$TASK_ID"
ETAG=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *\(.*\)\r$/\1/p' "$HEADERS")
[[ -n "$ETAG" ]] || die "GET /tasks/$TASK_ID has no ETag"
expect 200 "update with the current ETag" PATCH "$TASK/tasks/$TASK_ID" -H 'Content-Type: application/json' \
  -H "If-Match: $ETAG" -d '{"status": "IN_PROGRESS"}'
NEW_ETAG=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *\(.*\)\r$/\1/p' "$HEADERS")
[[ "$(json .status)" == IN_PROGRESS && "$NEW_ETAG" != "$ETAG" ]] || die "update not applied: $(head -c 400 "$BODY")"
step "task updated with If-Match $ETAG (now $NEW_ETAG, IN_PROGRESS)"
expect 412 "update with a stale ETag" PATCH "$TASK/tasks/$TASK_ID" -H 'Content-Type: application/json' \
  -H "If-Match: $ETAG" -d '{"title": "过期版本上的修改"}'
[[ "$(json .type)" != null ]] || die "412 without problem+json: $(head -c 400 "$BODY")"
step "stale ETag $ETAG refused: 412 $(json .title)"
expect 201 "post a progress report" POST "$TASK/tasks/$TASK_ID/progress" -H 'Content-Type: application/json' \
  -d "$(jq -nc --arg a "$FIRST" '{agencyId: $a, period: "2026-Q4", text: "平台已完成招标", percent: 30}')"
step "progress report $(json .id) posted"

expect 201 "merge the two agencies" POST "$AGENCY/reorganizations" -H 'Content-Type: application/json' -d "$(jq -nc \
  --arg a "$FIRST" --arg b "$SECOND" --arg parent "$PROVINCE" --arg name "湖南省场景${RUN}合并局" --arg on "$(date +%F)" \
  '{type: "MERGE", effectiveOn: $on, basis: "场景演示机构改革方案", originalIds: [$a, $b],
    resulting: [{create: {name: $name, classification: "DEPARTMENT", level: "PROVINCE", divisionCode: "430000", parentId: $parent}}]}')"
merged_at=$(now_ms)
REORGANIZATION=$(json .id); SUCCESSOR=$(json '.resultingIds[0]')
step "agencies merged by reorganization $REORGANIZATION into $SUCCESSOR"

# the task as task-service serves it, polled until its assignments point at the successor
while :; do
  code=$(call GET "$TASK/tasks/$TASK_ID") || true
  if [[ "$code" == 200 ]] && jq -e --arg s "$SUCCESSOR" --arg a "$FIRST" --arg b "$SECOND" \
      '([.assignments[].agencyId] | index($s)) != null and ([.assignments[].agencyId] | (index($a) == null and index($b) == null))' \
      "$BODY" >/dev/null; then break; fi
  (( $(now_ms) - merged_at < 10000 )) || die "task not re-pointed 10 s after the merge: $(head -c 400 "$BODY")"
  sleep 0.02
done
elapsed=$(( $(now_ms) - merged_at ))
if (( elapsed <= MAX_MS )); then step "task re-pointed to the successor $elapsed ms after the merge answered (limit $MAX_MS ms)"
else fail "task re-pointed only $elapsed ms after the merge answered (limit $MAX_MS ms)"; fi

# the CloudEvent on task.events, as an integrator reads it: binary mode, ce_* headers, key = task id
event=""
for _ in $(seq 1 20); do
  event=$(kcat -C -b "127.0.0.1:$KAFKA_PORT" -t task.events -o beginning -e -q -J -m 15 2>/dev/null |
    jq -c --arg t "$TASK_ID" 'select(.key == $t) | .headers as $h
      | {key, type: $h[[$h | range(0; length; 2) as $i | select($h[$i] == "ce_type") | $i + 1][0]],
         payload: (.payload | fromjson)} | select(.type | endswith("TaskReassigned"))' | tail -n 1)
  [[ -n "$event" ]] && break
  sleep 0.5
done
if [[ -n "$event" ]] && jq -e --arg s "$SUCCESSOR" --arg r "$REORGANIZATION" --arg a "$FIRST" \
    '(.payload.reassignment.toAgencyIds | index($s)) != null and (.payload.reassignment.fromAgencyIds | index($a)) != null
     and .payload.reassignment.reorganizationId == $r' <<<"$event" >/dev/null; then
  step "kcat reads on task.events: $(jq -c '{key, type, reassignment: .payload.reassignment}' <<<"$event")"
else
  fail "no TaskReassigned keyed by $TASK_ID (to $SUCCESSOR, reorganization $REORGANIZATION) on task.events: ${event:-none}"
fi

# agency-service counts the task in the successor's workload once it has consumed the events
deadline=$(( $(now_ms) + 10000 ))
while :; do
  code=$(call GET "$AGENCY/agencies/$SUCCESSOR/workload") || true
  [[ "$code" == 200 ]] && (( $(json '.lead + .participating + .responsible') >= 1 )) && break
  (( $(now_ms) < deadline )) || { fail "successor's workload does not count the task: $code $(head -c 400 "$BODY")"; break; }
  sleep 0.2
done
# the successor is new: exactly this one task, counted once although both merged units held it
if [[ "$code" == 200 ]] && (( $(json '.lead + .participating + .responsible') == 1 )); then
  step "agency-service workload of $SUCCESSOR counts the task once: $(jq -c '{lead, participating, responsible, overdue, dueSoon}' "$BODY")"
elif [[ "$code" == 200 ]]; then
  fail "successor's workload counts more than the one task: $(head -c 400 "$BODY")"
fi

# agency-service's side of the merge: each unit's history names the reorganization, and agency.events carries
# AgenciesMerged keyed by each unit with its full snapshot (the originals DISSOLVED with the successor named)
for id in "$FIRST" "$SECOND" "$SUCCESSOR"; do
  expect 200 "history of $id" GET "$AGENCY/agencies/$id/history"
  jq -e --arg r "$REORGANIZATION" '[.items[] | select(.reorganizationId == $r)] | length >= 1' "$BODY" >/dev/null \
    || fail "history of $id does not name reorganization $REORGANIZATION: $(head -c 400 "$BODY")"
done
step "history of both originals and the successor names reorganization $REORGANIZATION"
merged_events=""
for _ in $(seq 1 20); do
  merged_events=$(kcat -C -b "127.0.0.1:$KAFKA_PORT" -t agency.events -o beginning -e -q -J 2>/dev/null |
    jq -c --arg a "$FIRST" --arg b "$SECOND" --arg s "$SUCCESSOR" 'select(.key == $a or .key == $b or .key == $s)
      | .headers as $h | {key, type: $h[[$h | range(0; length; 2) as $i | select($h[$i] == "ce_type") | $i + 1][0]],
        agency: (.payload | fromjson | .agency | {status, successorIds})} | select(.type | endswith("AgenciesMerged"))')
  [[ $(grep -c . <<<"$merged_events") -ge 3 ]] && break
  sleep 0.5
done
if jq -se --arg a "$FIRST" --arg b "$SECOND" --arg s "$SUCCESSOR" 'length >= 3
    and all(.[] | select(.key == $a or .key == $b); .agency.status == "DISSOLVED" and (.agency.successorIds | index($s)) != null)
    and any(.[]; .key == $s and .agency.status == "ACTIVE")' <<<"$merged_events" >/dev/null; then
  step "kcat reads AgenciesMerged on agency.events for both originals (DISSOLVED, successor named) and the successor"
else
  fail "AgenciesMerged not on agency.events for $FIRST, $SECOND and $SUCCESSOR: ${merged_events:-none}"
fi

if ((FAILED)); then echo "[scenario] FAILED" >&2; exit 1; fi
echo "[scenario] PASSED"
