-- Public events whose audience names an organization the directory does not know yet: kept until it arrives on
-- identity.organizations, then fanned out (instead of being retried and dead-lettered).
create table webhook_parked_event (
    id           bigint        generated always as identity primary key,
    event_type   varchar(100)  not null,
    subject      varchar(200)  not null,
    -- the domain event's data, from which the public payload is made when it is released
    source       text          not null,
    request_id   varchar(128),
    occurred_at  timestamptz,
    -- every audience organization (all must be known before it is fanned out)
    audience     varchar(64)[] not null,
    parked_at    timestamptz   not null
);
create index webhook_parked_event_audience on webhook_parked_event using gin (audience);
