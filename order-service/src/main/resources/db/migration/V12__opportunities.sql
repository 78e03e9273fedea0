-- Renewal opportunities: one per contract and subscription end date, created 90 days before that date;
-- items are the contract's subscriptions ending then.
create sequence opportunity_number_seq start with 10000001 maxvalue 99999999;

create table opportunity (
    id                       varchar(40)  primary key,
    opportunity_number       varchar(12)  not null unique,
    contract_id              varchar(40)  not null references contract (id),
    contract_number          varchar(12)  not null,
    contract_renewal_counter integer      not null,
    contract_term            integer      not null,
    contract_type            varchar(20)  not null,
    customer_id              varchar(40)  not null,
    customer_path            varchar(440) not null,
    customer_csn             varchar(10)  not null,
    customer_name            varchar(200) not null,
    customer_country         varchar(100),
    account_segment          varchar(50),
    reseller_csn             varchar(10),
    reseller_name            varchar(200),
    distributor_csn          varchar(10),
    distributor_name         varchar(200),
    contact_email            varchar(254),
    contact_first_name       varchar(35),
    contact_last_name        varchar(35),
    contact_phone            varchar(35),
    sales_status             varchar(40)  not null,
    subscription_end_date    date         not null,
    items                    jsonb        not null,
    -- Purchase (pur) and suggested retail (srp) price objects: {"pur": {"eur": 400}, "srp": {...}}.
    prices                   jsonb        not null,
    total_quantity           integer      not null,
    total_seats              integer      not null,
    closed_at                timestamptz,
    created_at               timestamptz  not null,
    last_updated             timestamptz  not null,
    version                  bigint       not null,
    unique (contract_id, subscription_end_date)
);
create index opportunity_customer_path on opportunity (customer_path varchar_pattern_ops);
create index opportunity_created on opportunity (created_at, id);
