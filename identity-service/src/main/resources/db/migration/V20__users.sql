-- Users: people who log in. One role in one organization; owner_path is that organization's path,
-- so visibility is the same prefix test as for everything else an organization owns.
create table app_user (
    id              varchar(40)  primary key,
    email           varchar(254) not null,
    name            varchar(200) not null,
    status          varchar(20)  not null,
    organization_id varchar(40)  not null references organization (id),
    owner_path      varchar(450) not null,
    role            varchar(30)  not null,
    password_hash   varchar(200),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null
);
-- Emails are unique whatever their case; lookups use lower(email) and hit this index.
create unique index app_user_email on app_user (lower(email));
create index app_user_owner_path on app_user (owner_path varchar_pattern_ops);
create index app_user_created on app_user (created_at, id);
create index app_user_organization on app_user (organization_id);
