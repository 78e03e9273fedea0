-- An outbox row Kafka refuses for good (too large, invalid topic, …) is marked failed instead of
-- blocking the rows behind it; it is kept, with the reason, until someone fixes and re-queues it.
alter table outbox_event add column failed_at timestamptz;
alter table outbox_event add column failure_reason varchar(1000);
drop index outbox_event_unpublished;
create index outbox_event_pending on outbox_event (id) where published_at is null and failed_at is null;
create index outbox_event_failed on outbox_event (id) where failed_at is not null;

-- processed_event rows are pruned after mercato.inbox.retention.
create index processed_event_processed_at on processed_event (processed_at);
