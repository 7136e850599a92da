import type pg from 'pg';
import { recoverKey, replayKey, type RequeueRun } from '../requeue-runs.js';
import type { RecoverOutcome, RecoverRequest, ReplayResult } from '../store.js';
import { lockEndpoints, type EndpointState } from './endpoint-locks.js';
import type { Db } from './pool.js';
import { toDelivery, type DeliveryRow } from './rows.js';
import { promoteHeads, startKeyLines } from './serial-queue.js';
import { inTransaction } from './transaction.js';
import type { Wake } from './wake-notify.js';

/**
 * Sending settled deliveries again: recover (by window and state, bounded per call) and replay (a
 * past message to one endpoint). Each request is a row of `requeue_runs`, read under the
 * endpoint's exclusive lock, so the same request on any node continues or answers, never sends twice.
 */

/** $1 app id, $2 request key */
const RUN = 'SELECT * FROM requeue_runs WHERE app_id = $1 AND request_key = $2';

/** Starts (or restarts, past the window) a run. $1 app, $2 key, $3 until, $4 cursor, $5 done, $6 now */
const START_RUN = `INSERT INTO requeue_runs (app_id, request_key, until_at, cursor, requeued, done, created_at)
  VALUES ($1, $2, $3, $4, 0, $5, $6) ON CONFLICT (app_id, request_key) DO UPDATE SET
  until_at = excluded.until_at, cursor = excluded.cursor, requeued = 0, done = excluded.done,
  created_at = excluded.created_at`;

/** $1 app, $2 key, $3 cursor, $4 re-queued now, $5 done */
const ADVANCE_RUN = `UPDATE requeue_runs SET cursor = $3, requeued = requeued + $4, done = $5
  WHERE app_id = $1 AND request_key = $2`;

/**
 * Re-opens up to $8 matching deliveries after the cursor, oldest first, due at $9 or parked (NULL),
 * as $10 (pending; held while the endpoint is disabled); a message whose payload was dropped
 * cannot be sent again. Returns the ids re-opened.
 * $1 app, $2 endpoint, $3 cursor, $4 states, $5 since, $6 until, $7 now, $8 limit, $9 due, $10 state
 */
const REOPEN_MATCHING = `WITH picked AS (
    SELECT d.id FROM deliveries d JOIN messages m ON m.id = d.message_id
    WHERE d.app_id = $1 AND d.endpoint_id = $2 AND d.id > $3 AND d.state = ANY($4::text[])
      AND d.created_at >= $5 AND d.created_at < $6 AND m.payload_dropped_at IS NULL
    ORDER BY d.id LIMIT $8)
  UPDATE deliveries d SET state = $10, attempts = 0, next_attempt_at = $9, updated_at = $7,
    lease_until = NULL, lease_token = NULL
  FROM picked WHERE d.id = picked.id RETURNING d.id`;

/** Whether one more delivery matches past $3. Same parameters as REOPEN_MATCHING's first six. */
const MORE_MATCHING = `SELECT 1 FROM deliveries d JOIN messages m ON m.id = d.message_id
  WHERE d.app_id = $1 AND d.endpoint_id = $2 AND d.id > $3 AND d.state = ANY($4::text[])
    AND d.created_at >= $5 AND d.created_at < $6 AND m.payload_dropped_at IS NULL LIMIT 1`;

/** $1 message id, $2 app id */
const MESSAGE = 'SELECT payload_dropped_at FROM messages WHERE id = $1 AND app_id = $2';
/** $1 delivery id */
const DELIVERY = 'SELECT * FROM deliveries WHERE id = $1';
/** An unsettled delivery of message $1 to endpoint $2. */
const UNSETTLED = `SELECT * FROM deliveries WHERE message_id = $1 AND endpoint_id = $2
  AND state IN ('pending', 'delivering', 'held') ORDER BY id LIMIT 1`;
/** $1 app, $2 message, $3 endpoint, $4 due (or NULL: parked), $5 now, $6 state (pending or held) */
const INSERT_DELIVERY = `INSERT INTO deliveries (app_id, message_id, endpoint_id, state, attempts,
  next_attempt_at, created_at, updated_at) VALUES ($1, $2, $3, $6, 0, $4, $5, $5) RETURNING *`;

interface RunRow {
  until_at: number;
  cursor: number;
  requeued: number;
  done: boolean;
  created_at: number;
}

async function liveRun(
  db: Db,
  appId: string,
  key: string,
  windowMs: number,
  now: number,
): Promise<RequeueRun | null> {
  const row = (await db.query<RunRow>(RUN, [appId, key])).rows[0];
  if (!row || Number(row.created_at) + windowMs <= now) return null;
  return {
    until: Number(row.until_at),
    cursor: Number(row.cursor),
    requeued: row.requeued,
    done: row.done,
  };
}

/** Due now, or parked: disabled, or serial (the oldest parked one is promoted afterwards). */
const dueOf = (endpoint: EndpointState, now: number) =>
  endpoint.disabled || endpoint.ordering === 'serial' ? null : now;

/** A disabled endpoint's deliveries are held: nothing is sent to it. */
const stateOf = (endpoint: EndpointState) => (endpoint.disabled ? 'held' : 'pending');

/** See Store.recoverEndpoint. */
export async function recoverEndpoint(
  pool: pg.Pool,
  appId: string,
  endpointId: string,
  request: RecoverRequest,
  now: number,
  wake: Wake,
): Promise<RecoverOutcome | null> {
  return inTransaction(pool, async ({ db, afterCommit }) => {
    const endpoint = (await lockEndpoints(db, [endpointId], 'exclusive')).get(endpointId);
    if (!endpoint || endpoint.appId !== appId) return null;
    const key = recoverKey(endpointId, request);
    let run = await liveRun(db, appId, key, request.idempotencyWindowMs, now);
    if (!run) {
      run = { until: request.until ?? now + 1, cursor: 0, requeued: 0, done: false };
      await db.query(START_RUN, [appId, key, run.until, 0, false, now]);
    }
    if (run.done) return { requeued: 0, requeuedTotal: run.requeued, done: true, until: run.until };
    // Per-key: re-opened parked, then each key's oldest goes unless its line is busy.
    const due = endpoint.ordering === 'per-key' ? null : dueOf(endpoint, now);
    const window = [appId, endpointId, run.cursor, request.states, request.since, run.until];
    const ids = (
      await db.query<{ id: number }>(REOPEN_MATCHING, [
        ...window,
        now,
        request.limit,
        due,
        stateOf(endpoint),
      ])
    ).rows
      .map((r) => Number(r.id))
      .sort((a, b) => a - b);
    const cursor = ids.length > 0 ? ids[ids.length - 1] : run.cursor;
    window[2] = cursor;
    const done = (await db.query(MORE_MATCHING, window)).rowCount === 0;
    await db.query(ADVANCE_RUN, [appId, key, cursor, ids.length, done]);
    let woke = due !== null && ids.length > 0;
    if (ids.length > 0 && endpoint.ordering === 'serial' && !endpoint.disabled)
      woke = (await promoteHeads(db, [endpointId], now)) > 0;
    if (ids.length > 0 && endpoint.ordering === 'per-key' && !endpoint.disabled)
      woke = (await startKeyLines(db, endpointId, now)) > 0;
    if (woke) afterCommit(wake);
    return {
      requeued: ids.length,
      requeuedTotal: run.requeued + ids.length,
      done,
      until: run.until,
    };
  });
}

/** See Store.replayMessage. */
export async function replayMessage(
  pool: pg.Pool,
  appId: string,
  messageId: string,
  endpointId: string,
  now: number,
  windowMs: number,
  wake: Wake,
): Promise<ReplayResult> {
  return inTransaction(pool, async ({ db, afterCommit }): Promise<ReplayResult> => {
    const endpoint = (await lockEndpoints(db, [endpointId], 'exclusive')).get(endpointId);
    const message = (
      await db.query<{ payload_dropped_at: number | null }>(MESSAGE, [messageId, appId])
    ).rows[0];
    if (!endpoint || endpoint.appId !== appId || !message) return null;
    const key = replayKey(messageId, endpointId);
    const run = await liveRun(db, appId, key, windowMs, now);
    const earlier = run && (await db.query<DeliveryRow>(DELIVERY, [run.cursor])).rows[0];
    if (earlier) return { delivery: toDelivery(earlier), created: false };
    if (message.payload_dropped_at !== null) return 'payload_expired';
    const unsettled = (await db.query<DeliveryRow>(UNSETTLED, [messageId, endpointId])).rows[0];
    if (unsettled) return { delivery: toDelivery(unsettled), created: false };
    const due = dueOf(endpoint, now);
    let row = (
      await db.query<DeliveryRow>(INSERT_DELIVERY, [
        appId,
        messageId,
        endpointId,
        due,
        now,
        stateOf(endpoint),
      ])
    ).rows[0];
    await db.query(START_RUN, [appId, key, now, row.id, true, now]);
    let woke = due !== null;
    if (endpoint.ordering === 'serial' && !endpoint.disabled) {
      woke = (await promoteHeads(db, [endpointId], now)) > 0;
      row = (await db.query<DeliveryRow>(DELIVERY, [row.id])).rows[0];
    }
    if (woke) afterCommit(wake);
    return { delivery: toDelivery(row), created: true };
  });
}
