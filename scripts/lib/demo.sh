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

# mercato_api <method> <path> [json body] → prints the body; returns 1 with a warning on a non-2xx answer. A 429 is
# waited out as its Retry-After says and the request sent again (same Idempotency-Key), as a client should: the
# bootstrap client has the same budget as any other (50 requests a minute to a service), and the demo's month
# sends more than that to metering-service on a fast machine. One request waits at most five minutes in all.
mercato_api() {
  local method=$1 path=$2 body=${3-} out headers status retry waited=0
  out=$(mktemp) headers=$(mktemp)
  while true; do
    status=$(curl -s -o "$out" -D "$headers" -w '%{http_code}' -X "$method" "$MERCATO_DEMO_URL$path" \
      -H "Authorization: Bearer $MERCATO_DEMO_TOKEN" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: demo-$method-$path-$(printf '%s' "$body" | sha256sum | cut -c1-16)" \
      ${body:+--data "$body"})
    [[ $status == 429 ]] || break
    retry=$(tr -d '\r' <"$headers" | awk 'tolower($1) == "retry-after:" && $2 ~ /^[0-9]+$/ { print $2; exit }')
    retry=${retry:-1}
    ((retry > 0)) || retry=1
    ((waited + retry <= 300)) || break
    if ((waited == 0)); then
      mercato_info "$method $path: rate limited (429); waiting ${retry}s as Retry-After says, then sending it again" >&2
    fi
    sleep "$retry"
    waited=$((waited + retry))
  done
  rm -f "$headers"
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

# mercato_demo_accept_offer <offer id>: sends the offer and has its customer accept it. A step an earlier run of the demo
# already took is skipped, so a demo that stopped half-way can be run again.
mercato_demo_accept_offer() {
  local status
  status=$(mercato_demo_catalog GET "/api/v1/private-offers/$1" | mercato_json_field data.status) || return 1
  if [[ $status == DRAFT ]]; then
    mercato_demo_catalog POST "/api/v1/private-offers/$1/send" >/dev/null || return 1
    status=SENT
  fi
  if [[ $status == SENT ]]; then
    mercato_demo_catalog POST "/api/v1/private-offers/$1/accept" >/dev/null || return 1
    status=ACCEPTED
  fi
  [[ $status == ACCEPTED ]] || { mercato_warn "offer $1 is $status; the demo needs it accepted"; return 1; }
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
  # An add-on: ordered only into a running contract (ADD_PRODUCT), so CM-LOGS-1Y stays the one article an accepted
  # offer of the vendor can become.
  mercato_demo_catalog POST /api/v1/articles "{\"vendorId\": \"$vendor\", \"sku\": \"CM-ALERTS-1Y\",
    \"shortDescription\": \"CloudMeter Alerts add-on, annual\", \"contractType\": \"SUBSCRIPTION\", \"contractTerm\": 12,
    \"supportedOrderTypes\": [\"ADD_PRODUCT\", \"RENEWAL\"], \"startDate\": \"2026-01-01\",
    \"purPrice\": {\"usd\": 240, \"eur\": 220}, \"srpPrice\": {\"usd\": 300, \"eur\": 276}}" >/dev/null
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
  mercato_demo_accept_offer "$offer" || return 1
  printf '%s %s %s' "$listing" "$plan" "$offer"
}

# mercato_demo_place <type> <json body> → places an order through order-service and waits until it is processed;
# prints the transaction. order-service learns tenants and articles from Kafka, so placing is retried for up to a
# minute while it answers 422 for them; a 422 naming the price (a prorated order) is answered with the price it asks.
mercato_demo_place() {
  local type=$1 body=$2 placed="" transaction status attempt out
  out=$(mktemp)
  for attempt in $(seq 1 60); do
    if placed=$(MERCATO_DEMO_URL=$(mercato_service_url order) mercato_api POST "/api/v1/transactions?type=$type" "$body" 2>"$out"); then
      break
    fi
    if grep -q 'send price' "$out"; then
      body=$(python3 -c 'import json, re, sys
body = json.loads(sys.argv[1])
body["items"][0]["price"] = float(re.search(r"send price ([0-9.]+)", sys.argv[2]).group(1))
print(json.dumps(body))' "$body" "$(cat "$out")")
    fi
    sleep 1
  done
  rm -f "$out"
  [[ -n $placed ]] || placed=$(MERCATO_DEMO_URL=$(mercato_service_url order) mercato_api POST "/api/v1/transactions?type=$type" "$body") \
    || return 1
  transaction=$(printf '%s' "$placed" | mercato_json_field data.id)
  for attempt in $(seq 1 120); do
    placed=$(MERCATO_DEMO_URL=$(mercato_service_url order) mercato_api GET "/api/v1/transactions/$transaction") || return 1
    status=$(printf '%s' "$placed" | mercato_json_field data.status)
    case $status in
      PROCESSED) printf '%s' "$placed"; return 0 ;;
      REJECTED|STUCK)
        mercato_warn "transaction $transaction is $status: $(printf '%s' "$placed" | mercato_json_field data.statusMessage)"
        return 1 ;;
    esac
    sleep 0.5
  done
  mercato_warn "transaction $transaction is still $status after a minute"
  return 1
}

# mercato_demo_order <tenant id> → places an INITIAL order of one CM-LOGS-1Y for the tenant and waits until it is
# processed; prints "transaction contract serial".
mercato_demo_order() {
  local tenant=$1 customer csn currency price body placed
  customer=$(mercato_api GET "/api/v1/tenants/$tenant") || return 1
  csn=$(printf '%s' "$customer" | mercato_json_field data.customerNumber)
  currency=$(printf '%s' "$customer" | mercato_json_field data.currency)
  case $currency in
    usd) price=1200 ;;
    eur) price=1100 ;;
    *) mercato_warn "CM-LOGS-1Y has no price in $currency, the tenant's currency"; return 1 ;;
  esac
  body="{\"deliveryDate\": \"$(mercato_clock_today)\", \"purchaseOrderNumber\": \"DEMO-$csn\", \"resellerSiteId\": \"DEMO\",
    \"contactFirstName\": \"Aino\", \"contactLastName\": \"Virtanen\", \"contactEmail\": \"aino.virtanen@acme.example\",
    \"contactLanguage\": \"EN\", \"contactCountryCode\": \"FI\", \"customerCsn\": \"$csn\",
    \"customerName\": \"$(printf '%s' "$customer" | mercato_json_field data.name)\", \"customerCountry\": \"FI\",
    \"items\": [{\"sku\": \"CM-LOGS-1Y\", \"quantity\": 1, \"price\": $price}]}"
  placed=$(mercato_demo_place INITIAL "$body") || return 1
  printf '%s %s %s' "$(printf '%s' "$placed" | mercato_json_field data.id)" \
    "$(printf '%s' "$placed" | mercato_json_field data.contractNumber)" \
    "$(printf '%s' "$placed" | mercato_json_field data.items.0.serialNumber)"
}

# mercato_demo_change_order <type> <purchase order> <contract> <item JSON>: an order on the running contract (ADD_SEAT,
# ADD_PRODUCT), placed with price 0 so order-service says the price for the rest of the term and the demo sends it.
mercato_demo_change_order() {
  mercato_demo_place "$1" "{\"deliveryDate\": \"$(mercato_clock_today)\", \"purchaseOrderNumber\": \"$2\",
    \"resellerSiteId\": \"DEMO\", \"contactFirstName\": \"Aino\", \"contactLastName\": \"Virtanen\",
    \"contactEmail\": \"aino.virtanen@acme.example\", \"contactLanguage\": \"EN\", \"contactCountryCode\": \"FI\",
    \"contractNumber\": \"$3\", \"items\": [$4]}" >/dev/null
}

# mercato_demo_add_seats <contract> <serial> <seats>: seats added to the subscription, priced for the rest of the term.
mercato_demo_add_seats() {
  mercato_demo_change_order ADD_SEAT "DEMO-SEATS-$2" "$1" "{\"sku\": \"CM-LOGS-1Y\", \"quantity\": $3, \"price\": 0, \"serialNumber\": \"$2\"}"
}

# mercato_demo_add_product <contract> <sku> <quantity>: a new subscription co-termed to the contract's end, priced for
# the rest of its term.
mercato_demo_add_product() {
  mercato_demo_change_order ADD_PRODUCT "DEMO-ADDON-$1" "$1" "{\"sku\": \"$2\", \"quantity\": $3, \"price\": 0}"
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

# mercato_demo_receiver: starts the demo's webhook receiver (logs/receiver.log) unless it runs; prints its URL.
mercato_demo_receiver() {
  local port=${MERCATO_RECEIVER_PORT:-8089}
  if ! mercato_running_pid receiver >/dev/null; then
    mercato_port_open "$port" && mercato_die "port $port for the demo's webhook receiver is taken; set MERCATO_RECEIVER_PORT"
    mercato_launch receiver python3 "$MERCATO_ROOT/scripts/lib/demo-receiver.py" "$(mercato_marker receiver)" "$port"
    for _ in $(seq 1 20); do mercato_port_open "$port" && break; sleep 0.25; done
  fi
  printf 'http://127.0.0.1:%s' "$port"
}

# mercato_demo_usage <tenant> <listing> <day> <now>: one batch of the day's usage of the tenant (ten events, hours
# before <now>, metering-service's business time), posted to metering-service; deterministic ids, so running it again
# counts nothing twice.
mercato_demo_usage() {
  local now=$4 batch
  batch=$(python3 -c 'import json, sys, random
from datetime import datetime, timedelta
tenant, listing, day, now = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
now = datetime.fromisoformat(now.replace("Z", "+00:00"))
rng = random.Random(tenant + str(day))
events = []
for i in range(10):
    at = now - timedelta(hours=1 + i * 2, minutes=rng.randint(0, 59))
    dimension = "api_calls" if i % 5 else "storage_gb"
    quantity = rng.randint(200, 4000) if dimension == "api_calls" else round(rng.uniform(1, 20), 3)
    events.append({"eventId": "demo-%s-%d-%d" % (tenant, day, i), "vendor": "aws", "customerId": tenant,
                   "listingId": listing, "dimension": dimension, "quantity": quantity,
                   "timestamp": at.strftime("%Y-%m-%dT%H:%M:%SZ")})
print(json.dumps({"events": events}))' "$1" "$2" "$3" "$now")
  MERCATO_DEMO_URL=$(mercato_service_url metering) mercato_api POST /api/v1/usage "$batch" >/dev/null
}

# mercato_demo_bill <yyyy-MM>: a billing run of the month that finalizes what it creates; prints how many invoices.
mercato_demo_bill() {
  MERCATO_DEMO_URL=$(mercato_service_url billing) mercato_api POST /api/v1/billing-runs \
    "{\"period\": \"$1\", \"finalize\": true}" | mercato_json_field data.invoicesCreated
}

# mercato_demo_month <tenant1> <tenant2> <listing> <contract> <serial>: MERCATO_DEMO_DAYS (38) of the marketplace's life,
# with the test clock moving a day at a time: both tenants report usage every day, Acme adds seats on day 10 and an
# add-on on day 20, every hour closes, then the ended months are billed and finalized (commissions are booked as
# they are) and Acme pays.
mercato_demo_month() {
  local tenant1=$1 tenant2=$2 listing=$3 contract=$4 serial=$5 days=${MERCATO_DEMO_DAYS:-38} day start month end
  local invoices=0 created first now
  start=$(mercato_clock_today)
  for day in $(seq 1 "$days"); do
    mercato_clock_advance P1D
    now=$(mercato_clock_now metering 2>/dev/null) || now=$(date -u +%FT%TZ)
    mercato_demo_usage "$tenant1" "$listing" "$day" "$now" || return 1
    mercato_demo_usage "$tenant2" "$listing" "$day" "$now" || return 1
    if ((day == 10)); then mercato_demo_add_seats "$contract" "$serial" 2 || return 1; fi
    if ((day == 20)); then mercato_demo_add_product "$contract" CM-ALERTS-1Y 1 || return 1; fi
    if ((day % 7 == 0)); then mercato_info "demo: day $day of $days ($(mercato_clock_today))" >&2; fi
  done
  mercato_clock_advance PT3H # past the last hour's grace
  sleep 5
  month=$(date -u -d "$start -1 month" +%Y-%m)
  end=$(mercato_clock_today)
  while [[ $month < ${end:0:7} ]]; do
    created=$(mercato_demo_bill "$month") || return 1
    invoices=$((invoices + created))
    month=$(date -u -d "$month-01 +1 month" +%Y-%m)
  done
  first=$(MERCATO_DEMO_URL=$(mercato_service_url billing) mercato_api GET "/api/v1/invoices?customerId=$tenant1&sort=period&limit=1" \
    | mercato_json_field data.0.id) && MERCATO_DEMO_URL=$(mercato_service_url billing) mercato_api POST "/api/v1/invoices/$first/pay" >/dev/null
  printf '%s %s %s' "$start" "$end" "$invoices"
}

# What the demo created, kept in the state folder (it holds the demo application's secret: mode 600) so that running
# the demo again on the same suite prints it instead of repeating the month.
mercato_demo_summary_file() { printf '%s/demo.txt' "$MERCATO_STATE"; }

# True when the demo already ran against these databases: its summary is kept and the distributor it names still
# exists (databases dropped while the state folder stayed, as the system tests do, leave a summary of nothing).
mercato_demo_already_ran() {
  local file distributor
  file=$(mercato_demo_summary_file)
  [[ -s $file ]] || return 1
  distributor=$(awk '$1 == "distributor" {print $2; exit}' "$file")
  [[ -n $distributor ]] && mercato_api GET "/api/v1/distributors/$distributor" >/dev/null 2>&1
}

cmd_demo() {
  mercato_platform_login
  if mercato_demo_already_ran; then
    mercato_info "the demo already ran on this suite (state folder $MERCATO_STATE); what it created is below." \
      "./mercato reset starts over with empty databases."
    cat "$(mercato_demo_summary_file)"
    return 0
  fi
  local distributor partner tenant1 tenant2 vendor admin app client_id client_secret listing plan offer
  local transaction contract serial offer2 transaction2 receiver webhook month_start="" month_end="" invoices=0 step
  receiver=$(mercato_demo_receiver)
  webhook=$(MERCATO_DEMO_URL=$(mercato_service_url webhook) mercato_api POST /api/v1/webhooks "{\"url\": \"$receiver/platform\",
    \"description\": \"Everything in the marketplace (the demo's receiver)\", \"includeDescendants\": true}" \
    | mercato_json_field data.id) || mercato_die "webhook-service did not take the demo's endpoint (is it running?)"
  distributor=$(mercato_demo_create distributors '{"name": "Nordic Distribution AB", "countryCode": "SE", "currency": "sek"}')
  partner=$(mercato_demo_create partners "{\"name\": \"Helsinki Cloud Partners Oy\", \"countryCode\": \"FI\", \"parentId\": \"$distributor\"}")
  tenant1=$(mercato_demo_create tenants "{\"name\": \"Acme Manufacturing Oy\", \"countryCode\": \"FI\", \"parentId\": \"$partner\", \"segment\": \"MIDMARKET\", \"billingDay\": 5}")
  tenant2=$(mercato_demo_create tenants "{\"name\": \"Baltic Logistics AS\", \"countryCode\": \"EE\", \"parentId\": \"$partner\", \"segment\": \"SMB\"}")
  vendor=$(mercato_demo_create vendors '{"name": "CloudMeter Inc", "countryCode": "US", "currency": "usd"}')
  admin=$(mercato_demo_create users '{"email": "admin@mercato.example", "name": "Platform Admin", "role": "PLATFORM_ADMIN", "password": "change-me-please-42"}')
  app=$(mercato_api POST /api/v1/applications \
    '{"name": "My Integration", "description": "Production integration for CRM sync", "scopes": ["read:customers", "read:entitlements", "write:metering", "read:metering", "read:catalog"]}')
  step=$(mercato_demo_catalogue "$vendor" "$tenant1") \
    || mercato_die "catalog-service did not take the demo catalogue (is it running?)"
  read -r listing plan offer <<<"$step"
  step=$(mercato_demo_order "$tenant1") || mercato_die "order-service did not process the demo order (is it running?)"
  read -r transaction contract serial <<<"$step"
  mercato_demo_wait_entitlement "$tenant1" "$listing" \
    || mercato_die "order-service did not turn the accepted offer into an entitlement (is it running?)"
  offer2=$(mercato_demo_catalog POST /api/v1/private-offers "{\"listingId\": \"$listing\", \"customerId\": \"$tenant2\",
    \"title\": \"Logs for Baltic Logistics\", \"pricing\": {\"discountPercentage\": 5, \"duration\": 12}}" | mercato_json_field data.id)
  mercato_demo_accept_offer "$offer2" || mercato_die "catalog-service did not take the second tenant's offer"
  step=$(mercato_demo_order "$tenant2") || mercato_die "order-service did not process the second tenant's order"
  read -r transaction2 _ _ <<<"$step"
  mercato_demo_wait_entitlement "$tenant2" "$listing" || mercato_die "order-service did not entitle $tenant2 to $listing"
  if [[ ${MERCATO_DEMO_DAYS:-38} != 0 ]]; then
    mercato_info "demo: a month of activity, one business day at a time (the test clock; MERCATO_DEMO_DAYS=0 skips it)"
    step=$(mercato_demo_month "$tenant1" "$tenant2" "$listing" "$contract" "$serial") \
      || mercato_die "the demo month stopped (see the warnings above)"
    read -r month_start month_end invoices <<<"$step"
  fi
  local billing_url month_text="" console_hint=""
  billing_url=$(mercato_service_url billing)
  if [[ -n $month_start ]]; then
    console_hint="; Usage › Ending on $month_end shows the month"
    month_text="A month of activity, $month_start to $month_end in business time (./mercato clock shows it): usage every day
for both tenants, 2 seats (ADD_SEAT) and the Alerts add-on (ADD_PRODUCT) added for Acme, every hour closed,
$invoices invoice(s) finalized with their commissions booked, Acme's first invoice paid:
  curl $billing_url/api/v1/invoices -H \"Authorization: Bearer <token>\"
  curl \"$billing_url/api/v1/commissions/summary?period=${month_start:0:7}\" -H \"Authorization: Bearer <token>\"
"
  fi
  client_id=$(printf '%s' "$app" | mercato_json_field data.clientId)
  client_secret=$(printf '%s' "$app" | mercato_json_field data.clientSecret)
  (umask 077 && mercato_demo_summary > "$(mercato_demo_summary_file)")
  cat "$(mercato_demo_summary_file)"
}

# The demo's closing text, from cmd_demo's variables.
mercato_demo_summary() {
  cat <<MSG

Demo marketplace created through the API (identity-service at $MERCATO_DEMO_URL):
  distributor  $distributor  Nordic Distribution AB
  partner      $partner  Helsinki Cloud Partners Oy
  tenants      $tenant1  Acme Manufacturing Oy
               $tenant2  Baltic Logistics AS
  vendor       $vendor  CloudMeter Inc
  user         $admin  admin@mercato.example / change-me-please-42 (PLATFORM_ADMIN)
  console      $(mercato_service_url console)  sign in as that user$console_hint

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

Second tenant: offer $offer2 accepted by Baltic Logistics AS, transaction $transaction2 (INITIAL) PROCESSED.
Webhook endpoint $webhook of the platform (all descendants) delivers to $receiver/platform (./mercato logs receiver).
$month_text

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
    -d '{"vendor": "aws", "customerId": "$tenant1", "listingId": "$listing", "dimension": "api_calls", "quantity": 42, "timestamp": "$(mercato_clock_now metering 2>/dev/null || date -u +%FT%TZ)"}'
  curl "$(mercato_service_url metering)/api/v1/usage/summary?customer=$tenant1" -H "Authorization: Bearer <access_token>"
MSG
}
