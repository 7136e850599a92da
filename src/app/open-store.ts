import { join } from 'node:path';
import type { Logger } from 'pino';
import { openPostgresStore } from '../store/postgres/open.js';
import type { Store } from '../store/store.js';
import { ThreadedSqliteStore } from '../store/sqlite/threaded-store.js';
import type { Config } from './config.js';
import { lockDataDir } from './data-dir-lock.js';
import { describeKeys, resolveEncryptionKeys, type ResolvedKeys } from './encryption-key.js';

/** The only place that picks a store adapter: PostgreSQL when a URL is set, else SQLite in dataDir. */
export async function openStore(config: Config, logger?: Logger): Promise<Store> {
  if (config.databaseUrl !== null) {
    const resolved = resolveEncryptionKeys(config);
    reportKeys(resolved, true, logger);
    // Many processes share the database: no data-folder lock; migrations take an advisory lock.
    return openPostgresStore({
      url: config.databaseUrl,
      poolSize: config.dbPoolSize,
      migrate: config.migrateOnStart,
      applicationName: `hookline-${config.role}`,
      delivers: config.role !== 'api',
      encryption: resolved.keys,
      onConnectionError: (err) =>
        logger?.warn({ err: { message: err.message } }, 'database connection lost; reconnecting'),
    });
  }
  const unlock = lockDataDir(config.dataDir);
  let resolved: ResolvedKeys;
  try {
    resolved = resolveEncryptionKeys(config);
  } catch (error) {
    unlock();
    throw error;
  }
  reportKeys(resolved, false, logger);
  const store = new ThreadedSqliteStore({
    file: join(config.dataDir, 'hookline.db'),
    sync: config.sqliteSync,
    maxPages: config.sqliteMaxPages,
    encryption: resolved.keys,
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

/** Says which key seals secrets (its id, never the key); warns where a key file can go wrong. */
function reportKeys(resolved: ResolvedKeys, shared: boolean, logger?: Logger): void {
  const which = describeKeys(resolved.keys);
  if (resolved.generated)
    logger?.warn(
      { file: resolved.file },
      `generated encryption ${which} in ${resolved.file}: back it up; without it the stored secrets cannot be read`,
    );
  if (shared && resolved.source === 'file')
    logger?.warn(
      { file: resolved.file },
      'HOOKLINE_ENCRYPTION_KEY is not set: secrets are sealed with the data folder key file, which every node sharing this database must hold too',
    );
  logger?.debug(`secrets at rest sealed with encryption ${which}`);
}
