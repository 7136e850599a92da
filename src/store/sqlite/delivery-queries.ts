import type { Database } from 'better-sqlite3';
import type { Delivery, Page } from '../../domain/types.js';
import { decodeNumericCursor, toPage } from '../cursor.js';
import type { DeliveryFilter, ListQuery } from '../store.js';
import { toDelivery, type DeliveryRow } from './rows.js';
import type { SqliteSerialQueue } from './serial-queue.js';
import { StatementCache } from './statement-cache.js';
import { inTransaction } from './in-transaction.js';

const MAX_ID = Number.MAX_SAFE_INTEGER;

const prepare = (db: Database) => ({
  byId: db.prepare('SELECT * FROM deliveries WHERE id = ? AND app_id = ?'),
  keyOf: db.prepare('SELECT ordering_key FROM deliveries WHERE id = ?').pluck(),
  makeDue: db.prepare('UPDATE deliveries SET next_attempt_at = ?, updated_at = ? WHERE id = ?'),
  // A disabled endpoint's delivery is held instead: nothing is sent to it.
  reopen: db.prepare(`UPDATE deliveries SET state = CASE WHEN (SELECT disabled FROM endpoints e
      WHERE e.id = deliveries.endpoint_id) = 1 THEN 'held' ELSE 'pending' END, attempts = 0,
    next_attempt_at = ?, updated_at = ?, lease_until = NULL, lease_token = NULL WHERE id = ?`),
  releaseHeld:
    db.prepare(`UPDATE deliveries SET next_attempt_at = @now, updated_at = @now WHERE endpoint_id = @endpointId
    AND app_id = @appId AND state = 'pending' AND next_attempt_at = @heldUntil AND lease_token IS NULL`),
});

/**
 * Deliveries as the API sees them: read, list, retry one, release those a verification held
 * (recover and replay: requeue.ts).
 */
export class SqliteDeliveries {
  private readonly q: ReturnType<typeof prepare>;
  private readonly statements: StatementCache;

  constructor(
    private readonly db: Database,
    private readonly serial: SqliteSerialQueue,
  ) {
    this.q = prepare(db);
    this.statements = new StatementCache(db);
  }

  get(appId: string, id: number): Delivery | null {
    const row = this.q.byId.get(id, appId) as DeliveryRow | undefined;
    return row ? toDelivery(row) : null;
  }

  list(appId: string, filter: DeliveryFilter, query: ListQuery): Page<Delivery> {
    // A message's few rows, or an endpoint's (all of one app), are found faster by their own index
    // than by walking the app's, unless for an endpoint a partial index (pending, failed) already
    // narrows the walk. `+` keeps the planner off the app's indexes.
    const narrower =
      filter.messageId !== undefined ||
      (filter.endpointId !== undefined &&
        (filter.state === undefined || filter.state === 'succeeded'));
    const where = [narrower ? '+app_id = @appId' : 'app_id = @appId', 'id < @cursor'];
    // In flight = a pending row under a lease (see rows.ts).
    if (filter.state === 'delivering') where.push("state = 'pending' AND lease_token IS NOT NULL");
    else if (filter.state === 'pending') where.push("state = 'pending' AND lease_token IS NULL");
    else if (filter.state !== undefined) where.push('state = @state');
    if (filter.endpointId !== undefined) where.push('endpoint_id = @endpointId');
    if (filter.messageId !== undefined) where.push('message_id = @messageId');
    const sql = `SELECT * FROM deliveries WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT @limit`;
    const cursor = query.cursor === null ? MAX_ID : decodeNumericCursor(query.cursor);
    const rows = this.statements
      .get(sql)
      .all({ ...filter, appId, cursor, limit: query.limit + 1 }) as DeliveryRow[];
    return toPage(rows.map(toDelivery), query.limit, (d) => d.id);
  }

  retry(appId: string, id: number, now: number): Delivery | null {
    return inTransaction(this.db, () => {
      const current = this.get(appId, id);
      if (!current || current.state === 'delivering') return current;
      if (current.state === 'pending') {
        // A parked delivery stays behind its serial head; a scheduled one becomes due now.
        if (current.nextAttemptAt !== null) this.q.makeDue.run(now, now, id);
      } else {
        const key = this.q.keyOf.get(id) as string | null;
        this.q.reopen.run(this.serial.dueTime(current.endpointId, now, key), now, id);
      }
      return this.get(appId, id);
    });
  }

  releaseHeld(appId: string, endpointId: string, heldUntil: number, now: number): number {
    return this.q.releaseHeld.run({ appId, endpointId, heldUntil, now }).changes;
  }
}
