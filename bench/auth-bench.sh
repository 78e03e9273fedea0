#!/usr/bin/env bash
# What a valid access token costs a request: wrk against one running service (order-service by
# default), in one run, on four routes of the same JVM:
#   health         GET /q/health/live                      no token, no REST, no database
#   unknown path   GET /api/v1/no-such-path                404 through the REST layer, no token
#   403            GET /api/v1/accounts/{id}, valid token  token verified, scope missing, no database
#                  without read:customers
#   one-row GET    GET /api/v1/accounts/{id}, valid token  token verified + one row from PostgreSQL
# and prints req/s, p50/p99 latency for each and the ratio one-row GET / health. Starts nothing
# itself; loopback targets only. Run it with rate limits off, or every client is cut at 50 a minute:
#
#   MERCATO_RATE_LIMIT_ENABLED=false ./mercato up && ./mercato demo && bench/auth-bench.sh
#
# MERCATO_IDENTITY_URL           default http://127.0.0.1:${MERCATO_IDENTITY_PORT:-8081}
# MERCATO_BENCH_URL              the service measured, default http://127.0.0.1:${MERCATO_ORDER_PORT:-8083}
# MERCATO_BOOTSTRAP_CLIENT_ID/SECRET  the client whose tokens are used (else the state folder's secrets.env)
# MERCATO_BENCH_CONCURRENCY      wrk connections, default 16 (2 threads)
# MERCATO_BENCH_SECONDS          measured seconds per route, default 20
# MERCATO_BENCH_WARMUP_SECONDS   unmeasured warm-up per route (lets the JIT settle), default 10
set -euo pipefail

BENCH_NAME=auth-bench
# shellcheck source=bench/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
identity=${MERCATO_IDENTITY_URL:-http://127.0.0.1:${MERCATO_IDENTITY_PORT:-8081}}
target=${MERCATO_BENCH_URL:-http://127.0.0.1:${MERCATO_ORDER_PORT:-8083}}
connections=${MERCATO_BENCH_CONCURRENCY:-16}
seconds=${MERCATO_BENCH_SECONDS:-20}
warmup=${MERCATO_BENCH_WARMUP_SECONDS:-10}

bench_require_tools
bench_require_loopback "$identity" "$target"
token() { bench_token "$identity" "$1"; }
reader=$(token "") || bench_die "identity-service at $identity gave no token"
no_customers=$(token "read:orders") || bench_die "identity-service refused a read:orders token"
account=$(curl -fsS --max-time 10 -H "Authorization: Bearer $reader" "$target/api/v1/accounts?limit=1" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["data"][0]["id"])') \
  || bench_die "no account at $target/api/v1/accounts: run ./mercato demo first"
if curl -fsS -o /dev/null -D - --max-time 10 -H "Authorization: Bearer $reader" "$target/api/v1/accounts/$account" \
    | grep -qi '^x-ratelimit-limit'; then
  bench_die "$target limits requests: start the suite with MERCATO_RATE_LIMIT_ENABLED=false"
fi

# name | expected status | path | token
routes=(
  "health|200|/q/health/live|"
  "unknown path|404|/api/v1/no-such-path|"
  "valid token, 403|403|/api/v1/accounts/$account|$no_customers"
  "one-row GET|200|/api/v1/accounts/$account|$reader"
)
declare -A rate
printf '%s, wrk -t2 -c%s, %ss per route after %ss warm-up\n\n' "$target" "$connections" "$seconds" "$warmup"
printf '%-24s %10s %8s %8s %8s\n' route req/s p50_ms p99_ms other
for route in "${routes[@]}"; do
  IFS='|' read -r name status path bearer <<<"$route"
  headers=()
  [[ -n $bearer ]] && headers=(-H "Authorization: Bearer $bearer")
  got=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${headers[@]}" "$target$path")
  [[ $got == "$status" ]] || bench_die "$name: $target$path answered $got, not $status"
  bench_wrk_row "$name" "$target$path" "$connections" "$seconds" "$warmup" "${headers[@]}"
  rate[$name]=$BENCH_RATE
done
printf '\none-row GET / health = %s\n' "$(awk -v a="${rate[one-row GET]}" -v h="${rate[health]}" 'BEGIN {printf "%.2f", a / h}')"
printf '(other: non-2xx answers: 0 on health and the one-row GET, every answer on the 404 and 403 routes)\n'
