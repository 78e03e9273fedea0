-- The organization path (ancestry + '/' + id, or id for a root): who may see an account is decided
-- in SQL by comparing it with the caller's path (docs/SECURITY.md "Organization tree").
alter table account add column path varchar(440);
update account set path = case when ancestry = '' then id else ancestry || '/' || id end;
alter table account alter column path set not null;
-- varchar_pattern_ops: the index serves "path like 'org_a/org_b/%'" whatever the database collation.
create index account_path on account (path varchar_pattern_ops);
