# shellcheck shell=bash
# PostgreSQL for ./mercato and .ci/run: use the one on 127.0.0.1:$MERCATO_PG_PORT, else start an
# installed cluster, else (root + apt) install one. Remembers in the state folder when it was us
# who started it, so that `down` stops only what `up` started.

mercato_pg_port() { printf '%s' "${MERCATO_PG_PORT:-5432}"; }
mercato_pg_user() { printf '%s' "${MERCATO_DB_USER:-postgres}"; }
mercato_pg_marker() { printf '%s/postgres/started-by-mercato' "$MERCATO_STATE"; }

# True when the server on 127.0.0.1:port accepts connections (not: is still starting up).
mercato_pg_accepts() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p "$(mercato_pg_port)" -t 3
  else
    mercato_port_open "$(mercato_pg_port)"
  fi
}

# psql against the maintenance database as the configured user; extra arguments follow.
mercato_psql() {
  PGPASSWORD="${MERCATO_DB_PASSWORD-}" PGCONNECT_TIMEOUT=5 psql -X -q -A -t -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$(mercato_pg_port)" -U "$(mercato_pg_user)" -d postgres "$@"
}

# Prints "<version> <cluster>" of the installed cluster configured for our port, if any.
mercato_pg_find_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 0
  pg_lsclusters -h 2>/dev/null | awk -v p="$(mercato_pg_port)" '$3 == p { print $1, $2; exit }'
}

# Debian's default cluster only trusts local sockets; make TCP from 127.0.0.1 and ::1 trusted.
# Only ever called for a cluster we installed ourselves.
mercato_pg_trust_localhost() {
  local hba="/etc/postgresql/$1/$2/pg_hba.conf"
  [[ -f $hba ]] || mercato_die "expected $hba after installing PostgreSQL"
  mercato_info "setting 'trust' for 127.0.0.1/32 and ::1/128 in $hba"
  sed -i -E 's#^(host[[:space:]]+all[[:space:]]+all[[:space:]]+(127\.0\.0\.1/32|::1/128)[[:space:]]+)[^[:space:]]+#\1trust#' "$hba"
}

# Installs PostgreSQL and sets MERCATO_PG_CLUSTER to "<version> <cluster>".
mercato_pg_install() {
  mercato_apt_install postgresql postgresql-client \
    || mercato_die "installing PostgreSQL with apt-get failed"
  local cluster ver
  cluster=$(mercato_pg_find_cluster)
  if [[ -z $cluster ]]; then
    ver=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)
    [[ -n $ver ]] || mercato_die "PostgreSQL was installed but /usr/lib/postgresql is empty"
    mercato_info "creating cluster $ver/main on port $(mercato_pg_port)"
    pg_createcluster -p "$(mercato_pg_port)" "$ver" main >/dev/null 9>&- \
      || mercato_die "pg_createcluster $ver main failed"
    cluster="$ver main"
  fi
  # shellcheck disable=SC2086 # "<version> <cluster>" on purpose
  mercato_pg_trust_localhost $cluster
  # shellcheck disable=SC2086
  pg_ctlcluster --skip-systemctl-redirect $cluster reload 9>&- 2>/dev/null || true
  MERCATO_PG_CLUSTER=$cluster
}

mercato_pg_explain_and_exit() {
  cat >&2 <<EOF
mercato: error: PostgreSQL does not answer on 127.0.0.1:$(mercato_pg_port), no stopped cluster is
mercato: configured for that port, and I cannot install one (that needs root and apt-get).
mercato: Do one of these, then run the command again:
mercato:   - Debian/Ubuntu: sudo apt-get install -y postgresql, then in
mercato:     /etc/postgresql/<ver>/main/pg_hba.conf set the 127.0.0.1/32 and ::1/128 lines to 'trust'
mercato:     and run: sudo pg_ctlcluster <ver> main restart
mercato:   - or start any PostgreSQL >= 14 and point MERCATO_PG_PORT, MERCATO_DB_USER and
mercato:     MERCATO_DB_PASSWORD at it (the user must be allowed to create databases).
EOF
  exit 1
}

# Makes sure PostgreSQL accepts connections on 127.0.0.1:$MERCATO_PG_PORT.
mercato_pg_ensure() {
  mercato_pg_accepts && return 0
  local cluster i
  cluster=$(mercato_pg_find_cluster)
  if [[ -z $cluster ]]; then
    if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then mercato_pg_explain_and_exit; fi
    mercato_info "PostgreSQL is not installed; installing it with apt-get"
    mercato_pg_install
    cluster=$MERCATO_PG_CLUSTER
  fi
  mercato_pg_accepts || {
    mercato_info "starting PostgreSQL cluster $cluster"
    # shellcheck disable=SC2086
    pg_ctlcluster --skip-systemctl-redirect $cluster start 9>&- \
      || mercato_die "pg_ctlcluster $cluster start failed (needs root or the cluster owner; see /var/log/postgresql/)"
  }
  printf '%s\n' "$cluster" >"$(mercato_pg_marker)"
  for ((i = 0; i < 60; i++)); do
    mercato_pg_accepts && return 0
    sleep 0.5
  done
  mercato_die "PostgreSQL cluster $cluster did not accept connections on 127.0.0.1:$(mercato_pg_port) within 30 s"
}

mercato_pg_db_name() { printf '%s_%s' "${MERCATO_DB_PREFIX:-mercato}" "$1"; }

# Creates ${MERCATO_DB_PREFIX:-mercato}_<service> for every service when missing.
mercato_pg_create_databases() {
  local svc db err
  [[ ${MERCATO_DB_PREFIX:-mercato} =~ ^[a-z_][a-z0-9_]*$ ]] \
    || mercato_die "MERCATO_DB_PREFIX must match [a-z_][a-z0-9_]* (got '${MERCATO_DB_PREFIX-}')"
  command -v psql >/dev/null 2>&1 || mercato_apt_install postgresql-client \
    || mercato_die "psql is missing: install the PostgreSQL client (apt-get install postgresql-client)"
  err=$(mercato_psql -c 'select 1' 2>&1 >/dev/null) \
    || mercato_die "cannot connect to 127.0.0.1:$(mercato_pg_port) as user $(mercato_pg_user): $err"
  for svc in "${MERCATO_SERVICE_NAMES[@]}"; do
    db=$(mercato_pg_db_name "$svc")
    if [[ $(mercato_psql -c "select 1 from pg_database where datname = '$db'") != 1 ]]; then
      mercato_info "creating database $db"
      mercato_psql -c "create database \"$db\"" || mercato_die "could not create database $db"
    fi
  done
}

# Stops PostgreSQL only when this state folder started it and nobody else is connected.
mercato_pg_stop_if_ours() {
  local marker cluster others
  marker=$(mercato_pg_marker)
  [[ -f $marker ]] || return 0
  cluster=$(<"$marker")
  if mercato_pg_accepts; then
    others=$(mercato_psql -c "select count(*) from pg_stat_activity
      where backend_type = 'client backend' and pid <> pg_backend_pid()" 2>/dev/null || echo 0)
    if [[ $others != 0 ]]; then
      mercato_warn "leaving PostgreSQL $cluster running: $others other client connection(s) use it"
      return 0
    fi
  fi
  mercato_info "stopping PostgreSQL cluster $cluster (started by mercato up)"
  # shellcheck disable=SC2086
  pg_ctlcluster --skip-systemctl-redirect $cluster stop 9>&- 2>/dev/null || true
  rm -f "$marker"
}

# One status line for PostgreSQL.
mercato_pg_status_line() {
  local state="stopped" owner="external"
  mercato_pg_accepts && state="running"
  [[ -f $(mercato_pg_marker) ]] && owner="started by mercato ($(<"$(mercato_pg_marker)"))"
  printf '%-10s %-9s %-8s %-6s %s\n' postgres "$state" - "$(mercato_pg_port)" "$owner"
}
