-- The statements that mark one message by id (delivered, failed, held back, claimed for a redelivery) also say
-- status = 'PENDING'. That alone implied this index's predicate, so with statistics taken while few messages were
-- pending the planner answered them by reading every pending message of the index into a hash and joining the ids to it:
-- the delivered marks of the webhook bench scanned the whole backlog (20,000 rows) for every batch of a dozen messages,
-- and the engine delivered about a third fewer messages a second than with a primary-key lookup. The index now also
-- requires subject is not null (always true: the column is not null), which only a query that compares the subject
-- implies (the head lookup of the claim, the hold-back of a subject), so a lookup by id uses the primary key whatever
-- the statistics say. The same rule as the due index's (V9).
drop index webhook_message_pending_subject;
create index webhook_message_pending_subject on webhook_message (endpoint_id, subject, seq)
    where status = 'PENDING' and subject is not null;
