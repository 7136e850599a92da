/**
 * Issue 13, operational webhooks: the transactional outbox. An operational event (endpoint.disabled,
 * message.attempt.exhausted, ...) is written here in the same transaction as the change it reports,
 * then made a message of the operational app and deleted. Identity ids are never reused, so the
 * idempotency key made from one (`hookline-outbox-<id>`) always means one event. `claimed_until`:
 * the lease of the node turning the row into a message (claimed with SKIP LOCKED).
 */
export const sql = `
CREATE TABLE operational_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_type text NOT NULL,
  payload text NOT NULL,
  created_at bigint NOT NULL,
  claimed_until bigint
);
`;
