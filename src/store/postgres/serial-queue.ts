import type { Db } from './pool.js';

/**
 * Serial endpoints keep one active delivery (pending and due, or in flight); the others wait parked
 * (next_attempt_at NULL) and are promoted in id order. Every function here expects the caller to
 * hold the endpoint's exclusive lock (endpoint-locks.ts), which makes this cluster-wide.
 */

const ACTIVE = `(state = 'delivering' OR (state = 'pending' AND next_attempt_at IS NOT NULL))`;

/** The endpoints among $1 that have an active delivery. */
const ACTIVE_ENDPOINTS = `SELECT DISTINCT endpoint_id FROM deliveries WHERE endpoint_id = ANY($1::text[]) AND ${ACTIVE}`;

/** Makes the oldest parked delivery of each endpoint in $1 due at $2, unless it has an active one. */
const PROMOTE_HEADS = `UPDATE deliveries d SET next_attempt_at = $2, updated_at = $2
  FROM unnest($1::text[]) AS e(endpoint_id),
  LATERAL (SELECT p.id FROM deliveries p WHERE p.endpoint_id = e.endpoint_id AND p.state = 'pending'
    AND p.next_attempt_at IS NULL ORDER BY p.id LIMIT 1) AS head
  WHERE d.id = head.id
    AND NOT EXISTS (SELECT 1 FROM deliveries a WHERE a.endpoint_id = e.endpoint_id
      AND (a.state = 'delivering' OR (a.state = 'pending' AND a.next_attempt_at IS NOT NULL)))`;

/** Parks every waiting due delivery of endpoint $1 (in-flight ones finish). */
const PARK_ALL = `UPDATE deliveries SET next_attempt_at = NULL
  WHERE endpoint_id = $1 AND state = 'pending' AND next_attempt_at IS NOT NULL`;

/** Makes every parked delivery of endpoint $1 due at $2. */
const UNPARK_ALL = `UPDATE deliveries SET next_attempt_at = $2, updated_at = $2
  WHERE endpoint_id = $1 AND state = 'pending' AND next_attempt_at IS NULL`;

export async function activeEndpoints(db: Db, endpointIds: string[]): Promise<Set<string>> {
  if (endpointIds.length === 0) return new Set();
  const { rows } = await db.query<{ endpoint_id: string }>({
    name: 'hl_active_endpoints',
    text: ACTIVE_ENDPOINTS,
    values: [endpointIds],
  });
  return new Set(rows.map((r) => r.endpoint_id));
}

/** Lets the next parked delivery of each (serial, enabled) endpoint go; returns how many became due. */
export async function promoteHeads(db: Db, endpointIds: string[], now: number): Promise<number> {
  if (endpointIds.length === 0) return 0;
  const r = await db.query({
    name: 'hl_promote_heads',
    text: PROMOTE_HEADS,
    values: [endpointIds, now],
  });
  return r.rowCount ?? 0;
}

/**
 * Re-applies the parking rules after an endpoint's ordering or enabled flag changed; returns how
 * many deliveries became due.
 */
export async function rebalance(
  db: Db,
  endpoint: { id: string; ordering: string; disabled: boolean },
  now: number,
): Promise<number> {
  if (endpoint.disabled) {
    await db.query(PARK_ALL, [endpoint.id]);
    return 0;
  }
  if (endpoint.ordering === 'parallel')
    return (await db.query(UNPARK_ALL, [endpoint.id, now])).rowCount ?? 0;
  await db.query(PARK_ALL, [endpoint.id]);
  return promoteHeads(db, [endpoint.id], now);
}
