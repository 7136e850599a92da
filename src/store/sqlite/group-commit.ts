import type { Database } from 'better-sqlite3';
import { ioTrace, traceNow } from '../../lib/io-trace.js';
import { inTransaction } from './in-transaction.js';

const trace = ioTrace();

interface Pending {
  op: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes queued in the same tick share one transaction (one fsync); callers are answered only after
 * the commit. The writes first run together, without savepoints (a savepoint copies every page a
 * write touches); if one fails, that transaction is rolled back and the batch runs again with each
 * write in its own savepoint, so the failing write rolls back alone and the others still commit.
 * A write is a function of the database alone, so running it twice writes the same.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;

  /**
   * While `pending()`, `lastInTransaction` runs inside each transaction after its writes, in a
   * savepoint of its own (parked claims take what the writes made due, in the same commit); what
   * it returns runs once that transaction committed. If it throws, its savepoint alone rolls back
   * and `onError` runs after the commit instead.
   */
  constructor(
    private readonly db: Database,
    private readonly hooks: {
      pending: () => boolean;
      lastInTransaction: () => (() => void) | null;
      onError: () => void;
    } = { pending: () => false, lastInTransaction: () => null, onError: () => {} },
  ) {}

  run<T>(op: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ op, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Runs everything queued now, in one transaction. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const start = trace ? traceNow() : 0;
    if (batch.length === 1) {
      // Alone in its commit, a write needs no savepoint (SQLite copies each page it changes into one).
      this.runAlone(batch[0]);
    } else if (!this.runTogether(batch)) this.runApart(batch);
    trace?.span('commit', start, { n: batch.length });
  }

  /** The batch in one transaction without savepoints; false (nothing written) if a write failed. */
  private runTogether(batch: Pending[]): boolean {
    const values: unknown[] = [];
    let after: (() => void) | null = null;
    try {
      inTransaction(this.db, () => {
        for (const item of batch) values.push(item.op());
        after = this.last();
      });
    } catch {
      return false;
    }
    batch.forEach((item, i) => item.resolve(values[i]));
    (after as (() => void) | null)?.();
    return true;
  }

  /** The batch in one transaction, each write in a savepoint of its own. */
  private runApart(batch: Pending[]): void {
    const outcomes: Array<{ ok: boolean; value: unknown }> = [];
    let after: (() => void) | null = null;
    try {
      inTransaction(this.db, () => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: inTransaction(this.db, item.op) });
          } catch (error) {
            // SQLite may roll back the whole transaction (SQLITE_FULL, SQLITE_IOERR): then none of
            // the batch is written, and every write must fail, not be answered as committed.
            if (!this.db.inTransaction) throw error;
            outcomes.push({ ok: false, value: error });
          }
        }
        after = this.last();
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.value);
    });
    (after as (() => void) | null)?.();
  }

  /** The hook that closes each transaction, in a savepoint; what to run after the commit. */
  private last(): (() => void) | null {
    if (!this.hooks.pending()) return null;
    try {
      return inTransaction(this.db, this.hooks.lastInTransaction);
    } catch (error) {
      if (!this.db.inTransaction) throw error; // the whole transaction is lost: see flush()
      return this.hooks.onError;
    }
  }

  private runAlone(item: Pending): void {
    let value: unknown;
    let after: (() => void) | null = null;
    try {
      value = inTransaction(this.db, () => {
        const result = item.op();
        after = this.last();
        return result;
      });
    } catch (error) {
      item.reject(error);
      return;
    }
    item.resolve(value);
    (after as (() => void) | null)?.();
  }
}
