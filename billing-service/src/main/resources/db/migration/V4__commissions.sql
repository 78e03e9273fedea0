-- What each invoice line would have cost at the channel's purchase prices (before discount, in the
-- invoice currency): the channel margin of the line is list_amount - wholesale_amount. Null when the
-- prices have no purchase price (the line then carries no margin).
alter table invoice_line add column wholesale_amount numeric(30, 10);

-- The commission ledger: one entry per beneficiary (the customer's reseller, the distributor above it,
-- the platform) and per invoice line when the invoice is finalized, and per credit or debit note line
-- when a note is issued (a clawback is a negative entry). Entries are never updated or deleted.
create table commission_entry (
    id                varchar(40)     primary key,
    source            varchar(12)     not null check (source in ('INVOICE', 'CREDIT_NOTE')),
    source_id         varchar(40)     not null,
    source_line_no    integer         not null,
    invoice_id        varchar(40)     not null references invoice (id),
    invoice_line_no   integer,
    period            varchar(7)      not null,
    customer_id       varchar(40)     not null,
    beneficiary_id    varchar(40)     not null,
    beneficiary_kind  varchar(20)     not null check (beneficiary_kind in ('PARTNER', 'DISTRIBUTOR', 'PLATFORM')),
    beneficiary_path  varchar(440)    not null,
    currency          varchar(3)      not null,
    base_amount       numeric(30, 10) not null,
    amount            numeric(30, 10) not null,
    booked_at         timestamptz     not null,
    unique (source_id, source_line_no, beneficiary_kind)
);
create index commission_entry_beneficiary on commission_entry (beneficiary_path, period);
create index commission_entry_period on commission_entry (period);
create index commission_entry_invoice on commission_entry (invoice_id);
