-- Each subject's pending messages for an endpoint form a queue whose head alone may be sent (SubjectQueues). The engine
-- claims heads with one range of webhook_message_head_due per endpoint, a plan that does not depend on the table's
-- statistics; it used to look up each candidate's subject, which a planner misled about the table's size turned into a
-- scan of every pending message of the endpoint per candidate.
alter table webhook_message add column head boolean not null default false;

update webhook_message set head = true
where id in (select distinct on (endpoint_id, subject) id from webhook_message
             where status = 'PENDING' order by endpoint_id, subject, seq);

drop index if exists webhook_message_endpoint_due;
create index webhook_message_head_due on webhook_message (endpoint_id, next_attempt_at) where status = 'PENDING' and head;
