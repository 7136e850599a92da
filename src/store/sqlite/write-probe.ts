import type { Database } from 'better-sqlite3';
import { inTransaction } from './in-transaction.js';

/** Rolls the probe's transaction back: the probe keeps nothing. */
class ProbeDone extends Error {}

/**
 * Can the database take a write now? Inserts a page's worth into a temporary row of the migration
 * ledger and rolls back: a full disk (or the max_page_count cap) fails it with SQLITE_FULL.
 */
export function probeSqliteWrite(db: Database): void {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  try {
    inTransaction(db, () => {
      db.prepare(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES (-1, zeroblob(?), 0)',
      ).run(pageSize);
      throw new ProbeDone();
    });
  } catch (error) {
    if (!(error instanceof ProbeDone)) throw error;
  }
}
