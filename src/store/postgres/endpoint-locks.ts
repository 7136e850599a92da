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
export const READ_STATE = `SELECT id, app_id, ordering, disabled, filter_types FROM endpoints WHERE id = ANY($1::text[])`;

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

/** An endpoint's row as READ_STATE reads it. */
export interface EndpointStateRow {
  id: string;
  app_id: string;
  ordering: Ordering;
  disabled: boolean;
  filter_types: string | null;
}

/** Endpoint rows as states, by id. */
export function toStates(rows: EndpointStateRow[]): Map<string, EndpointState> {
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

async function readState(db: Db, ids: string[]): Promise<Map<string, EndpointState>> {
  const { rows } = await db.query<EndpointStateRow>({
    name: 'hl_endpoint_state',
    text: READ_STATE,
    values: [ids],
  });
  return toStates(rows);
}

/** Endpoint locks taken: for each lock key, whether it is held exclusively. */
export type HeldLocks = Map<number, boolean>;

/**
 * Takes the endpoints' locks for the rest of the transaction (see lockEndpoints). The state read
 * after it must come from a later statement (one whose snapshot began once the locks were held),
 * and go through checkHeld.
 */
export async function takeEndpointLocks(
  db: Db,
  ids: string[],
  mode: 'exclusive' | 'by-ordering',
  known?: Map<string, Ordering>,
): Promise<HeldLocks> {
  let orderings = known;
  if (mode === 'by-ordering' && (!orderings || ids.some((id) => !orderings?.has(id)))) {
    const before = await readState(db, ids);
    orderings = new Map([...before].map(([id, s]) => [id, s.ordering]));
  }
  const byKey: HeldLocks = new Map();
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
  return byKey;
}

/** The transaction restarts if an endpoint turned serial while we waited for a shared lock. */
export function checkHeld(held: HeldLocks, after: Map<string, EndpointState>): void {
  for (const state of after.values()) {
    if (state.ordering === 'serial' && !held.get(lockKey(state.id))) {
      throw new RetryTransaction(`endpoint ${state.id} became serial while locking`);
    }
  }
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
  const held = await takeEndpointLocks(db, ids, mode, known);
  const after = await readState(db, ids);
  checkHeld(held, after);
  return after;
}
