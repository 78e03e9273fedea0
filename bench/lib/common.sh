# shellcheck shell=bash
# What the wrk benches share: sourced after `set -euo pipefail` with BENCH_NAME set (used in messages).

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)

bench_die() { echo "$BENCH_NAME: $*" >&2; exit 2; }

# bench_from_secrets <NAME> → the value of NAME in the state folder's secrets.env, if any.
bench_from_secrets() {
  local secrets="${MERCATO_STATE_DIR:-$BENCH_ROOT/.mercato}/secrets.env"
  [[ -f $secrets ]] && sed -n "s/^$1=//p" "$secrets" | head -n 1
}

# bench_require_tools: wrk and python3 (to read JSON answers and write wrk scripts).
bench_require_tools() {
  command -v wrk >/dev/null || bench_die "wrk is not installed (apt-get install -y wrk)"
  command -v python3 >/dev/null || bench_die "python3 is needed to read JSON answers"
}

# bench_require_loopback <url>...: load is only ever sent to this machine.
bench_require_loopback() {
  local url host
  for url in "$@"; do
    host=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlparse(sys.argv[1]).hostname)' "$url")
    [[ $host == 127.* || $host == localhost || $host == ::1 ]] || bench_die "refusing $url: loopback targets only"
  done
}

# bench_token <identity url> [scope] → an access token of the bootstrap client (all its scopes, or scope).
bench_token() {
  local client_id client_secret args=(-d grant_type=client_credentials)
  client_id=${MERCATO_BOOTSTRAP_CLIENT_ID:-$(bench_from_secrets MERCATO_BOOTSTRAP_CLIENT_ID)}
  client_secret=${MERCATO_BOOTSTRAP_CLIENT_SECRET:-$(bench_from_secrets MERCATO_BOOTSTRAP_CLIENT_SECRET)}
  [[ -n $client_id && -n $client_secret ]] \
    || bench_die "no client credentials: set MERCATO_BOOTSTRAP_CLIENT_ID/SECRET or run ./mercato up first"
  [[ -n ${2-} ]] && args+=(-d "scope=$2")
  curl -fsS --max-time 10 -u "$client_id:$client_secret" "${args[@]}" "$1/oauth/token" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

# bench_wrk_row <name> <url> <connections> <seconds> <warm-up seconds> [wrk args...]: warms up, measures,
# prints "name req/s p50 p99 non-2xx socket-errors" and sets BENCH_RATE to the req/s.
bench_wrk_row() {
  local name=$1 url=$2 connections=$3 seconds=$4 warmup=$5 out rps unexpected errors
  shift 5
  ((warmup > 0)) && wrk -t2 -c"$connections" -d"${warmup}s" "$@" "$url" >/dev/null
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" "$url")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  unexpected=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  errors=$(awk '/Socket errors:/ {print $0}' <<<"$out")
  printf '%-24s %10.0f %8s %8s %8s %s\n' "$name" "$rps" "$(bench_percentile 50% <<<"$out")" \
    "$(bench_percentile 99% <<<"$out")" "${unexpected:-0}" "$errors"
  BENCH_RATE=$rps
}

# bench_percentile <50%|99%> < wrk --latency output → milliseconds (wrk prints us, ms or s).
bench_percentile() {
  awk -v p="$1" '$1 == p {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.2f", v}'
}
