#!/usr/bin/env bash
# Billing benchmark: MERCATO_BENCH_SUBSCRIPTIONS (default 10,000) subscriptions, each with an hourly usage
# aggregate for every hour of a month (744 each: 7.44 million for 10,000), loaded straight into billing-service's
# read models by SQL, then ONE billing run of that month with finalize=true: rating every subscription (a
# recurring seat price and graduated usage through a usd plan, converted to eur), storing the invoices and lines,
# numbering and finalizing them, booking their commissions (tenants under ten partners) and writing their
# invoice.finalized events to the outbox. The figure is the
# run's wall time, measured around the HTTP call.
#
# It runs inside billing-service's Quarkus test harness (bench class BillingBench, not part of the suite): a real
# PostgreSQL (127.0.0.1:5432, user postgres, database <prefix>billing, created anew) and a real Kafka broker
# started in the JVM; no other service is needed.
#
#   bench/billing-bench.sh            # 10,000 subscriptions
#   MERCATO_BENCH_SUBSCRIPTIONS=1000 bench/billing-bench.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
subscriptions=${MERCATO_BENCH_SUBSCRIPTIONS:-10000}
export MERCATO_TEST_DB_PREFIX=${MERCATO_TEST_DB_PREFIX:-mercato_bench_}
./mvnw -q -B -pl billing-service -am verify -Dtest=BillingBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbilling.bench.subscriptions="$subscriptions" -Djacoco.skip=true
cat billing-service/target/billing-bench.txt
