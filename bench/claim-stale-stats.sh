#!/usr/bin/env bash
# The webhook engine's claim planned from statistics that mislead the planner, before and after `analyze
# webhook_message` (what the engine runs when a claim outlasts mercato.webhooks.claim-timeout). Builds a scratch
# database from webhook-service's SQL migrations, stores 500 delivered messages and takes statistics then (no pending
# message in them), then stores a backlog as ClaimTimeoutTest does: MERCATO_CLAIM_BACKLOG messages (default 30000) of
# one endpoint on 40 subjects whose heads are due in an hour (everything behind them due a minute ago), and 30 due
# messages of another endpoint. Prints, before and after the analyze, the claim's execution time (the statement
# exactly as DeliveryEngine.CLAIM has it) and how it looked each candidate's subject head up; and the analyze's time.
# docs/BENCHMARKS.md "A backlog that stalled the engine".
#
#   bench/claim-stale-stats.sh
#
# The first claim keeps one core busy for a minute or more at the default backlog. MERCATO_PG_PORT default 5432; the
# scratch database (mercato_claim_stats) is dropped at the end.
set -euo pipefail
BENCH_NAME=claim-stale-stats
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

pg_port=${MERCATO_PG_PORT:-5432}
backlog=${MERCATO_CLAIM_BACKLOG:-30000}
database=mercato_claim_stats
webhook="$BENCH_ROOT/webhook-service/src/main"
psql_admin() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -qAt -v ON_ERROR_STOP=1 "$@"; }
sql() { psql_admin -d "$database" "$@"; }

psql_admin -c "drop database if exists $database" -c "create database $database" 2>/dev/null
trap 'psql_admin -c "drop database if exists $database with (force)" >/dev/null 2>&1 || true' EXIT
# The SQL migrations in order (the one Java migration only re-encrypts existing secrets: nothing to do here).
for migration in $(ls "$webhook"/resources/db/migration/V*.sql | sort -V); do
  sql -f "$migration" >/dev/null
done

sql <<SQL
insert into webhook_endpoint (id, owner_id, owner_path, url, event_types, enabled, include_descendants, custom_headers,
    secret, created_at, updated_at, version)
select id, 'org_stats', '/org_stats', 'https://receiver.example', '{"types": null}', true, false, '{"headers": {}}',
    'unused', now(), now(), 0
from unnest(array['whk_01kbe5q8d8fk0y2qstatspiled', 'whk_01kbe5q8d8fk0y2qstatssteady']) id;
insert into webhook_message (id, endpoint_id, event_id, event_type, subject, payload, status, next_attempt_at,
    delivered_at, created_at)
select 'msg_history_' || i, case when i % 2 = 0 then 'whk_01kbe5q8d8fk0y2qstatspiled'
                                 else 'whk_01kbe5q8d8fk0y2qstatssteady' end,
    'evt_history_' || i, 'invoice.voided', 'inv_history_' || i, '{}', 'DELIVERED', now(), now(), now()
from generate_series(1, 500) i;
vacuum analyze webhook_message;
insert into webhook_message (id, endpoint_id, event_id, event_type, subject, payload, status, next_attempt_at,
    created_at)
select 'msg_piled_' || i, 'whk_01kbe5q8d8fk0y2qstatspiled', 'evt_piled_' || i, 'invoice.voided',
    'inv_piled_' || (i % 40), '{}', 'PENDING',
    case when i <= 40 then now() + interval '1 hour' else now() - interval '1 minute' end, now()
from generate_series(1, $backlog) i
union all
select 'msg_steady_' || i, 'whk_01kbe5q8d8fk0y2qstatssteady', 'evt_steady_' || i, 'invoice.voided',
    'inv_steady_' || (i % 10), '{}', 'PENDING', now(), now()
from generate_series(1, 30) i;
SQL
echo "pending messages: $(sql -c "select count(*) from webhook_message where status = 'PENDING'")"

# DeliveryEngine.CLAIM, verbatim, as a prepared statement: 200 in all, 60 s lease, 32 per endpoint, circuit
# threshold 5, 60 s probe hold, no endpoint busy. Rolled back: each run claims the same messages.
claim=$(sed -n '/String CLAIM = """/,/""";/p' "$webhook/java/dev/mercato/webhook/delivery/DeliveryEngine.java" \
  | sed '1d;s/""";$//')
[[ -n $claim ]] || bench_die "DeliveryEngine.CLAIM not found"
explain_claim() {
  # the candidates' scan and the head lookup's, with their conditions and filters, then the execution time
  sql <<SQL | awk '/on webhook_message (m_1|p) / {lookup = 1; print; next}
                   lookup && /^ *(Index Cond|Filter|Rows Removed by Filter):/ {print; next} {lookup = 0}
                   /Execution Time/'
prepare claim(int, float8, int, int, float8, varchar[], int[]) as
$claim;
begin;
explain (analyze, costs off) execute claim(200, 60, 32, 5, 60, '{}', '{}');
rollback;
SQL
}
echo "claim on the statistics taken before the backlog:"
explain_claim
echo "analyze webhook_message: $(sql -c '\timing on' -c 'analyze webhook_message' | sed -n 's/^Time: //p')"
echo "claim after the analyze:"
explain_claim
