/**
 * Disabling and held deliveries (issue 13): why and when an endpoint was disabled, and the `held`
 * state of deliveries kept unsent while their endpoint is disabled. Endpoints already disabled
 * count as disabled by hand, and their waiting deliveries become held (sent only when asked).
 */
export const sql = `
ALTER TABLE endpoints ADD COLUMN disabled_reason text
  CHECK (disabled_reason IN ('gone', 'failing', 'manual'));
ALTER TABLE endpoints ADD COLUMN disabled_at bigint;
UPDATE endpoints SET disabled_reason = 'manual', disabled_at = updated_at WHERE disabled;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_state_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_state_check
  CHECK (state IN ('pending', 'delivering', 'succeeded', 'failed', 'held'));
UPDATE deliveries SET state = 'held', next_attempt_at = NULL
  WHERE state = 'pending' AND endpoint_id IN (SELECT id FROM endpoints WHERE disabled);
`;
