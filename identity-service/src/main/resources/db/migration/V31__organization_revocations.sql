-- A suspended organization is revoked by id (kind ORGANIZATION): every token whose organization path holds
-- it, issued until the suspension, is refused.
alter table credential_revocation drop constraint credential_revocation_kind_check;
alter table credential_revocation alter column kind type varchar(20);
alter table credential_revocation add constraint credential_revocation_kind_check
    check (kind in ('TOKEN', 'CLIENT', 'SUBJECT', 'ORGANIZATION'));
