#!/usr/bin/env bash
# Token endpoint benchmark: client_credentials tokens/s and latency percentiles at several
# concurrency levels, against an identity-service that is already running on this machine
# (e.g. `MERCATO_SERVICES=identity ./mercato up`). Starts nothing itself; loopback targets only.
#
#   bench/token-bench.sh
#
# MERCATO_IDENTITY_URL           default http://127.0.0.1:8081
# MERCATO_BENCH_CLIENT_ID/SECRET the client whose tokens are measured; when unset, the bootstrap client
#                                (MERCATO_BOOTSTRAP_CLIENT_ID/SECRET, else the state folder's secrets.env)
#                                creates an application "token-bench" with three typical scopes
#                                (read:customers read:entitlements write:metering), and that one is measured
# MERCATO_BENCH_CONCURRENCY      default "16 64"
# MERCATO_BENCH_SECONDS          measured seconds per level, default 20
# MERCATO_BENCH_MAX_REQUESTS     cap per level, default 200000
# MERCATO_BENCH_WARMUP_SECONDS   unmeasured warm-up before each level (lets the JIT settle), default 15
#
# One client from one address exceeds the token endpoint's rate limits within a second: start identity
# with MERCATO_IDENTITY_TOKEN_RATE_LIMIT_ENABLED=false to measure throughput.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
url=${MERCATO_IDENTITY_URL:-http://127.0.0.1:8081}
secrets="${MERCATO_STATE_DIR:-$ROOT/.mercato}/secrets.env"
from_secrets() { [[ -f $secrets ]] && sed -n "s/^$1=//p" "$secrets" | head -n 1; }
mode=create
if [[ -n ${MERCATO_BENCH_CLIENT_ID-} ]]; then
  mode=use
  client_id=$MERCATO_BENCH_CLIENT_ID
  client_secret=${MERCATO_BENCH_CLIENT_SECRET-}
else
  client_id=${MERCATO_BOOTSTRAP_CLIENT_ID:-$(from_secrets MERCATO_BOOTSTRAP_CLIENT_ID)}
  client_secret=${MERCATO_BOOTSTRAP_CLIENT_SECRET:-$(from_secrets MERCATO_BOOTSTRAP_CLIENT_SECRET)}
fi
if [[ -z $client_id || -z $client_secret ]]; then
  echo "token-bench: no client credentials: set MERCATO_BENCH_CLIENT_ID/SECRET or run ./mercato up first" >&2
  exit 2
fi
if ! curl -fsS -o /dev/null --max-time 5 "$url/.well-known/openid-configuration"; then
  echo "token-bench: identity-service does not answer at $url" >&2
  exit 2
fi
java_bin=java
[[ -n ${JAVA_HOME-} ]] && java_bin="$JAVA_HOME/bin/java"
# The client gets its own JIT and a small heap; it shares the 2 cores with the server.
exec "$java_bin" -Xmx256m -XX:+UseSerialGC "$ROOT/bench/TokenBench.java" "$url" "$client_id" "$client_secret" \
  "${MERCATO_BENCH_CONCURRENCY:-16 64}" "${MERCATO_BENCH_SECONDS:-20}" "${MERCATO_BENCH_MAX_REQUESTS:-200000}" \
  "${MERCATO_BENCH_WARMUP_SECONDS:-15}" "$mode"
