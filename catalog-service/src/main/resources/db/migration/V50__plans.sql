-- Plans of vendors, their numbered versions and the price definitions of each version.
-- A published version and its prices are never updated; a change is a new version.
create table plan (
    id                varchar(40)   primary key,
    owner_id          varchar(40)   not null,
    -- the owning vendor's organization path, as in tokens: what visibility of drafts is decided on
    owner_path        varchar(1000) not null,
    name              varchar(200)  not null,
    description       varchar(1000),
    listing_id        varchar(40),
    -- the newest published version (what new subscriptions buy); null until the first publish
    published_version integer,
    -- the version being edited; null when every version is published
    draft_version     integer,
    latest_version    integer       not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null
);
create index plan_owner_path on plan (owner_path text_pattern_ops);
create index plan_created on plan (created_at, id);

create table plan_version (
    id                    varchar(40)  primary key,
    plan_id               varchar(40)  not null references plan (id),
    number                integer      not null,
    status                varchar(20)  not null,
    currency              varchar(3)   not null,
    pricing_period        varchar(20),
    free_trial_duration   integer,
    free_trial_period     varchar(10),
    free_trial_grace_days integer,
    created_at            timestamptz  not null,
    published_at          timestamptz,
    constraint plan_version_number unique (plan_id, number)
);

create table plan_price (
    id                   varchar(40)  primary key,
    version_id           varchar(40)  not null references plan_version (id) on delete cascade,
    plan_id              varchar(40)  not null references plan (id),
    plan_version         integer      not null,
    position             integer      not null,
    owner_id             varchar(40)  not null,
    currency             varchar(3)   not null,
    pricing_period       varchar(20),
    cost_type_category   varchar(20)  not null,
    pricing_strategy     varchar(20)  not null,
    unit                 varchar(50),
    listing_id           varchar(40),
    dimension_key        varchar(64),
    unit_allows_decimals boolean      not null,
    increment            numeric,
    package_size         numeric,
    created_at           timestamptz  not null
);
create index plan_price_plan on plan_price (plan_id, plan_version, position);
create index plan_price_created on plan_price (created_at, id);

-- The ranges of a price, contiguous from 0; amounts exact.
create table plan_price_range (
    price_id        varchar(40) not null references plan_price (id) on delete cascade,
    position        integer     not null,
    min_quantity    numeric     not null,
    max_quantity    numeric,
    sale_price      numeric     not null,
    wholesale_price numeric,
    flat_amount     numeric,
    primary key (price_id, position)
);
