-- The outcome of each usage report, read from metering.reports (package report).
create table usage_report (
    id            varchar(200)  primary key,
    shape         varchar(20)   not null,
    vendor_id     varchar(64),
    listing_id    varchar(64),
    customer_id   varchar(64),
    status        varchar(20)   not null,
    accepted      integer       not null,
    rejected      integer       not null,
    -- {"items": [{index, eventId, customerId, dimension, reason}]}
    rejections    jsonb         not null,
    received_at   timestamptz   not null
);
create index usage_report_received_at on usage_report (received_at, id);
create index usage_report_customer on usage_report (customer_id, received_at);
create index usage_report_vendor on usage_report (vendor_id, received_at);
