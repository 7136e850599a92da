/** Apps, endpoints, messages, deliveries and attempts. Times are epoch ms. */
export const sql = `
CREATE TABLE apps (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  metadata TEXT NOT NULL DEFAULT '{}',
  api_key_hash TEXT NOT NULL UNIQUE,
  viber_auth_token TEXT UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE endpoints (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  disabled INTEGER NOT NULL DEFAULT 0,
  filter_types TEXT,
  secrets TEXT NOT NULL,
  headers TEXT NOT NULL DEFAULT '{}',
  timeout_ms INTEGER,
  retry_policy TEXT NOT NULL,
  ordering TEXT NOT NULL,
  max_concurrency INTEGER NOT NULL,
  rate_limit REAL,
  format TEXT NOT NULL,
  format_options TEXT NOT NULL DEFAULT '{}',
  metadata TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX endpoints_app ON endpoints(app_id, id);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  idempotency_key TEXT,
  endpoint_id TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX messages_app ON messages(app_id, id);
CREATE UNIQUE INDEX messages_idempotency ON messages(app_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- One row per (message, endpoint). id is the insertion order, which serial endpoints deliver in.
-- next_attempt_at is NULL while parked (behind a serial head, or endpoint disabled) or terminal.
CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY,
  app_id TEXT NOT NULL,
  message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  endpoint_id TEXT NOT NULL REFERENCES endpoints(id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  lease_until INTEGER,
  lease_token TEXT,
  last_status INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX deliveries_due ON deliveries(next_attempt_at) WHERE state = 'pending' AND next_attempt_at IS NOT NULL;
CREATE INDEX deliveries_leased ON deliveries(lease_until) WHERE state = 'delivering';
CREATE INDEX deliveries_endpoint ON deliveries(endpoint_id, state, id);
CREATE INDEX deliveries_message ON deliveries(message_id);
CREATE INDEX deliveries_app_state ON deliveries(app_id, state, id);

CREATE TABLE attempts (
  id INTEGER PRIMARY KEY,
  app_id TEXT NOT NULL,
  delivery_id INTEGER,
  message_id TEXT NOT NULL,
  endpoint_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  status_code INTEGER,
  response_headers TEXT NOT NULL,
  response_body TEXT NOT NULL,
  error_kind TEXT,
  error_message TEXT,
  test INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attempts_message ON attempts(message_id, id);
CREATE INDEX attempts_endpoint ON attempts(endpoint_id, id);
CREATE INDEX attempts_delivery ON attempts(delivery_id);
`;
