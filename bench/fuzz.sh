#!/usr/bin/env bash
# The OpenAPI-driven fuzzer and the generic authorization matrix against a running suite (`./mercato up`, the same
# environment variables as `up`). bench/Fuzz.java reads each service's /q/openapi, sends MERCATO_FUZZ_REQUESTS
# generated requests per service (baseline and mutations: wrong types, missing and unknown fields, 1 MB strings,
# 10,000 levels of nesting, invalid UTF-8, odd content types and encodings, injection strings in every parameter and
# in both filter syntaxes) and asserts: no 5xx, every answer begun within MERCATO_FUZZ_SLOW_MS, the error shape on every
# 4xx, no collection changed by refused requests. Then every operation of every service with no, a garbage, an
# `alg: none`, another issuer's, a forged expired, a tampered and a revoked token (401 unless public) and with a
# token of one unrelated scope (never 2xx). Then the matrix by role (bench/RoleMatrix.java: every operation as a user
# of each of the ten roles, made in the demo's organizations; without the scope the document declares 403, with it
# never 401 nor the 403 of a missing scope, no 2xx write for a reader) and by organization (bench/ForeignMatrix.java:
# the admins of a second distributor, partner, tenant and vendor get 403/404 for every object of the demo's
# organizations and never see one in a list). Exit status 1 on any violation. Needs rate limits off (it sends far
# more than a client may). Loopback only. docs/BENCHMARKS.md "Fuzzing".
#
#   MERCATO_RATE_LIMIT_ENABLED=false MERCATO_IDENTITY_TOKEN_RATE_LIMIT_ENABLED=false ./mercato up && bench/fuzz.sh
#
# MERCATO_FUZZ_REQUESTS   requests per service, default 10000
# MERCATO_FUZZ_SEED       seed of the generator (an example's "service#n" replays with the same seed), default 1
# MERCATO_FUZZ_SLOW_MS    an answer whose first bytes come later than this is a violation, default 1000
# MERCATO_FUZZ_SERVICES   the services fuzzed, default all six (identity is always read, for tokens)
set -euo pipefail
BENCH_NAME=fuzz
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=../scripts/lib/jdk.sh
. "$BENCH_ROOT/scripts/lib/jdk.sh"
mercato_select_jdk || exit 2

client_id=${MERCATO_BOOTSTRAP_CLIENT_ID:-$(bench_from_secrets MERCATO_BOOTSTRAP_CLIENT_ID)}
client_secret=${MERCATO_BOOTSTRAP_CLIENT_SECRET:-$(bench_from_secrets MERCATO_BOOTSTRAP_CLIENT_SECRET)}
[[ -n $client_id && -n $client_secret ]] || bench_die "no bootstrap client: run ./mercato up first"

defaults=(identity:8081 catalog:8082 order:8083 metering:8084 billing:8085 webhook:8086)
targets=()
for entry in "${defaults[@]}"; do
  svc=${entry%%:*} port_var="MERCATO_${svc^^}_PORT"
  [[ $svc == identity || " ${MERCATO_FUZZ_SERVICES:-identity catalog order metering billing webhook} " == *" $svc "* ]] \
    && targets+=("$svc=http://127.0.0.1:${!port_var:-${entry#*:}}")
done

# Fuzz.java and the matrices beside it: compiled together into a folder of their own (a single-file launch takes one)
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
"$JAVA_HOME/bin/javac" -nowarn -d "$classes" "$BENCH_ROOT/bench/Fuzz.java" "$BENCH_ROOT/bench/Actors.java" \
  "$BENCH_ROOT/bench/RoleMatrix.java" "$BENCH_ROOT/bench/ForeignMatrix.java"
"$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -cp "$classes" Fuzz \
  "${MERCATO_FUZZ_REQUESTS:-10000}" "${MERCATO_FUZZ_SEED:-1}" "${MERCATO_FUZZ_SLOW_MS:-1000}" \
  "$client_id" "$client_secret" "${targets[@]}"
