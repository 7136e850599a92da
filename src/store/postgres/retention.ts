import type pg from 'pg';
import { idsBefore } from '../ids-before.js';
import type { PurgeCursor, PurgeProgress, PurgeRequest } from '../store.js';
import { inTransaction } from './transaction.js';

/**
 * Retention on PostgreSQL, in small steps (one short transaction each) that any number of nodes
 * may run at once: a step locks the messages it looks at with SKIP LOCKED (another node's step
 * takes the next ones), then locks their deliveries and reads their current state, so a delivery
 * re-queued a moment ago (retry, recover) keeps its message. A replay of a locked message waits
 * for the step to commit.
 */

/** Oldest first after the cursor. $1 before, $2 after created_at, $3 after id, $4 limit */
const CANDIDATES = `SELECT id, created_at FROM messages
  WHERE created_at < $1 AND (created_at, id) > ($2, $3)
  ORDER BY created_at, id LIMIT $4 FOR UPDATE SKIP LOCKED`;

/** The same among messages that still have their payload (messages_payload_kept). */
const KEPT_PAYLOADS = `SELECT id, created_at FROM messages
  WHERE payload_dropped_at IS NULL AND created_at < $1 AND (created_at, id) > ($2, $3)
  ORDER BY created_at, id LIMIT $4 FOR UPDATE SKIP LOCKED`;

/**
 * The messages among $1 that keep a delivery unsettled: pending (due, retrying, parked behind a
 * serial head) or in flight. A parked delivery of a disabled endpoint is held, which is settled.
 * Every delivery of those messages is locked first, so the state read is the current one.
 */
const LOCK_DELIVERIES = `SELECT d.message_id, d.state, d.next_attempt_at, d.lease_token, e.disabled
  FROM deliveries d JOIN endpoints e ON e.id = d.endpoint_id
  WHERE d.message_id = ANY($1::text[]) ORDER BY d.id FOR UPDATE OF d`;

interface DeliveryState {
  message_id: string;
  state: string;
  next_attempt_at: number | null;
  lease_token: string | null;
  disabled: boolean;
}

const unsettled = (d: DeliveryState) =>
  d.state === 'delivering' ||
  (d.state === 'pending' && !(d.next_attempt_at === null && d.lease_token === null && d.disabled));

const DELETE_ATTEMPTS = 'DELETE FROM attempts WHERE message_id = ANY($1::text[])';
const DELETE_DELIVERIES = 'DELETE FROM deliveries WHERE message_id = ANY($1::text[])';
/** Their webhook_id mappings go by cascade. */
const DELETE_MESSAGES = 'DELETE FROM messages WHERE id = ANY($1::text[])';
/** $1 ids, $2 now */
const DROP_PAYLOADS = `UPDATE messages SET payload = '{}', payload_dropped_at = $2
  WHERE id = ANY($1::text[]) AND payload_dropped_at IS NULL`;

/** $1 before, $2 limit: each deletes at most $2 rows, SKIP LOCKED so nodes share the work. */
const OLD_ROLLUPS = `DELETE FROM endpoint_stats WHERE ctid IN (SELECT ctid FROM endpoint_stats
  WHERE bucket_start < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`;
/**
 * Rollup deltas of the same buckets that no fold took (fold-deltas.ts: a node stopped between its
 * results and its fold, and no result came since): they would be purged once folded anyway.
 */
const OLD_ROLLUP_DELTAS = `DELETE FROM endpoint_stats_deltas WHERE id IN (SELECT id FROM endpoint_stats_deltas
  WHERE bucket_start < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`;
const OLD_RUNS = `DELETE FROM requeue_runs WHERE ctid IN (SELECT ctid FROM requeue_runs
  WHERE created_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`;
const OLD_TEST_ATTEMPTS = `DELETE FROM attempts WHERE id IN (SELECT id FROM attempts
  WHERE test AND at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`;

/** Bot invocations made before the cutoff; their ids are time-ordered ULIDs. $1 id bound, $2 limit */
const OLD_INVOCATIONS = `DELETE FROM bot_invocations WHERE id IN (SELECT id FROM bot_invocations
  WHERE id < $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)`;

/** Portal sessions ended (expired, or never opened before the link expired) before $1. $2 limit */
const ENDED_PORTAL_SESSIONS = `DELETE FROM portal_sessions WHERE id IN (SELECT id FROM portal_sessions
  WHERE coalesce(expires_at, link_expires_at) < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`;

interface Candidate {
  id: string;
  created_at: number;
}

/** Locks up to `limit` candidates and their deliveries; returns them and the settled ones. */
async function settledCandidates(db: pg.PoolClient, sql: string, r: PurgeRequest) {
  const after = r.after ?? { createdAt: Number.MIN_SAFE_INTEGER, id: '' };
  const { rows } = await db.query<Candidate>(sql, [r.before, after.createdAt, after.id, r.limit]);
  const ids = rows.map((row) => row.id);
  const busy = new Set<string>();
  if (ids.length > 0) {
    const deliveries = await db.query<DeliveryState>(LOCK_DELIVERIES, [ids]);
    for (const d of deliveries.rows) if (unsettled(d)) busy.add(d.message_id);
  }
  return { rows, settled: ids.filter((id) => !busy.has(id)) };
}

function nextOf(rows: Candidate[], r: PurgeRequest): PurgeCursor | null {
  if (rows.length < r.limit) return null;
  const last = rows[rows.length - 1];
  return { createdAt: last.created_at, id: last.id };
}

export function purgeMessages(pool: pg.Pool, r: PurgeRequest): Promise<PurgeProgress> {
  return inTransaction(pool, async ({ db }) => {
    const { rows, settled } = await settledCandidates(db, CANDIDATES, r);
    const progress = { messages: 0, deliveries: 0, attempts: 0, next: nextOf(rows, r) };
    if (settled.length === 0) return progress;
    progress.attempts = (await db.query(DELETE_ATTEMPTS, [settled])).rowCount ?? 0;
    progress.deliveries = (await db.query(DELETE_DELIVERIES, [settled])).rowCount ?? 0;
    progress.messages = (await db.query(DELETE_MESSAGES, [settled])).rowCount ?? 0;
    return progress;
  });
}

export function dropPayloads(pool: pg.Pool, r: PurgeRequest): Promise<PurgeProgress> {
  return inTransaction(pool, async ({ db }) => {
    const { rows, settled } = await settledCandidates(db, KEPT_PAYLOADS, r);
    const progress = { messages: 0, deliveries: 0, attempts: 0, next: nextOf(rows, r) };
    if (settled.length > 0)
      progress.messages = (await db.query(DROP_PAYLOADS, [settled, r.now])).rowCount ?? 0;
    return progress;
  });
}

export function purgeHistory(pool: pg.Pool, before: number, limit: number): Promise<number> {
  return inTransaction(pool, async ({ db }) => {
    let deleted = 0;
    for (const sql of [
      OLD_ROLLUPS,
      OLD_ROLLUP_DELTAS,
      OLD_RUNS,
      OLD_TEST_ATTEMPTS,
      ENDED_PORTAL_SESSIONS,
    ])
      deleted += (await db.query(sql, [before, limit])).rowCount ?? 0;
    deleted += (await db.query(OLD_INVOCATIONS, [idsBefore('inv', before), limit])).rowCount ?? 0;
    return deleted;
  });
}
