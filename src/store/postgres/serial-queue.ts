import type { Db } from './pool.js';

/**
 * Each line (a serial endpoint, or one key of a per-key endpoint) keeps one active delivery
 * (pending and due, or in flight); the others wait parked (next_attempt_at NULL) and are promoted
 * in id order. Every function here expects the caller to hold the line's exclusive lock
 * (endpoint-locks.ts: the endpoint's, or the key's under a shared endpoint lock), which makes this
 * cluster-wide.
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

/** Holds every waiting delivery of disabled endpoint $1 (in-flight ones finish). $2 now */
const HOLD_ALL = `UPDATE deliveries SET state = 'held', next_attempt_at = NULL, updated_at = $2
  WHERE endpoint_id = $1 AND state = 'pending'`;

/** Parks every waiting due delivery of endpoint $1 (in-flight ones finish). */
const PARK_ALL = `UPDATE deliveries SET next_attempt_at = NULL
  WHERE endpoint_id = $1 AND state = 'pending' AND next_attempt_at IS NOT NULL`;

/** Makes every parked delivery of endpoint $1 due at $2. */
const UNPARK_ALL = `UPDATE deliveries SET next_attempt_at = $2, updated_at = $2
  WHERE endpoint_id = $1 AND state = 'pending' AND next_attempt_at IS NULL`;

/** The (endpoint, key) pairs among $1, $2 that have an active delivery. */
const ACTIVE_KEYS = `SELECT DISTINCT d.endpoint_id, d.ordering_key FROM deliveries d
  JOIN unnest($1::text[], $2::text[]) AS k(endpoint_id, key)
    ON d.endpoint_id = k.endpoint_id AND d.ordering_key = k.key
  WHERE d.state = 'delivering' OR (d.state = 'pending' AND d.next_attempt_at IS NOT NULL)`;

/** Makes the oldest parked delivery of each (endpoint, key) in $1, $2 due at $3, unless the key has an active one. */
const PROMOTE_KEY_HEADS = `UPDATE deliveries d SET next_attempt_at = $3, updated_at = $3
  FROM unnest($1::text[], $2::text[]) AS k(endpoint_id, key),
  LATERAL (SELECT p.id FROM deliveries p WHERE p.endpoint_id = k.endpoint_id AND p.ordering_key = k.key
    AND p.state = 'pending' AND p.next_attempt_at IS NULL ORDER BY p.id LIMIT 1) AS head
  WHERE d.id = head.id
    AND NOT EXISTS (SELECT 1 FROM deliveries a WHERE a.endpoint_id = k.endpoint_id AND a.ordering_key = k.key
      AND (a.state = 'delivering' OR (a.state = 'pending' AND a.next_attempt_at IS NOT NULL)))`;

/** After a switch to per-key ($1): the oldest parked delivery of every key with nothing active, due at $2. */
const PROMOTE_ALL_KEY_HEADS = `UPDATE deliveries SET next_attempt_at = $2, updated_at = $2
  WHERE id IN (SELECT min(p.id) FROM deliveries p WHERE p.endpoint_id = $1 AND p.state = 'pending'
    AND p.next_attempt_at IS NULL AND p.ordering_key IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM deliveries a WHERE a.endpoint_id = p.endpoint_id
      AND a.ordering_key = p.ordering_key
      AND (a.state = 'delivering' OR (a.state = 'pending' AND a.next_attempt_at IS NOT NULL)))
    GROUP BY p.ordering_key)`;

/** Deliveries accepted while endpoint $1 was not per-key have no key: nothing orders them. */
const UNPARK_KEYLESS = `UPDATE deliveries SET next_attempt_at = $2, updated_at = $2
  WHERE endpoint_id = $1 AND state = 'pending' AND next_attempt_at IS NULL AND ordering_key IS NULL`;

export type KeyLine = readonly [endpointId: string, key: string];
export const lineId = ([endpointId, key]: KeyLine): string => `${endpointId}\n${key}`;

export async function activeKeys(db: Db, lines: readonly KeyLine[]): Promise<Set<string>> {
  if (lines.length === 0) return new Set();
  const { rows } = await db.query<{ endpoint_id: string; ordering_key: string }>({
    name: 'hl_active_keys',
    text: ACTIVE_KEYS,
    values: [lines.map((l) => l[0]), lines.map((l) => l[1])],
  });
  return new Set(rows.map((r) => lineId([r.endpoint_id, r.ordering_key])));
}

/** Lets the next parked delivery of each key go; returns how many became due. */
export async function promoteKeyHeads(
  db: Db,
  lines: readonly KeyLine[],
  now: number,
): Promise<number> {
  if (lines.length === 0) return 0;
  const r = await db.query({
    name: 'hl_promote_key_heads',
    text: PROMOTE_KEY_HEADS,
    values: [lines.map((l) => l[0]), lines.map((l) => l[1]), now],
  });
  return r.rowCount ?? 0;
}

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
 * Re-applies the parking rules after an endpoint's ordering or enabled flag changed: a disabled
 * endpoint's waiting deliveries become held; an enabled one's lines move again (held ones stay).
 * Returns how many deliveries became due.
 */
export async function rebalance(
  db: Db,
  endpoint: { id: string; ordering: string; disabled: boolean },
  now: number,
): Promise<number> {
  if (endpoint.disabled) {
    await db.query(HOLD_ALL, [endpoint.id, now]);
    return 0;
  }
  if (endpoint.ordering === 'parallel')
    return (await db.query(UNPARK_ALL, [endpoint.id, now])).rowCount ?? 0;
  await db.query(PARK_ALL, [endpoint.id]);
  if (endpoint.ordering === 'serial') return promoteHeads(db, [endpoint.id], now);
  return startKeyLines(db, endpoint.id, now);
}

/**
 * Makes a per-key endpoint's lines move again: the keyless go, and the head of every key with
 * nothing active; returns how many became due. Under the endpoint's exclusive lock.
 */
export async function startKeyLines(db: Db, endpointId: string, now: number): Promise<number> {
  const keyless = (await db.query(UNPARK_KEYLESS, [endpointId, now])).rowCount ?? 0;
  return keyless + ((await db.query(PROMOTE_ALL_KEY_HEADS, [endpointId, now])).rowCount ?? 0);
}
