/**
 * Disabling and held deliveries (issue 13): why and when an endpoint was disabled, and the `held`
 * state of deliveries kept unsent while their endpoint is disabled. Endpoints already disabled
 * count as disabled by hand, and their waiting deliveries become held (sent only when asked).
 */
export const sql = `
ALTER TABLE endpoints ADD COLUMN disabled_reason TEXT;
ALTER TABLE endpoints ADD COLUMN disabled_at INTEGER;
UPDATE endpoints SET disabled_reason = 'manual', disabled_at = updated_at WHERE disabled = 1;
UPDATE deliveries SET state = 'held', next_attempt_at = NULL
  WHERE state = 'pending' AND lease_token IS NULL
  AND endpoint_id IN (SELECT id FROM endpoints WHERE disabled = 1);
CREATE INDEX deliveries_held ON deliveries(endpoint_id, id) WHERE state = 'held';
`;
