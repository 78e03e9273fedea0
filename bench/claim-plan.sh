#!/usr/bin/env bash
# How the webhook engine's claim statement behaves on a backlog the planner knows nothing about. Builds a scratch
# database from webhook-service's SQL migrations, takes statistics while webhook_message is empty (as after a
# restore or a fresh start with autovacuum off), then stores a backlog for one endpoint: MERCATO_CLAIM_BACKLOG
# messages (default 60000) spread over 40 subjects, whose 40 heads were retried and are due after all the messages
# queued behind them, plus 200 single-message subjects. Prints the claim's plan (the statement exactly as
# DeliveryEngine.CLAIM has it) with its execution time; the claim's cost should not grow with the backlog.
# docs/BENCHMARKS.md "A backlog that stalled the engine".
#
#   bench/claim-plan.sh
#
# MERCATO_PG_PORT default 5432; the scratch database (mercato_claim_plan) is dropped at the end.
set -euo pipefail
BENCH_NAME=claim-plan
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

pg_port=${MERCATO_PG_PORT:-5432}
backlog=${MERCATO_CLAIM_BACKLOG:-60000}
database=mercato_claim_plan
webhook="$BENCH_ROOT/webhook-service/src/main"
psql_admin() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -qAt -v ON_ERROR_STOP=1 "$@"; }
sql() { psql_admin -d "$database" "$@"; }

psql_admin -c "drop database if exists $database" -c "create database $database" 2>/dev/null
trap 'psql_admin -c "drop database if exists $database" >/dev/null 2>&1 || true' EXIT
# The SQL migrations in order (the one Java migration only re-encrypts existing secrets: nothing to do here).
for migration in $(ls "$webhook"/resources/db/migration/V*.sql | sort -V); do
  sql -f "$migration" >/dev/null
done

sql <<SQL
insert into webhook_endpoint (id, owner_id, owner_path, url, event_types, enabled, include_descendants, custom_headers,
    secret, created_at, updated_at, version)
values ('whk_plan', 'org_plan', '/org_plan', 'https://receiver.example', '{"types": null}', true, false,
    '{"headers": {}}', 'unused', now(), now(), 0);
vacuum analyze webhook_message;
insert into webhook_message (id, endpoint_id, event_id, event_type, subject, payload, status, next_attempt_at,
    created_at, head)
select 'msg_' || i, 'whk_plan', 'evt_' || i, 'entitlement.updated', 'ent_' || (i % 40), repeat('x', 400), 'PENDING',
    case when i < 40 then now() - interval '1 minute' else now() - interval '1 hour' end, now(), i < 40
from generate_series(0, $backlog - 1) i;
insert into webhook_message (id, endpoint_id, event_id, event_type, subject, payload, status, next_attempt_at,
    created_at, head)
select 'msg_single' || i, 'whk_plan', 'evt_single' || i, 'entitlement.updated', 'ent_single' || i, repeat('x', 400),
    'PENDING', now(), now(), true
from generate_series(0, 199) i;
SQL
echo "pending messages: $(sql -c "select count(*) from webhook_message where status = 'PENDING'")," \
  "heads: $(sql -c "select count(*) from webhook_message where status = 'PENDING' and head")"

# DeliveryEngine.CLAIM, verbatim, as a prepared statement: 200 in all, 60 s lease, 32 per endpoint, circuit
# threshold 5, 60 s probe hold, no endpoint busy.
claim=$(sed -n '/String CLAIM = """/,/""";/p' "$webhook/java/dev/mercato/webhook/delivery/DeliveryEngine.java" \
  | sed '1d;s/""";$//')
[[ -n $claim ]] || bench_die "DeliveryEngine.CLAIM not found"
sql <<SQL
prepare claim(int, float8, int, int, float8, varchar[], int[]) as
$claim;
begin;
explain (analyze, buffers, costs off) execute claim(200, 60, 32, 5, 60, '{}', '{}');
rollback;
SQL
