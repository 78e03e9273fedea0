-- Currency exchange rates: one unit of base_currency is rate units of counter_currency from valid_from on.
-- Never edited: a newer valid_from for the same pair supersedes a rate; deactivation takes it out of use.
create table exchange_rate (
    id                varchar(40)  primary key,
    base_currency     varchar(3)   not null,
    counter_currency  varchar(3)   not null,
    rate              numeric      not null,
    valid_from        date         not null,
    active            boolean      not null,
    created_at        timestamptz  not null,
    deactivated_at    timestamptz,
    version           bigint       not null,
    constraint exchange_rate_pair check (base_currency <> counter_currency),
    constraint exchange_rate_positive check (rate > 0)
);
-- One active rate per pair and first day: the rate that applies on a date is never ambiguous.
create unique index exchange_rate_active_pair_day on exchange_rate (base_currency, counter_currency, valid_from)
    where active;
create index exchange_rate_pair_valid on exchange_rate (base_currency, counter_currency, valid_from desc);
