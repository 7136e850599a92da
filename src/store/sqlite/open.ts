import Database from 'better-sqlite3';

export type SqliteSync = 'full' | 'normal';

/**
 * Page cache caps, KiB (a connection's cache holds at most this; docs/operations.md#memory). The
 * writer works on the tails of the tables and indexes and reads each claimed row once: the backlog
 * drain and the sweep ran as fast with 8 MiB as with 16 MiB, which held 8 MiB more at peak. A
 * reader's cache starts empty again whenever another connection has committed (WAL), so under load
 * it holds little whatever its cap.
 */
export const WRITER_CACHE_KIB = 8192;
export const READER_CACHE_KIB = 8192;

/**
 * Opens the database in WAL mode. `full` fsyncs every commit (group commits keep that cheap);
 * `normal` survives process crashes but may lose the last commits on power loss.
 */
export function openSqlite(file: string, sync: SqliteSync, readonly = false): Database.Database {
  if (readonly) {
    const reader = new Database(file, { readonly: true, fileMustExist: true });
    reader.pragma('busy_timeout = 5000');
    reader.pragma(`cache_size = -${READER_CACHE_KIB}`);
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
  db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
  db.pragma('temp_store = MEMORY');
  return db;
}
