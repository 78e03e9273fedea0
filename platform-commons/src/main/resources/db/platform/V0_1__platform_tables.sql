-- Tables every Mercato service has, owned by platform-commons.

-- Transactional outbox: written with the state change, relayed to Kafka in id order.
create table outbox_event (
    id            bigint generated always as identity primary key,
    event_id      varchar(64)  not null unique,
    topic         varchar(200) not null,
    message_key   varchar(200) not null,
    event_type    varchar(200) not null,
    source        varchar(200) not null,
    subject       varchar(200),
    occurred_at   timestamptz  not null,
    request_id    varchar(128),
    payload       text         not null,
    published_at  timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent consumer: the events each consumer has applied.
create table processed_event (
    consumer      varchar(200) not null,
    event_id      varchar(200) not null,
    event_type    varchar(200) not null,
    processed_at  timestamptz  not null,
    primary key (consumer, event_id)
);

-- Idempotency-Key replay for POST requests.
create table idempotency_key (
    scope          varchar(300) not null,
    idem_key       varchar(255) not null,
    request_hash   varchar(64)     not null,
    status         integer      not null,
    response_body  text         not null,
    created_at     timestamptz  not null,
    primary key (scope, idem_key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
