import { describeTarget } from '../store/postgres/connection-errors.js';
import { pendingMigrations } from '../store/postgres/migrate.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import type { Config } from './config.js';
import { resolveEncryptionKeys } from './encryption-key.js';
import { openStore } from './open-store.js';

/**
 * `hookline migrate`: applies pending migrations of the configured database and says what it did.
 * Safe while other nodes run or start (PostgreSQL migrates under an advisory lock).
 */
export async function migrateDatabase(config: Config): Promise<string> {
  if (config.databaseUrl === null) {
    const store = await openStore(config); // SQLite migrates on open
    await store.close();
    return `SQLite database in ${config.dataDir} is up to date`;
  }
  // What is pending, to report it; the migration itself runs in openStore, under the lock.
  const probe = new PostgresStore({
    url: config.databaseUrl,
    poolSize: 1,
    encryption: resolveEncryptionKeys(config).keys,
  });
  let pending: number[];
  try {
    await probe.checkConnection();
    pending = await pendingMigrations(probe.pool);
  } finally {
    await probe.close();
  }
  const store = await openStore({ ...config, dbPoolSize: 2, migrateOnStart: true });
  await store.close();
  const target = describeTarget(config.databaseUrl);
  return pending.length === 0
    ? `PostgreSQL at ${target} is up to date`
    : `PostgreSQL at ${target}: applied migration(s) ${pending.join(', ')}`;
}
