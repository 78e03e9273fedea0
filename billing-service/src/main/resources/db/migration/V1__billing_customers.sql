-- Read model of identity-service's organizations (topic identity.organizations): who is billed, how.
create table billing_customer (
    id               varchar(40)  primary key,
    kind             varchar(20)  not null,
    name             varchar(200) not null,
    customer_number  varchar(10)  not null,
    status           varchar(20)  not null,
    parent_id        varchar(40),
    ancestry         varchar(400) not null,
    country_code     varchar(2)      not null,
    currency         varchar(3)      not null,
    billing_day      integer      not null,
    updated_at       timestamptz  not null,
    source_version   bigint       not null
);
