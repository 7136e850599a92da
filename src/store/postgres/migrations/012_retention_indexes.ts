/** The same as SQLite's 014_retention_indexes (see there); messages_created already has the id. */
export const sql = `
CREATE INDEX messages_payload_kept ON messages (created_at, id) WHERE payload_dropped_at IS NULL;
CREATE INDEX endpoint_stats_bucket ON endpoint_stats (bucket_start);
CREATE INDEX attempts_test_at ON attempts (at) WHERE test;
`;
