-- The engine claims per endpoint (a bounded index range each), so one endpoint's pile of due messages never
-- stands in front of another's.
create index webhook_message_endpoint_due on webhook_message (endpoint_id, next_attempt_at) where status = 'PENDING';
