-- identity-service's own record of what it revoked (the source of truth behind identity.revocations):
-- introspection reads it, so a revocation holds here at once, before the event reaches anyone.
create table credential_revocation (
    kind        varchar(10)  not null check (kind in ('TOKEN', 'CLIENT', 'SUBJECT')),
    value       varchar(200) not null,
    revoked_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    primary key (kind, value)
);
create index credential_revocation_expires_at on credential_revocation (expires_at);
