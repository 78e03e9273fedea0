-- Read models of catalog-service's articles, plans and private offers (topics catalog.articles,
-- catalog.plans, catalog.offers): orders are validated and priced against these, never by calling catalog.
create table catalog_article (
    id                    varchar(40)  primary key,
    sku                   varchar(35)  not null,
    owner_id              varchar(40),
    description           varchar(400),
    deployment            varchar(20),
    contract_type         varchar(20),
    contract_term         integer,
    pack_size             integer      not null,
    -- comma-separated order types, e.g. INITIAL,ADD_SEAT
    supported_order_types varchar(200) not null,
    start_date            date,
    end_date              date,
    source_version        bigint       not null
);
create unique index catalog_article_sku on catalog_article (sku);

-- Price objects: one amount per price list (PUR purchase, SRP suggested retail) and lower-case currency.
create table catalog_article_price (
    article_id varchar(40) not null references catalog_article (id) on delete cascade,
    price_list varchar(3)  not null,
    currency   varchar(3)  not null,
    amount     numeric     not null,
    primary key (article_id, price_list, currency)
);

-- The SKU an article names for an order type (e.g. the S2S switch target).
create table catalog_article_link (
    article_id varchar(40) not null references catalog_article (id) on delete cascade,
    order_type varchar(30) not null,
    sku        varchar(35) not null,
    primary key (article_id, order_type, sku)
);

create table catalog_plan (
    id                varchar(40)  primary key,
    owner_id          varchar(40),
    name              varchar(200),
    listing_id        varchar(40),
    published_version integer,
    source_version    bigint       not null
);

-- Every version of a plan with its price definitions as the catalogue published them (JSON, exact decimals).
create table catalog_plan_version (
    plan_id           varchar(40) not null references catalog_plan (id) on delete cascade,
    version           integer     not null,
    status            varchar(20) not null,
    currency          varchar(3),
    pricing_period    varchar(20),
    price_definitions jsonb       not null,
    primary key (plan_id, version)
);

create table catalog_offer (
    id                  varchar(40)  primary key,
    vendor_id           varchar(40),
    listing_id          varchar(40),
    customer_id         varchar(40),
    status              varchar(20)  not null,
    discount_percentage numeric,
    duration_months     integer,
    accepted_at         timestamptz,
    expires_at          timestamptz,
    source_version      bigint       not null
);
