/**
 * Idempotency as Stripe has it (issue 12): a digest of what the keyed request asked for, so a reused
 * key with another body is refused, and the delivery count the first request answered, for replays.
 */
export const sql = `
ALTER TABLE messages ADD COLUMN request_digest text;
ALTER TABLE messages ADD COLUMN delivery_count integer;
`;
