-- An accepted offer whose customer is not known yet waits in the read model until a sweep places its order:
-- the marketplace vendor it names is kept for that order.
alter table catalog_offer add column vendor varchar(20);
create index catalog_offer_accepted on catalog_offer (customer_id) where status = 'ACCEPTED';
