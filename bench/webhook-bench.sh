#!/usr/bin/env bash
# Webhook delivery benchmark against a running webhook-service (`./mercato up`; it starts nothing itself; loopback
# only). A receiver in the bench JVM checks every delivery's hex HMAC signature. Measures (1) event → delivery
# latency: entitlement events published on orders.entitlements at a steady rate, each routed to one endpoint of a
# bench customer; (2) signed deliveries per second: a backlog of messages committed into webhook_message over
# several endpoints and subjects, delivered by the service's engine. The latency run also prints the slowest delivery
# of the events sent in each second, to set the tail beside what else ran. The bench customer and endpoints are
# written straight into the service's database and removed afterwards. docs/BENCHMARKS.md "Webhook delivery".
#
#   bench/webhook-bench.sh
#
# MERCATO_DB_PREFIX              default mercato (database <prefix>_webhook); MERCATO_PG_PORT default 5432
# MERCATO_KAFKA_PORT             default 9092
# MERCATO_BENCH_RATE             events/s of the latency run, default 1000
# MERCATO_BENCH_SECONDS          measured seconds, default 20
# MERCATO_BENCH_WARMUP_SECONDS   unmeasured seconds first, default 60 (a freshly started service's JIT needs about a
#                                minute at 1,000 events/s); the latency run starts once they are delivered
# MERCATO_BENCH_BACKLOG          messages of the throughput run, default 50000
# MERCATO_BENCH_ENDPOINTS        endpoints the backlog is spread over, default 10
set -euo pipefail
BENCH_NAME=webhook-bench
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

state="${MERCATO_STATE_DIR:-$BENCH_ROOT/.mercato}"
database="${MERCATO_DB_PREFIX:-mercato}_webhook"
pg_port=${MERCATO_PG_PORT:-5432}
bootstrap="127.0.0.1:${MERCATO_KAFKA_PORT:-9092}"
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$database" -Atqc "select 1 from webhook_endpoint limit 1" >/dev/null \
  || bench_die "no webhook_endpoint table in $database on 127.0.0.1:$pg_port: run ./mercato up first"
kafka_lib="$state/kafka/lib"
pg_jar=$(find "${MAVEN_REPO:-$HOME/.m2/repository}/org/postgresql/postgresql" -name 'postgresql-*.jar' 2>/dev/null | sort -V | tail -n 1)
[[ -d $kafka_lib && -n $pg_jar ]] \
  || bench_die "Kafka jars ($kafka_lib) or the PostgreSQL driver (local Maven repository) missing: run ./mercato up first"
# The service stores endpoint secrets encrypted under this key (./mercato keeps it in the state folder's secrets.env).
secret_key=${MERCATO_WEBHOOKS_SECRET_ENCRYPTION_KEY:-$(sed -n 's/^MERCATO_WEBHOOKS_SECRET_ENCRYPTION_KEY=//p' \
  "$state/secrets.env" 2>/dev/null | head -n 1)}
[[ -n $secret_key ]] || bench_die "no MERCATO_WEBHOOKS_SECRET_ENCRYPTION_KEY (environment or $state/secrets.env)"
java_bin=java
[[ -n ${JAVA_HOME-} ]] && java_bin="$JAVA_HOME/bin/java"
exec "$java_bin" -Xmx512m -XX:+UseSerialGC -cp "$kafka_lib/*:$pg_jar" "$BENCH_ROOT/bench/WebhookBench.java" \
  "jdbc:postgresql://127.0.0.1:$pg_port/$database" postgres "${MERCATO_DB_PASSWORD:-}" "$bootstrap" \
  "${MERCATO_BENCH_RATE:-1000}" "${MERCATO_BENCH_SECONDS:-20}" "${MERCATO_BENCH_WARMUP_SECONDS:-60}" \
  "${MERCATO_BENCH_BACKLOG:-50000}" "${MERCATO_BENCH_ENDPOINTS:-10}" "$secret_key"
