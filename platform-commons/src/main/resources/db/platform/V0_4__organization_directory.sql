-- The organizations read model every service but identity keeps from identity.organizations
-- (platform-commons' directory package): enough to decide who owns what and who sees whom.
create table directory_organization (
    id              varchar(64)  primary key,
    kind            varchar(20)  not null,
    parent_id       varchar(64),
    -- ids from the platform down to this organization, '/'-separated
    path            varchar(1000) not null,
    name            varchar(200) not null,
    status          varchar(20)  not null,
    customer_number varchar(20),
    country_code    varchar(2),
    currency        varchar(3),
    billing_day     integer,
    source_version  bigint       not null
);
create index directory_organization_path on directory_organization (path text_pattern_ops);
