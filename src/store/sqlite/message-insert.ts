import type { Database } from 'better-sqlite3';
import { routeMessage } from '../endpoint-routing.js';
import type { InsertMessageResult, NewMessage } from '../store.js';
import type { SqliteEndpoints } from './endpoint-queries.js';
import { idempotentReplay, type KeyedMessageRow } from '../idempotent-replay.js';
import type { SqliteSerialQueue } from './serial-queue.js';

const prepare = (db: Database) => ({
  insert:
    db.prepare(`INSERT INTO messages (id, app_id, event_type, payload, idempotency_key, endpoint_id,
    ordering_key, created_at, request_digest, delivery_count, trace_context)
    VALUES (@id, @appId, @eventType, @payload, @idempotencyKey, @endpointId, @orderingKey, @createdAt,
    @requestDigest, @deliveryCount, @traceContext)`),
  countDeliveries: db.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE message_id = ?'),
  insertDelivery:
    db.prepare(`INSERT INTO deliveries (app_id, message_id, endpoint_id, ordering_key, state, attempts,
    next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`),
  byKey: db.prepare('SELECT * FROM messages WHERE app_id = ? AND idempotency_key = ?'),
  clearKey: db.prepare('UPDATE messages SET idempotency_key = NULL WHERE id = ?'),
  reportRoute: db.prepare(
    'SELECT endpoint_id FROM message_webhooks WHERE app_id = ? AND report_key = ?',
  ),
  rememberRoute:
    db.prepare(`INSERT INTO message_webhooks (app_id, report_key, endpoint_id, message_id, created_at)
    VALUES (@appId, @reportKey, @endpointId, @id, @createdAt) ON CONFLICT (app_id, report_key) DO UPDATE SET
    endpoint_id = excluded.endpoint_id, message_id = excluded.message_id, created_at = excluded.created_at`),
});

/**
 * The outbox write: a message and one delivery per matching endpoint (parked behind a serial
 * endpoint's active one, held for a disabled endpoint); an idempotency key seen within the window
 * writes nothing.
 */
export class SqliteMessageInsert {
  private readonly q: ReturnType<typeof prepare>;

  constructor(
    db: Database,
    private readonly endpoints: SqliteEndpoints,
    private readonly serial: SqliteSerialQueue,
  ) {
    this.q = prepare(db);
  }

  /** Runs inside a transaction (the caller's group commit). */
  insert(message: NewMessage, idempotencyWindowMs: number): InsertMessageResult {
    if (message.idempotencyKey !== null) {
      const existing = this.q.byKey.get(message.appId, message.idempotencyKey) as
        KeyedMessageRow | undefined;
      if (existing) {
        if (existing.created_at > message.createdAt - idempotencyWindowMs) {
          return idempotentReplay(existing, message, () => this.countDeliveries(existing.id));
        }
        this.q.clearKey.run(existing.id);
      }
    }
    const { reportKey = null, requestDigest = null, ...fields } = message;
    const stored = {
      ...fields,
      traceContext: fields.traceContext ?? null,
      endpointId: this.reportRoute(message, reportKey),
    };
    const targets = routeMessage(this.endpoints.routable(message.appId), stored);
    // Only a keyed message can be replayed, so only it keeps the count its first answer gave.
    const deliveryCount = message.idempotencyKey === null ? null : targets.length;
    this.q.insert.run({ ...stored, requestDigest, deliveryCount });
    if (reportKey !== null && message.endpointId !== null)
      this.q.rememberRoute.run({ ...stored, reportKey });
    const now = message.createdAt;
    for (const { endpoint, orderingKey } of targets) {
      // A disabled endpoint's delivery is kept, unsent, until someone asks for it.
      const state = endpoint.disabled ? 'held' : 'pending';
      const due =
        endpoint.disabled || this.serial.isLineBusy(endpoint.id, endpoint.ordering, orderingKey)
          ? null
          : now;
      this.q.insertDelivery.run(
        message.appId,
        message.id,
        endpoint.id,
        orderingKey,
        state,
        due,
        now,
        now,
      );
    }
    return { message: stored, created: true, deliveries: targets.length };
  }

  private countDeliveries(messageId: string): number {
    return (this.q.countDeliveries.get(messageId) as { n: number }).n;
  }

  /** The message's endpoint: its own, else the one remembered for its report key. */
  private reportRoute(message: NewMessage, reportKey: string | null): string | null {
    if (message.endpointId !== null || reportKey === null) return message.endpointId;
    const row = this.q.reportRoute.get(message.appId, reportKey) as
      { endpoint_id: string } | undefined;
    return row?.endpoint_id ?? null;
  }
}
