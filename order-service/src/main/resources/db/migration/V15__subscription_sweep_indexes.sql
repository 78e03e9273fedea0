-- What the status sweep looks for, without reading every subscription: those still in force whose end date
-- may have passed, and those not yet started whose start date may have come.
create index subscription_in_force_end on subscription (end_date) where status <> 'EXPIRED';
create index subscription_waiting_start on subscription (start_date) where status = 'INACTIVE';
