import Database from 'better-sqlite3';

export type SqliteSync = 'full' | 'normal';

/**
 * Opens the database in WAL mode. `full` fsyncs every commit (group commits keep that cheap);
 * `normal` survives process crashes but may lose the last commits on power loss.
 */
export function openSqlite(file: string, sync: SqliteSync, readonly = false): Database.Database {
  if (readonly) {
    const reader = new Database(file, { readonly: true, fileMustExist: true });
    reader.pragma('busy_timeout = 5000');
    reader.pragma('cache_size = -8192');
    return reader;
  }
  const db = new Database(file);
  // Only a new, empty file takes this (an existing one keeps its mode until a VACUUM; see
  // docs/operations.md): retention then gives freed pages back to the file system.
  if (db.pragma('page_count', { simple: true }) === 0) db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -16384');
  db.pragma('temp_store = MEMORY');
  return db;
}
