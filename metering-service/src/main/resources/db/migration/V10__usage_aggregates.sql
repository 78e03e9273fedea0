-- Aggregation of metering.usage (package aggregate).

-- Every usage event counted, so a repeat is skipped in the same transaction that would count it. An
-- event is its id and its usage time (a repeat carries both): the id as its name-based (MD5) UUID, 16
-- bytes whatever the caller's id looks like (a collision needs ~2^61 ids of one day), after the time, so
-- the index grows where usage is happening now instead of at random places all over it.
-- Partitioned by the day the usage happened (UTC): ingestion refuses usage older than the backdating
-- window, so once a day is older than the window plus a grace no accepted event can repeat one of it,
-- and its partition is dropped whole (DedupePartitions) instead of deleting rows one by one.
-- Partitions are created ahead each hour, and by the consumer for any other day it meets.
create table usage_event_seen (
    usage_at   timestamptz  not null,
    event_key  uuid         not null,
    primary key (usage_at, event_key)
) partition by range (usage_at);

-- One customer's usage of one listing dimension in one hour: every measure is kept, whatever the
-- dimension declares (declared_value is the declared one). closed_at is set when the hour closes and
-- it is published; each later change publishes a correction with revision + 1.
create table usage_aggregate (
    id               bigint generated always as identity primary key,
    customer_id      varchar(64)    not null,
    vendor_id        varchar(64),
    listing_id       varchar(64)    not null,
    subscription_id  varchar(64),
    dimension        varchar(64)    not null,
    hour_start       timestamptz    not null,
    aggregation      varchar(16)    not null,
    unique_property  varchar(64),
    quantity_sum     numeric(38, 12) not null,
    event_count      bigint         not null,
    quantity_max     numeric(38, 12) not null,
    latest_quantity  numeric(38, 12) not null,
    latest_at        timestamptz    not null,
    unique_count     bigint         not null default 0,
    declared_value   numeric(38, 12) generated always as (case aggregation
                         when 'COUNT' then event_count
                         when 'MAX' then quantity_max
                         when 'LATEST' then latest_quantity
                         when 'UNIQUE_COUNT' then unique_count
                         else quantity_sum end) stored,
    updated_at       timestamptz    not null,
    closed_at        timestamptz,
    revision         integer        not null default 0,
    -- the value the last closed/corrected event published, so a correction can say what it replaces
    published_value  numeric(38, 12),
    constraint usage_aggregate_key unique nulls not distinct
        (customer_id, listing_id, subscription_id, dimension, hour_start)
) with (fillfactor = 70); -- room on each page, so adding to an aggregate is a HOT update that touches no index
-- the closing sweep's candidates
create index usage_aggregate_open on usage_aggregate (hour_start) where closed_at is null;
-- the summary's two ways in: a customer's usage, a vendor's listings' usage
create index usage_aggregate_customer_hour on usage_aggregate (customer_id, hour_start);
create index usage_aggregate_vendor_hour on usage_aggregate (vendor_id, hour_start);
create index usage_aggregate_hour on usage_aggregate (hour_start);

-- The distinct values of an aggregate's unique property: unique_count grows by the rows inserted.
create table usage_aggregate_value (
    aggregate_id  bigint        not null references usage_aggregate (id) on delete cascade,
    value         varchar(500)  not null,
    primary key (aggregate_id, value)
);
