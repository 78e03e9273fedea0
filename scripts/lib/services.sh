# shellcheck shell=bash
# The six Quarkus services and the console: build what is stale, start them as detached JVMs, wait for
# /q/health/ready, print where they are. Needs common.sh, postgres.sh and kafka.sh.

# HTTP port of service $1: MERCATO_<SERVICE>_PORT, else 8081 (identity) ... 8086 (webhook), 8087 (console).
mercato_service_port() {
  local var="MERCATO_${1^^}_PORT" i
  for i in "${!MERCATO_APP_NAMES[@]}"; do
    [[ ${MERCATO_APP_NAMES[$i]} == "$1" ]] && { printf '%s' "${!var:-$((8081 + i))}"; return 0; }
  done
  mercato_die "unknown service '$1' (known: ${MERCATO_APP_NAMES[*]})"
}

mercato_service_url() { printf 'http://127.0.0.1:%s' "$(mercato_service_port "$1")"; }
# The Maven module of service $1: <name>-service, and the console's own.
mercato_service_module() { if [[ $1 == console ]]; then printf 'console'; else printf '%s-service' "$1"; fi; }
mercato_service_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$MERCATO_ROOT" "$(mercato_service_module "$1")"; }

mercato_service_ready() {
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$(mercato_service_url "$1")/q/health/ready" 2>/dev/null) == 200 ]]
}

# Sets MERCATO_SELECTED to the services `up` manages: MERCATO_SERVICES (space separated; empty
# means none, i.e. only PostgreSQL and Kafka), default all six and the console.
mercato_select_services() {
  local svc
  read -r -a MERCATO_SELECTED <<<"${MERCATO_SERVICES-${MERCATO_APP_NAMES[*]}}"
  for svc in "${MERCATO_SELECTED[@]}"; do mercato_service_port "$svc" >/dev/null; done
}

# True when the service's runnable jar is missing or older than any of its inputs.
mercato_service_stale() {
  local jar inputs=() path module
  jar=$(mercato_service_jar "$1")
  [[ -f $jar ]] || return 0
  module=$(mercato_service_module "$1")
  for path in "$module/src" "$module/pom.xml" platform-commons/src platform-commons/pom.xml pom.xml; do
    [[ -e $MERCATO_ROOT/$path ]] && inputs+=("$MERCATO_ROOT/$path")
  done
  [[ -n $(find "${inputs[@]}" -newer "$jar" -print -quit 2>/dev/null) ]]
}

# Builds, in one Maven call, every given service that is stale and not running.
mercato_services_build() {
  local svc stale=()
  if [[ ${MERCATO_SKIP_BUILD:-0} == 1 ]]; then
    mercato_info "MERCATO_SKIP_BUILD=1: not building"
    return 0
  fi
  for svc in "$@"; do
    mercato_running_pid "$svc" >/dev/null && continue
    mercato_service_stale "$svc" && stale+=("$(mercato_service_module "$svc")")
  done
  ((${#stale[@]} > 0)) || return 0
  mercato_info "building ${stale[*]} (./mvnw package, tests skipped)"
  (cd "$MERCATO_ROOT" && ./mvnw -q -B -DskipTests -pl "$(IFS=,; printf '%s' "${stale[*]}")" -am package 9>&-) \
    || mercato_die "the build failed (see above); fix it, or use MERCATO_SKIP_BUILD=1 to run the last build"
}

# Starts every given service that is not already running from this state folder.
mercato_services_start() {
  local svc pid port jar java_opts name service_env
  for svc in "$@"; do
    # The console is as light as billing: C1 (MERCATO_JAVA_OPTS).
    # C1-only JIT keeps six JVMs light on two cores; the hot paths get C2, which halves their CPU per request:
    # identity (tokens), catalog (quotes: every storefront and order-service's price checks), order (placement and
    # processing), metering (usage ingestion and aggregation) and webhook (fan-out and signed deliveries: about five
    # times the deliveries per second of C1, docs/BENCHMARKS.md).
    # metering holds more in flight than the others (64 requests of 100 events, batches of 20,000 being counted):
    # half its heap is the young generation, with survivors large enough that those die young instead of filling
    # the old generation (with 384m and the default split it spent a third of its CPU collecting garbage). Its heap
    # is the one Kubernetes gives it (65 % of its 1280Mi limit): with 512m, batches of usage kept a fifth of its CPU
    # in young collections and filled the old generation until full ones ran (docs/BENCHMARKS.md).
    if [[ $svc == identity ]]; then
      read -r -a java_opts <<<"${MERCATO_IDENTITY_JAVA_OPTS:--Xms128m -Xmx384m -XX:+UseSerialGC}"
    elif [[ $svc == metering ]]; then
      read -r -a java_opts <<<"${MERCATO_METERING_JAVA_OPTS:--Xms832m -Xmx832m -XX:NewRatio=1 -XX:SurvivorRatio=3 -XX:+UseSerialGC}"
    elif [[ $svc == catalog || $svc == order || $svc == webhook ]]; then
      read -r -a java_opts <<<"${MERCATO_HOT_JAVA_OPTS:--Xms128m -Xmx384m -XX:+UseSerialGC}"
    else
      read -r -a java_opts <<<"${MERCATO_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
    fi
    if pid=$(mercato_running_pid "$svc"); then
      mercato_info "$svc already running (pid $pid)"
      continue
    fi
    port=$(mercato_service_port "$svc")
    jar=$(mercato_service_jar "$svc")
    [[ -f $jar ]] || mercato_die "$jar is missing: build it (./mvnw -pl $(mercato_service_module "$svc") -am package) or unset MERCATO_SKIP_BUILD"
    mercato_port_open "$port" && mercato_die "port $port for $svc is used by a process not started from" \
      "$MERCATO_STATE; stop it or set MERCATO_${svc^^}_PORT"
    service_env=()
    if [[ $svc == identity ]]; then
      for name in "${MERCATO_SECRET_NAMES[@]}"; do service_env+=("$name=${!name}"); done
    elif [[ $svc == console ]]; then
      # Served over plain HTTP on this machine: its cookies cannot be Secure here (the console's README).
      service_env+=("MERCATO_CONSOLE_WEBHOOK_URL=$(mercato_service_url webhook)"
        "MERCATO_CONSOLE_CATALOG_URL=$(mercato_service_url catalog)"
        "MERCATO_CONSOLE_ORDER_URL=$(mercato_service_url order)"
        "MERCATO_CONSOLE_METERING_URL=$(mercato_service_url metering)"
        "MERCATO_CONSOLE_BILLING_URL=$(mercato_service_url billing)"
        "MERCATO_CONSOLE_COOKIE_SECURE=${MERCATO_CONSOLE_COOKIE_SECURE:-false}"
        "MERCATO_CONSOLE_PUBLIC_URL=${MERCATO_CONSOLE_PUBLIC_URL:-$(mercato_service_url console)}")
    fi
    mercato_info "starting $svc on port $port"
    (cd "$MERCATO_ROOT" && mercato_launch "$svc" env \
      QUARKUS_HTTP_PORT="$port" \
      QUARKUS_PROFILE="${MERCATO_PROFILE:-prod}" \
      KAFKA_BOOTSTRAP_SERVERS="$(mercato_kafka_bootstrap)" \
      MERCATO_DB_HOST=127.0.0.1 \
      MERCATO_DB_PORT="$(mercato_pg_port)" \
      MERCATO_DB_USER="$(mercato_pg_user)" \
      MERCATO_DB_PASSWORD="${MERCATO_DB_PASSWORD-}" \
      MERCATO_DB_NAME="$(mercato_pg_db_name "$svc")" \
      MERCATO_IDENTITY_URL="$(mercato_service_url identity)" \
      MERCATO_TEST_CLOCK_ENABLED="${MERCATO_TEST_CLOCK_ENABLED:-true}" \
      "${service_env[@]}" \
      "$(mercato_java)" "${java_opts[@]}" "$(mercato_marker "$svc")" \
      -Dmercato.webhooks.allow-http-hosts=127.0.0.1,localhost,::1 -jar "$jar")
  done
}

# Waits for every given service's readiness endpoint (MERCATO_UP_TIMEOUT, default 180 s).
# On a crash or timeout: names the service, shows its log tail, exits 1 and leaves the rest running.
mercato_services_wait_ready() {
  local svc deadline pending=("$@") next
  deadline=$((SECONDS + ${MERCATO_UP_TIMEOUT:-180}))
  ((${#pending[@]} > 0)) && mercato_info "waiting for ${pending[*]} to be ready (up to ${MERCATO_UP_TIMEOUT:-180} s)"
  while ((${#pending[@]} > 0)); do
    next=()
    for svc in "${pending[@]}"; do
      if mercato_service_ready "$svc"; then
        mercato_info "$svc ready"
      elif ! mercato_running_pid "$svc" >/dev/null; then
        mercato_log_tail "$svc" 30 >&2
        mercato_die "$svc exited during startup; './mercato down' stops the others"
      else
        next+=("$svc")
      fi
    done
    pending=("${next[@]}")
    ((${#pending[@]} > 0)) || break
    if ((SECONDS >= deadline)); then
      for svc in "${pending[@]}"; do
        mercato_warn "$svc is not ready at $(mercato_service_url "$svc")/q/health/ready"
        mercato_log_tail "$svc" 30 >&2
      done
      mercato_die "timed out after ${MERCATO_UP_TIMEOUT:-180} s; processes left running, './mercato down' stops them"
    fi
    sleep 2
  done
}

mercato_services_stop() { mercato_stop_components "${MERCATO_APP_NAMES[@]}"; }

mercato_service_status_line() {
  local pid state="running" ready="no"
  pid=$(mercato_running_pid "$1") || { pid="-"; state="stopped"; }
  mercato_service_ready "$1" && ready="yes"
  printf '%-10s %-9s %-8s %-6s %s\n' "$1" "$state" "$pid" "$(mercato_service_port "$1")" "$ready"
}

# The table `up` ends with.
mercato_print_summary() {
  local svc url
  (($# > 0)) && printf '\n%-10s %-24s %-32s %s\n' SERVICE URL SWAGGER LOG
  for svc in "$@"; do
    url=$(mercato_service_url "$svc")
    if [[ $svc == console ]]; then
      printf '%-10s %-24s %-32s %s\n' "$svc" "$url" "(web console, no API)" "$MERCATO_STATE/logs/$svc.log"
    else
      printf '%-10s %-24s %-32s %s\n' "$svc" "$url" "$url/swagger" "$MERCATO_STATE/logs/$svc.log"
    fi
  done
  if [[ " $* " == *" console "* ]]; then
    printf '\nConsole:         %s  sign in with a user'"'"'s e-mail and password; after ./mercato demo:\n' \
      "$(mercato_service_url console)"
    printf '                 admin@mercato.example / change-me-please-42 (the demo'"'"'s platform admin)\n'
  fi
  printf '\nKafka bootstrap: %s   (log: %s)\n' "$(mercato_kafka_bootstrap)" "$MERCATO_STATE/logs/kafka.log"
  printf 'PostgreSQL:      127.0.0.1:%s user %s, databases:' "$(mercato_pg_port)" "$(mercato_pg_user)"
  for svc in "${MERCATO_SERVICE_NAMES[@]}"; do printf ' %s' "$(mercato_pg_db_name "$svc")"; done
  printf '\nState folder:    %s\n' "$MERCATO_STATE"
}
