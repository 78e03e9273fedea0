#!/usr/bin/env bash
# Order placement benchmark against a running order-service: INITIAL orders of the demo article CM-LOGS-1Y at a
# fixed rate (open loop, bench/OrderBench.java; each with a unique purchase order number), spread round-robin
# over MERCATO_BENCH_CUSTOMERS new tenants of the demo partner (created through identity-service first, as a
# marketplace's orders come from many customers), then how long each took from PENDING to PROCESSED
# (processed_at − created_at of the run's transactions in order-service's database, once none is left
# unfinished). Needs the demo (its partner, and the article's price in order-service's read models) and rate
# limits off; loopback targets only:
#
#   MERCATO_RATE_LIMIT_ENABLED=false ./mercato up && ./mercato demo && bench/order-bench.sh
#
# MERCATO_IDENTITY_URL           default http://127.0.0.1:${MERCATO_IDENTITY_PORT:-8081}
# MERCATO_BENCH_URL              order-service, default http://127.0.0.1:${MERCATO_ORDER_PORT:-8083}
# MERCATO_BOOTSTRAP_CLIENT_ID/SECRET  the client whose token places the orders (else the state folder's secrets.env)
# MERCATO_DB_PREFIX              default mercato (database <prefix>_order); MERCATO_PG_PORT default 5432; user postgres
# MERCATO_BENCH_RATE             orders/s, default 200
# MERCATO_BENCH_SECONDS          measured seconds, default 20
# MERCATO_BENCH_WARMUP_SECONDS   unmeasured seconds at the same rate first (JIT), default 10
# MERCATO_BENCH_CUSTOMERS        tenants the orders are spread over, default 50 (1: the demo tenant alone)
set -euo pipefail

BENCH_NAME=order-bench
# shellcheck source=bench/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
identity=${MERCATO_IDENTITY_URL:-http://127.0.0.1:${MERCATO_IDENTITY_PORT:-8081}}
target=${MERCATO_BENCH_URL:-http://127.0.0.1:${MERCATO_ORDER_PORT:-8083}}
rate=${MERCATO_BENCH_RATE:-200}
seconds=${MERCATO_BENCH_SECONDS:-20}
warmup=${MERCATO_BENCH_WARMUP_SECONDS:-10}
database="${MERCATO_DB_PREFIX:-mercato}_order"
sql() { psql -h 127.0.0.1 -p "${MERCATO_PG_PORT:-5432}" -U postgres -d "$database" -Atqc "$1"; }

command -v psql >/dev/null || bench_die "psql is needed to read order-service's database"
bench_require_loopback "$identity" "$target"
token=$(bench_token "$identity") || bench_die "identity-service at $identity gave no token"
read -r csn currency partner < <(sql "select csn || ' ' || lower(currency) || ' ' || parent_id from account
  where name = 'Acme Manufacturing Oy' and account_type = 'END_CUSTOMER' order by created_at desc limit 1" | tr '|' ' ') \
  || bench_die "no demo tenant in $database: run ./mercato demo first"
price=$(sql "select p.amount from catalog_article a join catalog_article_price p on p.article_id = a.id
  where a.sku = 'CM-LOGS-1Y' and p.price_list = 'PUR' and p.currency = '$currency'")
[[ -n $csn && -n $price ]] || bench_die "no demo tenant or CM-LOGS-1Y price in $currency in $database: run ./mercato demo first"
run="BENCH-$(date -u +%H%M%S)-$RANDOM"

customers=${MERCATO_BENCH_CUSTOMERS:-50}
csns=$csn
if ((customers > 1)); then
  for i in $(seq 1 "$customers"); do
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$identity/api/v1/tenants" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' \
      -d "{\"name\": \"Bench $run $i\", \"countryCode\": \"FI\", \"currency\": \"$currency\", \"parentId\": \"$partner\"}")
    [[ $status == 201 ]] || bench_die "creating tenant $i of $customers answered $status"
  done
  for _ in $(seq 1 120); do # order-service learns of them from identity.organizations
    ((customers == $(sql "select count(*) from account where name like 'Bench $run %'"))) && break
    sleep 0.5
  done
  csns=$(sql "select string_agg(csn, ',') from account where name like 'Bench $run %'")
  (($(tr ',' '\n' <<<"$csns" | wc -l) == customers)) || bench_die "order-service did not learn of the $customers bench tenants"
fi

java_bin=java
[[ -n ${JAVA_HOME-} ]] && java_bin="$JAVA_HOME/bin/java"
printf '%s: INITIAL orders for %s customer(s), 1 x CM-LOGS-1Y at %s %s, run %s\n' "$target" "$customers" "$price" \
  "$currency" "$run"
"$java_bin" -Xmx256m -XX:+UseSerialGC "$BENCH_ROOT/bench/OrderBench.java" "$target" "$token" "$csns" CM-LOGS-1Y \
  "$price" "$run" "$rate" "$seconds" "$warmup"

# Processing is asynchronous: wait (at most two minutes) until the run's transactions have all finished.
for _ in $(seq 1 240); do
  unfinished=$(sql "select count(*) from order_transaction where purchase_order_number like '$run-%'
    and status in ('PENDING', 'PROCESSING')")
  ((unfinished == 0)) && break
  sleep 0.5
done
# The warm-up's orders are the first rate × warm-up numbers of the run; only the measured ones count.
sql "select 'PENDING -> PROCESSED: ' || count(*) || ' processed, p50 '
    || round((percentile_cont(0.5) within group (order by ms))::numeric, 1) || ' ms, p99 '
    || round((percentile_cont(0.99) within group (order by ms))::numeric, 1) || ' ms, max '
    || round(max(ms)::numeric, 1) || ' ms'
  from (select extract(epoch from processed_at - created_at) * 1000 as ms from order_transaction
        where purchase_order_number like '$run-%' and status = 'PROCESSED'
          and split_part(purchase_order_number, '-', 4)::int > $((rate * warmup))) measured"
sql "select 'not processed: ' || count(*) || coalesce(' (' || string_agg(distinct status, ', ') || ')', '')
  from order_transaction where purchase_order_number like '$run-%' and status <> 'PROCESSED'"
printf '(Target: placement p99 < 50 ms at 200 orders/s; PENDING -> PROCESSED p99 < 1 s)\n'
