import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase, emptyTables, type TestDatabase } from '../helpers/postgres.js';
import type { StoreHarness } from './suite.js';
import { TEST_KEYS } from '../helpers/encryption.js';

/**
 * Stores on one fresh database per test file (created in setup, dropped in teardown); each test
 * starts from empty tables. Peers are more stores on the same database, as other nodes.
 */
export function postgresHarness(label: string): StoreHarness {
  let db: TestDatabase | null = null;
  let migrated = false;
  const open = async () => {
    if (!db) throw new Error('no test database');
    const store = new PostgresStore({ url: db.url, poolSize: 8, encryption: TEST_KEYS });
    await store.migrate();
    return store;
  };
  return {
    async setup() {
      db = await createTestDatabase(label);
    },
    async teardown() {
      await db?.drop();
    },
    async open() {
      if (migrated && db) await emptyTables(db.url);
      migrated = true;
      return open();
    },
    openPeer: open,
  };
}
