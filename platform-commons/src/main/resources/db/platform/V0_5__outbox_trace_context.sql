-- The W3C trace context of the request or event that wrote the row (null when tracing is off): the relay
-- continues that trace when it publishes the row, and puts it on the Kafka record for the consumers.
alter table outbox_event add column trace_parent varchar(128);
alter table outbox_event add column trace_state varchar(512);
