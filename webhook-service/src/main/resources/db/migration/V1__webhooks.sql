-- Webhook endpoints: where an organization wants its events delivered, and how.
create table webhook_endpoint (
    id                      varchar(40)   primary key,
    owner_id                varchar(64)   not null,
    -- the owner's organization path ('/'-separated ids from the platform down), for routing
    owner_path              varchar(1000) not null,
    url                     varchar(2000) not null,
    description             varchar(500),
    -- {"types": [...]} or {"types": null} for every event type
    event_types             jsonb         not null,
    enabled                 boolean       not null,
    include_descendants     boolean       not null,
    rate_limit_per_second   integer,
    -- {"headers": {"name": "value"}}
    custom_headers          jsonb         not null,
    secret                  varchar(200)  not null,
    previous_secret         varchar(200),
    previous_secret_until   timestamptz,
    -- why it was disabled: DISABLED_BY_OWNER, GONE (410) or FAILING
    disabled_reason         varchar(40),
    failing_since           timestamptz,
    consecutive_failures    integer       not null default 0,
    circuit_open_until      timestamptz,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 bigint        not null
);
create index webhook_endpoint_owner on webhook_endpoint (owner_id);
create index webhook_endpoint_path on webhook_endpoint (owner_path text_pattern_ops) where enabled;

-- One row per event and recipient endpoint, written before anything is sent. Its id is the
-- webhook-id receivers see: the same on every attempt.
create table webhook_message (
    id               varchar(40)   primary key,
    seq              bigint        generated always as identity unique,
    endpoint_id      varchar(40)   not null references webhook_endpoint (id) on delete cascade,
    event_id         varchar(64)   not null,
    event_type       varchar(100)  not null,
    -- the object the event is about; messages about one subject go to one endpoint in order
    subject          varchar(200)  not null,
    payload          text          not null,
    request_id       varchar(128),
    -- PENDING, DELIVERED or FAILED
    status           varchar(20)   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(1000),
    delivered_at     timestamptz,
    created_at       timestamptz   not null,
    unique (endpoint_id, event_id)
);
-- the delivery engine's scan: due pending messages
create index webhook_message_due on webhook_message (next_attempt_at) where status = 'PENDING';
-- per (endpoint, subject) ordering: the oldest pending message of a subject
create index webhook_message_pending_subject on webhook_message (endpoint_id, subject, seq) where status = 'PENDING';
create index webhook_message_endpoint on webhook_message (endpoint_id, created_at);
create index webhook_message_finished on webhook_message (created_at) where status <> 'PENDING';

-- Every attempt to deliver a message.
create table webhook_attempt (
    id               bigint        generated always as identity primary key,
    message_id       varchar(40)   not null references webhook_message (id) on delete cascade,
    endpoint_id      varchar(40)   not null,
    attempted_at     timestamptz   not null,
    -- SUCCEEDED or FAILED
    outcome          varchar(20)   not null,
    status_code      integer,
    duration_ms      integer       not null,
    response_excerpt varchar(1000),
    error            varchar(1000)
);
create index webhook_attempt_message on webhook_attempt (message_id, id);
