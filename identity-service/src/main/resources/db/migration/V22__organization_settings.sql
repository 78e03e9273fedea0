-- Settings per organization: branding, licensing and identity. A missing row means the defaults.
create table organization_settings (
    organization_id     varchar(40)   primary key references organization (id),
    owner_path          varchar(450)  not null,
    display_name        varchar(200),
    logo_url            varchar(2000),
    primary_color       varchar(7),
    seats               integer,
    license_type        varchar(30),
    -- Names of configured federation issuers, comma-separated; empty = every configured issuer.
    allowed_issuers     varchar(1000) not null,
    password_min_length integer       not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null
);
create index organization_settings_owner_path on organization_settings (owner_path varchar_pattern_ops);
