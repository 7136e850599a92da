/** Bot connections (request/response webhooks) and their invocations. Times are epoch ms. */
export const sql = `
CREATE TABLE bot_connections (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  story_id TEXT NOT NULL,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  token TEXT,
  headers TEXT NOT NULL DEFAULT '{}',
  auth_username TEXT,
  auth_password TEXT,
  timeout_ms INTEGER,
  error_code TEXT,
  error_message TEXT,
  error_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX bot_connections_app ON bot_connections(app_id, created_at, id);

-- id is a ULID, so id order is time order.
CREATE TABLE bot_invocations (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL,
  connection_id TEXT NOT NULL REFERENCES bot_connections(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  latency_ms INTEGER NOT NULL,
  status_code INTEGER,
  outcome TEXT NOT NULL,
  error TEXT,
  message_id TEXT
);
CREATE INDEX bot_invocations_connection ON bot_invocations(connection_id, id);
`;
