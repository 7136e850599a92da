import type { Database } from 'better-sqlite3';

const runners = new WeakMap<Database, (fn: () => unknown) => unknown>();

/**
 * A write transaction: `db.transaction(fn).immediate()`, with one wrapper per connection
 * (better-sqlite3 builds each wrapper with `Object.defineProperties`, five variants, which cost
 * more than a small write's BEGIN and COMMIT). Inside a transaction it runs `fn` in a savepoint.
 *
 * IMMEDIATE, because a deferred transaction that reads first cannot wait for the write lock: when
 * its first write finds the lock held (by a RESTART checkpoint, which holds it without writing),
 * SQLite fails it with SQLITE_BUSY at once, never calling the busy handler. BEGIN IMMEDIATE takes
 * the lock before any read, so it waits out `busy_timeout` like any other writer.
 */
export function inTransaction<T>(db: Database, fn: () => T): T {
  let run = runners.get(db);
  if (!run) {
    run = db.transaction((f: () => unknown) => f()).immediate;
    runners.set(db, run);
  }
  return run(fn) as T;
}
