import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AttemptResult, ClaimArgs, ClaimedDelivery, Release, StoreStats } from '../store.js';
import type { Message } from '../../domain/types.js';
import { toDelivery, toMessage, type DeliveryRow, type MessageRow } from './rows.js';
import { DueSelection } from './due-selection.js';
import { ResultRecording } from './result-recording.js';
import type { SqliteSerialQueue } from './serial-queue.js';
import { unsyncedTransaction } from './unsynced-transaction.js';

/** The lease statement's RETURNING columns, in order. */
type LeasedRow = [
  id: number,
  appId: string,
  messageId: string,
  endpointId: string,
  state: string,
  attempts: number,
  lastStatus: number | null,
  lastError: string | null,
  createdAt: number,
];

const prepare = (db: Database) => ({
  // The lease is the next due time: if nobody reports back by then, the delivery is due again.
  // Returns what the claim does not already know (it set the rest).
  lease: db
    .prepare(
      `UPDATE deliveries SET next_attempt_at = @leaseUntil, lease_until = @leaseUntil, lease_token = @token,
    updated_at = @now WHERE id IN (SELECT value FROM json_each(@ids))
    RETURNING id, app_id, message_id, endpoint_id, state, attempts, last_status, last_error, created_at`,
    )
    .raw(),
  messages: db.prepare('SELECT * FROM messages WHERE id IN (SELECT value FROM json_each(?))'),
  release: db.prepare(`UPDATE deliveries SET next_attempt_at = @next, lease_until = NULL,
    lease_token = NULL WHERE id = @id AND lease_token = @token`),
  releaseAll: db.prepare(`UPDATE deliveries SET next_attempt_at = @now, lease_until = NULL,
    lease_token = NULL WHERE state = 'pending' AND lease_token IS NOT NULL`),
  nextDue: db.prepare(`SELECT min(next_attempt_at) AS due FROM deliveries WHERE state = 'pending'
    AND next_attempt_at IS NOT NULL`),
  stats: db.prepare(`SELECT state, lease_token IS NOT NULL AS leased, count(*) AS n FROM deliveries
    GROUP BY state, leased`),
  statsOfApp:
    db.prepare(`SELECT state, lease_token IS NOT NULL AS leased, count(*) AS n FROM deliveries
    WHERE app_id = ? GROUP BY state, leased`),
});

/** The dispatcher's queries: claims under a lease, results, releases. */
export class SqliteDispatch {
  private readonly q: ReturnType<typeof prepare>;
  private readonly dueSelection: DueSelection;
  private readonly results: ResultRecording;

  constructor(
    private readonly db: Database,
    serial: SqliteSerialQueue,
  ) {
    this.q = prepare(db);
    this.dueSelection = new DueSelection(db);
    this.results = new ResultRecording(db, serial);
  }

  /** A claim is promised to no one: its commit skips the fsync (a lost claim just leaves the delivery due). */
  claim({ now, limit, leaseMs, excludeEndpointIds }: ClaimArgs): ClaimedDelivery[] {
    return unsyncedTransaction(this.db, () => {
      // Expired leases are simply due again (their lease end is their due time).
      const ids = this.dueSelection.select(now, limit, new Set(excludeEndpointIds ?? []));
      if (ids.length === 0) return [];
      const token = randomBytes(8).toString('hex');
      const leaseUntil = now + leaseMs;
      const leased = new Map<number, LeasedRow>();
      for (const row of this.q.lease.all({
        ids: JSON.stringify(ids),
        leaseUntil,
        token,
        now,
      }) as LeasedRow[]) {
        leased.set(row[0], row);
      }
      const messages = this.messagesOf(leased.values());
      // In the order selected (oldest due first), whatever order the update visited the rows in.
      const claimed: ClaimedDelivery[] = [];
      for (const id of ids) {
        const [, appId, messageId, endpointId, state, attempts, lastStatus, lastError, createdAt] =
          leased.get(id)!;
        const row: DeliveryRow = {
          id,
          app_id: appId,
          message_id: messageId,
          endpoint_id: endpointId,
          state,
          attempts,
          next_attempt_at: leaseUntil,
          lease_until: leaseUntil,
          lease_token: token,
          last_status: lastStatus,
          last_error: lastError,
          created_at: createdAt,
          updated_at: now,
        };
        claimed.push({
          delivery: toDelivery(row),
          message: messages.get(messageId)!,
          leaseToken: token,
        });
      }
      return claimed;
    });
  }

  private messagesOf(rows: Iterable<LeasedRow>): Map<string, Message> {
    const ids = new Set<string>();
    for (const row of rows) ids.add(row[2]);
    const out = new Map<string, Message>();
    for (const m of this.q.messages.all(JSON.stringify([...ids])) as MessageRow[])
      out.set(m.id, toMessage(m));
    return out;
  }

  /** Runs inside the caller's transaction (group commit). */
  record(results: AttemptResult[], now: number): void {
    this.results.record(results, now);
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
    const rows = (appId ? this.q.statsOfApp.all(appId) : this.q.stats.all()) as Array<{
      state: string;
      leased: number;
      n: number;
    }>;
    const out: StoreStats = { pending: 0, delivering: 0, succeeded: 0, failed: 0 };
    for (const r of rows) out[(r.leased ? 'delivering' : r.state) as keyof StoreStats] += r.n;
    return out;
  }
}
