/**
 * One retention index of messages instead of two (issue 16): `messages_created` and
 * `messages_payload_kept` both held every new message. The one left leads with whether the
 * payload was dropped, then (created_at, id): payload retention reads the messages that still have
 * one, and the purge reads both groups and merges them oldest first (retention.ts).
 */
export const sql = `
DROP INDEX messages_payload_kept;
DROP INDEX messages_created;
CREATE INDEX messages_created ON messages((payload_dropped_at IS NOT NULL), created_at, id);
`;
