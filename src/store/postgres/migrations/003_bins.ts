/** Inspector bins and their captured requests; as SQLite's 003_bins. */
export const sql = `
CREATE TABLE bins (
  id text COLLATE "C" PRIMARY KEY,
  app_id text COLLATE "C" REFERENCES apps(id) ON DELETE CASCADE,
  response_status integer NOT NULL,
  response_body text NOT NULL,
  response_content_type text NOT NULL,
  response_delay_ms integer NOT NULL,
  request_limit integer NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX bins_app ON bins (app_id, expires_at);
CREATE INDEX bins_expiry ON bins (expires_at);

-- Identity ids are never reused, so a live stream's position stays valid after deletes; captures
-- of one bin take its row lock first, so within a bin ids are also in commit order.
CREATE TABLE bin_requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  bin_id text COLLATE "C" NOT NULL REFERENCES bins(id) ON DELETE CASCADE,
  method text NOT NULL,
  path text NOT NULL,
  query text NOT NULL,
  headers text NOT NULL,
  body bytea NOT NULL,
  body_size integer NOT NULL,
  body_truncated boolean NOT NULL,
  remote_address text NOT NULL,
  received_at bigint NOT NULL
);
CREATE INDEX bin_requests_bin ON bin_requests (bin_id, id);
`;
