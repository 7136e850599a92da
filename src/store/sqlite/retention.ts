import type { Database } from 'better-sqlite3';
import { idsBefore } from '../ids-before.js';
import type { PurgeCursor, PurgeProgress, PurgeRequest } from '../store.js';
import { boundLimit } from './bound-limit.js';
import { inTransaction } from './in-transaction.js';

/**
 * A delivery that keeps its message: pending (due, retrying, parked behind a serial head) or in
 * flight. A parked delivery of a disabled endpoint is held, which counts as settled.
 */
const UNSETTLED = `SELECT 1 FROM deliveries d JOIN endpoints e ON e.id = d.endpoint_id
  WHERE d.message_id = m.id AND (d.state = 'delivering' OR (d.state = 'pending'
    AND NOT (d.next_attempt_at IS NULL AND d.lease_token IS NULL AND e.disabled = 1)))`;

/** Oldest first after the cursor: (created_at, id) as messages_created orders them. */
const AFTER = `m.created_at < @before
  AND (m.created_at > @afterAt OR (m.created_at = @afterAt AND m.id > @afterId))`;

/**
 * The messages whose payload was dropped (1) or not (0), oldest first: messages_created leads with
 * that, so each group is read in order by itself (migration 019).
 */
const group = (db: Database, dropped: 0 | 1) =>
  db.prepare(`SELECT m.id, m.created_at, EXISTS (${UNSETTLED}) AS unsettled
    FROM messages m INDEXED BY messages_created
    WHERE (m.payload_dropped_at IS NOT NULL) = ${dropped} AND ${AFTER}
    ORDER BY m.created_at, m.id ${boundLimit('@limit')}`);

const prepare = (db: Database) => ({
  keptPayloads: group(db, 0),
  droppedPayloads: group(db, 1),
  deleteAttempts: db.prepare('DELETE FROM attempts WHERE message_id = ?'),
  deleteDeliveries: db.prepare('DELETE FROM deliveries WHERE message_id = ?'),
  // Its webhook_id mappings go by cascade.
  deleteMessage: db.prepare('DELETE FROM messages WHERE id = ?'),
  dropPayload: db.prepare(
    "UPDATE messages SET payload = '{}', payload_dropped_at = ? WHERE id = ? AND payload_dropped_at IS NULL",
  ),
  oldRollups:
    db.prepare(`DELETE FROM endpoint_stats WHERE rowid IN (SELECT rowid FROM endpoint_stats
    INDEXED BY endpoint_stats_bucket WHERE bucket_start < ? LIMIT ?)`),
  oldRuns: db.prepare(`DELETE FROM requeue_runs WHERE rowid IN (SELECT rowid FROM requeue_runs
    WHERE created_at < ? LIMIT ?)`),
  oldTestAttempts: db.prepare(`DELETE FROM attempts WHERE id IN (SELECT id FROM attempts
    WHERE test = 1 AND at < ? LIMIT ?)`),
  // Bot invocation ids are time-ordered ULIDs: the primary key finds the old ones.
  oldInvocations:
    db.prepare(`DELETE FROM bot_invocations WHERE id IN (SELECT id FROM bot_invocations
    WHERE id < ? ORDER BY id LIMIT ?)`),
  // A session ends when it expires, or with its link when never opened.
  endedPortalSessions: db.prepare(`DELETE FROM portal_sessions WHERE id IN (SELECT id FROM
    portal_sessions WHERE coalesce(expires_at, link_expires_at) < ? LIMIT ?)`),
  freePages: db.prepare('PRAGMA freelist_count').pluck(),
  pages: db.prepare('PRAGMA page_count').pluck(),
  autoVacuum: db.prepare('PRAGMA auto_vacuum').pluck(),
});

interface Candidate {
  id: string;
  created_at: number;
  unsettled: number;
}

const INCREMENTAL = 2;
/** Free pages are kept for reuse up to this share of the file: steady traffic fills them again. */
const KEPT_FREE_SHARE = 0.1;

/**
 * Retention on SQLite. Every step is one short transaction on the store's thread; writes of the
 * delivery engine queue behind it for that long only, and run between steps.
 */
export class SqliteRetention {
  private readonly q: ReturnType<typeof prepare>;

  constructor(private readonly db: Database) {
    this.q = prepare(db);
  }

  purgeMessages(request: PurgeRequest): PurgeProgress {
    return inTransaction(this.db, () => {
      const rows = this.candidates(request);
      const progress = { messages: 0, deliveries: 0, attempts: 0, next: nextOf(rows, request) };
      for (const row of rows) {
        if (row.unsettled) continue;
        progress.attempts += this.q.deleteAttempts.run(row.id).changes;
        progress.deliveries += this.q.deleteDeliveries.run(row.id).changes;
        progress.messages += this.q.deleteMessage.run(row.id).changes;
      }
      return progress;
    });
  }

  /** Every message after the cursor, oldest first: both groups, merged. */
  private candidates(request: PurgeRequest): Candidate[] {
    const p = params(request);
    const kept = this.q.keptPayloads.all(p) as Candidate[];
    const dropped = this.q.droppedPayloads.all(p) as Candidate[];
    if (dropped.length === 0) return kept;
    if (kept.length === 0) return dropped;
    return [...kept, ...dropped].sort(oldestFirst).slice(0, request.limit);
  }

  dropPayloads(request: PurgeRequest): PurgeProgress {
    return inTransaction(this.db, () => {
      const rows = this.q.keptPayloads.all(params(request)) as Candidate[];
      const progress = { messages: 0, deliveries: 0, attempts: 0, next: nextOf(rows, request) };
      for (const row of rows)
        if (!row.unsettled)
          progress.messages += this.q.dropPayload.run(request.now, row.id).changes;
      return progress;
    });
  }

  purgeHistory(before: number, limit: number): number {
    return inTransaction(
      this.db,
      () =>
        this.q.oldRollups.run(before, limit).changes +
        this.q.oldRuns.run(before, limit).changes +
        this.q.oldTestAttempts.run(before, limit).changes +
        this.q.oldInvocations.run(idsBefore('inv', before), limit).changes +
        this.q.endedPortalSessions.run(before, limit).changes,
    );
  }

  /**
   * With auto_vacuum=INCREMENTAL, gives back free pages beyond a tenth of the file (what steady
   * traffic reuses); a file created before it (auto_vacuum=NONE) reuses its free pages instead.
   */
  reclaimSpace(maxPages: number): number {
    if (this.q.autoVacuum.get() !== INCREMENTAL) return 0;
    const free = this.q.freePages.get() as number;
    const excess = free - Math.floor((this.q.pages.get() as number) * KEPT_FREE_SHARE);
    if (excess <= 0) return 0;
    const pages = Math.min(excess, maxPages);
    this.db.pragma(`incremental_vacuum(${pages})`);
    return free - (this.q.freePages.get() as number);
  }
}

/** (created_at, id) order, as SQLite compares them (ids are ASCII). */
const oldestFirst = (a: Candidate, b: Candidate): number =>
  a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const params = (r: PurgeRequest) => ({
  before: r.before,
  afterAt: r.after?.createdAt ?? Number.MIN_SAFE_INTEGER,
  afterId: r.after?.id ?? '',
  limit: r.limit,
});

/** Where the next step starts: after the last row looked at, or nowhere once a step came up short. */
function nextOf(rows: Candidate[], r: PurgeRequest): PurgeCursor | null {
  if (rows.length < r.limit) return null;
  const last = rows[rows.length - 1];
  return { createdAt: last.created_at, id: last.id };
}
