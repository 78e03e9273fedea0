#!/usr/bin/env bash
# Aggregation benchmark for metering-service: usage events produced straight onto metering.usage of a running
# suite at a fixed rate (bench/AggregationBench.java: UsageEventV1 JSON one event a record, the form earlier builds
# published and the aggregation still reads, where ingestion now puts a request's events of one customer in one
# record; a unique id each, keyed by customer, acks=all), then the aggregation consumer group's lag sampled until it
# is back to zero, and every event of the run checked to be counted exactly once in metering-service's
# usage_aggregate. Loopback only:
#
#   MERCATO_SERVICES=metering ./mercato up && bench/aggregation-bench.sh
#
# MERCATO_KAFKA_PORT             broker, default 9092 (bootstrap 127.0.0.1:<port>)
# MERCATO_STATE_DIR              the suite's state folder (its kafka/lib has the Kafka client jars), default <repo>/.mercato
# MERCATO_DB_PREFIX              default mercato (database <prefix>_metering); MERCATO_PG_PORT default 5432; user postgres
# MERCATO_BENCH_RATE             events/s, default 20000
# MERCATO_BENCH_SECONDS          seconds of load, default 60
# MERCATO_BENCH_CUSTOMERS        distinct customers, default 1000 (each reports 5 dimensions, one per measure)
# MERCATO_BENCH_SPREAD_MINUTES   usage times spread over the last this many minutes, default 60 (live usage: the
#                                current and the previous hour); 180 makes every batch touch more aggregates
# MERCATO_BENCH_GROUP            the aggregation's consumer group, default metering-service-aggregation
set -euo pipefail

BENCH_NAME=aggregation-bench
# shellcheck source=bench/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
bootstrap="127.0.0.1:${MERCATO_KAFKA_PORT:-9092}"
state=${MERCATO_STATE_DIR:-$BENCH_ROOT/.mercato}
rate=${MERCATO_BENCH_RATE:-20000}
seconds=${MERCATO_BENCH_SECONDS:-60}
customers=${MERCATO_BENCH_CUSTOMERS:-1000}
spread=${MERCATO_BENCH_SPREAD_MINUTES:-60}
group=${MERCATO_BENCH_GROUP:-metering-service-aggregation}
database="${MERCATO_DB_PREFIX:-mercato}_metering"
sql() { psql -h 127.0.0.1 -p "${MERCATO_PG_PORT:-5432}" -U postgres -d "$database" -Atqc "$1"; }

command -v psql >/dev/null || bench_die "psql is needed to read metering-service's database"
[[ -d $state/kafka/lib ]] || bench_die "no Kafka jars in $state/kafka/lib: start the suite with ./mercato up first"
sql "select 1 from usage_aggregate limit 1" >/dev/null || bench_die "no usage_aggregate in $database: is metering-service up?"
run="bench$(date -u +%H%M%S)$RANDOM"
total=$((rate * seconds))

java_bin=java
[[ -n ${JAVA_HOME-} ]] && java_bin="$JAVA_HOME/bin/java"
printf 'load average before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
"$java_bin" -Xmx512m -XX:+UseSerialGC -Dlog4j2.configurationFile="$state/kafka/tools-log4j2.properties" \
  -cp "$state/kafka/lib/*" "$BENCH_ROOT/bench/AggregationBench.java" "$bootstrap" "$group" "$run" "$rate" "$seconds" "$customers" "$spread"
printf 'load average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"

counted=$(sql "select coalesce(sum(event_count), 0) from usage_aggregate where customer_id like '$run-%'")
aggregates=$(sql "select count(*) from usage_aggregate where customer_id like '$run-%'")
printf 'counted in usage_aggregate: %s of %s events (%s hourly aggregates)\n' "$counted" "$total" "$aggregates"
((counted == total)) || bench_die "counted $counted events, produced $total"
