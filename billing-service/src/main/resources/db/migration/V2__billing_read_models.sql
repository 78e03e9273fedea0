-- Read models of the other services' snapshot topics, everything rating needs, so a billing run
-- never calls another service.

-- orders.subscriptions: the latest snapshot of each subscription.
create table billing_subscription (
    id              varchar(40)  primary key,
    customer_id     varchar(40)  not null,
    serial_number   varchar(40),
    status          varchar(20)  not null,
    start_date      date         not null,
    end_date        date         not null,
    sku             varchar(60),
    description     varchar(400),
    quantity        integer      not null,
    seats           integer      not null,
    srp_price       jsonb        not null,
    pur_price       jsonb        not null,
    listing_id      varchar(40),
    retired_at      timestamptz,
    created_at      timestamptz  not null,
    source_version  bigint       not null
);
create index billing_subscription_customer on billing_subscription (customer_id);

-- The ordered quantity over time (the unit the SRP is per): one row per day on which a snapshot
-- changed it, so a seat change within a period is prorated.
create table billing_subscription_quantity (
    subscription_id varchar(40) not null references billing_subscription (id) on delete cascade,
    effective_from  date        not null,
    quantity        integer     not null,
    primary key (subscription_id, effective_from)
);

-- catalog.plans: plans and their versions with the price definitions (JSON, as published).
create table billing_plan (
    id              varchar(40)  primary key,
    owner_id        varchar(40)  not null,
    listing_id      varchar(40),
    source_version  bigint       not null
);
create index billing_plan_listing on billing_plan (listing_id);

create table billing_plan_version (
    plan_id           varchar(40) not null references billing_plan (id) on delete cascade,
    version           integer     not null,
    status            varchar(20) not null,
    currency          varchar(3)  not null,
    pricing_period    varchar(20),
    published_at      timestamptz,
    price_definitions jsonb       not null,
    primary key (plan_id, version)
);

-- catalog.articles: SRP and purchase price objects per SKU (the channel margin on each line).
create table billing_article (
    id              varchar(40)  primary key,
    sku             varchar(60)  not null,
    srp_price       jsonb        not null,
    pur_price       jsonb        not null,
    source_version  bigint       not null
);
create index billing_article_sku on billing_article (sku);

-- catalog.discounts: what an automatic discount takes off, for how long and for whom.
create table billing_discount (
    id                     varchar(40)   primary key,
    owner_id               varchar(40)   not null,
    type                   varchar(20)   not null,
    percentage             numeric(5, 2),
    price                  numeric(30, 10),
    currency               varchar(3),
    start_date             date,
    expiration_date        date,
    min_units              bigint,
    max_units              bigint,
    billing_cycles         integer,
    auto_apply             boolean       not null,
    partner_share          numeric(5, 2),
    base_partner_share     numeric(5, 2),
    plan_ids               text[]        not null,
    article_skus           text[]        not null,
    listing_ids            text[]        not null,
    source_version         bigint        not null
);

-- catalog.exchange-rates: every rate with its validity, so an amount converts as of a date.
create table billing_exchange_rate (
    id                varchar(40)    primary key,
    base_currency     varchar(3)     not null,
    counter_currency  varchar(3)     not null,
    rate              numeric(30, 12) not null,
    valid_from        date           not null,
    active            boolean        not null,
    source_version    bigint         not null
);
create index billing_exchange_rate_pair on billing_exchange_rate (base_currency, counter_currency, valid_from);

-- metering.aggregates: the highest revision of every hourly aggregate. changed_at tells the
-- adjustment sweep which hours changed after an invoice covering them was finalized.
create table billing_usage (
    id               varchar(80)     primary key,
    customer_id      varchar(40)     not null,
    subscription_id  varchar(40),
    listing_id       varchar(40),
    dimension        varchar(100)    not null,
    hour_start       timestamptz     not null,
    aggregation      varchar(20)     not null,
    value            numeric(38, 10) not null,
    revision         integer         not null,
    changed_at       timestamptz     not null
);
create index billing_usage_subscription_hour on billing_usage (subscription_id, hour_start);
create index billing_usage_changed on billing_usage (changed_at);
