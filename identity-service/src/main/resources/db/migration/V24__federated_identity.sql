-- Federated logins: the account an external OpenID issuer knows a user by. The first login links
-- (issuer, subject) to the user with the verified email of the ID token; later logins match on that pair
-- only, never on email again. One link per user and issuer, so another account at the same issuer that
-- claims the same email cannot take the user over.
create table federated_identity (
    issuer_url    varchar(2000) not null,
    subject       varchar(255)  not null,
    user_id       varchar(40)   not null references app_user (id),
    linked_email  varchar(254)  not null,
    linked_at     timestamptz   not null,
    last_login_at timestamptz   not null,
    primary key (issuer_url, subject)
);
create unique index federated_identity_user_issuer on federated_identity (user_id, issuer_url);

-- Federated login is deny-by-default: an organization accepts only the issuers it lists (empty = none).
comment on column organization_settings.allowed_issuers is
    'Names of configured federation issuers the organization''s users may log in through, comma-separated; empty = none';
