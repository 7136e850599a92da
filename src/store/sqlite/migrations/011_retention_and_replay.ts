/**
 * Issue 13, replay and retention:
 * - `requeue_runs`: one row per recover or replay request, keyed by what was asked, so the same
 *   request repeated continues where it stopped (recover) or answers the same delivery (replay)
 *   instead of sending twice; kept for the idempotency window, then purged with the rest.
 * - `deliveries_due_first`: the first-attempt lane of the claim (fairness: new messages never wait
 *   behind a backlog of retries). Small: a delivery leaves it at its first result.
 * - `messages_created`: retention walks messages oldest first.
 * - `messages.payload_dropped_at`: when payload retention replaced the payload (metadata stays).
 */
export const sql = `
CREATE TABLE requeue_runs (
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  request_key TEXT NOT NULL,
  until_at INTEGER NOT NULL,
  cursor INTEGER NOT NULL DEFAULT 0,
  requeued INTEGER NOT NULL DEFAULT 0,
  done INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (app_id, request_key)
);
CREATE INDEX requeue_runs_created ON requeue_runs(created_at);
CREATE INDEX deliveries_due_first ON deliveries(next_attempt_at)
  WHERE state = 'pending' AND attempts = 0 AND next_attempt_at IS NOT NULL;
CREATE INDEX messages_created ON messages(created_at);
ALTER TABLE messages ADD COLUMN payload_dropped_at INTEGER;
`;
