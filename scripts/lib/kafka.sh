# shellcheck shell=bash
# A single-node Apache Kafka broker (KRaft, combined broker+controller) run from Maven Central
# jars in $MERCATO_STATE/kafka. Needs JAVA_HOME (mercato_select_jdk) and mercato_init_state.

mercato_kafka_port() { printf '%s' "${MERCATO_KAFKA_PORT:-9092}"; }
mercato_kafka_controller_port() { printf '%s' "${MERCATO_KAFKA_CONTROLLER_PORT:-9093}"; }
mercato_kafka_bootstrap() { printf '127.0.0.1:%s' "$(mercato_kafka_port)"; }
mercato_kafka_dir() { printf '%s/kafka' "$MERCATO_STATE"; }

mercato_kafka_version() {
  sed -n '/<kafka\.version>/{s:.*<kafka\.version>\(.*\)</kafka\.version>.*:\1:p;q}' "$MERCATO_ROOT/pom.xml"
}

# Runs a Kafka main class from the lib folder in a small JVM, logging only warnings to stderr,
# killed after MERCATO_KAFKA_TOOL_TIMEOUT (60) seconds.
mercato_kafka_tool() {
  local dir
  dir=$(mercato_kafka_dir)
  timeout "${MERCATO_KAFKA_TOOL_TIMEOUT:-60}" "$(mercato_java)" -Xmx256m -XX:+UseSerialGC \
    -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED \
    -Dlog4j2.configurationFile="$dir/tools-log4j2.properties" -cp "$dir/lib/*" "$@" 9>&-
}

# Downloads the broker's jars once; again only when kafka.version or infra/kafka/pom.xml change.
mercato_kafka_fetch_libs() {
  local lib want started
  lib="$(mercato_kafka_dir)/lib"
  want="kafka $(mercato_kafka_version) pom $(cksum <"$MERCATO_ROOT/infra/kafka/pom.xml" | cut -d' ' -f1)"
  [[ -f $lib/.mercato-version && $(<"$lib/.mercato-version") == "$want" ]] && return 0
  mercato_info "downloading Kafka $(mercato_kafka_version) jars into $lib (once)"
  started=$SECONDS
  rm -rf "$lib.tmp"
  (cd "$MERCATO_ROOT" && ./mvnw -q -B -f infra/kafka/pom.xml dependency:copy-dependencies \
      -DoutputDirectory="$lib.tmp" 9>&-) || mercato_die "could not download the Kafka jars (see above)"
  rm -rf "$lib"
  mv "$lib.tmp" "$lib"
  printf '%s\n' "$want" >"$lib/.mercato-version"
  mercato_info "Kafka jars ready ($(find "$lib" -name "*.jar" | wc -l) jars, $((SECONDS - started)) s)"
}

mercato_kafka_write_config() {
  local dir port cport cores
  dir=$(mercato_kafka_dir) port=$(mercato_kafka_port) cport=$(mercato_kafka_controller_port)
  cores=$(nproc 2>/dev/null || echo 2)
  cat >"$dir/server.properties" <<EOF
# Written by ./mercato up; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
# A local broker keeps at most this much of each partition (the oldest 256 MiB segments go first): an hour of the
# metering bench wrote 64 GiB to one partition of metering.usage and filled the disk. Compacted topics keep their keys.
log.retention.bytes=${MERCATO_KAFKA_RETENTION_BYTES:-4294967296}
log.segment.bytes=268435456
# Request threads sized to the machine: Kafka's defaults (8 I/O, 3 network) are a server's. On two cores, 2 and 1
# took the broker's CPU a single-event ingestion request from 1.61 to 1.32 times wrk's (docs/BENCHMARKS.md).
num.io.threads=${MERCATO_KAFKA_IO_THREADS:-$(( cores > 2 ? cores : 2 ))}
num.network.threads=${MERCATO_KAFKA_NETWORK_THREADS:-$(( cores > 2 ? cores / 2 : 1 ))}
EOF
  cat >"$dir/log4j2.properties" <<'EOF'
# Written by ./mercato up: broker logs go to stdout, which is logs/kafka.log. No log4j shutdown
# hook, so the broker's own shutdown messages are still logged.
shutdownHook=disable
appender.out.type=Console
appender.out.name=STDOUT
appender.out.layout.type=PatternLayout
appender.out.layout.pattern=[%d] %p %m (%c)%n
rootLogger.level=INFO
rootLogger.appenderRef.out.ref=STDOUT
logger.state.name=state.change.logger
logger.state.level=WARN
logger.request.name=kafka.request.logger
logger.request.level=WARN
EOF
  cat >"$dir/tools-log4j2.properties" <<'EOF'
# Written by ./mercato up: command-line tools log warnings to stderr only.
appender.err.type=Console
appender.err.name=STDERR
appender.err.target=SYSTEM_ERR
appender.err.layout.type=PatternLayout
appender.err.layout.pattern=%p %m (%c)%n
rootLogger.level=WARN
rootLogger.appenderRef.err.ref=STDERR
EOF
}

# Formats the data folder once (KRaft, standalone dynamic quorum). Formats again, wiping the
# data, when the ports changed since, because the controller's address is stored in the log.
mercato_kafka_format() {
  local dir stamp id out
  dir=$(mercato_kafka_dir)
  stamp="$(mercato_kafka_version) $(mercato_kafka_port) $(mercato_kafka_controller_port)"
  if [[ -f $dir/data/meta.properties && -f $dir/formatted-for ]]; then
    [[ $(<"$dir/formatted-for") == "$stamp" ]] && return 0
    mercato_info "Kafka version or ports changed since the data folder was formatted; wiping $dir/data"
  fi
  rm -rf "$dir/data" "$dir/formatted-for"
  id=$(head -c 16 /dev/urandom | base64 | tr '+/' 'AB' | tr -d '=')
  out=$(mercato_kafka_tool kafka.tools.StorageTool format --cluster-id "$id" \
      --config "$dir/server.properties" --standalone 2>&1) \
    || mercato_die "formatting Kafka storage failed: $out"
  printf '%s\n' "$stamp" >"$dir/formatted-for"
}

# Waits until the broker answers a metadata request (lists topics), or dies with its log.
mercato_kafka_wait_ready() {
  local pid=$1 deadline err remaining
  deadline=$((SECONDS + ${MERCATO_KAFKA_TIMEOUT:-90}))
  until mercato_port_open "$(mercato_kafka_port)"; do
    if ! mercato_pid_alive "$pid"; then
      mercato_log_tail kafka 30 >&2
      mercato_die "Kafka exited during startup (log: $MERCATO_STATE/logs/kafka.log)"
    fi
    ((SECONDS < deadline)) || { mercato_log_tail kafka 30 >&2; mercato_die "Kafka did not open port $(mercato_kafka_port) in time"; }
    sleep 0.5
  done
  remaining=$((deadline - SECONDS > 5 ? deadline - SECONDS : 5))
  err=$(MERCATO_KAFKA_TOOL_TIMEOUT=$remaining mercato_kafka_tool \
      org.apache.kafka.tools.TopicCommand --bootstrap-server "$(mercato_kafka_bootstrap)" --list 2>&1 >/dev/null) \
    || { mercato_log_tail kafka 30 >&2; mercato_die "Kafka does not answer metadata requests: $err"; }
}

# The snapshot topics: the constants on the `COMPACTED = List.of(…)` line of platform-commons'
# Topics.java, resolved to their names (the one list; deploy's checks read it too).
mercato_kafka_compacted_topics() {
  local java name
  java="$MERCATO_ROOT/platform-commons/src/main/java/dev/mercato/platform/events/Topics.java"
  for name in $(sed -n 's/.*COMPACTED *= *List\.of(\([^)]*\)).*/\1/p' "$java" | tr ',' ' '); do
    sed -n "s/.* $name *= *\"\([^\"]*\)\".*/\1/p" "$java"
  done
}

# Snapshot topics are created compacted (and an older delete-policy one is switched to compact)
# before any service starts; every other topic is created by the broker on first use.
mercato_kafka_ensure_compacted_topics() {
  local described topic configs=(cleanup.policy=compact min.compaction.lag.ms=86400000) out
  described=$(mercato_kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$(mercato_kafka_bootstrap)" \
      --describe --exclude-internal 2>&1) || mercato_die "could not describe Kafka topics: $described"
  for topic in $(mercato_kafka_compacted_topics); do
    if grep -qE "^Topic: ${topic//./\\.}[[:space:]].*cleanup\.policy=compact" <<<"$described"; then
      continue
    elif grep -qE "^Topic: ${topic//./\\.}[[:space:]]" <<<"$described"; then
      mercato_info "Kafka topic $topic: switching to cleanup.policy=compact"
      out=$(mercato_kafka_tool kafka.admin.ConfigCommand --bootstrap-server "$(mercato_kafka_bootstrap)" --alter \
          --entity-type topics --entity-name "$topic" --add-config "$(IFS=,; printf '%s' "${configs[*]}")" 2>&1) \
        || mercato_die "could not make Kafka topic $topic compacted: $out"
    else
      mercato_info "Kafka topic $topic: creating it compacted"
      out=$(mercato_kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$(mercato_kafka_bootstrap)" \
          --create --if-not-exists --topic "$topic" --config "${configs[0]}" --config "${configs[1]}" 2>&1) \
        || mercato_die "could not create Kafka topic $topic: $out"
    fi
  done
}

# Starts the broker unless this state folder's broker already runs; then makes sure the snapshot
# topics are compacted.
mercato_kafka_up() {
  mercato_kafka_start
  mercato_kafka_ensure_compacted_topics
}

mercato_kafka_start() {
  local pid dir java_opts started port
  if pid=$(mercato_running_pid kafka); then
    mercato_port_open "$(mercato_kafka_port)" || mercato_kafka_wait_ready "$pid"
    mercato_info "Kafka already running (pid $pid) on $(mercato_kafka_bootstrap)"
    return 0
  fi
  for port in "$(mercato_kafka_port)" "$(mercato_kafka_controller_port)"; do
    mercato_port_open "$port" && mercato_die "port $port is used by a process not started from" \
      "$MERCATO_STATE; stop it or set MERCATO_KAFKA_PORT / MERCATO_KAFKA_CONTROLLER_PORT"
  done
  mercato_kafka_fetch_libs
  mercato_kafka_write_config
  mercato_kafka_format
  dir=$(mercato_kafka_dir)
  # G1 with a 20 ms pause goal, as Kafka's own start scripts run a broker: the serial collector's young pauses
  # (20-60 ms with the broker's live heap) held every acknowledgement up, the relay's tail (docs/BENCHMARKS.md).
  read -r -a java_opts <<<"${MERCATO_KAFKA_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20}"
  mercato_info "starting Kafka on $(mercato_kafka_bootstrap) (controller port $(mercato_kafka_controller_port))"
  started=$SECONDS
  mercato_launch kafka "$(mercato_java)" "${java_opts[@]}" "$(mercato_marker kafka)" \
    --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true -Dlog4j2.configurationFile="$dir/log4j2.properties" \
    -cp "$dir/lib/*" kafka.Kafka "$dir/server.properties"
  mercato_kafka_wait_ready "$(<"$(mercato_pid_file kafka)")"
  mercato_info "Kafka ready after $((SECONDS - started)) s"
}

mercato_kafka_status_line() {
  local pid="-" state="stopped" ready="no"
  if pid=$(mercato_running_pid kafka); then state="running"; else pid="-"; fi
  mercato_port_open "$(mercato_kafka_port)" && ready="yes (port open)"
  printf '%-10s %-9s %-8s %-6s %s\n' kafka "$state" "$pid" "$(mercato_kafka_port)" "$ready"
}
