-- Events of one subject leave the parking place in order, and a new event of a subject with events still parked
-- waits behind them: both look parked events up by subject.
create index webhook_parked_event_subject on webhook_parked_event (subject, id);
