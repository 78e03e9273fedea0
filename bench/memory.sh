#!/usr/bin/env bash
# Memory of a running suite, one line per JVM: resident set (RSS, /proc), heap used and committed and
# non-heap used (jvm_memory_*_bytes of /q/metrics), all in MiB; Kafka's RSS last. What deploy/'s resource
# requests and limits are sized from (docs/BENCHMARKS.md "Memory sizing"). Sample it while a bench runs:
#
#   while sleep 5; do bench/memory.sh; done | tee memory.log
#
# MERCATO_STATE_DIR    the suite's state folder (its pids), default <repo>/.mercato
# MERCATO_<SERVICE>_PORT  each service's port, default 8081 … 8086
set -euo pipefail

BENCH_NAME=memory
# shellcheck source=bench/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
state=${MERCATO_STATE_DIR:-$BENCH_ROOT/.mercato}

rss_mib() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
# metric_mib <metrics text> <name> <area> → the sum of the series in MiB (ids such as "Tenured Gen" have spaces)
metric_mib() { grep "^$2{area=\"$3\"" <<<"$1" | awk '{s += $NF} END {printf "%d", s / 1048576}'; }

printf '%s\n%-9s %7s %8s %8s %10s %8s\n' "$(date -u +%FT%TZ)" service pid rss heap heap-comm non-heap
port=8081
for svc in identity catalog order metering billing webhook; do
  var="MERCATO_${svc^^}_PORT"
  pid_file="$state/pids/$svc.pid"
  if [[ -f $pid_file ]] && pid=$(<"$pid_file") && [[ -d /proc/$pid ]]; then
    metrics=$(curl -fsS --max-time 5 "http://127.0.0.1:${!var:-$port}/q/metrics" || true)
    printf '%-9s %7s %8s %8s %10s %8s\n' "$svc" "$pid" "$(rss_mib "$pid")" \
      "$(metric_mib "$metrics" jvm_memory_used_bytes heap)" "$(metric_mib "$metrics" jvm_memory_committed_bytes heap)" \
      "$(metric_mib "$metrics" jvm_memory_used_bytes nonheap)"
  else
    printf '%-9s %7s\n' "$svc" "-"
  fi
  port=$((port + 1))
done
if [[ -f $state/pids/kafka.pid ]] && pid=$(<"$state/pids/kafka.pid") && [[ -d /proc/$pid ]]; then
  printf '%-9s %7s %8s\n' kafka "$pid" "$(rss_mib "$pid")"
fi
