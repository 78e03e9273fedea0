-- Listings: a vendor organization's product on a marketplace, with its metered dimensions.
create table listing (
    id            varchar(40)   primary key,
    owner_id      varchar(64)   not null,
    -- the owner's organization path, as in tokens: what visibility and ownership are decided on
    owner_path    varchar(1000) not null,
    -- the marketplace it is sold on: aws, azure or direct
    marketplace   varchar(10)   not null,
    name          varchar(200)  not null,
    description   varchar(2000),
    product_code  varchar(100),
    currency      varchar(3)    not null,
    status        varchar(10)   not null,
    -- {"items": [{key, title, unit, pricePerUnit, decimals, description, retiredAt}]}, never shrinking
    dimensions    jsonb         not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    version       bigint        not null
);
create index listing_owner_path on listing (owner_path text_pattern_ops);
create index listing_created_at on listing (created_at, id);
