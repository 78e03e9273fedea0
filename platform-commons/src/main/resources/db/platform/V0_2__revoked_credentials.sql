-- Deny list of revoked credentials (topic identity.revocations), kept so it holds across restarts.
-- kind: TOKEN (value = jti), CLIENT (value = client_id) or SUBJECT (value = sub).
create table revoked_credential (
    kind        varchar(20)  not null,
    value       varchar(200) not null,
    revoked_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    primary key (kind, value)
);
create index revoked_credential_expires_at on revoked_credential (expires_at);
