-- Read model of identity-service's organizations (topic identity.organizations).
create table account (
    id               varchar(40)  primary key,
    csn              varchar(10)  not null,
    name             varchar(200) not null,
    account_type     varchar(20)  not null,
    status           varchar(20)  not null,
    parent_id        varchar(40),
    ancestry         varchar(400) not null,
    external_id      varchar(100),
    country_code     varchar(2)      not null,
    address_line1    varchar(200),
    address_line2    varchar(200),
    address_line3    varchar(200),
    city             varchar(100),
    postal           varchar(20),
    state_province   varchar(100),
    country          varchar(100),
    segment          varchar(50),
    currency         varchar(3)      not null,
    metadata         text         not null,
    created_at       timestamptz  not null,
    last_updated     timestamptz  not null,
    source_version   bigint       not null
);
create index account_created on account (created_at, id);
create index account_csn on account (csn);
