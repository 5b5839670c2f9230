-- The jti of every accepted CDS Hooks JWT, remembered for stomacds.cds.security.replay-window so
-- that a replayed token is refused, by every replica sharing this database.
-- token_key is a SHA-256 (hex) of the issuer and the jti: the primary key makes first use win when
-- two replicas race. Rows past expires_at are purged by the application.
CREATE TABLE jwt_replay (
  token_key  VARCHAR(64) NOT NULL PRIMARY KEY,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX jwt_replay_by_expiry ON jwt_replay (expires_at);
