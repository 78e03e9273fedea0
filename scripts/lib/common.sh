# shellcheck shell=bash
# Shared helpers for ./mercato and .ci/run: messages, the state folder, pid files, ports, apt.
# Expects MERCATO_ROOT (the repository root) to be set by the caller.

# shellcheck disable=SC2034 # used by the other helpers
# The six back-end services: each has a database, talks over Kafka and has a test clock.
MERCATO_SERVICE_NAMES=(identity catalog order metering billing webhook)
# What `up` builds, starts and waits for: the six services and the web console (no database, no Kafka).
MERCATO_APP_NAMES=("${MERCATO_SERVICE_NAMES[@]}" console)

mercato_info() { printf 'mercato: %s\n' "$*"; }
mercato_warn() { printf 'mercato: warning: %s\n' "$*" >&2; }
mercato_die() { printf 'mercato: error: %s\n' "$*" >&2; exit 1; }

# Sets MERCATO_STATE to the absolute, resolved state folder and creates its layout.
mercato_init_state() {
  local dir="${MERCATO_STATE_DIR:-$MERCATO_ROOT/.mercato}"
  mkdir -p "$dir/logs" "$dir/pids" "$dir/kafka" "$dir/postgres" \
    || mercato_die "cannot create the state folder $dir"
  MERCATO_STATE=$(cd "$dir" && pwd -P)
}

# Serialises up/down on one state folder. Children must not inherit fd 9 (launchers close it).
mercato_lock_state() {
  exec 9>"$MERCATO_STATE/lock"
  if ! flock -n 9; then
    mercato_info "another mercato command is using $MERCATO_STATE; waiting for it"
    flock -w 600 9 || mercato_die "timed out waiting for the lock on $MERCATO_STATE/lock"
  fi
}

# True when something accepts TCP connections on 127.0.0.1:$1.
mercato_port_open() {
  # shellcheck disable=SC2016 # \$1 is expanded by the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

mercato_pid_file() { printf '%s/pids/%s.pid' "$MERCATO_STATE" "$1"; }

# The -D marker put on every JVM we start: names the component and the state folder, so a pid
# is only ever treated as ours when its command line carries our own marker.
mercato_marker() { printf -- '-Dmercato.instance=%s@%s' "$1" "$MERCATO_STATE"; }

# True when pid $1 exists and is not a zombie.
mercato_pid_alive() {
  local state
  state=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [[ -n $state && $state != Z ]]
}

# Prints the pid of component $1 when its pid file names a live process carrying our marker.
# Removes the pid file when it is stale.
mercato_running_pid() {
  local file pid cmdline=""
  file=$(mercato_pid_file "$1")
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  if [[ $pid =~ ^[0-9]+$ ]] && mercato_pid_alive "$pid"; then
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
    if [[ $cmdline == *"$(mercato_marker "$1") "* ]]; then
      printf '%s\n' "$pid"
      return 0
    fi
  fi
  rm -f "$file"
  return 1
}

# Starts "$@" detached (own session, no stdin), logging to logs/$name.log, pid to pids/$name.pid.
# The previous log is kept as $name.log.1.
mercato_launch() {
  local name=$1 log
  shift
  log="$MERCATO_STATE/logs/$name.log"
  [[ -f $log ]] && mv -f "$log" "$log.1"
  setsid nohup "$@" >"$log" 2>&1 </dev/null 9>&- &
  printf '%s\n' "$!" >"$(mercato_pid_file "$name")"
}

# Stops the named components that run from this state folder: SIGTERM to all, wait up to
# MERCATO_STOP_TIMEOUT (20) seconds, then SIGKILL. Always removes their pid files.
mercato_stop_components() {
  local name pid deadline
  local -A pids=()
  for name in "$@"; do
    if pid=$(mercato_running_pid "$name"); then
      mercato_info "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids[$name]=$pid
    fi
  done
  deadline=$((SECONDS + ${MERCATO_STOP_TIMEOUT:-20}))
  while ((${#pids[@]} > 0 && SECONDS < deadline)); do
    for name in "${!pids[@]}"; do
      mercato_pid_alive "${pids[$name]}" || unset 'pids[$name]'
    done
    ((${#pids[@]} > 0)) && sleep 0.5
  done
  for name in "${!pids[@]}"; do
    mercato_warn "$name (pid ${pids[$name]}) ignored SIGTERM; sending SIGKILL"
    kill -KILL "${pids[$name]}" 2>/dev/null || true
  done
  for name in "$@"; do rm -f "$(mercato_pid_file "$name")"; done
}

# Prints the last $2 lines of component $1's log, indented.
mercato_log_tail() {
  local log="$MERCATO_STATE/logs/$1.log"
  [[ -f $log ]] || { printf '    (no log file %s)\n' "$log"; return 0; }
  printf -- '--- last %s lines of %s ---\n' "$2" "$log"
  tail -n "$2" "$log" | sed 's/^/    /'
}

# apt-get install -y "$@" (as root, non-interactive), running apt-get update once per process.
mercato_apt_install() {
  [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1 || return 1
  if [[ -z ${MERCATO_APT_UPDATED-} ]]; then
    mercato_info "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq 9>&- || return 1
    MERCATO_APT_UPDATED=1
  fi
  mercato_info "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" 9>&-
}

mercato_java() { printf '%s/bin/java' "$JAVA_HOME"; }
