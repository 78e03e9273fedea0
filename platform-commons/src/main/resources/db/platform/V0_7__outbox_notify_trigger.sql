-- The outbox table itself wakes the relay: every statement that adds events notifies `mercato_outbox` (no
-- payload; PostgreSQL delivers it at commit, drops it on rollback and folds repeats within a transaction).
-- Before, the insert carried the notification in a select (`with stored as (insert …) select … pg_notify`),
-- which made it a native select for Hibernate, and Hibernate keeps a new query plan for every execution of a
-- native select: the plan cache filled with thousands of entries for that one statement and every publish
-- scanned them. The insert is now a plain statement.
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('mercato_outbox', '');
    return null;
end
$$;

create trigger outbox_event_notify after insert on outbox_event
    for each statement execute function outbox_event_notify();
