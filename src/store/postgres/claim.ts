import { randomBytes } from 'node:crypto';
import type { ClaimArgs, ClaimedDelivery } from '../store.js';
import { getMessagesByIds } from './message-queries.js';
import type { Db } from './pool.js';
import { toDelivery, type DeliveryRow } from './rows.js';

/**
 * Claims due pending deliveries under a lease in two lanes, as Hook0 keeps them: first attempts
 * (index deliveries_due_first) get up to half the claim, and everything due, oldest first (mostly
 * retries), fills the rest. So no backlog of retries keeps a new message waiting, and no flood of
 * new messages stops the retries; with only one kind due, it takes the whole claim. Every row
 * locked is claimed, so FOR UPDATE SKIP LOCKED still lets many workers claim side by side, each
 * taking rows nobody else is taking and none waiting.
 * $1 now, $2 limit, $3 lease until, $4 lease token, $5 excluded endpoint ids
 */
const CLAIM_DUE = `WITH first_lane AS (
    SELECT id FROM deliveries
    WHERE state = 'pending' AND attempts = 0 AND next_attempt_at <= $1
      AND endpoint_id <> ALL($5::text[])
    ORDER BY next_attempt_at, id
    LIMIT ($2::int + 1) / 2
    FOR UPDATE SKIP LOCKED),
  oldest_lane AS (
    SELECT id FROM deliveries
    WHERE state = 'pending' AND next_attempt_at <= $1 AND endpoint_id <> ALL($5::text[])
      AND id NOT IN (SELECT id FROM first_lane)
    ORDER BY next_attempt_at, id
    LIMIT $2::int - (SELECT count(*) FROM first_lane)
    FOR UPDATE SKIP LOCKED),
  picked AS (SELECT id FROM first_lane UNION ALL SELECT id FROM oldest_lane)
  UPDATE deliveries d SET state = 'delivering', lease_until = $3, lease_token = $4, updated_at = $1
  FROM picked WHERE d.id = picked.id
  RETURNING d.*`;

/**
 * Takes over in-flight deliveries whose lease expired (their worker died or stalled), the same way.
 * $1 now, $2 limit, $3 lease until, $4 lease token, $5 excluded endpoint ids
 */
const CLAIM_EXPIRED = `WITH picked AS (
    SELECT id FROM deliveries
    WHERE state = 'delivering' AND lease_until <= $1 AND endpoint_id <> ALL($5::text[])
    ORDER BY lease_until, id
    LIMIT $2
    FOR UPDATE SKIP LOCKED)
  UPDATE deliveries d SET lease_until = $3, lease_token = $4, updated_at = $1
  FROM picked WHERE d.id = picked.id
  RETURNING d.*`;

const byDue = (a: DeliveryRow, b: DeliveryRow) =>
  (a.next_attempt_at ?? 0) - (b.next_attempt_at ?? 0) || a.id - b.id;
const byLease = (a: DeliveryRow, b: DeliveryRow) =>
  (a.lease_until ?? 0) - (b.lease_until ?? 0) || a.id - b.id;

/** Each statement commits on its own: a claim is one atomic UPDATE, nothing to hold open. */
export async function claimDue(
  db: Db,
  { now, limit, leaseMs, excludeEndpointIds }: ClaimArgs,
): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  const token = randomBytes(12).toString('hex');
  const args = (n: number) => [now, n, now + leaseMs, token, excludeEndpointIds ?? []];
  const due = (
    await db.query<DeliveryRow>({ name: 'hl_claim_due', text: CLAIM_DUE, values: args(limit) })
  ).rows.sort(byDue);
  let expired: DeliveryRow[] = [];
  if (due.length < limit) {
    expired = (
      await db.query<DeliveryRow>({
        name: 'hl_claim_expired',
        text: CLAIM_EXPIRED,
        values: args(limit - due.length),
      })
    ).rows.sort(byLease);
  }
  const rows = [...due, ...expired];
  const messages = await getMessagesByIds(db, [...new Set(rows.map((r) => r.message_id))]);
  const claimed: ClaimedDelivery[] = [];
  for (const row of rows) {
    const message = messages.get(row.message_id);
    if (message) claimed.push({ delivery: toDelivery(row), message, leaseToken: token }); // else deleted meanwhile
  }
  return claimed;
}
