/**
 * Indexes a finished delivery does not move. Every result changes a delivery's state, and indexes
 * keyed on state made each result delete and re-insert two index entries. Listing indexes are now
 * keyed without state (the state is checked on the row); only the rare states get small partial
 * indexes: parked rows (the serial queue promotes from there), pending rows (listings of the
 * backlog, small next to the finished history) and failed rows (listings, recover).
 */
export const sql = `
DROP INDEX deliveries_endpoint;
DROP INDEX deliveries_app_state;
CREATE INDEX deliveries_endpoint ON deliveries(endpoint_id, id);
CREATE INDEX deliveries_app ON deliveries(app_id, id);
CREATE INDEX deliveries_parked ON deliveries(endpoint_id, id) WHERE state = 'pending' AND next_attempt_at IS NULL;
CREATE INDEX deliveries_pending ON deliveries(app_id, id) WHERE state = 'pending';
CREATE INDEX deliveries_failed ON deliveries(app_id, id) WHERE state = 'failed';
CREATE INDEX deliveries_failed_endpoint ON deliveries(endpoint_id, created_at) WHERE state = 'failed';
`;
