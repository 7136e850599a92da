import type { Database } from 'better-sqlite3';
import type { Ordering } from '../../domain/types.js';

// A line is what must go one at a time: a serial endpoint, or one key of a per-key endpoint.
// Its active delivery is pending with a due time (due, or in flight under a lease); the others wait
// parked (next_attempt_at NULL) and are promoted in id (acceptance) order.
const prepare = (db: Database) => ({
  activeStmt: db.prepare(`SELECT 1 FROM deliveries WHERE endpoint_id = ?
    AND state = 'pending' AND next_attempt_at IS NOT NULL LIMIT 1`),
  // Through the key's index, where a line's active delivery is at or near the front (it is the
  // oldest of its key but after a switch of ordering). Left to itself the planner reads the
  // endpoint's due index, every key's active delivery, and a new key read them all.
  activeKeyStmt: db.prepare(`SELECT 1 FROM deliveries INDEXED BY deliveries_endpoint_key
    WHERE endpoint_id = ? AND ordering_key = ?
    AND state = 'pending' AND next_attempt_at IS NOT NULL LIMIT 1`),
  promoteStmt: db.prepare(`UPDATE deliveries SET next_attempt_at = @now, updated_at = @now
    WHERE id = (SELECT id FROM deliveries WHERE endpoint_id = @endpointId AND state = 'pending'
      AND next_attempt_at IS NULL ORDER BY id LIMIT 1)`),
  promoteKeyStmt: db.prepare(`UPDATE deliveries SET next_attempt_at = @now, updated_at = @now
    WHERE id = (SELECT id FROM deliveries WHERE endpoint_id = @endpointId AND ordering_key = @key
      AND state = 'pending' AND next_attempt_at IS NULL ORDER BY id LIMIT 1)`),
  // After a switch to per-key: the oldest parked delivery of every key with nothing active.
  promoteKeyHeads: db.prepare(`UPDATE deliveries SET next_attempt_at = @now, updated_at = @now
    WHERE id IN (SELECT min(p.id) FROM deliveries p WHERE p.endpoint_id = @endpointId
      AND p.state = 'pending' AND p.next_attempt_at IS NULL AND p.ordering_key IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM deliveries a WHERE a.endpoint_id = p.endpoint_id
        AND a.ordering_key = p.ordering_key AND a.state = 'pending' AND a.next_attempt_at IS NOT NULL)
      GROUP BY p.ordering_key)`),
  // Deliveries accepted while the endpoint was not per-key have no key: nothing orders them.
  unparkKeyless: db.prepare(`UPDATE deliveries SET next_attempt_at = @now, updated_at = @now
    WHERE endpoint_id = @endpointId AND state = 'pending' AND next_attempt_at IS NULL
      AND ordering_key IS NULL`),
  endpointStmt: db.prepare('SELECT ordering, disabled FROM endpoints WHERE id = ?'),
  // A disabled endpoint's waiting deliveries are kept, unsent, until asked for (in-flight ones finish).
  holdAll: db.prepare(`UPDATE deliveries SET state = 'held', next_attempt_at = NULL, updated_at = ?
    WHERE endpoint_id = ? AND state = 'pending' AND lease_token IS NULL`),
  parkAll: db.prepare(`UPDATE deliveries SET next_attempt_at = NULL
    WHERE endpoint_id = ? AND state = 'pending' AND next_attempt_at IS NOT NULL AND lease_token IS NULL`),
  unparkAll: db.prepare(`UPDATE deliveries SET next_attempt_at = @now, updated_at = @now
    WHERE endpoint_id = @endpointId AND state = 'pending' AND next_attempt_at IS NULL`),
});

interface EndpointMode {
  ordering: Ordering;
  disabled: number;
}

/**
 * Keeps each line (a serial endpoint, or one key of a per-key endpoint) to one active delivery;
 * the rest of the line waits parked and is promoted in acceptance order.
 */
export class SqliteSerialQueue {
  private readonly q: ReturnType<typeof prepare>;
  /**
   * Ordering and enabled flag per endpoint, read on every result: this connection is the only
   * writer, and endpoint updates and deletes call forget().
   */
  private readonly modes = new Map<string, EndpointMode>();

  constructor(private readonly db: Database) {
    this.q = prepare(db);
  }

  /** Drops what is known of one endpoint (updated or deleted), or of all (an app deleted). */
  forget(endpointId?: string): void {
    if (endpointId === undefined) this.modes.clear();
    else this.modes.delete(endpointId);
  }

  private mode(endpointId: string): EndpointMode | undefined {
    let mode = this.modes.get(endpointId);
    if (!mode) {
      mode = this.q.endpointStmt.get(endpointId) as EndpointMode | undefined;
      if (mode) this.modes.set(endpointId, mode);
    }
    return mode;
  }

  /** Whether a new delivery on this line must wait behind an active one. */
  isLineBusy(endpointId: string, ordering: Ordering, key: string | null): boolean {
    if (ordering === 'serial') return this.q.activeStmt.get(endpointId) !== undefined;
    if (ordering === 'per-key' && key !== null)
      return this.q.activeKeyStmt.get(endpointId, key) !== undefined;
    return false;
  }

  /** When a (re)opened delivery of this endpoint and key may be tried: now, or null (parked). */
  dueTime(endpointId: string, now: number, key: string | null): number | null {
    const ep = this.mode(endpointId);
    if (!ep || ep.disabled === 1) return null;
    return this.isLineBusy(endpointId, ep.ordering, key) ? null : now;
  }

  /** After a delivery of the endpoint finished: let the next parked one of its line go. */
  advance(endpointId: string, key: string | null, now: number): void {
    const ep = this.mode(endpointId);
    if (!ep || ep.disabled === 1 || ep.ordering === 'parallel') return;
    if (ep.ordering === 'serial') {
      if (!this.isLineBusy(endpointId, 'serial', null)) this.q.promoteStmt.run({ endpointId, now });
    } else if (key !== null && !this.isLineBusy(endpointId, 'per-key', key)) {
      this.q.promoteKeyStmt.run({ endpointId, key, now });
    }
  }

  /**
   * Re-applies the parking rules after an endpoint's ordering or enabled flag changed: a disabled
   * endpoint's waiting deliveries become held; an enabled one's lines move again (held ones stay).
   */
  rebalance(endpointId: string, now: number): void {
    this.forget(endpointId);
    const ep = this.mode(endpointId);
    if (!ep) return;
    if (ep.disabled === 1) {
      this.q.holdAll.run(now, endpointId);
    } else if (ep.ordering === 'parallel') {
      this.q.unparkAll.run({ endpointId, now });
    } else if (ep.ordering === 'serial') {
      this.q.parkAll.run(endpointId);
      this.advance(endpointId, null, now);
    } else {
      this.q.parkAll.run(endpointId);
      this.q.unparkKeyless.run({ endpointId, now });
      this.q.promoteKeyHeads.run({ endpointId, now });
    }
  }
}
