-- One table for every machine credential: OAuth applications (kind APPLICATION, id = client_id) and API keys
-- (kind API_KEY, id = key_…). Both are the same thing: a secret stored only as HMAC-SHA256 under the server
-- pepper, owned by an organization, with a role, scopes, a status and rotation timestamps. During a rotation
-- overlap the previous secret's hash is kept until previous_secret_expires_at. key_prefix (API keys) is the
-- key's first characters, to tell keys apart in lists. Rate limits, when set, go into every access token.
create table credential (
    id                          varchar(100)  primary key,
    kind                        varchar(20)   not null check (kind in ('APPLICATION', 'API_KEY')),
    name                        varchar(200)  not null,
    description                 varchar(1000),
    key_prefix                  varchar(20),
    scopes                      varchar(2000) not null,
    role                        varchar(40)   not null,
    organization_id             varchar(40)   not null,
    organization_kind           varchar(20)   not null,
    owner_path                  varchar(450)  not null,
    status                      varchar(20)   not null check (status in ('ACTIVE', 'REVOKED')),
    secret_hash                 varchar(64)   not null,
    previous_secret_hash        varchar(64),
    previous_secret_expires_at  timestamptz,
    secret_rotated_at           timestamptz   not null,
    rate_limit_per_hour         integer       check (rate_limit_per_hour > 0),
    rate_limit_per_minute       integer       check (rate_limit_per_minute > 0),
    created_by                  varchar(200)  not null,
    created_at                  timestamptz   not null,
    updated_at                  timestamptz   not null,
    last_used_at                timestamptz,
    revoked_at                  timestamptz,
    version                     bigint        not null
);
create unique index credential_secret_hash on credential (secret_hash);
create index credential_previous_secret_hash on credential (previous_secret_hash) where previous_secret_hash is not null;
create index credential_owner_path on credential (owner_path varchar_pattern_ops);
create index credential_kind_created_at on credential (kind, created_at, id);

-- Every existing application and key moves over as it is; an API key's "rotation" is its creation.
insert into credential (id, kind, name, description, key_prefix, scopes, role, organization_id, organization_kind,
    owner_path, status, secret_hash, previous_secret_hash, previous_secret_expires_at, secret_rotated_at,
    created_by, created_at, updated_at, last_used_at, revoked_at, version)
select client_id, 'APPLICATION', name, description, null, scopes, role, organization_id, organization_kind,
    owner_path, status, secret_hash, previous_secret_hash, previous_secret_expires_at, secret_rotated_at,
    created_by, created_at, updated_at, null, revoked_at, version
from oauth_application;

insert into credential (id, kind, name, description, key_prefix, scopes, role, organization_id, organization_kind,
    owner_path, status, secret_hash, previous_secret_hash, previous_secret_expires_at, secret_rotated_at,
    created_by, created_at, updated_at, last_used_at, revoked_at, version)
select id, 'API_KEY', name, null, key_prefix, scopes, role, organization_id, organization_kind,
    owner_path, status, key_hash, null, null, created_at,
    created_by, created_at, coalesce(revoked_at, created_at), last_used_at, revoked_at, version
from api_key;

drop table oauth_application;
drop table api_key;

-- Rate limits travel with refresh tokens, so that a refreshed access token carries them too.
alter table refresh_token add column rate_limit_per_hour integer;
alter table refresh_token add column rate_limit_per_minute integer;
