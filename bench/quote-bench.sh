#!/usr/bin/env bash
# Quotes per second: wrk against a running catalog-service, in one run, on four routes of the same JVM:
#   health          GET /q/health/live                          no token, no REST, no database
#   quote, 1 SKU    POST /api/v1/pricing/quote                  one article in the currency it is priced in
#   quote, rate +   POST /api/v1/pricing/quote                  the same article in sek (an exchange rate) with
#   discount                                                    the discount code WELCOME10
#   quote, plan     POST /api/v1/pricing/quote                  a published plan: seats and graduated API calls
# Every quote request carries a token that is verified. Prints req/s, p50/p99 latency per route and the
# ratio of each quote route to health. Needs the demo catalogue (./mercato demo) and rate limits off:
#
#   MERCATO_RATE_LIMIT_ENABLED=false ./mercato up && ./mercato demo && bench/quote-bench.sh
#
# MERCATO_IDENTITY_URL           default http://127.0.0.1:${MERCATO_IDENTITY_PORT:-8081}
# MERCATO_BENCH_URL              catalog-service, default http://127.0.0.1:${MERCATO_CATALOG_PORT:-8082}
# MERCATO_BOOTSTRAP_CLIENT_ID/SECRET  the client whose token is used (else the state folder's secrets.env)
# MERCATO_BENCH_CONCURRENCY      wrk connections, default 16 (2 threads)
# MERCATO_BENCH_SECONDS          measured seconds per route, default 20
# MERCATO_BENCH_WARMUP_SECONDS   unmeasured warm-up per route (lets the JIT settle), default 10
# MERCATO_BENCH_RATE             unset: every connection sends its next request as soon as the answer is in (the
#                                most the JVM serves, and its latency at saturation). Set (e.g. 2500): each
#                                connection waits connections × 1000 / rate ms after an answer before it sends again,
#                                so the routes are measured below saturation, at about that rate (the req/s printed is
#                                what was achieved: a little less, by the answers' own latency)
set -euo pipefail

BENCH_NAME=quote-bench
# shellcheck source=bench/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
identity=${MERCATO_IDENTITY_URL:-http://127.0.0.1:${MERCATO_IDENTITY_PORT:-8081}}
target=${MERCATO_BENCH_URL:-http://127.0.0.1:${MERCATO_CATALOG_PORT:-8082}}
connections=${MERCATO_BENCH_CONCURRENCY:-16}
seconds=${MERCATO_BENCH_SECONDS:-20}
warmup=${MERCATO_BENCH_WARMUP_SECONDS:-10}
pace=${MERCATO_BENCH_RATE:-}
[[ -z $pace || $pace =~ ^[1-9][0-9]*$ ]] || bench_die "MERCATO_BENCH_RATE must be a whole number of requests per second"

bench_require_tools
bench_require_loopback "$identity" "$target"
token=$(bench_token "$identity") || bench_die "identity-service at $identity gave no token"
plan=$(curl -fsS --max-time 10 -H "Authorization: Bearer $token" "$target/api/v1/plans?limit=1&name=CloudMeter%20Team" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["data"][0]["id"])') \
  || bench_die "no demo plan at $target/api/v1/plans: run ./mercato demo first"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# name | expected status | method | path | body
routes=(
  "health|200|GET|/q/health/live|"
  "quote, 1 SKU|200|POST|/api/v1/pricing/quote|{\"currency\": \"eur\", \"items\": [{\"sku\": \"CM-LOGS-1Y\", \"quantity\": 3}]}"
  "quote, rate + discount|200|POST|/api/v1/pricing/quote|{\"currency\": \"sek\", \"discountCode\": \"WELCOME10\", \"items\": [{\"sku\": \"CM-LOGS-1Y\", \"quantity\": 3}]}"
  "quote, plan|200|POST|/api/v1/pricing/quote|{\"currency\": \"usd\", \"items\": [{\"planId\": \"$plan\", \"version\": 1, \"quantity\": 5, \"usage\": {\"api_calls\": 250000}}]}"
)
declare -A rate
printf '%s, wrk -t2 -c%s, %ss per route after %ss warm-up, %s\n\n' "$target" "$connections" "$seconds" "$warmup" \
  "$([[ -n $pace ]] && echo "paced at about $pace req/s" || echo "unpaced (saturation)")"
printf '%-24s %10s %8s %8s %8s\n' route req/s p50_ms p99_ms other
index=0
for route in "${routes[@]}"; do
  IFS='|' read -r name status method path body <<<"$route"
  script="$work/route$index.lua"
  index=$((index + 1))
  if [[ $method == POST ]]; then
    python3 - "$body" "$token" >"$script" <<'LUA'
import json, sys
body, token = sys.argv[1], sys.argv[2]
print('wrk.method = "POST"')
print('wrk.body = ' + json.dumps(body))
print('wrk.headers["Content-Type"] = "application/json"')
print('wrk.headers["Authorization"] = "Bearer ' + token + '"')
LUA
    got=$(curl -s -o "$work/answer" -w '%{http_code}' --max-time 10 -X POST -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' --data "$body" "$target$path")
  else
    : >"$script"
    got=$(curl -s -o "$work/answer" -w '%{http_code}' --max-time 10 "$target$path")
  fi
  if [[ -n $pace ]]; then # wrk calls delay() before each request of a connection
    printf 'function delay() return %d end\n' $((connections * 1000 / pace)) >>"$script"
  fi
  [[ $got == "$status" ]] || bench_die "$name: $target$path answered $got, not $status: $(cat "$work/answer")"
  bench_wrk_row "$name" "$target$path" "$connections" "$seconds" "$warmup" -s "$script"
  rate[$name]=$BENCH_RATE
done
printf '\n'
for name in "quote, 1 SKU" "quote, rate + discount" "quote, plan"; do
  printf '%s / health = %s\n' "$name" "$(awk -v a="${rate[$name]}" -v h="${rate[health]}" 'BEGIN {printf "%.2f", a / h}')"
done
printf '(other: non-2xx answers; must be 0. Target: >= 2,000 quotes/s with p99 < 20 ms at concurrency 16)\n'
