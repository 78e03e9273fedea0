-- Publish before sign: a key is in the JWKS from created_at but signs only from activates_at, so every
-- verifier has had the time to fetch it before it meets its kid. status ACTIVE is the newest key (signing
-- now, or from activates_at); a RETIRED key signs until its successor activates and stays published until
-- expires_at, when every token it signed has expired. Existing keys signed from their creation.
alter table signing_key add column activates_at timestamptz;
update signing_key set activates_at = created_at;
alter table signing_key alter column activates_at set not null;
