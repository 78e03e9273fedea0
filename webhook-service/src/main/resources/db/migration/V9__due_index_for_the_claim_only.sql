-- A subject's head is looked up by (endpoint_id, subject) among pending messages. With statistics taken while few
-- messages were pending, the planner used to answer that lookup from the due index on the endpoint alone and filter the
-- subject, reading the endpoint's whole pile for every candidate (seconds for a backlog of 10,000). The due index now
-- also requires next_attempt_at is not null (always true: the column is not null). Only a query that bounds
-- next_attempt_at (the claim's "next_attempt_at <= now()", the hold-back's "<") implies that predicate, so the head
-- lookup can only use webhook_message_pending_subject, whatever the statistics say.
drop index webhook_message_endpoint_due;
create index webhook_message_endpoint_due on webhook_message (endpoint_id, next_attempt_at)
    where status = 'PENDING' and next_attempt_at is not null;

-- A vacuum that gives the empty pages at the table's end back to the operating system holds an exclusive lock while it
-- does, and every claim waits (claims cut short at the claim timeout, seconds without a delivery, seen on the bench).
-- A queue reuses those pages soon anyway.
alter table webhook_message set (vacuum_truncate = false);
