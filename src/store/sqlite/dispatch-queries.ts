import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AttemptResult, ClaimArgs, ClaimedDelivery, Release, StoreStats } from '../store.js';
import { attemptParams, toDelivery, toMessage, type DeliveryRow, type MessageRow } from './rows.js';
import { DueSelection } from './due-selection.js';
import type { SqliteSerialQueue } from './serial-queue.js';

const prepare = (db: Database) => ({
  // The lease is the next due time: if nobody reports back by then, the delivery is due again.
  lease: db.prepare(`UPDATE deliveries SET next_attempt_at = @leaseUntil, lease_until = @leaseUntil, lease_token = @token,
    updated_at = @now WHERE id = @id RETURNING *`),
  message: db.prepare('SELECT * FROM messages WHERE id = ?'),
  attemptIfDeliveryExists: db.prepare(`INSERT INTO attempts (app_id, delivery_id, message_id, endpoint_id, at,
    duration_ms, status_code, response_headers, response_body, error_kind, error_message, test)
    SELECT @app_id, @delivery_id, @message_id, @endpoint_id, @at, @duration_ms, @status_code, @response_headers,
      @response_body, @error_kind, @error_message, @test WHERE EXISTS (SELECT 1 FROM deliveries WHERE id = @delivery_id)`),
  succeed: db.prepare(`UPDATE deliveries SET state = 'succeeded', attempts = attempts + 1, next_attempt_at = NULL,
    lease_until = NULL, lease_token = NULL, last_status = @status, last_error = NULL, updated_at = @now
    WHERE id = @id AND lease_token = @token`),
  retry: db.prepare(`UPDATE deliveries SET state = 'pending', attempts = attempts + 1, next_attempt_at = @next,
    lease_until = NULL, lease_token = NULL, last_status = @status, last_error = @error, updated_at = @now
    WHERE id = @id AND lease_token = @token`),
  fail: db.prepare(`UPDATE deliveries SET state = 'failed', attempts = attempts + 1, next_attempt_at = NULL,
    lease_until = NULL, lease_token = NULL, last_status = @status, last_error = @error, updated_at = @now
    WHERE id = @id AND lease_token = @token`),
  release: db.prepare(`UPDATE deliveries SET next_attempt_at = @next, lease_until = NULL,
    lease_token = NULL WHERE id = @id AND lease_token = @token`),
  releaseAll: db.prepare(`UPDATE deliveries SET next_attempt_at = @now, lease_until = NULL,
    lease_token = NULL WHERE state = 'pending' AND lease_token IS NOT NULL`),
  nextDue: db.prepare(`SELECT min(next_attempt_at) AS due FROM deliveries WHERE state = 'pending'
    AND next_attempt_at IS NOT NULL`),
  stats: db.prepare(`SELECT state, lease_token IS NOT NULL AS leased, count(*) AS n FROM deliveries
    GROUP BY state, leased`),
  statsOfApp: db.prepare(`SELECT state, lease_token IS NOT NULL AS leased, count(*) AS n FROM deliveries
    WHERE app_id = ? GROUP BY state, leased`),
});

/** The dispatcher's queries: claims under a lease, results, releases. */
export class SqliteDispatch {
  private readonly q: ReturnType<typeof prepare>;
  private readonly dueSelection: DueSelection;

  constructor(private readonly db: Database, private readonly serial: SqliteSerialQueue) {
    this.q = prepare(db);
    this.dueSelection = new DueSelection(db);
  }

  /**
   * A claim is promised to no one, so its commit skips the fsync (a claim lost in a crash just leaves
   * the delivery due); the next durable commit syncs the WAL, claim included.
   */
  claim(args: ClaimArgs): ClaimedDelivery[] {
    const level = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = OFF');
    try {
      return this.claimInTransaction(args);
    } finally {
      this.db.pragma(`synchronous = ${level}`);
    }
  }

  private claimInTransaction({ now, limit, leaseMs, excludeEndpointIds }: ClaimArgs): ClaimedDelivery[] {
    return this.db.transaction(() => {
      // Expired leases are simply due again (their lease end is their due time).
      const ids = this.dueSelection.select(now, limit, new Set(excludeEndpointIds ?? []));
      const token = randomBytes(8).toString('hex');
      const leaseUntil = now + leaseMs;
      const messages = new Map<string, ReturnType<typeof toMessage>>();
      const claimed: ClaimedDelivery[] = [];
      for (const id of ids) {
        const row = this.q.lease.get({ id, leaseUntil, token, now }) as DeliveryRow;
        let message = messages.get(row.message_id);
        if (!message) {
          message = toMessage(this.q.message.get(row.message_id) as MessageRow);
          messages.set(message.id, message);
        }
        claimed.push({ delivery: toDelivery(row), message, leaseToken: token });
      }
      return claimed;
    })();
  }

  /** Runs inside the caller's transaction (group commit). */
  record(results: AttemptResult[], now: number): void {
    for (const r of results) {
      const a = r.attempt;
      if (a) this.q.attemptIfDeliveryExists.run(attemptParams(a));
      const params = { id: r.deliveryId, token: r.leaseToken, status: a?.statusCode ?? null, error: a?.errorMessage ?? r.note ?? null, now };
      if (r.outcome === 'retry') {
        this.q.retry.run({ ...params, next: r.nextAttemptAt ?? now });
        continue;
      }
      const changed = (r.outcome === 'succeeded' ? this.q.succeed.run(params) : this.q.fail.run(params)).changes;
      if (changed === 1) this.serial.advance(r.endpointId, now);
    }
  }

  release(releases: Release[]): void {
    this.db.transaction(() => {
      for (const r of releases) {
        this.q.release.run({ id: r.deliveryId, token: r.leaseToken, next: r.nextAttemptAt });
      }
    })();
  }

  releaseAll(now: number): number {
    return this.q.releaseAll.run({ now }).changes;
  }

  nextDueAt(): number | null {
    return (this.q.nextDue.get() as { due: number | null }).due;
  }

  stats(appId?: string): StoreStats {
    const rows = (appId ? this.q.statsOfApp.all(appId) : this.q.stats.all()) as Array<{ state: string; leased: number; n: number }>;
    const out: StoreStats = { pending: 0, delivering: 0, succeeded: 0, failed: 0 };
    for (const r of rows) out[(r.leased ? 'delivering' : r.state) as keyof StoreStats] += r.n;
    return out;
  }
}
