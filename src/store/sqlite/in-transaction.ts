import type { Database } from 'better-sqlite3';

const runners = new WeakMap<Database, (fn: () => unknown) => unknown>();

/**
 * `db.transaction(fn)()` with one wrapper per connection: better-sqlite3 builds each wrapper with
 * `Object.defineProperties` (five variants), which cost more than a small write's BEGIN and COMMIT.
 * Inside a transaction it runs `fn` in a savepoint, as `db.transaction` does.
 */
export function inTransaction<T>(db: Database, fn: () => T): T {
  let run = runners.get(db);
  if (!run) {
    run = db.transaction((f: () => unknown) => f());
    runners.set(db, run);
  }
  return run(fn) as T;
}
