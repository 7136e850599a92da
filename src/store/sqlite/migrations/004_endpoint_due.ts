/**
 * Due deliveries per endpoint: lets a claim that must skip saturated endpoints find the others'
 * due work without walking the whole due index (see due-selection.ts).
 */
export const sql = `
CREATE INDEX deliveries_endpoint_due ON deliveries(endpoint_id, next_attempt_at)
  WHERE state = 'pending' AND next_attempt_at IS NOT NULL;
`;
