-- How far a test suite has moved this service's business clock forward (see BusinessClock). Read only when
-- mercato.test-clock.enabled is true; production never reads or writes it.
create table test_clock (
    id             int primary key check (id = 1),
    offset_seconds bigint not null check (offset_seconds >= 0)
);
