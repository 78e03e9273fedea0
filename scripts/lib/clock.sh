# shellcheck shell=bash
# Sourced by ./mercato: `./mercato clock [duration]` shows or moves the business clock of all six services
# (docs/RUNNING.md, "Test clock"). Needs the suite's services started with the test clock on (the default of `up`).

# mercato_clock_advance <ISO-8601 duration>: moves every running service's business clock by the same step (the six
# requests at once).
mercato_clock_advance() {
  local step=$1 svc
  local -A moving=()
  for svc in "${MERCATO_SERVICE_NAMES[@]}"; do
    MERCATO_DEMO_URL=$(mercato_service_url "$svc") mercato_api POST /api/v1/test-clock "{\"advanceBy\": \"$step\"}" \
      >/dev/null &
    moving[$svc]=$!
  done
  for svc in "${!moving[@]}"; do
    wait "${moving[$svc]}" || mercato_die "$svc did not move its clock by $step (started with MERCATO_TEST_CLOCK_ENABLED=false?)"
  done
}

# mercato_clock_now [service]: business time of a service (identity by default), as yyyy-MM-ddTHH:mm:ss…Z.
mercato_clock_now() {
  MERCATO_DEMO_URL=$(mercato_service_url "${1:-identity}") mercato_api GET /api/v1/test-clock | mercato_json_field data.now
}

cmd_clock() {
  local step=${1-} svc
  mercato_platform_login
  if [[ -n $step ]]; then
    [[ $step =~ ^P[0-9A-Z.]+$ ]] || mercato_die "usage: ./mercato clock [ISO-8601 duration, such as P30D or PT2H]"
    mercato_clock_advance "$step"
  fi
  printf '%-10s %-32s %s\n' SERVICE "BUSINESS TIME" "AHEAD BY"
  for svc in "${MERCATO_SERVICE_NAMES[@]}"; do
    MERCATO_DEMO_URL=$(mercato_service_url "$svc") mercato_api GET /api/v1/test-clock \
      | python3 -c 'import json, sys
d = json.load(sys.stdin)["data"]
print("%-10s %-32s %s" % (sys.argv[1], d["now"], d["offset"]))' "$svc" || mercato_warn "$svc has no test clock"
  done
}

# mercato_clock_today: business date (yyyy-MM-dd) of order-service, or the system's date without a test clock.
mercato_clock_today() {
  local now
  now=$(mercato_clock_now order 2>/dev/null) || now=$(date -u +%FT%TZ)
  printf '%s' "${now:0:10}"
}
