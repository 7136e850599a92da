/**
 * What the console needs stored (issue 14, issue 19): portal sessions, opened from a one-time link
 * and scoped to one app (both tokens kept only as SHA-256 digests); the request headers each attempt
 * sent (secrets redacted before they get here); Svix-style `uid`s for apps (unique across the
 * server) and endpoints (unique within their app).
 */
export const sql = `
CREATE TABLE portal_sessions (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  link_hash TEXT NOT NULL UNIQUE,
  link_expires_at INTEGER NOT NULL,
  session_hash TEXT UNIQUE,
  session_ttl_ms INTEGER NOT NULL,
  expires_at INTEGER,
  theme TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  redeemed_at INTEGER
);
CREATE INDEX portal_sessions_app ON portal_sessions(app_id);

ALTER TABLE attempts ADD COLUMN request_headers TEXT NOT NULL DEFAULT '{}';

ALTER TABLE apps ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX apps_uid ON apps(uid) WHERE uid IS NOT NULL;
ALTER TABLE endpoints ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX endpoints_uid ON endpoints(app_id, uid) WHERE uid IS NOT NULL;
`;
