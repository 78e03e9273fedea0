-- API keys (POST /api/v1/auth with `Authorization: Basic <key>` → tokens). The key is shown once and stored as
-- HMAC-SHA256 under the server pepper; key_prefix is its first characters, to tell keys apart in lists.
create table api_key (
    id                 varchar(40)  primary key,
    name               varchar(200) not null,
    key_hash           varchar(64)  not null unique,
    key_prefix         varchar(20)  not null,
    scopes             varchar(2000) not null,
    role               varchar(40)  not null,
    organization_id    varchar(40)  not null,
    organization_kind  varchar(20)  not null,
    owner_path         varchar(450) not null,
    status             varchar(20)  not null check (status in ('ACTIVE', 'REVOKED')),
    created_by         varchar(200) not null,
    created_at         timestamptz  not null,
    last_used_at       timestamptz,
    revoked_at         timestamptz,
    version            bigint       not null
);
create index api_key_owner_path on api_key (owner_path varchar_pattern_ops);
create index api_key_created_at on api_key (created_at, id);
