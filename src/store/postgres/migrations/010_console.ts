/** Portal sessions, attempts' request headers, apps' and endpoints' uids; as SQLite's 012_console. */
export const sql = `
CREATE TABLE portal_sessions (
  id text COLLATE "C" PRIMARY KEY,
  app_id text COLLATE "C" NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  link_hash text NOT NULL UNIQUE,
  link_expires_at bigint NOT NULL,
  session_hash text UNIQUE,
  session_ttl_ms bigint NOT NULL,
  expires_at bigint,
  theme text NOT NULL DEFAULT '{}',
  created_at bigint NOT NULL,
  redeemed_at bigint
);
CREATE INDEX portal_sessions_app ON portal_sessions (app_id);

ALTER TABLE attempts ADD COLUMN request_headers text NOT NULL DEFAULT '{}';

ALTER TABLE apps ADD COLUMN uid text COLLATE "C";
CREATE UNIQUE INDEX apps_uid ON apps (uid) WHERE uid IS NOT NULL;
ALTER TABLE endpoints ADD COLUMN uid text COLLATE "C";
CREATE UNIQUE INDEX endpoints_uid ON endpoints (app_id, uid) WHERE uid IS NOT NULL;
`;
