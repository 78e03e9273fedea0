-- The organization's own path (ancestry + '/' + id): "may X see Y" is "Y.path = X.path or Y.path starts with X.path/".
alter table organization add column path varchar(450);
update organization set path = case when ancestry = '' then id else ancestry || '/' || id end;
alter table organization alter column path set not null;
create index organization_path on organization (path varchar_pattern_ops);
create unique index organization_single_platform on organization (kind) where kind = 'PLATFORM';
