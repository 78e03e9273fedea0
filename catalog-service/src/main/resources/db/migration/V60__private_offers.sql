-- Private offers: a vendor's discount on one of its listings for one customer (tenant), for a number of months.
create table private_offer (
    id                  varchar(40)   primary key,
    -- the vendor organization that owns the offer (the listing's owner) and its path, as in tokens
    owner_id            varchar(64)   not null,
    owner_path          varchar(1000) not null,
    -- the listing's marketplace: aws, azure or direct
    marketplace         varchar(10)   not null,
    listing_id          varchar(40)   not null,
    listing_name        varchar(200)  not null,
    -- the tenant the offer is addressed to; its path decides who on the customer's side sees and answers it
    customer_id         varchar(64)   not null,
    customer_path       varchar(1000) not null,
    customer_name       varchar(200)  not null,
    title               varchar(200),
    notes               varchar(1000),
    discount_percentage numeric(5, 2) not null check (discount_percentage > 0 and discount_percentage <= 100),
    duration_months     integer       not null check (duration_months between 1 and 60),
    -- DRAFT, SENT, ACCEPTED, DECLINED, EXPIRED or CANCELLED
    status              varchar(10)   not null,
    expires_at          timestamptz,
    sent_at             timestamptz,
    accepted_at         timestamptz,
    declined_at         timestamptz,
    cancelled_at        timestamptz,
    expired_at          timestamptz,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null
);
create index private_offer_owner_path on private_offer (owner_path text_pattern_ops);
create index private_offer_customer_path on private_offer (customer_path text_pattern_ops);
create index private_offer_created_at on private_offer (created_at, id);
-- what the expiry sweep looks for: sent offers by expiry
create index private_offer_sent_expiry on private_offer (expires_at) where status = 'SENT';
