import type { Database } from 'better-sqlite3';
import type { Release, StoreStats } from '../store.js';
import { EARLIEST_DUE } from './due-lanes.js';
import { inTransaction } from './in-transaction.js';

const DISABLED = '(SELECT disabled FROM endpoints e WHERE e.id = deliveries.endpoint_id) = 1';

const prepare = (db: Database) => ({
  // No due time: the endpoint is disabled, and the delivery is held (if it was enabled again
  // meanwhile, it is due at once instead).
  release: db.prepare(`UPDATE deliveries SET
    state = CASE WHEN @next IS NULL AND ${DISABLED} THEN 'held' ELSE 'pending' END,
    next_attempt_at = CASE WHEN @next IS NULL AND ${DISABLED} THEN NULL
      ELSE coalesce(@next, updated_at) END,
    lease_until = NULL, lease_token = NULL WHERE id = @id AND lease_token = @token`),
  releaseAll: db.prepare(`UPDATE deliveries SET next_attempt_at = @now, lease_until = NULL,
    lease_token = NULL WHERE state = 'pending' AND lease_token IS NOT NULL`),
  nextDue: db.prepare(EARLIEST_DUE),
  stats: db.prepare(`SELECT state, lease_token IS NOT NULL AS leased, count(*) AS n FROM deliveries
    GROUP BY state, leased`),
  statsOfApp:
    db.prepare(`SELECT state, lease_token IS NOT NULL AS leased, count(*) AS n FROM deliveries
    WHERE app_id = ? GROUP BY state, leased`),
});

/** Leases given back without an attempt, the next due time, and counts per state. */
export class SqliteLeases {
  private readonly q: ReturnType<typeof prepare>;

  constructor(private readonly db: Database) {
    this.q = prepare(db);
  }

  release(releases: Release[]): void {
    inTransaction(this.db, () => {
      for (const r of releases) {
        this.q.release.run({ id: r.deliveryId, token: r.leaseToken, next: r.nextAttemptAt });
      }
    });
  }

  releaseAll(now: number): number {
    return this.q.releaseAll.run({ now }).changes;
  }

  nextDueAt(): number | null {
    return (this.q.nextDue.get() as { due: number | null }).due;
  }

  stats(appId?: string): StoreStats {
    const rows = (appId ? this.q.statsOfApp.all(appId) : this.q.stats.all()) as Array<{
      state: string;
      leased: number;
      n: number;
    }>;
    const out: StoreStats = { pending: 0, delivering: 0, succeeded: 0, failed: 0, held: 0 };
    for (const r of rows) out[(r.leased ? 'delivering' : r.state) as keyof StoreStats] += r.n;
    return out;
  }
}
