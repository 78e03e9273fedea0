-- Entitlements: what a customer may use, one per customer and product (a listing or an article),
-- derived from its subscriptions. product_key is 'listing:<id>' or 'sku:<sku>'.
create table entitlement (
    id            varchar(40)  primary key,
    customer_id   varchar(40)  not null,
    customer_path varchar(440) not null,
    customer_csn  varchar(10)  not null,
    customer_name varchar(200) not null,
    product_key   varchar(80)  not null,
    listing_id    varchar(40),
    sku           varchar(35),
    description   varchar(1000),
    dimensions    jsonb        not null,
    seats         integer      not null,
    start_date    date         not null,
    end_date      date         not null,
    status        varchar(10)  not null,
    subscriptions jsonb        not null,
    created_at    timestamptz  not null,
    last_updated  timestamptz  not null,
    version       bigint       not null,
    unique (customer_id, product_key)
);
create index entitlement_customer_path on entitlement (customer_path varchar_pattern_ops);
create index entitlement_created on entitlement (created_at, id);
