-- The W3C trace context of the event a message was made from (null when tracing is off): each delivery attempt is a
-- span in that trace. It stays inside Mercato: receivers are never sent a traceparent.
alter table webhook_message add column trace_parent varchar(128);
alter table webhook_message add column trace_state varchar(512);
