/**
 * Retention (issue 13): what the purge walks, so that each of its small steps reads only what it
 * deletes or changes.
 * - `messages_created` gains the id: passes go oldest first by (created_at, id), a keyset cursor.
 * - `messages_payload_kept`: payload retention walks only the messages that still have one.
 * - `endpoint_stats_bucket`: old rollups by bucket start, across apps.
 * - `attempts_test_at`: simulator test attempts (no message behind them) by time; small, partial.
 */
export const sql = `
DROP INDEX messages_created;
CREATE INDEX messages_created ON messages(created_at, id);
CREATE INDEX messages_payload_kept ON messages(created_at, id) WHERE payload_dropped_at IS NULL;
CREATE INDEX endpoint_stats_bucket ON endpoint_stats(bucket_start);
CREATE INDEX attempts_test_at ON attempts(at) WHERE test = 1;
`;
