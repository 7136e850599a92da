import type pg from 'pg';
import { isConnectionError } from './connection-errors.js';

/** Thrown inside a transaction to run it again from the start (the plan it made no longer holds). */
export class RetryTransaction extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'RetryTransaction';
  }
}

// deadlock_detected, serialization_failure: PostgreSQL aborted us in favour of another transaction.
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_TRIES = 5;

export interface Tx {
  db: pg.PoolClient;
  /** End with ROLLBACK instead of COMMIT (the work turned out to be unnecessary). */
  rollbackOnly(): void;
  /** Runs `fn` once the transaction has committed (not when it rolls back or is retried). */
  afterCommit(fn: () => void): void;
}

function retryable(error: unknown): boolean {
  if (error instanceof RetryTransaction) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

export interface TransactionOptions {
  /**
   * Commit without waiting for the WAL flush (synchronous_commit off), for work that a crash may
   * lose whole and that is then done again: nothing acknowledged may depend on it alone.
   */
  asyncCommit?: boolean;
  /**
   * Plan plain index scans where an index can serve (no sequential or bitmap scans), for tables
   * full of dead rows between two vacuums: a sequential scan reads them all (and a prepared
   * statement may keep a plan made while the table was small), a bitmap scan visits them again
   * each time, where an index scan marks their index entries dead for the scans after it.
   */
  indexScans?: boolean;
}

/** BEGIN with the options' settings, in one round trip. */
const beginOf = (options: TransactionOptions) =>
  [
    'BEGIN',
    ...(options.asyncCommit ? ['SET LOCAL synchronous_commit TO off'] : []),
    ...(options.indexScans
      ? ['SET LOCAL enable_seqscan TO off', 'SET LOCAL enable_bitmapscan TO off']
      : []),
  ].join('; ');

/** Runs `work` in one READ COMMITTED transaction, again (a few times) when it must be retried. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    let rollback = false;
    const committed: Array<() => void> = [];
    try {
      await client.query(beginOf(options));
      const value = await work({
        db: client,
        rollbackOnly: () => (rollback = true),
        afterCommit: (fn) => committed.push(fn),
      });
      await client.query(rollback ? 'ROLLBACK' : 'COMMIT');
      if (!rollback) for (const fn of committed) fn();
      return value;
    } catch (error) {
      broken = isConnectionError(error);
      if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
      if (!broken && retryable(error) && attempt < MAX_TRIES) continue;
      throw error;
    } finally {
      client.release(broken ? true : undefined);
    }
  }
}
