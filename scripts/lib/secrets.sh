# shellcheck shell=bash
# Sourced by ./mercato: the development secrets of a local suite, made once per state folder.
# Values already in the environment win; Kubernetes takes them from Secrets instead.

MERCATO_SECRET_NAMES=(MERCATO_BOOTSTRAP_CLIENT_ID MERCATO_BOOTSTRAP_CLIENT_SECRET
  MERCATO_IDENTITY_KEY_ENCRYPTION_KEY MERCATO_IDENTITY_SECRET_PEPPER)

mercato_random() { # mercato_random <bytes> → URL-safe base64 without padding
  head -c "$1" /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '='
}

# Creates $MERCATO_STATE/secrets.env (mode 600) on first use and exports every secret not already set.
mercato_dev_secrets() {
  local file="$MERCATO_STATE/secrets.env" name value
  if [[ ! -f $file ]]; then
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
