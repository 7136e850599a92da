import { createHash } from 'node:crypto';
import type { Ordering } from '../../domain/types.js';
import type { Db } from './pool.js';
import { RetryTransaction } from './transaction.js';

/**
 * Per-endpoint transaction locks (pg_advisory_xact_lock), the cluster-wide guard of serial ordering.
 * Whoever may change which delivery of an endpoint is active holds its lock exclusively: inserts and
 * results for serial endpoints, endpoint updates and deletes, retries and recoveries. Inserts and
 * results for parallel endpoints hold it shared, so they run side by side but never overlap an
 * ordering switch. Locks are taken in one global order (by key), so they cannot deadlock each other.
 */

/** Advisory lock class for endpoints (migrations use 0x686c). */
const ENDPOINT_LOCK_CLASS = 0x686d;
/** Advisory lock class for the keys of per-key endpoints. */
const KEY_LOCK_CLASS = 0x686e;

export interface EndpointState {
  id: string;
  appId: string;
  ordering: Ordering;
  disabled: boolean;
  filterTypes: string | null;
}

/** Reads the endpoints' current routing and queueing settings. $1 = endpoint ids */
const READ_STATE = `SELECT id, app_id, ordering, disabled, filter_types FROM endpoints WHERE id = ANY($1::text[])`;

/** Takes the locks in the order given; $1 = int4 keys, $2 = exclusive flags. */
const TAKE_LOCKS = `SELECT CASE WHEN t.exclusive THEN pg_advisory_xact_lock(${ENDPOINT_LOCK_CLASS}, t.key)::text
  ELSE pg_advisory_xact_lock_shared(${ENDPOINT_LOCK_CLASS}, t.key)::text END
  FROM unnest($1::int4[], $2::bool[]) AS t(key, exclusive)`;

/** Takes exclusive locks on $1 (int4 keys, sorted). */
const TAKE_KEY_LOCKS = `SELECT pg_advisory_xact_lock(${KEY_LOCK_CLASS}, t.key)::text FROM unnest($1::int4[]) AS t(key)`;

/**
 * Locks keys of per-key endpoints exclusively for the rest of the transaction: the guard of one
 * key's line. Taken after the endpoints' (shared) locks and after any delivery row locks, in key
 * order, by inserts and results alike, so they cannot deadlock.
 */
export async function lockOrderingKeys(
  db: Db,
  lines: ReadonlyArray<readonly [endpointId: string, key: string]>,
): Promise<void> {
  if (lines.length === 0) return;
  const keys = [...new Set(lines.map(([e, k]) => lockKey(`${e}\n${k}`)))].sort((a, b) => a - b);
  await db.query({ name: 'hl_lock_keys', text: TAKE_KEY_LOCKS, values: [keys] });
}

export function lockKey(endpointId: string): number {
  return createHash('sha1').update(endpointId).digest().readInt32BE(0);
}

async function readState(db: Db, ids: string[]): Promise<Map<string, EndpointState>> {
  const { rows } = await db.query<{
    id: string;
    app_id: string;
    ordering: Ordering;
    disabled: boolean;
    filter_types: string | null;
  }>({ name: 'hl_endpoint_state', text: READ_STATE, values: [ids] });
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        appId: r.app_id,
        ordering: r.ordering,
        disabled: r.disabled,
        filterTypes: r.filter_types,
      },
    ]),
  );
}

/**
 * Locks the endpoints for the rest of the transaction and returns their state as of after the lock
 * (missing: deleted). `exclusive` locks all exclusively; otherwise serial ones exclusively, others
 * shared. If an endpoint turned serial while we waited for a shared lock, the transaction restarts.
 */
export async function lockEndpoints(
  db: Db,
  endpointIds: Iterable<string>,
  mode: 'exclusive' | 'by-ordering',
  known?: Map<string, Ordering>,
): Promise<Map<string, EndpointState>> {
  const ids = [...new Set(endpointIds)];
  if (ids.length === 0) return new Map();
  let orderings = known;
  if (mode === 'by-ordering' && (!orderings || ids.some((id) => !orderings?.has(id)))) {
    const before = await readState(db, ids);
    orderings = new Map([...before].map(([id, s]) => [id, s.ordering]));
  }
  const byKey = new Map<number, boolean>();
  for (const id of ids) {
    const exclusive = mode === 'exclusive' || orderings?.get(id) === 'serial';
    const key = lockKey(id);
    byKey.set(key, (byKey.get(key) ?? false) || exclusive);
  }
  const keys = [...byKey.keys()].sort((a, b) => a - b);
  await db.query({
    name: 'hl_lock_endpoints',
    text: TAKE_LOCKS,
    values: [keys, keys.map((k) => byKey.get(k))],
  });
  const after = await readState(db, ids);
  for (const state of after.values()) {
    if (state.ordering === 'serial' && !byKey.get(lockKey(state.id))) {
      throw new RetryTransaction(`endpoint ${state.id} became serial while locking`);
    }
  }
  return after;
}
