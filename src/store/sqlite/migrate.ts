import type { Database } from 'better-sqlite3';
import { migrations } from './migrations/index.js';
import { inTransaction } from './in-transaction.js';

/** Versions not applied yet (all of them before the ledger exists); reads only. */
export function pendingSqliteMigrations(db: Database): number[] {
  const ledger = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!ledger) return migrations.map((m) => m.version);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map(
      (r) => r.version,
    ),
  );
  return migrations.filter((m) => !applied.has(m.version)).map((m) => m.version);
}

/** Applies pending migrations, each in its own transaction. */
export function migrateSqlite(db: Database, now = Date.now()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map(
      (r) => r.version,
    ),
  );
  const done: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    inTransaction(db, () => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        now,
      );
    });
    done.push(m.version);
  }
  return done;
}
