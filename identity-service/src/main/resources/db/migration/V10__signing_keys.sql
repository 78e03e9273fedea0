-- Token signing keys (ES256): public key as base64 X.509 SubjectPublicKeyInfo and as the published JWK. The private key is stored encrypted (AES-256-GCM under the server's
-- key-encryption key); a retired key stays published until expires_at, when every token it signed has expired.
create table signing_key (
    kid                    varchar(64)  primary key,
    algorithm              varchar(10)  not null,
    status                 varchar(10)  not null check (status in ('ACTIVE', 'RETIRED')),
    public_key             text         not null,
    public_jwk             text         not null,
    private_key_encrypted  text         not null,
    created_at             timestamptz  not null,
    retired_at             timestamptz,
    expires_at             timestamptz
);
create unique index signing_key_one_active on signing_key (status) where status = 'ACTIVE';
