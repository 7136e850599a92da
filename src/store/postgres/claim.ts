import { randomBytes } from 'node:crypto';
import type { ClaimArgs, ClaimedDelivery } from '../store.js';
import { getMessagesByIds } from './message-queries.js';
import type { Db } from './pool.js';
import { toDelivery, type DeliveryRow } from './rows.js';

/**
 * Claims due pending deliveries under a lease, oldest due first. FOR UPDATE SKIP LOCKED lets many
 * workers run this at once: each takes rows nobody else is taking, and none waits for another.
 * $1 now, $2 limit, $3 lease until, $4 lease token, $5 excluded endpoint ids
 */
const CLAIM_DUE = `WITH picked AS (
    SELECT id FROM deliveries
    WHERE state = 'pending' AND next_attempt_at <= $1 AND endpoint_id <> ALL($5::text[])
    ORDER BY next_attempt_at, id
    LIMIT $2
    FOR UPDATE SKIP LOCKED)
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
