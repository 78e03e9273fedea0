-- OAuth applications (client_credentials clients). The secret is stored only as HMAC-SHA256 under the
-- server pepper; during a rotation overlap the previous secret's hash is kept until previous_secret_expires_at.
create table oauth_application (
    client_id                   varchar(100) primary key,
    name                        varchar(200) not null,
    description                 varchar(1000),
    scopes                      varchar(2000) not null,
    role                        varchar(40)  not null,
    organization_id             varchar(40)  not null,
    organization_kind           varchar(20)  not null,
    owner_path                  varchar(450) not null,
    status                      varchar(20)  not null check (status in ('ACTIVE', 'REVOKED')),
    secret_hash                 varchar(64)  not null,
    previous_secret_hash        varchar(64),
    previous_secret_expires_at  timestamptz,
    secret_rotated_at           timestamptz  not null,
    created_by                  varchar(200) not null,
    created_at                  timestamptz  not null,
    updated_at                  timestamptz  not null,
    revoked_at                  timestamptz,
    version                     bigint       not null
);
create index oauth_application_owner_path on oauth_application (owner_path varchar_pattern_ops);
create index oauth_application_created_at on oauth_application (created_at, client_id);
