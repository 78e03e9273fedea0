#!/usr/bin/env bash
# Crash drill against a running suite (`./mercato up && ./mercato demo`, the same environment variables as `up`:
# it restarts what it kills with `./mercato up`). bench/Drill.java keeps a steady load through the public API
# (usage batches, INITIAL orders, webhook deliveries to a receiver of its own) while this script, in turn,
# kill -9s each running service and starts it again, kill -9s the Kafka broker and starts it again, and restarts
# PostgreSQL. Then it waits for everything to settle and prints the invariants: acknowledged usage lost, usage
# counted twice, transactions neither finished nor STUCK, webhook messages lost or made twice (all must be 0).
# Exit status 1 when one is broken. Needs rate limits off (its one client sends far more than a client may).
# Loopback only. docs/BENCHMARKS.md "Crash drill".
#
#   MERCATO_RATE_LIMIT_ENABLED=false ./mercato up && ./mercato demo && bench/drill.sh
#
# MERCATO_DRILL_SERVICES      the services killed in turn, default every running one
# MERCATO_DRILL_PAUSE         seconds of load between faults (and before the first), default 20
# MERCATO_DRILL_KAFKA         restart the broker too, default true
# MERCATO_DRILL_POSTGRES      restart PostgreSQL too (every client of the server sees it), default true
# MERCATO_DRILL_EVENTS_PER_SECOND  usage events per second, default 200 (in batches of 20)
# MERCATO_DRILL_ORDERS_PER_SECOND  INITIAL orders per second, default 1
set -euo pipefail
BENCH_NAME=drill
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

state="${MERCATO_STATE_DIR:-$BENCH_ROOT/.mercato}"
pause=${MERCATO_DRILL_PAUSE:-20}
kafka_lib="$state/kafka/lib"
[[ -d $kafka_lib ]] || bench_die "no Kafka jars in $kafka_lib: run ./mercato up first (or set MERCATO_STATE_DIR)"
url() { local port_var="MERCATO_${1^^}_PORT" default=$2; printf 'http://127.0.0.1:%s' "${!port_var:-$default}"; }
client_id=${MERCATO_BOOTSTRAP_CLIENT_ID:-$(bench_from_secrets MERCATO_BOOTSTRAP_CLIENT_ID)}
client_secret=${MERCATO_BOOTSTRAP_CLIENT_SECRET:-$(bench_from_secrets MERCATO_BOOTSTRAP_CLIENT_SECRET)}
[[ -n $client_id && -n $client_secret ]] || bench_die "no bootstrap client: run ./mercato up first"

pid_of() { local file="$state/pids/$1.pid"; [[ -f $file ]] && kill -0 "$(<"$file")" 2>/dev/null && cat "$file"; }
services=()
for svc in ${MERCATO_DRILL_SERVICES:-identity catalog order metering billing webhook}; do
  pid_of "$svc" >/dev/null && services+=("$svc")
done
for svc in identity catalog order metering webhook; do
  pid_of "$svc" >/dev/null || bench_die "$svc is not running from $state: the drill needs it (./mercato up)"
done

work=$(mktemp -d)
trap 'touch "$work/stop"; rm -rf "$work"' EXIT
java_bin=java
[[ -n ${JAVA_HOME-} ]] && java_bin="$JAVA_HOME/bin/java"
"$java_bin" -Xmx256m -XX:+UseSerialGC -cp "$kafka_lib/*" "$BENCH_ROOT/bench/Drill.java" \
  "$(url identity 8081)" "$(url catalog 8082)" "$(url order 8083)" "$(url metering 8084)" "$(url billing 8085)" "$(url webhook 8086)" \
  "$client_id" "$client_secret" "$work" "${MERCATO_DRILL_EVENTS_PER_SECOND:-200}" \
  "${MERCATO_DRILL_ORDERS_PER_SECOND:-1}" &
load=$!
while [[ ! -f $work/loading ]]; do
  kill -0 "$load" 2>/dev/null || { wait "$load" || true; bench_die "the load did not start (see above)"; }
  sleep 1
done

say() { printf '%s drill: %s\n' "$(date -u +%FT%TZ)" "$*"; }
restart() { # restart <what> <MERCATO_SERVICES value>
  local started=$SECONDS
  if MERCATO_SKIP_BUILD=1 MERCATO_SERVICES="$2" "$BENCH_ROOT/mercato" up >"$work/up.log" 2>&1; then
    say "$1 back after $((SECONDS - started)) s"
  else
    tail -n 20 "$work/up.log" >&2
    bench_die "could not start $1 again"
  fi
}

sleep "$pause"
for svc in "${services[@]}"; do
  say "kill -9 $svc (pid $(pid_of "$svc"))"
  kill -9 "$(pid_of "$svc")"
  sleep 2
  restart "$svc" "$svc"
  sleep "$pause"
done
if [[ ${MERCATO_DRILL_KAFKA:-true} == true ]]; then
  say "kill -9 the Kafka broker (pid $(pid_of kafka))"
  kill -9 "$(pid_of kafka)"
  sleep 2
  restart "the Kafka broker" ""
  sleep "$pause"
fi
if [[ ${MERCATO_DRILL_POSTGRES:-true} == true ]]; then
  cluster=$(pg_lsclusters -h 2>/dev/null | awk -v p="${MERCATO_PG_PORT:-5432}" '$3 == p { print $1, $2; exit }')
  [[ -n $cluster ]] || bench_die "no PostgreSQL cluster on port ${MERCATO_PG_PORT:-5432} that pg_ctlcluster could restart"
  say "restart PostgreSQL $cluster (fast shutdown: every connection is cut)"
  # shellcheck disable=SC2086 # "<version> <cluster>" on purpose
  pg_ctlcluster --skip-systemctl-redirect $cluster restart -m fast
  sleep "$pause"
fi
touch "$work/stop"
say "faults done; the load stops and everything settles"
status=0
wait "$load" || status=$?
exit "$status"
