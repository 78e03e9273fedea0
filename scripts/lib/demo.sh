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

# mercato_demo_catalog <method> <path> [json] → catalog-service's answer. Retries for up to a minute while
# catalog-service has not yet heard of the organizations the demo just created (its read model follows
# identity.organizations), which it answers with 400.
mercato_demo_catalog() {
  local attempt out
  for attempt in $(seq 1 60); do
    if out=$(MERCATO_DEMO_URL=$(mercato_service_url catalog) mercato_api "$@" 2>/dev/null); then
      printf '%s' "$out"
      return 0
    fi
    sleep 1
  done
  MERCATO_DEMO_URL=$(mercato_service_url catalog) mercato_api "$@"
}

# A small catalogue of the demo vendor: exchange rates, an article priced in two currencies, a listing with
# two metered dimensions, a published plan (seats and graduated API calls), a discount code and a private
# offer sent to the first tenant, which accepts it (order-service turns it into an order that entitles the
# tenant to the listing, so its usage can be reported). Prints "listing plan offer".
mercato_demo_catalogue() {
  local vendor=$1 tenant=$2 listing plan offer
  mercato_demo_catalog POST /api/v1/exchange-rates \
    '{"baseCurrency": "usd", "counterCurrency": "eur", "rate": 0.92, "validFrom": "2026-01-01"}' >/dev/null
  mercato_demo_catalog POST /api/v1/exchange-rates \
    '{"baseCurrency": "eur", "counterCurrency": "sek", "rate": 11.45, "validFrom": "2026-01-01"}' >/dev/null
  mercato_demo_catalog POST /api/v1/articles "{\"vendorId\": \"$vendor\", \"sku\": \"CM-LOGS-1Y\",
    \"shortDescription\": \"CloudMeter Logs, annual\", \"contractType\": \"SUBSCRIPTION\", \"contractTerm\": 12,
    \"supportedOrderTypes\": [\"INITIAL\", \"RENEWAL\", \"ADD_SEAT\"], \"startDate\": \"2026-01-01\",
    \"purPrice\": {\"usd\": 1200, \"eur\": 1100}, \"srpPrice\": {\"usd\": 1500, \"eur\": 1380}}" >/dev/null
  listing=$(mercato_demo_catalog POST /api/v1/listings "{\"vendorId\": \"$vendor\", \"vendor\": \"aws\",
    \"name\": \"CloudMeter Logs\", \"currency\": \"usd\", \"dimensions\": [
      {\"key\": \"api_calls\", \"title\": \"API calls\", \"unit\": \"call\", \"pricePerUnit\": 0.001},
      {\"key\": \"storage_gb\", \"title\": \"Storage\", \"unit\": \"GB-month\", \"pricePerUnit\": 0.25, \"decimals\": 3}]}" \
    | mercato_json_field data.id)
  plan=$(mercato_demo_catalog POST /api/v1/plans "{\"vendorId\": \"$vendor\", \"name\": \"CloudMeter Team\",
    \"description\": \"Seats and API calls\", \"currency\": \"usd\", \"pricingPeriod\": \"MONTHLY\", \"listingId\": \"$listing\",
    \"priceDefinitions\": [
      {\"costTypeCategory\": \"RECURRING\", \"pricingStrategy\": \"UNIT\", \"unit\": \"USER\",
       \"priceRanges\": [{\"min\": 0, \"salePrice\": 12}]},
      {\"costTypeCategory\": \"USAGE\", \"pricingStrategy\": \"TIERED\", \"unit\": \"CALL\",
       \"listingId\": \"$listing\", \"dimensionKey\": \"api_calls\",
       \"priceRanges\": [{\"min\": 0, \"max\": 100000, \"salePrice\": 0.001}, {\"min\": 100000, \"salePrice\": 0.0005}]}]}" \
    | mercato_json_field data.id)
  mercato_demo_catalog POST "/api/v1/plans/$plan/publish" >/dev/null
  mercato_demo_catalog POST /api/v1/discounts "{\"vendorId\": \"$vendor\", \"type\": \"PERCENTAGE\",
    \"percentage\": 10, \"code\": \"WELCOME10\", \"description\": \"Ten percent off the first year\",
    \"autoApply\": false, \"articleSkus\": [\"CM-LOGS-1Y\"]}" >/dev/null
  offer=$(mercato_demo_catalog POST /api/v1/private-offers "{\"listingId\": \"$listing\", \"customerId\": \"$tenant\",
    \"title\": \"Logs for Acme\", \"pricing\": {\"discountPercentage\": 15, \"duration\": 12}}" \
    | mercato_json_field data.id)
  mercato_demo_catalog POST "/api/v1/private-offers/$offer/send" >/dev/null
  mercato_demo_catalog POST "/api/v1/private-offers/$offer/accept" >/dev/null
  printf '%s %s %s' "$listing" "$plan" "$offer"
}

# mercato_demo_order <tenant id> → places an INITIAL order of one CM-LOGS-1Y for the tenant through order-service
# and waits until it is processed; prints "transaction contract serial". order-service learns the tenant and the
# article from Kafka, so placing is retried for up to a minute while it answers 422 (unknown customer or SKU).
mercato_demo_order() {
  local tenant=$1 customer csn currency price body placed transaction status attempt
  customer=$(mercato_api GET "/api/v1/tenants/$tenant") || return 1
  csn=$(printf '%s' "$customer" | mercato_json_field data.customerNumber)
  currency=$(printf '%s' "$customer" | mercato_json_field data.currency)
  case $currency in
    usd) price=1200 ;;
    eur) price=1100 ;;
    *) mercato_warn "CM-LOGS-1Y has no price in $currency, the tenant's currency"; return 1 ;;
  esac
  body="{\"deliveryDate\": \"$(date -u +%F)\", \"purchaseOrderNumber\": \"DEMO-$csn\", \"resellerSiteId\": \"DEMO\",
    \"contactFirstName\": \"Aino\", \"contactLastName\": \"Virtanen\", \"contactEmail\": \"aino.virtanen@acme.example\",
    \"contactLanguage\": \"EN\", \"contactCountryCode\": \"FI\", \"customerCsn\": \"$csn\",
    \"customerName\": \"Acme Manufacturing Oy\", \"customerCountry\": \"FI\",
    \"items\": [{\"sku\": \"CM-LOGS-1Y\", \"quantity\": 1, \"price\": $price}]}"
  for attempt in $(seq 1 60); do
    if placed=$(MERCATO_DEMO_URL=$(mercato_service_url order) mercato_api POST "/api/v1/transactions?type=INITIAL" "$body" 2>/dev/null); then
      break
    fi
    sleep 1
  done
  [[ -n $placed ]] || placed=$(MERCATO_DEMO_URL=$(mercato_service_url order) mercato_api POST "/api/v1/transactions?type=INITIAL" "$body") \
    || return 1
  transaction=$(printf '%s' "$placed" | mercato_json_field data.id)
  for attempt in $(seq 1 120); do
    placed=$(MERCATO_DEMO_URL=$(mercato_service_url order) mercato_api GET "/api/v1/transactions/$transaction") || return 1
    status=$(printf '%s' "$placed" | mercato_json_field data.status)
    case $status in
      PROCESSED)
        printf '%s %s %s' "$transaction" "$(printf '%s' "$placed" | mercato_json_field data.contractNumber)" \
          "$(printf '%s' "$placed" | mercato_json_field data.items.0.serialNumber)"
        return 0 ;;
      REJECTED|STUCK)
        mercato_warn "transaction $transaction is $status: $(printf '%s' "$placed" | mercato_json_field data.statusMessage)"
        return 1 ;;
    esac
    sleep 0.5
  done
  mercato_warn "transaction $transaction is still $status after a minute"
  return 1
}

# mercato_demo_wait_entitlement <tenant id> <listing id>: waits (up to two minutes) until order-service has
# processed the accepted offer's order and entitles the tenant to the listing.
mercato_demo_wait_entitlement() {
  local attempt found
  for attempt in $(seq 1 240); do
    found=$(MERCATO_DEMO_URL=$(mercato_service_url order) mercato_api GET "/api/v1/entitlements?customerId=$1" \
      2>/dev/null | python3 -c 'import json, sys
print(any(e.get("listingId") == sys.argv[1] for e in json.load(sys.stdin)["data"]))' "$2" 2>/dev/null) || true
    [[ $found == True ]] && return 0
    sleep 0.5
  done
  mercato_warn "order-service did not entitle $1 to listing $2 within two minutes"
  return 1
}

# Sets MERCATO_DEMO_URL (identity) and MERCATO_DEMO_TOKEN, a token of the bootstrap platform-admin client.
mercato_platform_login() {
  mercato_dev_secrets
  MERCATO_DEMO_URL=$(mercato_service_url identity)
  mercato_service_ready identity || mercato_die "identity is not running: ./mercato up first"
  MERCATO_DEMO_TOKEN=$(curl -s -X POST "$MERCATO_DEMO_URL/oauth/token" \
    -d grant_type=client_credentials -d "client_id=$MERCATO_BOOTSTRAP_CLIENT_ID" \
    -d "client_secret=$MERCATO_BOOTSTRAP_CLIENT_SECRET" | mercato_json_field access_token) \
    || mercato_die "the bootstrap client could not get a token (is identity running with this state folder's secrets?)"
}

cmd_demo() {
  mercato_platform_login
  local distributor partner tenant1 tenant2 vendor admin app client_id client_secret listing plan offer
  local transaction contract serial
  distributor=$(mercato_demo_create distributors '{"name": "Nordic Distribution AB", "countryCode": "SE", "currency": "sek"}')
  partner=$(mercato_demo_create partners "{\"name\": \"Helsinki Cloud Partners Oy\", \"countryCode\": \"FI\", \"parentId\": \"$distributor\"}")
  tenant1=$(mercato_demo_create tenants "{\"name\": \"Acme Manufacturing Oy\", \"countryCode\": \"FI\", \"parentId\": \"$partner\", \"segment\": \"MIDMARKET\", \"billingDay\": 5}")
  tenant2=$(mercato_demo_create tenants "{\"name\": \"Baltic Logistics AS\", \"countryCode\": \"EE\", \"parentId\": \"$partner\", \"segment\": \"SMB\"}")
  vendor=$(mercato_demo_create vendors '{"name": "CloudMeter Inc", "countryCode": "US", "currency": "usd"}')
  admin=$(mercato_demo_create users '{"email": "admin@mercato.example", "name": "Platform Admin", "role": "PLATFORM_ADMIN", "password": "change-me-please-42"}')
  app=$(mercato_api POST /api/v1/applications \
    '{"name": "My Integration", "description": "Production integration for CRM sync", "scopes": ["read:customers", "read:entitlements", "write:metering", "read:metering", "read:catalog"]}')
  read -r listing plan offer <<<"$(mercato_demo_catalogue "$vendor" "$tenant1")" \
    || mercato_die "catalog-service did not take the demo catalogue (is it running?)"
  read -r transaction contract serial <<<"$(mercato_demo_order "$tenant1")" \
    || mercato_die "order-service did not process the demo order (is it running?)"
  mercato_demo_wait_entitlement "$tenant1" "$listing" \
    || mercato_die "order-service did not turn the accepted offer into an entitlement (is it running?)"
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

Catalogue of CloudMeter Inc (catalog-service at $(mercato_service_url catalog)):
  article      CM-LOGS-1Y  purchase 1200 usd / 1100 eur, retail 1500 usd / 1380 eur
  listing      $listing  aws, dimensions api_calls and storage_gb
  plan         $plan  version 1 published: 12 usd per user a month, graduated API calls
  discount     WELCOME10  10 % off CM-LOGS-1Y
  offer        $offer  15 % for 12 months, accepted by Acme Manufacturing Oy (an order, and its entitlement to the listing)
  rates        usd → eur 0.92, eur → sek 11.45 (from 2026-01-01)

Order of Acme Manufacturing Oy (order-service at $(mercato_service_url order)):
  transaction  $transaction  INITIAL, 1 × CM-LOGS-1Y, PROCESSED
  contract     $contract
  subscription $serial

OAuth application "My Integration" (scopes read:customers read:entitlements write:metering read:metering read:catalog):
  client_id=$client_id
  client_secret=$client_secret   (shown once)

Quick start:
  curl -X POST $MERCATO_DEMO_URL/oauth/token \\
    -H "Content-Type: application/x-www-form-urlencoded" \\
    -d "grant_type=client_credentials" -d "client_id=$client_id" -d "client_secret=$client_secret"
  curl $MERCATO_DEMO_URL/api/v1/customers -H "Authorization: Bearer <access_token>"
  curl -X POST $(mercato_service_url catalog)/api/v1/pricing/quote -H "Authorization: Bearer <access_token>" \\
    -H "Content-Type: application/json" \\
    -d '{"currency": "eur", "discountCode": "WELCOME10", "items": [{"sku": "CM-LOGS-1Y", "quantity": 3}]}'
  curl -X POST $(mercato_service_url metering)/api/v1/metering-event -H "Authorization: Bearer <access_token>" \\
    -H "Content-Type: application/json" \\
    -d '{"vendor": "aws", "customerId": "$tenant1", "listingId": "$listing", "dimension": "api_calls", "quantity": 42, "timestamp": "$(date -u +%FT%TZ)"}'
  curl "$(mercato_service_url metering)/api/v1/usage/summary?customer=$tenant1" -H "Authorization: Bearer <access_token>"
MSG
}
