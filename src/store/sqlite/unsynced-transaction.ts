import type { Database } from 'better-sqlite3';
import { inTransaction } from './in-transaction.js';

/**
 * Runs `fn` in a transaction whose commit skips the fsync, for writes whose loss in a crash is
 * harmless; the next durable commit syncs the WAL, this one included.
 *
 * The automatic checkpoint is held off meanwhile: run by this commit it would inherit the
 * connection's sync level, copy earlier durable commits into the database file without syncing it,
 * and mark them done, so the next writer could reuse the WAL that still held them durably.
 * The next durable commit runs the checkpoint instead. (The server's store thread runs none at all:
 * its checkpoints run on their own thread, which syncs the WAL before it copies; checkpointer.ts.)
 */
export function unsyncedTransaction<T>(db: Database, fn: () => T): T {
  const level = db.pragma('synchronous', { simple: true }) as number;
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('synchronous = OFF');
  try {
    return inTransaction(db, fn);
  } finally {
    db.pragma(`synchronous = ${level}`);
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
  }
}
