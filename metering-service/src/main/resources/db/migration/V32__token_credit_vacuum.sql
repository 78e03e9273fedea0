-- Every line of an order is written PENDING and settled at once (CREDITED or NOT_TOKENS), which leaves a dead entry in
-- token_credit_pending under its article. Orders of one popular article piled those up, and settling a line walked
-- past all of them: 30,000 entries and over a millisecond of PostgreSQL an order after a few thousand orders. The
-- table is vacuumed as a queue is: by autovacuum after 1 % of its rows changed, and by the service itself when the
-- server runs without autovacuum (mercato.vacuum.tables).
alter table token_credit set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
