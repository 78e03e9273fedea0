-- Who did what to which credential or setting. owner_path is the organization path the event belongs to,
-- so a caller sees the events of its own subtree; details never hold a secret.
create table audit_event (
    id           varchar(40)  primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(200) not null,
    owner_path   varchar(450) not null,
    action       varchar(100) not null,
    target_type  varchar(50)  not null,
    target_id    varchar(200),
    details      text         not null,
    request_id   varchar(128)
);
create index audit_event_owner_path on audit_event (owner_path varchar_pattern_ops);
create index audit_event_occurred_at on audit_event (occurred_at, id);
