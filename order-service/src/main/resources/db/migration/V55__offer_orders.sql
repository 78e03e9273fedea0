-- An accepted private offer becomes one transaction: the offer id is recorded and may appear once.
alter table order_transaction add column offer_id varchar(40);
create unique index order_transaction_offer on order_transaction (offer_id) where offer_id is not null;
-- An order from an offer names no contact: the offer carries none.
alter table order_transaction alter column contact_first_name drop not null;
alter table order_transaction alter column contact_last_name drop not null;
alter table order_transaction alter column contact_email drop not null;
