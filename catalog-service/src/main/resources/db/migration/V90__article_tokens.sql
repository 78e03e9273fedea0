-- Token packs: the prepaid tokens one ordered unit of the article credits to the customer's balance.
alter table article add column tokens numeric(19, 6) check (tokens > 0);
