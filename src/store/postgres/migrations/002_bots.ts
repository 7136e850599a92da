/** Bot connections (request/response webhooks) and their invocations; as SQLite's 002_bots. */
export const sql = `
CREATE TABLE bot_connections (
  id text COLLATE "C" PRIMARY KEY,
  app_id text COLLATE "C" NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  story_id text NOT NULL,
  name text NOT NULL,
  url text NOT NULL,
  token text,
  headers text NOT NULL DEFAULT '{}',
  auth_username text,
  auth_password text,
  timeout_ms integer,
  error_code text,
  error_message text,
  error_at bigint,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX bot_connections_app ON bot_connections (app_id, created_at, id);

-- id is a ULID, so id order is time order.
CREATE TABLE bot_invocations (
  id text COLLATE "C" PRIMARY KEY,
  app_id text COLLATE "C" NOT NULL,
  connection_id text COLLATE "C" NOT NULL REFERENCES bot_connections(id) ON DELETE CASCADE,
  at bigint NOT NULL,
  latency_ms integer NOT NULL,
  status_code integer,
  outcome text NOT NULL,
  error text,
  message_id text
);
CREATE INDEX bot_invocations_connection ON bot_invocations (connection_id, id);
`;
