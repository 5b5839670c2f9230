-- Who made each audited hook invocation, from its verified CDS Hooks JWT (never the token itself).
-- Portable SQL: runs on H2 (file and in-memory) and PostgreSQL; one column per statement.
--   caller_issuer   the token's iss; NULL only for a call that was not authenticated (the demo
--                   profile with no trusted issuer)
--   caller_subject  the token's sub; NULL beside an issuer means the token had no sub, which is
--                   accepted only from an issuer configured with allow-missing-sub
--   caller_tenant   the token's tenant claim, NULL when it had none
-- Rows written before this migration have all three NULL.
ALTER TABLE invocation_audit ADD COLUMN caller_issuer VARCHAR(512);
ALTER TABLE invocation_audit ADD COLUMN caller_subject VARCHAR(255);
ALTER TABLE invocation_audit ADD COLUMN caller_tenant VARCHAR(255);
