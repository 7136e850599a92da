import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase, describePostgres, emptyTables, type TestDatabase } from '../helpers/postgres.js';
import { describeStoreConformance } from './suite.js';

let db: TestDatabase | null = null;
let migrated = false;

const open = async () => {
  if (!db) throw new Error('no test database');
  const store = new PostgresStore({ url: db.url, poolSize: 8 });
  await store.migrate();
  return store;
};

describePostgres('PostgreSQL store', () => {
  describeStoreConformance('postgres', {
    async setup() {
      db = await createTestDatabase('conformance');
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
  });
});
