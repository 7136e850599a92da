/**
 * Issue 13, operational webhooks: the transactional outbox. An operational event (endpoint.disabled,
 * message.attempt.exhausted, ...) is written here in the same transaction as the change it reports,
 * then made a message of the operational app and deleted. AUTOINCREMENT: an id is never reused, so
 * the idempotency key made from it (`hookline-outbox-<id>`) always means one event.
 * `claimed_until`: the lease of the process turning the row into a message.
 */
export const sql = `
CREATE TABLE operational_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  claimed_until INTEGER
);
`;
