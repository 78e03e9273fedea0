-- Discounts of a vendor (or of the platform) and every redemption recorded against them.
create table discount (
    id                             varchar(40)   primary key,
    owner_id                       varchar(40)   not null,
    owner_path                     varchar(400)  not null,
    type                           varchar(20)   not null check (type in ('PERCENTAGE', 'FIXED_PRICE')),
    percentage                     numeric(5, 2) check (percentage > 0 and percentage <= 100),
    price                          numeric(20, 10) check (price > 0),
    currency                       varchar(3),
    code                           varchar(103),
    description                    varchar(255)  not null,
    start_date                     date,
    expiration_date                date,
    min_units                      bigint,
    max_units                      bigint,
    max_redemptions                integer,
    redemptions                    integer       not null default 0,
    billing_cycles                 integer,
    auto_apply                     boolean       not null,
    retainable                     boolean       not null,
    partner_share_percentage       numeric(5, 2),
    base_partner_share_percentage  numeric(5, 2),
    redemption_restriction         varchar(30)   not null,
    plan_ids                       text          not null,
    article_skus                   text          not null,
    listing_ids                    text          not null,
    created_at                     timestamptz   not null,
    updated_at                     timestamptz   not null,
    version                        bigint        not null,
    -- the redemption counter never passes its limit, whatever races it
    check (max_redemptions is null or redemptions <= max_redemptions),
    check (max_units is null or min_units is null or max_units >= min_units)
);
-- a code is unique within its owner, whatever its letter case
create unique index discount_owner_code on discount (owner_id, lower(code)) where code is not null;
create index discount_code on discount (lower(code));
create index discount_created on discount (created_at, id);
create index discount_owner_path on discount (owner_path);

create table discount_redemption (
    id            varchar(40)  primary key,
    discount_id   varchar(40)  not null references discount (id),
    customer_id   varchar(40)  not null,
    -- the customer id when the discount allows one redemption per customer, so the index refuses a second
    once_key      varchar(40),
    units         bigint,
    reference     varchar(100),
    redeemed_by   varchar(100) not null,
    redeemed_at   timestamptz  not null,
    unique (discount_id, once_key)
);
create index discount_redemption_discount on discount_redemption (discount_id, redeemed_at);
