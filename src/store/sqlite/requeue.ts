import type { Database } from 'better-sqlite3';
import type { RecoverOutcome, RecoverRequest, ReplayOutcome } from '../store.js';
import { recoverKey, replayKey, type RequeueRun } from '../requeue-runs.js';
import { toDelivery, type DeliveryRow } from './rows.js';
import type { SqliteSerialQueue } from './serial-queue.js';
import { inTransaction } from './in-transaction.js';

const prepare = (db: Database) => ({
  keyOf: db.prepare('SELECT ordering_key FROM deliveries WHERE id = ?').pluck(),
  run: db.prepare('SELECT * FROM requeue_runs WHERE app_id = ? AND request_key = ?'),
  startRun:
    db.prepare(`INSERT INTO requeue_runs (app_id, request_key, until_at, cursor, requeued, done, created_at)
    VALUES (@appId, @key, @until, @cursor, 0, @done, @now) ON CONFLICT (app_id, request_key) DO UPDATE SET
    until_at = excluded.until_at, cursor = excluded.cursor, requeued = 0, done = excluded.done,
    created_at = excluded.created_at`),
  advanceRun: db.prepare(`UPDATE requeue_runs SET cursor = @cursor, requeued = requeued + @n,
    done = @done WHERE app_id = @appId AND request_key = @key`),
  endpoint: db.prepare('SELECT id, disabled FROM endpoints WHERE id = ? AND app_id = ?'),
  // Oldest first after the run's cursor; a message whose payload was dropped cannot be sent again.
  matching: db
    .prepare(
      `SELECT d.id FROM deliveries d JOIN messages m ON m.id = d.message_id
    WHERE d.endpoint_id = @endpointId AND d.app_id = @appId AND d.id > @cursor
    AND d.state IN (SELECT value FROM json_each(@states))
    AND d.created_at >= @since AND d.created_at < @until AND m.payload_dropped_at IS NULL
    ORDER BY d.id LIMIT @limit`,
    )
    .pluck(),
  // A disabled endpoint's deliveries stay held: nothing is sent to it.
  reopen:
    db.prepare(`UPDATE deliveries SET state = ?, attempts = 0, next_attempt_at = ?, updated_at = ?,
    lease_until = NULL, lease_token = NULL WHERE id = ?`),
  message: db.prepare('SELECT payload_dropped_at FROM messages WHERE id = ? AND app_id = ?'),
  delivery: db.prepare('SELECT * FROM deliveries WHERE id = ?'),
  unsettled: db.prepare(`SELECT * FROM deliveries WHERE message_id = ? AND endpoint_id = ?
    AND state IN ('pending', 'held') ORDER BY id LIMIT 1`),
  insertDelivery:
    db.prepare(`INSERT INTO deliveries (app_id, message_id, endpoint_id, state, attempts, next_attempt_at,
    created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?)`),
});

interface EndpointRow {
  id: string;
  disabled: number;
}

interface RunRow {
  until_at: number;
  cursor: number;
  requeued: number;
  done: number;
  created_at: number;
}

/**
 * Sending settled deliveries again: `recover` (an endpoint's deliveries in a window, by state,
 * bounded per call) and `replay` (a past message to one endpoint). Each request is remembered in
 * `requeue_runs` so the same request repeated continues or answers, and never sends twice.
 */
export class SqliteRequeue {
  private readonly q: ReturnType<typeof prepare>;

  constructor(
    private readonly db: Database,
    private readonly serial: SqliteSerialQueue,
  ) {
    this.q = prepare(db);
  }

  recover(
    appId: string,
    endpointId: string,
    request: RecoverRequest,
    now: number,
  ): RecoverOutcome | null {
    return inTransaction(this.db, (): RecoverOutcome | null => {
      const endpoint = this.q.endpoint.get(endpointId, appId) as EndpointRow | undefined;
      if (!endpoint) return null;
      const key = recoverKey(endpointId, request);
      let run = this.liveRun(appId, key, request.idempotencyWindowMs, now);
      if (!run) {
        run = { until: request.until ?? now + 1, cursor: 0, requeued: 0, done: false };
        this.q.startRun.run({ appId, key, until: run.until, cursor: 0, done: 0, now });
      }
      if (run.done)
        return { requeued: 0, requeuedTotal: run.requeued, done: true, until: run.until };
      const ids = this.q.matching.all({
        appId,
        endpointId,
        cursor: run.cursor,
        states: JSON.stringify(request.states),
        since: request.since,
        until: run.until,
        limit: request.limit + 1,
      }) as number[];
      const batch = ids.slice(0, request.limit);
      for (const id of batch) {
        const key = this.q.keyOf.get(id) as string | null;
        const state = endpoint.disabled === 1 ? 'held' : 'pending';
        this.q.reopen.run(state, this.serial.dueTime(endpointId, now, key), now, id);
      }
      const done = ids.length <= request.limit;
      const cursor = batch.length > 0 ? batch[batch.length - 1] : run.cursor;
      this.q.advanceRun.run({ appId, key, cursor, n: batch.length, done: done ? 1 : 0 });
      return {
        requeued: batch.length,
        requeuedTotal: run.requeued + batch.length,
        done,
        until: run.until,
      };
    });
  }

  replay(
    appId: string,
    messageId: string,
    endpointId: string,
    now: number,
    windowMs: number,
  ): ReplayOutcome | 'payload_expired' | null {
    return inTransaction(this.db, (): ReplayOutcome | 'payload_expired' | null => {
      const message = this.q.message.get(messageId, appId) as
        { payload_dropped_at: number | null } | undefined;
      const endpoint = this.q.endpoint.get(endpointId, appId) as EndpointRow | undefined;
      if (!message || !endpoint) return null;
      const key = replayKey(messageId, endpointId);
      const run = this.liveRun(appId, key, windowMs, now);
      const earlier = run && (this.q.delivery.get(run.cursor) as DeliveryRow | undefined);
      if (earlier) return { delivery: toDelivery(earlier), created: false };
      if (message.payload_dropped_at !== null) return 'payload_expired';
      const unsettled = this.q.unsettled.get(messageId, endpointId) as DeliveryRow | undefined;
      if (unsettled) return { delivery: toDelivery(unsettled), created: false };
      // A replay has no ordering key: on a per-key endpoint it is ordered by nothing.
      const due = this.serial.dueTime(endpointId, now, null);
      const state = endpoint.disabled === 1 ? 'held' : 'pending';
      const id = Number(
        this.q.insertDelivery.run(appId, messageId, endpointId, state, due, now, now)
          .lastInsertRowid,
      );
      this.q.startRun.run({ appId, key, until: now, cursor: id, done: 1, now });
      return { delivery: toDelivery(this.q.delivery.get(id) as DeliveryRow), created: true };
    });
  }

  /** The request's run, unless it is older than the idempotency window (then it starts afresh). */
  private liveRun(appId: string, key: string, windowMs: number, now: number): RequeueRun | null {
    const row = this.q.run.get(appId, key) as RunRow | undefined;
    if (!row || row.created_at + windowMs <= now) return null;
    return {
      until: row.until_at,
      cursor: row.cursor,
      requeued: row.requeued,
      done: row.done === 1,
    };
  }
}
