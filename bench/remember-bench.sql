-- What remembering usage events costs PostgreSQL, four ways, on usage_event_seen's own shape (a partition of one
-- day, primary key (usage_at, event_key)): 2,000,000 events, 150,000 a second of usage time, inserted 20,000 a
-- statement from unnested arrays as the aggregation sends them. Prints each way's time and WAL. Scratch database:
--
--   createdb -h 127.0.0.1 -U postgres remember_bench && psql -h 127.0.0.1 -U postgres -d remember_bench -f bench/remember-bench.sql
--   dropdb -h 127.0.0.1 -U postgres remember_bench
\set ON_ERROR_STOP on
\set QUIET on
\pset footer off
set client_min_messages = warning;
drop table if exists seen, events, batches, batches_sorted, timings;
create table seen (usage_at timestamptz not null, event_key uuid not null, primary key (usage_at, event_key))
    partition by range (usage_at);
create table seen_day partition of seen for values from ('2026-12-05') to ('2026-12-06');
create table events as
    select timestamptz '2026-12-05 06:00:00+00' + (g / 150000) * interval '1 second' as usage_at,
           gen_random_uuid() as event_key, g
    from generate_series(1, 2000000) g;
-- as a batch arrives (arrival order), and sorted as the index is
create table batches as
    select g / 20000 as b, array_agg(usage_at order by g) as usage_at, array_agg(event_key order by g) as event_key
    from events group by 1;
create table batches_sorted as
    select g / 20000 as b, array_agg(usage_at order by usage_at, event_key) as usage_at,
           array_agg(event_key order by usage_at, event_key) as event_key
    from events group by 1;
create table timings (way text, seconds numeric, wal text);

create or replace procedure remember(way text, source text, skipping_repeats boolean) language plpgsql as $$
declare
    batch record;
    remembered_new bigint;
    started timestamptz := clock_timestamp();
    wal_before pg_lsn := pg_current_wal_lsn();
begin
    truncate seen;
    for batch in execute 'select * from ' || source || ' order by b' loop
        if skipping_repeats then
            with remembered as (
                insert into seen select * from unnest(batch.usage_at, batch.event_key)
                on conflict do nothing returning event_key)
            select count(*) from remembered into remembered_new;
        else
            insert into seen select * from unnest(batch.usage_at, batch.event_key);
        end if;
    end loop;
    insert into timings values (way, round(extract(epoch from clock_timestamp() - started)::numeric, 2),
                                pg_size_pretty(pg_current_wal_lsn() - wal_before));
end $$;

call remember('on conflict do nothing returning, arrival order', 'batches', true);
call remember('on conflict do nothing returning, index order', 'batches_sorted', true);
call remember('plain insert, arrival order', 'batches', false);
call remember('plain insert, index order', 'batches_sorted', false);
select way, seconds, round(seconds * 1e6 / 2000000, 2) as us_per_event, wal from timings;
drop table seen, events, batches, batches_sorted, timings;
drop procedure remember;
