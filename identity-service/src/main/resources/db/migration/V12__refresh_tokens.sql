-- Refresh tokens, stored as HMAC-SHA256 under the server pepper. Every use spends the row and adds the next
-- one of the same family; presenting a spent one revokes the family. Each row remembers the access token
-- issued with it, so a family revocation can revoke those too.
create table refresh_token (
    token_hash          varchar(64)  primary key,
    family_id           varchar(40)  not null,
    subject             varchar(100) not null,
    client_id           varchar(100) not null,
    organization_id     varchar(40)  not null,
    organization_kind   varchar(20)  not null,
    organization_path   varchar(450) not null,
    role                varchar(40)  not null,
    scope               varchar(2000) not null,
    access_jti          varchar(40)  not null,
    access_expires_at   timestamptz  not null,
    issued_at           timestamptz  not null,
    expires_at          timestamptz  not null,
    spent_at            timestamptz,
    revoked_at          timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_client on refresh_token (client_id) where revoked_at is null;
create index refresh_token_subject on refresh_token (subject) where revoked_at is null;
create index refresh_token_expires_at on refresh_token (expires_at);
