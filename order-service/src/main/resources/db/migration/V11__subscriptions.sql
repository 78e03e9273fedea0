-- Subscriptions: one article (SKU) bought in a contract, for a number of seats between two dates. The
-- contract's number, dates, term and type and its customer, channel and contract manager are copied in,
-- so a subscription reads (and is published) whole without its contract.
create sequence serial_number_seq start with 10000001 maxvalue 99999999;

create table subscription (
    id                          varchar(40)   primary key,
    serial_number               varchar(12)   not null unique,
    contract_id                 varchar(40)   not null references contract (id),
    contract_number             varchar(12)   not null,
    contract_start_date         date          not null,
    contract_end_date           date          not null,
    contract_term               integer       not null,
    contract_type               varchar(20)   not null,
    customer_id                 varchar(40)   not null,
    customer_path               varchar(440)  not null,
    customer_csn                varchar(10)   not null,
    customer_name               varchar(200)  not null,
    customer_country            varchar(100),
    account_segment             varchar(50),
    reseller_csn                varchar(10),
    reseller_name               varchar(200),
    distributor_csn             varchar(10),
    distributor_name            varchar(200),
    contract_manager_email      varchar(254),
    contract_manager_first_name varchar(35),
    contract_manager_last_name  varchar(35),
    contract_manager_phone      varchar(35),
    status                      varchar(10)   not null,
    start_date                  date          not null,
    end_date                    date          not null,
    opportunity_number          varchar(12),
    renewal_sku                 varchar(35)   not null,
    description                 varchar(1000),
    product_line_code           varchar(50),
    deployment                  varchar(20)   not null,
    activation_type             varchar(20)   not null,
    quantity                    integer       not null,
    pack_size                   integer       not null,
    seats                       integer       not null,
    -- Purchase (pur) and suggested retail (srp) price objects: {"pur": {"eur": 400}, "srp": {...}}.
    prices                      jsonb         not null,
    primary_admin_email         varchar(254),
    primary_admin_first_name    varchar(35),
    primary_admin_last_name     varchar(35),
    team_id                     varchar(40),
    team_name                   varchar(100),
    listing_id                  varchar(40),
    dimensions                  jsonb         not null,
    retired_at                  timestamptz,
    created_at                  timestamptz   not null,
    last_updated                timestamptz   not null,
    version                     bigint        not null,
    check (end_date >= start_date),
    check (quantity > 0 and pack_size > 0 and seats > 0)
);
create index subscription_customer_path on subscription (customer_path varchar_pattern_ops);
create index subscription_created on subscription (created_at, id);
create index subscription_contract on subscription (contract_id);
create index subscription_customer on subscription (customer_id);
create index subscription_end_date on subscription (end_date);
create index subscription_opportunity on subscription (opportunity_number);
create index subscription_team on subscription (team_id);
