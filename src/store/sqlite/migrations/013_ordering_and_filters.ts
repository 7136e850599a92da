/**
 * Per-key ordering and payload filters (issue 17): an endpoint's payload filter (JSON) and the
 * payload path its ordering key is read from; a message's ordering key; the key each per-key
 * delivery is ordered by, with the index that finds a key's active and next deliveries.
 */
export const sql = `
ALTER TABLE endpoints ADD COLUMN payload_filter TEXT;
ALTER TABLE endpoints ADD COLUMN ordering_key_path TEXT;
ALTER TABLE messages ADD COLUMN ordering_key TEXT;
ALTER TABLE deliveries ADD COLUMN ordering_key TEXT;
CREATE INDEX deliveries_endpoint_key ON deliveries(endpoint_id, ordering_key, id)
  WHERE state = 'pending' AND ordering_key IS NOT NULL;
`;
