#!/usr/bin/env bash
# Outbox relay benchmark: commit → record-on-Kafka latency at a steady rate, then how fast one
# service's relay drains a backlog, against a suite that is already running on this machine
# (`./mercato up`; it starts nothing itself; loopback targets only). It writes into one service's
# outbox_event table the way Outbox.publish does (insert + NOTIFY mercato_outbox + commit, one
# transaction per event), on a topic of its own (bench.relay-<random>), and a Kafka consumer in the
# same JVM notes when each record arrives. The service's relay does the rest.
#
#   bench/relay-bench.sh
#
# MERCATO_BENCH_SERVICE          whose outbox, default order (its database: <prefix>_order)
# MERCATO_DB_PREFIX              default mercato; MERCATO_PG_PORT default 5432; user postgres
# MERCATO_KAFKA_PORT             default 9092 (bootstrap 127.0.0.1:<port>)
# MERCATO_BENCH_RATE             events/s of the latency run, default 1000
# MERCATO_BENCH_SECONDS          measured seconds at that rate, default 20
# MERCATO_BENCH_WARMUP_SECONDS   unmeasured seconds at that rate first (JIT), default 10
# MERCATO_BENCH_BACKLOG          events of the throughput run, committed in one transaction, default 200000
# MERCATO_BENCH_PAYLOAD_BYTES    padding in each event body, default 500
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
state="${MERCATO_STATE_DIR:-$ROOT/.mercato}"
service=${MERCATO_BENCH_SERVICE:-order}
database="${MERCATO_DB_PREFIX:-mercato}_$service"
pg_port=${MERCATO_PG_PORT:-5432}
bootstrap="127.0.0.1:${MERCATO_KAFKA_PORT:-9092}"
if ! psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$database" -Atqc "select 1 from outbox_event limit 1" >/dev/null; then
  echo "relay-bench: no outbox_event table in $database on 127.0.0.1:$pg_port: run ./mercato up first" >&2
  exit 2
fi
# The clients' jars: Kafka's from the suite's state folder (`up` downloaded them), the PostgreSQL
# driver from the local Maven repository (every build of the services resolves it).
kafka_lib="$state/kafka/lib"
pg_jar=$(find "${MAVEN_REPO:-$HOME/.m2/repository}/org/postgresql/postgresql" -name 'postgresql-*.jar' 2>/dev/null | sort -V | tail -n 1)
if [[ ! -d $kafka_lib || -z $pg_jar ]]; then
  echo "relay-bench: Kafka jars ($kafka_lib) or the PostgreSQL driver (local Maven repository) missing: run ./mercato up first" >&2
  exit 2
fi
java_bin=java
[[ -n ${JAVA_HOME-} ]] && java_bin="$JAVA_HOME/bin/java"
# The client gets a small heap of its own; it shares the 2 cores with the service, PostgreSQL and Kafka.
exec "$java_bin" -Xmx512m -XX:+UseSerialGC -cp "$kafka_lib/*:$pg_jar" "$ROOT/bench/RelayBench.java" \
  "jdbc:postgresql://127.0.0.1:$pg_port/$database" postgres "${MERCATO_DB_PASSWORD:-}" "$bootstrap" \
  "${MERCATO_BENCH_RATE:-1000}" "${MERCATO_BENCH_SECONDS:-20}" "${MERCATO_BENCH_WARMUP_SECONDS:-10}" \
  "${MERCATO_BENCH_BACKLOG:-200000}" "${MERCATO_BENCH_PAYLOAD_BYTES:-500}"
