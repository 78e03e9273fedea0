-- The engine claims per endpoint (webhook_message_endpoint_due, V2); nothing reads pending messages by time alone, and
-- every claim and every delivery moves a message in or out of this index.
drop index if exists webhook_message_due;
