-- Contracts: a set of subscriptions sharing a term, dates and a contract manager. Customer, reseller and
-- distributor are copied in from the accounts read model when the contract is made; customer_path decides
-- who sees the row (docs/SECURITY.md "Organization tree").
create sequence contract_number_seq start with 110000000001 maxvalue 999999999999;

create table contract (
    id                          varchar(40)  primary key,
    contract_number             varchar(12)  not null unique,
    customer_id                 varchar(40)  not null,
    customer_path               varchar(440) not null,
    customer_csn                varchar(10)  not null,
    customer_name               varchar(200) not null,
    customer_country            varchar(100),
    account_segment             varchar(50),
    reseller_csn                varchar(10),
    reseller_name               varchar(200),
    distributor_csn             varchar(10),
    distributor_name            varchar(200),
    contract_start_date         date         not null,
    contract_end_date           date         not null,
    -- The day the current end date was set: expiry notices count only thresholds reached since.
    end_date_set_on             date         not null,
    contract_term               integer      not null,
    contract_renewal_counter    integer      not null,
    contract_type               varchar(20)  not null,
    contract_manager_email      varchar(254),
    contract_manager_first_name varchar(35),
    contract_manager_last_name  varchar(35),
    contract_manager_phone      varchar(35),
    items                       jsonb        not null,
    -- Purchase (pur) and suggested retail (srp) price objects: {"pur": {"eur": 400}, "srp": {...}}.
    prices                      jsonb        not null,
    total_quantity              integer      not null,
    total_seats                 integer      not null,
    created_at                  timestamptz  not null,
    last_updated                timestamptz  not null,
    version                     bigint       not null,
    check (contract_end_date >= contract_start_date)
);
create index contract_customer_path on contract (customer_path varchar_pattern_ops);
create index contract_created on contract (created_at, id);
create index contract_customer on contract (customer_id);
create index contract_end_date on contract (contract_end_date);

-- contract.expiring notices sent: one per contract, end date and threshold (90, 60, 30 days), written in
-- the transaction that publishes it, so a restart neither repeats nor skips one.
create table contract_expiry_notice (
    contract_id       varchar(40) not null references contract (id),
    contract_end_date date        not null,
    days_before       integer     not null,
    sent_at           timestamptz not null,
    primary key (contract_id, contract_end_date, days_before)
);
