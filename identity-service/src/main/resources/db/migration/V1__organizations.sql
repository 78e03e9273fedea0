create table organization (
    id               varchar(40)  primary key,
    kind             varchar(20)  not null,
    parent_id        varchar(40)  references organization (id),
    ancestry         varchar(400) not null,
    name             varchar(200) not null,
    external_id      varchar(100),
    customer_number  varchar(10)  not null unique,
    country_code     varchar(2)      not null,
    address_line1    varchar(200),
    address_line2    varchar(200),
    address_line3    varchar(200),
    city             varchar(100),
    postal_code      varchar(20),
    state_province   varchar(100),
    country          varchar(100),
    segment          varchar(50),
    status           varchar(20)  not null,
    currency         varchar(3)      not null,
    billing_day      integer      not null check (billing_day between 1 and 28),
    metadata         text         not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null
);
create index organization_kind_created on organization (kind, created_at, id);
create index organization_parent on organization (parent_id);
