/** Inspector bins and their captured requests. Times are epoch ms. */
export const sql = `
CREATE TABLE bins (
  id TEXT PRIMARY KEY,
  app_id TEXT REFERENCES apps(id) ON DELETE CASCADE,
  response_status INTEGER NOT NULL,
  response_body TEXT NOT NULL,
  response_content_type TEXT NOT NULL,
  response_delay_ms INTEGER NOT NULL,
  request_limit INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX bins_app ON bins(app_id, expires_at);
CREATE INDEX bins_expiry ON bins(expires_at);

-- AUTOINCREMENT: ids are never reused, so a live stream's position stays valid after deletes.
CREATE TABLE bin_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  bin_id TEXT NOT NULL REFERENCES bins(id) ON DELETE CASCADE,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  query TEXT NOT NULL,
  headers TEXT NOT NULL,
  body BLOB NOT NULL,
  body_size INTEGER NOT NULL,
  body_truncated INTEGER NOT NULL,
  remote_address TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE INDEX bin_requests_bin ON bin_requests(bin_id, id);
`;
