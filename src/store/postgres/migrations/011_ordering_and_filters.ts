/**
 * Per-key ordering and payload filters (issue 17): an endpoint's payload filter (JSON) and the
 * payload path its ordering key is read from; a message's ordering key; the key each per-key
 * delivery is ordered by, with the index that finds a key's active and next deliveries.
 */
export const sql = `
ALTER TABLE endpoints DROP CONSTRAINT endpoints_ordering_check;
ALTER TABLE endpoints ADD CONSTRAINT endpoints_ordering_check
  CHECK (ordering IN ('parallel', 'serial', 'per-key'));
ALTER TABLE endpoints ADD COLUMN payload_filter text;
ALTER TABLE endpoints ADD COLUMN ordering_key_path text;
ALTER TABLE messages ADD COLUMN ordering_key text;
ALTER TABLE deliveries ADD COLUMN ordering_key text;
CREATE INDEX deliveries_endpoint_key ON deliveries(endpoint_id, ordering_key, id)
  WHERE state IN ('pending', 'delivering') AND ordering_key IS NOT NULL;
`;
