-- Contacts (contract managers, primary team admins) and teams, each of one customer: the same person at
-- two customers is two contacts, so a contact never shows one customer to another's partner.
create table contact (
    id            varchar(40)  primary key,
    customer_id   varchar(40)  not null,
    customer_path varchar(440) not null,
    customer_csn  varchar(10)  not null,
    customer_name varchar(200) not null,
    email         varchar(254) not null,
    first_name    varchar(35),
    last_name     varchar(35),
    phone         varchar(35),
    role          varchar(40)  not null,
    status        varchar(30)  not null,
    created_at    timestamptz  not null,
    last_updated  timestamptz  not null,
    version       bigint       not null,
    unique (customer_id, email)
);
create index contact_customer_path on contact (customer_path varchar_pattern_ops);
create index contact_created on contact (created_at, id);

create table team (
    id                       varchar(40)  primary key,
    customer_id              varchar(40)  not null,
    customer_path            varchar(440) not null,
    customer_csn             varchar(10)  not null,
    customer_name            varchar(200) not null,
    name                     varchar(100) not null,
    primary_admin_email      varchar(254),
    primary_admin_first_name varchar(35),
    primary_admin_last_name  varchar(35),
    seats                    integer      not null,
    product_seats            integer      not null,
    latest_end_date          date,
    created_at               timestamptz  not null,
    last_updated             timestamptz  not null,
    version                  bigint       not null,
    unique (customer_id, name)
);
create index team_customer_path on team (customer_path varchar_pattern_ops);
create index team_created on team (created_at, id);
