#!/usr/bin/env bash
# Usage ingestion against Kafka's own ceiling, in one run on this machine:
#   1. raw producer   Kafka's ProducerPerformance (org.apache.kafka.tools) writing one usage event a record, each
#                     payload an event as ingestion writes it (ingestion puts a request's events of one customer in
#                     one record), with the producer settings ingestion uses (acks=all, idempotent, linger 1 ms,
#                     256 KiB batches, no compression) to a topic of metering.usage's partition count; run once
#                     short and unmeasured (the broker's warm-up), then once long (ten million records): its
#                     records/s is the ceiling
#   2. batch of 100   wrk POST /api/v1/usage, 100 events a request
#   3. single event   wrk POST /api/v1/metering-event, one event a request, once the aggregation has counted
#                     the batches (it counts fewer events a second than batches bring)
# Every request carries a token of the bootstrap client (the platform), fetched once per run and verified on
# every request, and an Idempotency-Key of its own (as a client should send; its events' ids derive from it).
# Prints records/s of each and the ratios to the raw producer (targets: batched >= 50 %, single >= 10,000 req/s).
# Needs identity-service and metering-service running with rate limits off, and psql-free:
#
#   MERCATO_RATE_LIMIT_ENABLED=false MERCATO_SERVICES="identity metering" ./mercato up && bench/metering-bench.sh
#
# The bench creates (once) the tenant "Metering bench tenant" (with a distributor and partner above it) through
# identity-service, and publishes a listing
# (lst_meteringbench, dimension api_calls) and the tenant's entitlement to it on catalog.listings and
# orders.entitlements as catalog-service and order-service would, so it needs neither of them. Loopback only.
# Every event it sends is kept, as usage is: a run sends some 25 million, and a dozen runs left 40 GB in the broker
# and 37 GB in metering-service's database. `./mercato reset --yes` (same state folder and prefix) clears them.
#
# MERCATO_IDENTITY_URL           default http://127.0.0.1:${MERCATO_IDENTITY_PORT:-8081}
# MERCATO_BENCH_URL              metering-service, default http://127.0.0.1:${MERCATO_METERING_PORT:-8084}
# MERCATO_KAFKA_PORT             the suite's broker, default 9092; its jars are in ${MERCATO_STATE_DIR:-.mercato}/kafka/lib
# MERCATO_BOOTSTRAP_CLIENT_ID/SECRET  the client whose token is used (else the state folder's secrets.env)
# MERCATO_BENCH_CONCURRENCY      wrk connections, default 64 (2 threads)
# MERCATO_BENCH_SECONDS          measured seconds per endpoint, default 20
# MERCATO_BENCH_WARMUP_SECONDS   unmeasured warm-up per endpoint, default 90 (a freshly started service's JIT needs about that)
# MERCATO_BENCH_RECORDS          records the raw producer's measured run writes, default 10000000 (about 15-25 s here)
# MERCATO_BENCH_GROUP            the aggregation's consumer group (waited for after the batches), default metering-service-aggregation
set -euo pipefail

BENCH_NAME=metering-bench
# shellcheck source=bench/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
identity=${MERCATO_IDENTITY_URL:-http://127.0.0.1:${MERCATO_IDENTITY_PORT:-8081}}
target=${MERCATO_BENCH_URL:-http://127.0.0.1:${MERCATO_METERING_PORT:-8084}}
kafka="127.0.0.1:${MERCATO_KAFKA_PORT:-9092}"
kafka_lib="${MERCATO_STATE_DIR:-$BENCH_ROOT/.mercato}/kafka/lib"
connections=${MERCATO_BENCH_CONCURRENCY:-64}
seconds=${MERCATO_BENCH_SECONDS:-20}
warmup=${MERCATO_BENCH_WARMUP_SECONDS:-90}
records=${MERCATO_BENCH_RECORDS:-10000000}
group=${MERCATO_BENCH_GROUP:-metering-service-aggregation}
listing=lst_meteringbench
java_bin=java
[[ -n ${JAVA_HOME-} ]] && java_bin="$JAVA_HOME/bin/java"

bench_require_tools
bench_require_loopback "$identity" "$target"
[[ -d $kafka_lib ]] || bench_die "no Kafka jars in $kafka_lib: run ./mercato up first (or set MERCATO_STATE_DIR)"
token=$(bench_token "$identity") || bench_die "identity-service at $identity gave no token"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
api() { curl -fsS --max-time 10 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
json_field() { python3 -c 'import json, sys; d = json.load(sys.stdin)
for k in sys.argv[1].split("."): d = d[int(k)] if k.isdigit() else d[k]
print(d)' "$1"; }

# The fixtures: the tenant through identity-service, the listing and entitlement on their topics.
create() { api -X POST --data "$2" "$identity/api/v1/$1" | json_field data.id; }
tenant=$(api "$identity/api/v1/tenants?limit=1&name=Metering%20bench%20tenant" | json_field data.0.id 2>/dev/null) || {
  distributor=$(create distributors '{"name": "Metering bench distributor", "countryCode": "FI", "currency": "eur"}') \
    && partner=$(create partners "{\"name\": \"Metering bench partner\", \"countryCode\": \"FI\", \"parentId\": \"$distributor\"}") \
    && tenant=$(create tenants "{\"name\": \"Metering bench tenant\", \"countryCode\": \"FI\", \"parentId\": \"$partner\"}")
} || bench_die "could not create the bench tenant at $identity"
platform=$(python3 -c 'import base64, json, sys; p = sys.argv[1].split(".")[1]; p += "=" * (-len(p) % 4)
print(json.loads(base64.urlsafe_b64decode(p))["org"])' "$token")
"$java_bin" -Xmx128m -XX:+UseSerialGC -cp "$kafka_lib/*" "$BENCH_ROOT/bench/MeteringBenchFixtures.java" \
  "$kafka" "$tenant" "$listing" "$platform" 2>/dev/null || bench_die "could not publish the bench listing and entitlement"

# The events' time is metering-service's business time: after `./mercato demo` its test clock runs a month ahead,
# and events stamped with the system clock would be older than the backdating window. Each request's events are
# stamped with the second it is sent, as a product reporting usage as it happens does: stamped all alike for a whole
# run, millions of events fell in one key range of the deduplication index, every insert a random page of it, and
# PostgreSQL spent several times as much on each (docs/BENCHMARKS.md).
now=$(api "$target/api/v1/test-clock" 2>/dev/null | json_field data.now 2>/dev/null) || now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
now="${now:0:19}Z"
clock_offset=$(( $(date -u -d "$now" +%s) - $(date -u +%s) ))
event() { printf '{"customerId": "%s", "listingId": "%s", "dimension": "api_calls", "quantity": %d, "timestamp": "%s", "properties": {"region": "eu-north-1"}}' \
  "$tenant" "$listing" "$1" __NOW__; }
single=$(event 1)
batch="{\"events\": [$(for i in $(seq 1 100); do event "$i"; if ((i < 100)); then printf ','; fi; done)]}"
# Wait until metering-service has read the fixtures (its read models follow the topics).
for attempt in $(seq 1 60); do
  status=$(curl -s -o "$work/answer" -w '%{http_code}' --max-time 10 -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data "${single//__NOW__/$now}" "$target/api/v1/metering-event")
  [[ $status == 202 ]] && break
  ((attempt == 60)) && bench_die "metering-service answered $status: $(cat "$work/answer")"
  sleep 1
done
api --data "${batch//__NOW__/$now}" "$target/api/v1/usage" | grep -q '"status":"CONFIRMED"' || bench_die "a batch was not confirmed"

# The raw producer writes each event as ingestion writes it, at its size, one a record.
payload=$(python3 - "$tenant" "$listing" "$platform" "$now" <<'PY'
import json, sys, uuid
tenant, listing, vendor, now = sys.argv[1:]
for i in range(1000):
    print(json.dumps({"id": str(uuid.uuid4()), "reportId": str(uuid.uuid4()), "customerId": tenant, "vendorId": vendor,
        "listingId": listing, "subscriptionId": "BENCH-1", "dimension": "api_calls", "quantity": i + 1,
        "timestamp": now, "receivedAt": now, "properties": {"region": "eu-north-1"}, "aggregation": "SUM",
        "uniqueProperty": None, "tokenRate": None}, separators=(",", ":")))
PY
)
printf '%s\n' "$payload" >"$work/payloads"
size=$(awk '{ total += length($0) } END { printf "%d", total / NR }' "$work/payloads")

printf 'Kafka %s, metering-service %s, wrk -t2 -c%s, %ss per endpoint after %ss warm-up\n\n' "$kafka" "$target" \
  "$connections" "$seconds" "$warmup"
raw_producer() { # raw_producer <records> → ProducerPerformance's lines: a window every five seconds, then the run
  "$java_bin" -Xmx512m -cp "$kafka_lib/*" org.apache.kafka.tools.ProducerPerformance --topic metering.bench-raw \
    --num-records "$1" --throughput -1 --payload-file "$work/payloads" \
    --producer-props bootstrap.servers="$kafka" acks=all enable.idempotence=true linger.ms=1 batch.size=262144 \
    compression.type=none 2>/dev/null | grep ' records sent, '
}
# Once short and unmeasured, as the endpoints are warmed: a broker started minutes before writes at about half the
# rate it reaches once its JIT has compiled the produce path. Then once long: the producer's own JVM starts cold on
# every run, and a run of a million records (two seconds) was mostly its warm-up: about half to two thirds of the
# rate of a run of ten million (docs/BENCHMARKS.md). Ingestion is held to the long run's rate, as it is measured warm.
raw_producer 1000000 >/dev/null
perf=$(raw_producer "$records")
# The raw producer's records are not usage: its topic goes (gigabytes a run otherwise stay on disk).
"$java_bin" -Xmx128m -cp "$kafka_lib/*" org.apache.kafka.tools.TopicCommand --bootstrap-server "$kafka" --delete \
  --topic metering.bench-raw >/dev/null 2>&1 || printf 'note: could not delete topic metering.bench-raw\n' >&2
raw=$(tail -n 1 <<<"$perf" | awk '$1 == '"$records"' { print $4 }')
[[ -n $raw ]] || bench_die "ProducerPerformance printed no summary: $perf"
printf 'raw producer, %s records of ~%s bytes:\n%s\n\n' "$records" "$size" "$(sed 's/^/  /' <<<"$perf")"

lua() { # lua <body> → a wrk script posting body, its events stamped with the business-clock second it is sent in,
        # with the token and a new Idempotency-Key per request
  python3 - "$1" "$token" "$clock_offset" <<'LUA'
import json, sys
body, token, offset = sys.argv[1], sys.argv[2], int(sys.argv[3])
print('wrk.method = "POST"')
print('local template = ' + json.dumps(body))
print('wrk.headers["Content-Type"] = "application/json"')
print('wrk.headers["Authorization"] = "Bearer ' + token + '"')
print('local threads = 0')
print('function setup(thread) threads = threads + 1; thread:set("tid", threads) end')
print('local sent = 0')
print('local run = tostring(os.time())')
print('local second = -1')
print('local function stamp() local now = os.time() + %d; if now ~= second then second = now; '
      'wrk.body = (template:gsub("__NOW__", os.date("!%%Y-%%m-%%dT%%H:%%M:%%SZ", now))) end end' % offset)
print('function request() stamp(); sent = sent + 1; wrk.headers["Idempotency-Key"] = "bench-" .. run .. "-" .. tid .. "-" .. sent; return wrk.format() end')
LUA
}
lua "$batch" >"$work/batch.lua"
lua "$single" >"$work/single.lua"
printf '%-24s %10s %8s %8s %8s\n' endpoint req/s p50_ms p99_ms other
bench_wrk_row "usage, batch of 100" "$target/api/v1/usage" "$connections" "$seconds" "$warmup" -s "$work/batch.lua"
batched=$BENCH_RATE
# The aggregation counts the batches' events behind ingestion (it keeps up with fewer events a second than batches
# bring). Single events are measured once it has caught up, not while it works through minutes of batches.
lag() {
  "$java_bin" -Xmx128m -cp "$kafka_lib/*" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server \
    "$kafka" --describe --group "$group" 2>/dev/null | awk '$6 ~ /^[0-9]+$/ { lag += $6 } END { print lag + 0 }'
}
behind=$(lag) waited=0
while ((behind > 0 && waited < 600)); do sleep 5; waited=$((waited + 5)) behind=$(lag); done
printf '%-24s %s\n' "" "(the aggregation caught up ${waited}s after the batches; records behind now: $behind)"
bench_wrk_row "metering-event, single" "$target/api/v1/metering-event" "$connections" "$seconds" "$warmup" -s "$work/single.lua"
singles=$BENCH_RATE

printf '\n'
awk -v raw="$raw" -v b="$batched" -v s="$singles" 'BEGIN {
  printf "raw producer            %10.0f records/s\n", raw
  printf "batch of 100            %10.0f events/s  (%.0f req/s)  = %.1f %% of raw (target >= 50 %%)\n", b * 100, b, b * 100 / raw * 100
  printf "single event            %10.0f events/s  (%.0f req/s)  = %.1f %% of raw (target >= 10,000 req/s)\n", s, s, s / raw * 100
}'
printf '(other: non-2xx answers; must be 0. Each request also publishes its report on metering.reports.)\n'
