/**
 * Due deliveries per endpoint: lets a claim that must skip saturated endpoints find the others'
 * due work without walking the whole due index (see due-selection.ts).
 * Leases become due times (a claimed delivery stays 'pending', due again when its lease ends), so
 * the separate index of leases is gone and a claim no longer rewrites the state indexes.
 */
export const sql = `
UPDATE deliveries SET state = 'pending', next_attempt_at = lease_until WHERE state = 'delivering';
DROP INDEX deliveries_leased;
CREATE INDEX deliveries_endpoint_due ON deliveries(endpoint_id, next_attempt_at)
  WHERE state = 'pending' AND next_attempt_at IS NOT NULL;
`;
