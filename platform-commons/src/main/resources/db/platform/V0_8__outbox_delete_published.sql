-- The relay deletes a row once Kafka acknowledged it, instead of marking it published and keeping it for a day.
-- Kafka keeps the events; an outbox of only pending and failed rows stays small however busy the service is, so
-- vacuuming and analysing it costs next to nothing. With a day of published rows, order-service's outbox held tens of
-- thousands of rows after minutes of orders, and each analyse of it read the whole table (docs/BENCHMARKS.md).
--
-- published_at stays for now, unused: during a rolling upgrade an instance of the previous version may still hold the
-- relay lock, and its rounds read and mark that column. Rows it marks are sent once more by the new relay (consumers
-- recognise the event ids) and deleted. A later migration drops the column.
delete from outbox_event where failed_at is null and published_at is not null;
drop index outbox_event_pending;
drop index outbox_event_occurred_at;
create index outbox_event_pending on outbox_event (id) where failed_at is null;
