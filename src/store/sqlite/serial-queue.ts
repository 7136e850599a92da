import type { Database } from 'better-sqlite3';

const prepare = (db: Database) => ({
  // In flight (leased) or due: both are pending rows with a due time.
  activeStmt: db.prepare(`SELECT 1 FROM deliveries WHERE endpoint_id = ?
    AND state = 'pending' AND next_attempt_at IS NOT NULL LIMIT 1`),
  promoteStmt: db.prepare(`UPDATE deliveries SET next_attempt_at = @now, updated_at = @now
    WHERE id = (SELECT id FROM deliveries WHERE endpoint_id = @endpointId AND state = 'pending'
      AND next_attempt_at IS NULL ORDER BY id LIMIT 1)`),
  endpointStmt: db.prepare('SELECT ordering, disabled FROM endpoints WHERE id = ?'),
  parkAll: db.prepare(`UPDATE deliveries SET next_attempt_at = NULL
    WHERE endpoint_id = ? AND state = 'pending' AND next_attempt_at IS NOT NULL AND lease_token IS NULL`),
  unparkAll: db.prepare(`UPDATE deliveries SET next_attempt_at = @now, updated_at = @now
    WHERE endpoint_id = @endpointId AND state = 'pending' AND next_attempt_at IS NULL`),
});

interface EndpointMode {
  ordering: string;
  disabled: number;
}

/**
 * Keeps serial endpoints to one active delivery (pending and due, or in flight); the others
 * wait parked (next_attempt_at NULL) and are promoted in id order.
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

  hasActive(endpointId: string): boolean {
    return this.q.activeStmt.get(endpointId) !== undefined;
  }

  /** When a (re)opened delivery of this endpoint may be tried: now, or null (parked). */
  dueTime(endpointId: string, now: number): number | null {
    const ep = this.mode(endpointId);
    if (!ep || ep.disabled === 1) return null;
    if (ep.ordering === 'serial' && this.hasActive(endpointId)) return null;
    return now;
  }

  /** After a delivery of the endpoint finished: let the next parked one go, if the endpoint is serial. */
  advance(endpointId: string, now: number): void {
    const ep = this.mode(endpointId);
    if (!ep || ep.disabled === 1 || ep.ordering !== 'serial') return;
    if (!this.hasActive(endpointId)) this.q.promoteStmt.run({ endpointId, now });
  }

  /** Re-applies the parking rules after an endpoint's ordering or enabled flag changed. */
  rebalance(endpointId: string, now: number): void {
    this.forget(endpointId);
    const ep = this.mode(endpointId);
    if (!ep) return;
    if (ep.disabled === 1) {
      this.q.parkAll.run(endpointId);
    } else if (ep.ordering === 'parallel') {
      this.q.unparkAll.run({ endpointId, now });
    } else {
      this.q.parkAll.run(endpointId);
      this.advance(endpointId, now);
    }
  }
}
