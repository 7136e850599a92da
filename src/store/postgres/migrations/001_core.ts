/**
 * Apps, endpoints, messages, deliveries and attempts; the same shape as SQLite's 001_core.
 * Times are epoch ms (bigint). Ids sort byte-wise (COLLATE "C"), as cursors compare them.
 * JSON settings are kept as text so they round-trip byte for byte (jsonb would reorder keys).
 */
export const sql = `
CREATE TABLE apps (
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  metadata text NOT NULL DEFAULT '{}',
  api_key_hash text NOT NULL UNIQUE,
  viber_auth_token text UNIQUE,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE TABLE endpoints (
  id text COLLATE "C" PRIMARY KEY,
  app_id text COLLATE "C" NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  url text NOT NULL,
  description text NOT NULL DEFAULT '',
  disabled boolean NOT NULL DEFAULT false,
  filter_types text,
  secrets text NOT NULL,
  headers text NOT NULL DEFAULT '{}',
  timeout_ms integer,
  retry_policy text NOT NULL,
  ordering text NOT NULL CHECK (ordering IN ('parallel', 'serial')),
  max_concurrency integer NOT NULL,
  rate_limit double precision,
  format text NOT NULL,
  format_options text NOT NULL DEFAULT '{}',
  metadata text NOT NULL DEFAULT '{}',
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX endpoints_app ON endpoints (app_id, id);

CREATE TABLE messages (
  id text COLLATE "C" PRIMARY KEY,
  app_id text COLLATE "C" NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  event_type text NOT NULL,
  payload text NOT NULL,
  idempotency_key text,
  endpoint_id text COLLATE "C",
  created_at bigint NOT NULL
);
CREATE INDEX messages_app ON messages (app_id, id);
-- Idempotency is this constraint: concurrent inserts of one key on any node create one message.
CREATE UNIQUE INDEX messages_idempotency ON messages (app_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- One row per (message, endpoint). id is the insertion order, which serial endpoints deliver in.
-- next_attempt_at is NULL while parked (behind a serial head, or endpoint disabled) or terminal.
CREATE TABLE deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  app_id text COLLATE "C" NOT NULL,
  message_id text COLLATE "C" NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  endpoint_id text COLLATE "C" NOT NULL REFERENCES endpoints(id) ON DELETE CASCADE,
  state text NOT NULL CHECK (state IN ('pending', 'delivering', 'succeeded', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at bigint,
  lease_until bigint,
  lease_token text,
  last_status integer,
  last_error text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at, id) WHERE state = 'pending' AND next_attempt_at IS NOT NULL;
CREATE INDEX deliveries_leased ON deliveries (lease_until) WHERE state = 'delivering';
-- "Does this serial endpoint have an active delivery?" without scanning its parked backlog.
CREATE INDEX deliveries_active ON deliveries (endpoint_id)
  WHERE state = 'delivering' OR (state = 'pending' AND next_attempt_at IS NOT NULL);
CREATE INDEX deliveries_endpoint ON deliveries (endpoint_id, state, id);
CREATE INDEX deliveries_message ON deliveries (message_id);
CREATE INDEX deliveries_app ON deliveries (app_id, id);
CREATE INDEX deliveries_app_state ON deliveries (app_id, state, id);

CREATE TABLE attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  app_id text COLLATE "C" NOT NULL,
  delivery_id bigint,
  message_id text COLLATE "C" NOT NULL,
  endpoint_id text COLLATE "C" NOT NULL,
  at bigint NOT NULL,
  duration_ms integer NOT NULL,
  status_code integer,
  response_headers text NOT NULL,
  response_body text NOT NULL,
  error_kind text,
  error_message text,
  test boolean NOT NULL DEFAULT false
);
CREATE INDEX attempts_app ON attempts (app_id, test, id);
CREATE INDEX attempts_message ON attempts (message_id, id);
CREATE INDEX attempts_endpoint ON attempts (endpoint_id, id);
CREATE INDEX attempts_delivery ON attempts (delivery_id);
`;
