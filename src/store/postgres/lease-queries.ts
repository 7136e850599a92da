import type pg from 'pg';
import type { Release, StoreStats } from '../store.js';
import type { Db } from './pool.js';
import { inTransaction } from './transaction.js';
import type { Wake } from './wake-notify.js';

/**
 * Gives claimed deliveries back without counting an attempt: due at the given time, or (NULL) held
 * because the endpoint is disabled; if it was enabled again meanwhile, due at once. A stale lease
 * token changes nothing. $1 ids, $2 lease tokens, $3 next attempt times
 */
const RELEASE = `WITH released AS (
    UPDATE deliveries d SET
      state = CASE WHEN r.next IS NULL AND e.disabled THEN 'held' ELSE 'pending' END,
      next_attempt_at = CASE WHEN r.next IS NULL AND e.disabled THEN NULL ELSE coalesce(r.next, d.updated_at) END,
      lease_until = NULL, lease_token = NULL
    FROM unnest($1::bigint[], $2::text[], $3::bigint[]) AS r(id, token, next), endpoints e
    WHERE d.id = r.id AND d.lease_token = r.token AND e.id = d.endpoint_id
    RETURNING d.next_attempt_at)
  SELECT count(*) FILTER (WHERE next_attempt_at IS NOT NULL) AS due FROM released`;

/** Every in-flight delivery becomes due at $1 (a single owner restarting). */
const RELEASE_ALL = `UPDATE deliveries SET state = 'pending', next_attempt_at = $1, lease_until = NULL, lease_token = NULL
  WHERE state = 'delivering'`;

/** The earliest due time and the earliest lease expiry. */
const NEXT_DUE = `SELECT
  (SELECT min(next_attempt_at) FROM deliveries WHERE state = 'pending' AND next_attempt_at IS NOT NULL) AS due,
  (SELECT min(lease_until) FROM deliveries WHERE state = 'delivering') AS lease`;

/** Deliveries per state, overall or of app $1. */
const STATS = 'SELECT state, count(*) AS n FROM deliveries GROUP BY state';
const STATS_OF_APP = 'SELECT state, count(*) AS n FROM deliveries WHERE app_id = $1 GROUP BY state';

/** In a transaction only so that a deadlock with a concurrent result or delete is retried. */
export async function releaseDeliveries(
  pool: pg.Pool,
  releases: Release[],
  wake: Wake,
): Promise<void> {
  if (releases.length === 0) return;
  await inTransaction(pool, async ({ db, afterCommit }) => {
    const { rows } = await db.query<{ due: number }>({
      name: 'hl_release',
      text: RELEASE,
      values: [
        releases.map((r) => r.deliveryId),
        releases.map((r) => r.leaseToken),
        releases.map((r) => r.nextAttemptAt),
      ],
    });
    // Released work (a stopping worker's backlog) is for the other workers to pick up.
    if (rows[0].due > 0) afterCommit(wake);
  });
}

export async function releaseAllLeases(db: Db, now: number, wake: Wake): Promise<number> {
  const r = await db.query(RELEASE_ALL, [now]);
  if ((r.rowCount ?? 0) > 0) wake();
  return r.rowCount ?? 0;
}

export async function nextDueAt(db: Db): Promise<number | null> {
  const { rows } = await db.query<{ due: number | null; lease: number | null }>({
    name: 'hl_next_due',
    text: NEXT_DUE,
  });
  const { due, lease } = rows[0];
  if (due === null) return lease;
  if (lease === null) return due;
  return Math.min(due, lease);
}

export async function stats(db: Db, appId?: string): Promise<StoreStats> {
  const { rows } =
    appId === undefined
      ? await db.query<{ state: keyof StoreStats; n: number }>(STATS)
      : await db.query<{ state: keyof StoreStats; n: number }>(STATS_OF_APP, [appId]);
  const out: StoreStats = { pending: 0, delivering: 0, succeeded: 0, failed: 0, held: 0 };
  for (const r of rows) out[r.state] = r.n;
  return out;
}
