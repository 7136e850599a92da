import { HooklineError } from '../../lib/errors.js';
import { describeTarget } from './connection-errors.js';
import { pendingMigrations } from './migrate.js';
import { PostgresStore, type PostgresStoreOptions } from './postgres-store.js';

export interface OpenPostgresOptions extends PostgresStoreOptions {
  /** Apply pending migrations now (default); otherwise refuse to start on an out-of-date schema. */
  migrate: boolean;
}

/**
 * Connects (a one-line error naming the host when it cannot), then migrates or checks that the
 * schema is current. The store is closed again if any of that fails.
 */
export async function openPostgresStore(options: OpenPostgresOptions): Promise<PostgresStore> {
  const store = new PostgresStore(options);
  try {
    await store.checkConnection();
    if (options.migrate) {
      await store.migrate();
    } else {
      const pending = await pendingMigrations(store.pool);
      if (pending.length > 0) {
        throw new HooklineError(
          'store_not_migrated',
          `the database at ${describeTarget(options.url)} lacks migration(s) ` +
            `${pending.join(', ')}; run \`hookline migrate\` (or start without --no-migrate)`,
        );
      }
      await store.sealSecrets();
    }
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
