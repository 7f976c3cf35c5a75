-- Look-up sessions become signed tokens (services/open-portal-session.ts): a look-up or an online
-- submission writes nothing for its session. What is kept is the list of tokens ended before they
-- ran out (by 结束查询), until they would have expired anyway.
DROP TABLE portal_sessions;
CREATE TABLE portal_revocations (
  token_hash text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX portal_revocations_expiry ON portal_revocations(expires_at);
