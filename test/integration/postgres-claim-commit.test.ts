import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { claimDue } from '../../src/store/postgres/claim.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import {
  appRecord,
  endpointRecord,
  messageRecord,
  T0,
  WINDOW_MS,
} from '../conformance/fixtures.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';
import { TEST_KEYS } from '../helpers/encryption.js';

/**
 * A claim commits without waiting for the WAL flush (as the SQLite store answers claims before its
 * sync): a lost claim only leaves its delivery due again. The setting must stay inside the claim's
 * own transaction: the connection goes back to the pool, and the next statement on it may be an
 * insert whose 202 promises a flushed commit.
 */
describePostgres('PostgreSQL claim commit', () => {
  let db: TestDatabase;
  let store: PostgresStore;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('pg_claim_commit');
    store = new PostgresStore({ url: db.url, poolSize: 2, encryption: TEST_KEYS });
    await store.migrate();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await store?.close();
    await db?.drop();
  });

  const setting = async () =>
    (await client.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s"))
      .rows[0]!.s;

  it('a claim turns off the flush wait of its own transaction only', async () => {
    // The test databases run with synchronous_commit = off; this session asks for what a
    // production connection has.
    await client.query('SET synchronous_commit = on');
    const app = await store.createApp(appRecord());
    await store.createEndpoint(endpointRecord(app.id));
    await store.insertMessage(messageRecord(app.id), WINDOW_MS);
    const args = { now: T0 + 1, limit: 10, leaseMs: 30_000 };

    await client.query('BEGIN');
    expect(await claimDue(client, args)).toHaveLength(1);
    expect(await setting()).toBe('off');
    await client.query('ROLLBACK');
    expect(await setting()).toBe('on');

    // On its own (its own transaction, as the store runs it): the session keeps its setting.
    expect(await claimDue(client, args)).toHaveLength(1);
    expect(await setting()).toBe('on');
    expect(await claimDue(client, args)).toHaveLength(0);
    expect(await setting()).toBe('on');
  });
});
