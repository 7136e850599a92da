import type pg from 'pg';
import type { Delivery, Page } from '../../domain/types.js';
import { decodeNumericCursor, toPage } from '../cursor.js';
import type { DeliveryFilter, ListQuery } from '../store.js';
import { lockEndpoints } from './endpoint-locks.js';
import type { Db } from './pool.js';
import { toDelivery, type DeliveryRow } from './rows.js';
import { activeEndpoints, activeKeys } from './serial-queue.js';
import { inTransaction } from './transaction.js';
import type { Wake } from './wake-notify.js';

/** One delivery of an app. $1 app id, $2 delivery id */
const DELIVERY_BY_ID = 'SELECT * FROM deliveries WHERE app_id = $1 AND id = $2';

/** Makes a waiting (scheduled) delivery due now. $1 id, $2 now */
const MAKE_DUE = `UPDATE deliveries SET next_attempt_at = $2, updated_at = $2 WHERE id = $1`;

/**
 * Re-opens a finished delivery with a fresh schedule, due at $2 or parked (NULL), as $4 (pending;
 * held while its endpoint is disabled). $1 id, $2 due, $3 now, $4 state
 */
const REOPEN = `UPDATE deliveries SET state = $4, attempts = 0, next_attempt_at = $2, updated_at = $3,
  lease_until = NULL, lease_token = NULL WHERE id = $1`;

export async function getDelivery(db: Db, appId: string, id: number): Promise<Delivery | null> {
  const { rows } = await db.query<DeliveryRow>({
    name: 'hl_delivery_by_id',
    text: DELIVERY_BY_ID,
    values: [appId, id],
  });
  return rows[0] ? toDelivery(rows[0]) : null;
}

/** A page of an app's deliveries, newest first, filtered by state, endpoint and message. */
export async function listDeliveries(
  db: Db,
  appId: string,
  filter: DeliveryFilter,
  query: ListQuery,
): Promise<Page<Delivery>> {
  const values: unknown[] = [appId, query.limit + 1];
  const where = ['app_id = $1'];
  const add = (clause: string, value: unknown) => {
    values.push(value);
    where.push(clause.replace('?', `$${values.length}`));
  };
  if (query.cursor !== null) add('id < ?', decodeNumericCursor(query.cursor));
  if (filter.state !== undefined) add('state = ?', filter.state);
  if (filter.endpointId !== undefined) add('endpoint_id = ?', filter.endpointId);
  if (filter.messageId !== undefined) add('message_id = ?', filter.messageId);
  const sql = `SELECT * FROM deliveries WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $2`;
  const { rows } = await db.query<DeliveryRow>(sql, values);
  return toPage(rows.map(toDelivery), query.limit, (d) => d.id);
}

/** The ordering key of delivery $1. */
const KEY_OF = 'SELECT ordering_key FROM deliveries WHERE id = $1';

/**
 * When re-opened delivery `id` of the endpoint may go: now, or parked (disabled, or behind its
 * line's head: the serial endpoint's, or its key's).
 */
async function dueTime(
  db: Db,
  endpoint: { id: string; ordering: string; disabled: boolean } | undefined,
  id: number,
  now: number,
) {
  if (!endpoint || endpoint.disabled) return null;
  if (endpoint.ordering === 'serial' && (await activeEndpoints(db, [endpoint.id])).has(endpoint.id))
    return null;
  if (endpoint.ordering === 'per-key') {
    const key = (await db.query<{ ordering_key: string | null }>(KEY_OF, [id])).rows[0]
      ?.ordering_key;
    if (key && (await activeKeys(db, [[endpoint.id, key]])).size > 0) return null;
  }
  return now;
}

/** See Store.retryDelivery. Under the endpoint's exclusive lock (it may change the serial head). */
export async function retryDelivery(
  pool: pg.Pool,
  appId: string,
  id: number,
  now: number,
  wake: Wake,
): Promise<Delivery | null> {
  return inTransaction(pool, async ({ db, afterCommit }) => {
    const found = await getDelivery(db, appId, id);
    if (!found) return null;
    const endpoint = (await lockEndpoints(db, [found.endpointId], 'exclusive')).get(
      found.endpointId,
    );
    const current = await getDelivery(db, appId, id);
    if (!current || current.state === 'delivering') return current;
    if (current.state === 'pending') {
      // A parked delivery stays behind its serial head; a scheduled one becomes due now.
      if (current.nextAttemptAt === null) return current;
      await db.query(MAKE_DUE, [id, now]);
    } else {
      const due = await dueTime(db, endpoint, id, now);
      await db.query(REOPEN, [id, due, now, endpoint?.disabled ? 'held' : 'pending']);
      if (due === null) return getDelivery(db, appId, id);
    }
    afterCommit(wake);
    return getDelivery(db, appId, id);
  });
}

/**
 * Held deliveries of an endpoint become due now. $1 app id, $2 endpoint id, $3 held until, $4 now
 */
const RELEASE_HELD = `UPDATE deliveries SET next_attempt_at = $4, updated_at = $4
  WHERE app_id = $1 AND endpoint_id = $2 AND state = 'pending' AND next_attempt_at = $3`;

/** See Store.releaseHeldDeliveries. */
export async function releaseHeldDeliveries(
  pool: pg.Pool,
  appId: string,
  endpointId: string,
  heldUntil: number,
  now: number,
  wake: Wake,
): Promise<number> {
  const { rowCount } = await pool.query(RELEASE_HELD, [appId, endpointId, heldUntil, now]);
  if ((rowCount ?? 0) > 0) wake();
  return rowCount ?? 0;
}
