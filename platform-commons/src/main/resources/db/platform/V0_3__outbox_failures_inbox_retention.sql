-- An outbox row Kafka refuses for good (too large, invalid topic, …) is marked failed instead of
-- blocking the rows behind it; it is kept, with the reason, until someone fixes and re-queues it.
alter table outbox_event add column failed_at timestamptz;
alter table outbox_event add column failure_reason varchar(1000);
drop index outbox_event_unpublished;
create index outbox_event_pending on outbox_event (id) where published_at is null and failed_at is null;
create index outbox_event_failed on outbox_event (id) where failed_at is not null;

-- Marking a row published writes a new row version and an entry in every btree index, so the relay's
-- throughput is bounded by how many there are. The event id is a random UUID made by Outbox: its
-- unique index only cost every insert and every mark a random btree insert. Retention deletes by
-- occurred_at (rows are written in time order) with a BRIN index, which an update barely touches.
alter table outbox_event drop constraint outbox_event_event_id_key;
drop index outbox_event_published_at;
create index outbox_event_occurred_at on outbox_event using brin (occurred_at);

-- processed_event rows are pruned after mercato.inbox.retention.
create index processed_event_processed_at on processed_event (processed_at);

-- Every published mark leaves a dead row version and a dead entry in outbox_event_pending that each
-- relay round walks past until vacuum removes them: vacuum this table far more often than the default.
alter table outbox_event set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
