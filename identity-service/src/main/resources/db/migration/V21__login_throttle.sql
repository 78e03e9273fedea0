-- Failed password logins per email within a window. Keyed by a SHA-256 of the lower-cased email, so
-- addresses typed at the login form (including ones of nobody) are not stored in clear.
create table login_throttle (
    email_hash        varchar(64) primary key,
    failures          integer     not null,
    window_started_at timestamptz not null
);
create index login_throttle_window on login_throttle (window_started_at);
