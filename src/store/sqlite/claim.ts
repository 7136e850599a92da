import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ClaimArgs, ClaimedDelivery } from '../store.js';
import type { Message } from '../../domain/types.js';
import { toDelivery, toMessage, type DeliveryRow, type MessageRow } from './rows.js';
import { DueSelection } from './due-selection.js';
import { unsyncedTransaction } from './unsynced-transaction.js';
import { inTransaction } from './in-transaction.js';
import { ioTrace, traceNow } from '../../lib/io-trace.js';

const trace = ioTrace();

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
});

/**
 * Claims due deliveries under a lease, oldest due first: due-selection.ts picks the ids (round-robin
 * over endpoints when one has a huge backlog), one UPDATE … RETURNING leases them.
 */
export class SqliteClaims {
  private readonly q: ReturnType<typeof prepare>;
  private readonly dueSelection: DueSelection;

  /**
   * @param commitsSync whether this connection's commits fsync (synchronous=FULL): only then does a
   * claim need a commit of its own without one. At NORMAL (the store thread, whose WAL is synced
   * beside it) no commit syncs, and the pragmas a claim would switch cost more than its query.
   */
  constructor(
    private readonly db: Database,
    private readonly commitsSync = true,
  ) {
    this.q = prepare(db);
    this.dueSelection = new DueSelection(db);
  }

  /**
   * A claim is promised to no one: its commit skips the fsync (a lost claim just leaves the delivery
   * due). Nothing due, no transaction: this connection is the only writer, so what the selection
   * read stays true until the lease is written.
   */
  claim(args: ClaimArgs): ClaimedDelivery[] {
    const start = trace ? traceNow() : 0;
    const ids = this.select(args);
    if (ids.length === 0) return [];
    const lease = () => this.lease(ids, args);
    const claimed = this.commitsSync
      ? unsyncedTransaction(this.db, lease)
      : inTransaction(this.db, lease);
    trace?.span('claim', start, { n: claimed.length });
    return claimed;
  }

  /** The claim inside the caller's transaction (a group commit that made the work due). */
  claimWithin(args: ClaimArgs): ClaimedDelivery[] {
    const ids = this.select(args);
    return ids.length === 0 ? [] : this.lease(ids, args);
  }

  /** Expired leases are simply due again (their lease end is their due time). */
  private select({ now, limit, excludeEndpointIds }: ClaimArgs): number[] {
    return this.dueSelection.select(now, limit, new Set(excludeEndpointIds ?? []));
  }

  private lease(ids: number[], { now, leaseMs }: ClaimArgs): ClaimedDelivery[] {
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
  }

  private messagesOf(rows: Iterable<LeasedRow>): Map<string, Message> {
    const ids = new Set<string>();
    for (const row of rows) ids.add(row[2]);
    const out = new Map<string, Message>();
    for (const m of this.q.messages.all(JSON.stringify([...ids])) as MessageRow[])
      out.set(m.id, toMessage(m));
    return out;
  }
}
