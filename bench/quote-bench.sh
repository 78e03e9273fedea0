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
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
identity=${MERCATO_IDENTITY_URL:-http://127.0.0.1:${MERCATO_IDENTITY_PORT:-8081}}
target=${MERCATO_BENCH_URL:-http://127.0.0.1:${MERCATO_CATALOG_PORT:-8082}}
connections=${MERCATO_BENCH_CONCURRENCY:-16}
seconds=${MERCATO_BENCH_SECONDS:-20}
warmup=${MERCATO_BENCH_WARMUP_SECONDS:-10}
secrets="${MERCATO_STATE_DIR:-$ROOT/.mercato}/secrets.env"
from_secrets() { [[ -f $secrets ]] && sed -n "s/^$1=//p" "$secrets" | head -n 1; }
die() { echo "quote-bench: $*" >&2; exit 2; }

command -v wrk >/dev/null || die "wrk is not installed (apt-get install -y wrk)"
command -v python3 >/dev/null || die "python3 is needed to read JSON answers"
for url in "$identity" "$target"; do
  host=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlparse(sys.argv[1]).hostname)' "$url")
  [[ $host == 127.* || $host == localhost || $host == ::1 ]] || die "refusing $url: loopback targets only"
done
client_id=${MERCATO_BOOTSTRAP_CLIENT_ID:-$(from_secrets MERCATO_BOOTSTRAP_CLIENT_ID)}
client_secret=${MERCATO_BOOTSTRAP_CLIENT_SECRET:-$(from_secrets MERCATO_BOOTSTRAP_CLIENT_SECRET)}
[[ -n $client_id && -n $client_secret ]] || die "no client credentials: set MERCATO_BOOTSTRAP_CLIENT_ID/SECRET or run ./mercato up first"

token=$(curl -fsS --max-time 10 -u "$client_id:$client_secret" -d grant_type=client_credentials "$identity/oauth/token" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])') || die "identity-service at $identity gave no token"
plan=$(curl -fsS --max-time 10 -H "Authorization: Bearer $token" "$target/api/v1/plans?limit=1&name=CloudMeter%20Team" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["data"][0]["id"])') \
  || die "no demo plan at $target/api/v1/plans: run ./mercato demo first"

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
printf '%s, wrk -t2 -c%s, %ss per route after %ss warm-up\n\n' "$target" "$connections" "$seconds" "$warmup"
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
  [[ $got == "$status" ]] || die "$name: $target$path answered $got, not $status: $(cat "$work/answer")"
  ((warmup > 0)) && wrk -t2 -c"$connections" -d"${warmup}s" -s "$script" "$target$path" >/dev/null
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "$target$path")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  # wrk prints latencies with units (us, ms, s); convert to milliseconds.
  pct() { awk -v p="$1" '$1 == p {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.2f", v}' <<<"$out"; }
  unexpected=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  errors=$(awk '/Socket errors:/ {print $0}' <<<"$out")
  printf '%-24s %10.0f %8s %8s %8s %s\n' "$name" "$rps" "$(pct 50%)" "$(pct 99%)" "${unexpected:-0}" "$errors"
  rate[$name]=$rps
done
printf '\n'
for name in "quote, 1 SKU" "quote, rate + discount" "quote, plan"; do
  printf '%s / health = %s\n' "$name" "$(awk -v a="${rate[$name]}" -v h="${rate[health]}" 'BEGIN {printf "%.2f", a / h}')"
done
printf '(other: non-2xx answers; must be 0. Target: >= 2,000 quotes/s with p99 < 20 ms at concurrency 16)\n'
