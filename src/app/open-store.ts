import { join } from 'node:path';
import type { Store } from '../store/store.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Config } from './config.js';
import { lockDataDir } from './data-dir-lock.js';

/** The only place that picks a store adapter: PostgreSQL when a URL is set, else SQLite in dataDir. */
export async function openStore(config: Config): Promise<Store> {
  if (config.databaseUrl !== null) {
    throw new Error('PostgreSQL support is not built into this version yet');
  }
  const unlock = lockDataDir(config.dataDir);
  const store = new SqliteStore({ file: join(config.dataDir, 'hookline.db'), sync: config.sqliteSync, onClose: unlock });
  await store.migrate();
  return store;
}
