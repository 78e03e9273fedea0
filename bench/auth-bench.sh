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

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
identity=${MERCATO_IDENTITY_URL:-http://127.0.0.1:${MERCATO_IDENTITY_PORT:-8081}}
target=${MERCATO_BENCH_URL:-http://127.0.0.1:${MERCATO_ORDER_PORT:-8083}}
connections=${MERCATO_BENCH_CONCURRENCY:-16}
seconds=${MERCATO_BENCH_SECONDS:-20}
warmup=${MERCATO_BENCH_WARMUP_SECONDS:-10}
secrets="${MERCATO_STATE_DIR:-$ROOT/.mercato}/secrets.env"
from_secrets() { [[ -f $secrets ]] && sed -n "s/^$1=//p" "$secrets" | head -n 1; }
die() { echo "auth-bench: $*" >&2; exit 2; }

command -v wrk >/dev/null || die "wrk is not installed (apt-get install -y wrk)"
command -v python3 >/dev/null || die "python3 is needed to read JSON answers"
for url in "$identity" "$target"; do
  host=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlparse(sys.argv[1]).hostname)' "$url")
  [[ $host == 127.* || $host == localhost || $host == ::1 ]] || die "refusing $url: loopback targets only"
done
client_id=${MERCATO_BOOTSTRAP_CLIENT_ID:-$(from_secrets MERCATO_BOOTSTRAP_CLIENT_ID)}
client_secret=${MERCATO_BOOTSTRAP_CLIENT_SECRET:-$(from_secrets MERCATO_BOOTSTRAP_CLIENT_SECRET)}
[[ -n $client_id && -n $client_secret ]] || die "no client credentials: set MERCATO_BOOTSTRAP_CLIENT_ID/SECRET or run ./mercato up first"

token() { # $1: scope to ask for, empty for all of the client's
  local args=(-d grant_type=client_credentials)
  [[ -n $1 ]] && args+=(-d "scope=$1")
  curl -fsS --max-time 10 -u "$client_id:$client_secret" "${args[@]}" "$identity/oauth/token" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}
reader=$(token "") || die "identity-service at $identity gave no token"
no_customers=$(token "read:orders") || die "identity-service refused a read:orders token"
account=$(curl -fsS --max-time 10 -H "Authorization: Bearer $reader" "$target/api/v1/accounts?limit=1" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["data"][0]["id"])') \
  || die "no account at $target/api/v1/accounts: run ./mercato demo first"
if curl -fsS -o /dev/null -D - --max-time 10 -H "Authorization: Bearer $reader" "$target/api/v1/accounts/$account" \
    | grep -qi '^x-ratelimit-limit'; then
  die "$target limits requests: start the suite with MERCATO_RATE_LIMIT_ENABLED=false"
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
printf '%-18s %7s %10s %8s %8s %8s\n' route status req/s p50_ms p99_ms other
for route in "${routes[@]}"; do
  IFS='|' read -r name status path bearer <<<"$route"
  headers=()
  [[ -n $bearer ]] && headers=(-H "Authorization: Bearer $bearer")
  got=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${headers[@]}" "$target$path")
  [[ $got == "$status" ]] || die "$name: $target$path answered $got, not $status"
  ((warmup > 0)) && wrk -t2 -c"$connections" -d"${warmup}s" "${headers[@]}" "$target$path" >/dev/null
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "${headers[@]}" "$target$path")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  # wrk prints latencies with units (us, ms, s); convert to milliseconds.
  pct() { awk -v p="$1" '$1 == p {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.2f", v}' <<<"$out"; }
  unexpected=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  [[ $status != 200 ]] && unexpected="-" # every answer is non-2xx by design
  errors=$(awk '/Socket errors:/ {print $0}' <<<"$out")
  printf '%-18s %7s %10.0f %8s %8s %8s %s\n' "$name" "$status" "$rps" "$(pct 50%)" "$(pct 99%)" "${unexpected:-0}" "$errors"
  rate[$name]=$rps
done
printf '\none-row GET / health = %s\n' "$(awk -v a="${rate[one-row GET]}" -v h="${rate[health]}" 'BEGIN {printf "%.2f", a / h}')"
printf '(other: non-2xx answers where 200 was expected; must be 0)\n'
