# shellcheck shell=bash
# Sourced by ./mercato: the development secrets of a local suite, made once per state folder.
# Values already in the environment win; Kubernetes takes them from Secrets instead.

MERCATO_SECRET_NAMES=(MERCATO_BOOTSTRAP_CLIENT_ID MERCATO_BOOTSTRAP_CLIENT_SECRET
  MERCATO_IDENTITY_KEY_ENCRYPTION_KEY MERCATO_IDENTITY_SECRET_PEPPER MERCATO_WEBHOOKS_SECRET_ENCRYPTION_KEY)

mercato_random() { # mercato_random <bytes> → URL-safe base64 without padding
  head -c "$1" /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '='
}

# Creates $MERCATO_STATE/secrets.env (mode 600) on first use and exports every secret not already set.
mercato_dev_secrets() {
  local file="$MERCATO_STATE/secrets.env" name value
  MERCATO_SECRETS_NEW=0
  if [[ ! -f $file ]]; then
    MERCATO_SECRETS_NEW=1
    [[ -z ${MERCATO_IDENTITY_KEY_ENCRYPTION_KEY-} ]] || MERCATO_SECRETS_NEW=0
    (
      umask 077
      {
        printf 'MERCATO_BOOTSTRAP_CLIENT_ID=app_bootstrap_%s\n' "$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
        printf 'MERCATO_BOOTSTRAP_CLIENT_SECRET=%s\n' "$(mercato_random 32)"
        printf 'MERCATO_IDENTITY_KEY_ENCRYPTION_KEY=%s\n' "$(head -c 32 /dev/urandom | base64 -w0)"
        printf 'MERCATO_IDENTITY_SECRET_PEPPER=%s\n' "$(head -c 32 /dev/urandom | base64 -w0)"
      } >"$file"
    )
  fi
  # Added after the first secrets: a state folder made before gets it now (webhook secrets are encrypted with it).
  grep -q '^MERCATO_WEBHOOKS_SECRET_ENCRYPTION_KEY=' "$file" \
    || printf 'MERCATO_WEBHOOKS_SECRET_ENCRYPTION_KEY=%s\n' "$(head -c 32 /dev/urandom | base64 -w0)" >>"$file"
  for name in "${MERCATO_SECRET_NAMES[@]}"; do
    [[ -n ${!name-} ]] && continue
    value=$(sed -n "s/^$name=//p" "$file" | head -n 1)
    export "$name=$value"
  done
}

# The bootstrap platform-admin client, for the summary `up` prints.
mercato_print_bootstrap_client() {
  printf '\nBootstrap platform-admin OAuth client (from %s or your environment):\n' "$MERCATO_STATE/secrets.env"
  printf '  client_id=%s\n  client_secret=%s\n' "$MERCATO_BOOTSTRAP_CLIENT_ID" "$MERCATO_BOOTSTRAP_CLIENT_SECRET"
  printf '  curl -s -X POST %s/oauth/token -d grant_type=client_credentials -d client_id=%s -d client_secret=%s\n' \
    "$(mercato_service_url identity)" "$MERCATO_BOOTSTRAP_CLIENT_ID" "$MERCATO_BOOTSTRAP_CLIENT_SECRET"
}

# identity's database holds signing keys encrypted with MERCATO_IDENTITY_KEY_ENCRYPTION_KEY and secrets
# hashed with MERCATO_IDENTITY_SECRET_PEPPER. A database made with other secrets (another clone, a
# deleted state folder) cannot be used: say so in one line before anything starts. The database
# remembers a fingerprint of the secrets it was made with in its comment.
mercato_check_identity_secrets() {
  local db fingerprint stamp keys
  db=$(mercato_pg_db_name identity)
  fingerprint="mercato-secrets sha256:$(printf '%s\n%s' "$MERCATO_IDENTITY_KEY_ENCRYPTION_KEY" \
    "$MERCATO_IDENTITY_SECRET_PEPPER" | sha256sum | cut -c1-16)"
  stamp=$(mercato_psql -c "select coalesce(shobj_description(oid, 'pg_database'), '')
    from pg_database where datname = '$db'") || return 0
  if [[ $stamp == "mercato-secrets "* ]]; then
    [[ $stamp == "$fingerprint" ]] && return 0
    mercato_identity_secrets_mismatch "$db"
  fi
  keys=$(mercato_psql -d "$db" -c "select count(*) from signing_key" 2>/dev/null || echo 0)
  # A database from before fingerprints: with keys and secrets made just now, it cannot be ours.
  [[ $keys != 0 && $MERCATO_SECRETS_NEW == 1 ]] && mercato_identity_secrets_mismatch "$db"
  mercato_psql -c "comment on database \"$db\" is '$fingerprint'" >/dev/null 2>&1 \
    || mercato_warn "could not record the secrets' fingerprint on database $db"
}

mercato_identity_secrets_mismatch() {
  mercato_die "database $1 was made with other secrets than $MERCATO_STATE/secrets.env" \
    "(another clone or a deleted state folder); restore that secrets.env, or run ./mercato reset" \
    "to drop the suite's databases and start over"
}
