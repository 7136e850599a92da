import type { Database } from 'better-sqlite3';

interface Pending {
  op: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes queued in the same tick share one transaction (one fsync). Each write runs in its own
 * savepoint, so one failing write rolls back alone; callers are answered only after the commit.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;

  /** `onCommitted` runs after each transaction that committed (parked claims look again). */
  constructor(
    private readonly db: Database,
    private readonly onCommitted: () => void = () => {},
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
    if (batch.length === 1) {
      // Alone in its commit, a write needs no savepoint (SQLite copies each page it changes into one).
      this.runAlone(batch[0]);
      return;
    }
    const outcomes: Array<{ ok: boolean; value: unknown }> = [];
    try {
      this.db.transaction(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: this.db.transaction(item.op)() });
          } catch (error) {
            // SQLite may roll back the whole transaction (SQLITE_FULL, SQLITE_IOERR): then none of
            // the batch is written, and every write must fail, not be answered as committed.
            if (!this.db.inTransaction) throw error;
            outcomes.push({ ok: false, value: error });
          }
        }
      })();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.value);
    });
    this.onCommitted();
  }

  private runAlone(item: Pending): void {
    let value: unknown;
    try {
      value = this.db.transaction(item.op)();
    } catch (error) {
      item.reject(error);
      return;
    }
    item.resolve(value);
    this.onCommitted();
  }
}
