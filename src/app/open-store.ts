import { join } from 'node:path';
import type { Logger } from 'pino';
import { openPostgresStore } from '../store/postgres/open.js';
import type { Store } from '../store/store.js';
import { ThreadedSqliteStore } from '../store/sqlite/threaded-store.js';
import type { Config } from './config.js';
import { lockDataDir } from './data-dir-lock.js';

/** The only place that picks a store adapter: PostgreSQL when a URL is set, else SQLite in dataDir. */
export async function openStore(config: Config, logger?: Logger): Promise<Store> {
  if (config.databaseUrl !== null) {
    // Many processes share the database: no data-folder lock; migrations take an advisory lock.
    return openPostgresStore({
      url: config.databaseUrl,
      poolSize: config.dbPoolSize,
      migrate: config.migrateOnStart,
      applicationName: `hookline-${config.role}`,
      onConnectionError: (err) =>
        logger?.warn({ err: { message: err.message } }, 'database connection lost; reconnecting'),
    });
  }
  const unlock = lockDataDir(config.dataDir);
  const store = new ThreadedSqliteStore({
    file: join(config.dataDir, 'hookline.db'),
    sync: config.sqliteSync,
    maxPages: config.sqliteMaxPages,
    onClose: unlock,
  });
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    unlock();
    throw error;
  }
  return store;
}
