-- Hourly usage of listings sold through a cloud marketplace, each claimed once per marketplace customer,
-- dimension and hour (the unique constraint is the claim: an hour is never submitted twice), with the
-- outcome the marketplace gave it.
create table marketplace_submission (
    id                      varchar(40)     primary key default ('msb_' || replace(gen_random_uuid()::text, '-', '')),
    marketplace             varchar(8)      not null check (marketplace in ('aws', 'azure')),
    aggregate_id            varchar(32)     not null,
    customer_id             varchar(64)     not null,
    vendor_id               varchar(64),
    listing_id              varchar(64)     not null,
    dimension               varchar(64)     not null,
    hour_start              timestamptz     not null,
    product_code            varchar(128),             -- AWS: the product the records are for
    account_kind            varchar(24),              -- AWS: CustomerAWSAccountId or CustomerIdentifier
    account_id              varchar(256),             -- AWS account or customer identifier; Azure resource id
    plan_id                 varchar(128),             -- Azure: the plan the resource bought
    quantity                numeric(38, 12) not null, -- the aggregate's declared value
    submitted_quantity      numeric(38, 12),          -- what was sent (AWS takes whole units: rounded up)
    unsubmitted_correction  numeric(38, 12) not null default 0, -- corrections that arrived after it was sent
    status                  varchar(16)     not null check (status in
                                ('PENDING', 'SUBMITTING', 'ACCEPTED', 'DUPLICATE', 'REJECTED', 'EXPIRED')),
    reason                  varchar(200),             -- the marketplace's status or error for anything not accepted
    marketplace_record_id   varchar(200),             -- AWS MeteringRecordId, Azure usageEventId
    attempts                int             not null default 0,
    next_attempt_at         timestamptz     not null,
    claimed_until           timestamptz,
    created_at              timestamptz     not null,
    submitted_at            timestamptz,
    updated_at              timestamptz     not null,
    constraint marketplace_submission_hour unique (marketplace, customer_id, listing_id, dimension, hour_start)
);
create index marketplace_submission_due on marketplace_submission (next_attempt_at) where status in ('PENDING', 'SUBMITTING');
create index marketplace_submission_aggregate on marketplace_submission (aggregate_id);
create index marketplace_submission_created on marketplace_submission (created_at, id);
