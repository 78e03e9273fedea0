# shellcheck shell=bash
# Sourced by ./mercato: `./mercato demo` fills a running suite with a small marketplace through the
# public API, exactly as a client would, using the bootstrap platform-admin OAuth client.

mercato_json_field() { # mercato_json_field <path like data.id> < json
  python3 -c 'import json,sys
value=json.load(sys.stdin)
for key in sys.argv[1].split("."):
    value=value[int(key)] if isinstance(value,list) else value[key]
print(value)' "$1"
}

# mercato_api <method> <path> [json body] → prints the body; dies on a non-2xx answer.
mercato_api() {
  local method=$1 path=$2 body=${3-} out status
  out=$(mktemp)
  status=$(curl -s -o "$out" -w '%{http_code}' -X "$method" "$MERCATO_DEMO_URL$path" \
    -H "Authorization: Bearer $MERCATO_DEMO_TOKEN" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: demo-$method-$path-$(printf '%s' "$body" | sha256sum | cut -c1-16)" \
    ${body:+--data "$body"})
  if [[ $status != 2* ]]; then
    mercato_warn "$method $path answered $status: $(cat "$out")"
    rm -f "$out"
    return 1
  fi
  cat "$out"
  rm -f "$out"
}

mercato_demo_create() { # mercato_demo_create <collection> <json> → prints the new id
  mercato_api POST "/api/v1/$1" "$2" | mercato_json_field data.id
}

cmd_demo() {
  mercato_dev_secrets
  MERCATO_DEMO_URL=$(mercato_service_url identity)
  mercato_service_ready identity || mercato_die "identity is not running: ./mercato up first"
  MERCATO_DEMO_TOKEN=$(curl -s -X POST "$MERCATO_DEMO_URL/oauth/token" \
    -d grant_type=client_credentials -d "client_id=$MERCATO_BOOTSTRAP_CLIENT_ID" \
    -d "client_secret=$MERCATO_BOOTSTRAP_CLIENT_SECRET" | mercato_json_field access_token) \
    || mercato_die "the bootstrap client could not get a token (is identity running with this state folder's secrets?)"
  local distributor partner tenant1 tenant2 vendor admin app client_id client_secret
  distributor=$(mercato_demo_create distributors '{"name": "Nordic Distribution AB", "countryCode": "SE", "currency": "sek"}')
  partner=$(mercato_demo_create partners "{\"name\": \"Helsinki Cloud Partners Oy\", \"countryCode\": \"FI\", \"parentId\": \"$distributor\"}")
  tenant1=$(mercato_demo_create tenants "{\"name\": \"Acme Manufacturing Oy\", \"countryCode\": \"FI\", \"parentId\": \"$partner\", \"segment\": \"MIDMARKET\", \"billingDay\": 5}")
  tenant2=$(mercato_demo_create tenants "{\"name\": \"Baltic Logistics AS\", \"countryCode\": \"EE\", \"parentId\": \"$partner\", \"segment\": \"SMB\"}")
  vendor=$(mercato_demo_create vendors '{"name": "CloudMeter Inc", "countryCode": "US", "currency": "usd"}')
  admin=$(mercato_demo_create users '{"email": "admin@mercato.example", "name": "Platform Admin", "role": "PLATFORM_ADMIN", "password": "change-me-please-42"}')
  app=$(mercato_api POST /api/v1/applications \
    '{"name": "My Integration", "description": "Production integration for CRM sync", "scopes": ["read:customers", "read:entitlements", "write:metering"]}')
  client_id=$(printf '%s' "$app" | mercato_json_field data.clientId)
  client_secret=$(printf '%s' "$app" | mercato_json_field data.clientSecret)
  cat <<MSG

Demo marketplace created through the API (identity-service at $MERCATO_DEMO_URL):
  distributor  $distributor  Nordic Distribution AB
  partner      $partner  Helsinki Cloud Partners Oy
  tenants      $tenant1  Acme Manufacturing Oy
               $tenant2  Baltic Logistics AS
  vendor       $vendor  CloudMeter Inc
  user         $admin  admin@mercato.example / change-me-please-42 (PLATFORM_ADMIN)

OAuth application "My Integration" (scopes read:customers read:entitlements write:metering):
  client_id=$client_id
  client_secret=$client_secret   (shown once)

Quick start:
  curl -X POST $MERCATO_DEMO_URL/oauth/token \\
    -H "Content-Type: application/x-www-form-urlencoded" \\
    -d "grant_type=client_credentials" -d "client_id=$client_id" -d "client_secret=$client_secret"
  curl $MERCATO_DEMO_URL/api/v1/customers -H "Authorization: Bearer <access_token>"
MSG
}
