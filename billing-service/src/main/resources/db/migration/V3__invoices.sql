-- Invoices: one per customer and billing period, with their rated lines.
create table invoice (
    id              varchar(40)   primary key,
    issuer_id       varchar(40)   not null,
    customer_id     varchar(40)   not null,
    customer_path   varchar(440)  not null,
    period          varchar(7)    not null,
    period_start    date          not null,
    period_end      date          not null,
    currency        varchar(3)    not null,
    status          varchar(20)   not null,
    number          bigint,
    subtotal        numeric(30, 10) not null,
    discount_total  numeric(30, 10) not null,
    total           numeric(30, 10) not null,
    created_at      timestamptz   not null,
    finalized_at    timestamptz,
    paid_at         timestamptz,
    voided_at       timestamptz,
    unique (customer_id, period),
    unique (issuer_id, number)
);
create index invoice_customer_path on invoice (customer_path);
create index invoice_status_finalized on invoice (status, finalized_at);

create table invoice_line (
    invoice_id       varchar(40)    not null references invoice (id),
    line_no          integer        not null,
    kind             varchar(20)    not null,
    subscription_id  varchar(40),
    description      varchar(400)   not null,
    sku              varchar(60),
    plan_id          varchar(40),
    plan_version     integer,
    dimension        varchar(100),
    service_from     date           not null,
    service_to       date           not null,
    quantity         numeric(38, 10) not null,
    unit_price       numeric(38, 16) not null,
    list_amount      numeric(30, 10) not null,
    discount_amount  numeric(30, 10) not null,
    amount           numeric(30, 10) not null,
    currency         varchar(3)     not null,
    price_currency   varchar(3)     not null,
    exchange_rate    numeric(30, 12),
    rate_date        date,
    discount_id      varchar(40),
    srp_price        numeric(30, 10),
    pur_price        numeric(30, 10),
    primary key (invoice_id, line_no)
);

-- The last number each issuer gave: locked row by row at finalization, so numbers have no gap.
create table invoice_number (
    issuer_id    varchar(40) primary key,
    last_number  bigint      not null
);

-- Credit notes (negative) and debit notes (positive) against a finalized invoice.
create table credit_note (
    id              varchar(40)     primary key,
    invoice_id      varchar(40)     not null references invoice (id),
    customer_id     varchar(40)     not null,
    customer_path   varchar(440)    not null,
    kind            varchar(10)     not null,
    reason          varchar(40)     not null,
    currency        varchar(3)      not null,
    total           numeric(30, 10) not null,
    created_at      timestamptz     not null
);
create index credit_note_invoice on credit_note (invoice_id);
create index credit_note_customer_path on credit_note (customer_path);

create table credit_note_line (
    credit_note_id   varchar(40)     not null references credit_note (id),
    line_no          integer         not null,
    invoice_line_no  integer,
    subscription_id  varchar(40),
    description      varchar(400)    not null,
    dimension        varchar(100),
    quantity         numeric(38, 10) not null,
    amount           numeric(30, 10) not null,
    primary key (credit_note_id, line_no)
);

-- How far the adjustment sweep has looked at changed usage (one row).
create table usage_adjustment_mark (
    id            integer     primary key check (id = 1),
    last_checked  timestamptz not null
);
insert into usage_adjustment_mark values (1, '-infinity');

-- Billing runs: which period ran, when, with what outcome.
create table billing_run (
    id             varchar(40)  primary key,
    period         varchar(7)   not null,
    started_at     timestamptz  not null,
    invoices       integer      not null,
    skipped        integer      not null
);
