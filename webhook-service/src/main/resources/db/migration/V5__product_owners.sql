-- Who owns what can be sold, from catalog.listings (listing id → vendor) and catalog.articles (SKU → owner), so the
-- vendor of what was sold receives entitlement.updated and subscription.* events.
create table product_owner (
    -- 'listing:<listing id>' or 'article:<sku>'
    id             varchar(250) primary key,
    owner_id       varchar(64)  not null,
    -- the catalog version this row reflects; older snapshots arriving late are ignored
    source_version bigint       not null
);
