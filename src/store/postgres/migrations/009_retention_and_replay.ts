/** The same as SQLite's 011_retention_and_replay (see there). */
export const sql = `
CREATE TABLE requeue_runs (
  app_id text COLLATE "C" NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  request_key text COLLATE "C" NOT NULL,
  until_at bigint NOT NULL,
  cursor bigint NOT NULL DEFAULT 0,
  requeued integer NOT NULL DEFAULT 0,
  done boolean NOT NULL DEFAULT false,
  created_at bigint NOT NULL,
  PRIMARY KEY (app_id, request_key)
);
CREATE INDEX requeue_runs_created ON requeue_runs (created_at);
CREATE INDEX deliveries_due_first ON deliveries (next_attempt_at, id)
  WHERE state = 'pending' AND attempts = 0 AND next_attempt_at IS NOT NULL;
CREATE INDEX messages_created ON messages (created_at, id);
ALTER TABLE messages ADD COLUMN payload_dropped_at bigint;
`;
