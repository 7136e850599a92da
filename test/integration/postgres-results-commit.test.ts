import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { claim, createApp, createEndpoint, resultOf, send, T0 } from '../conformance/fixtures.js';
import { TEST_KEYS } from '../helpers/encryption.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';

/**
 * A batch of results commits without waiting for the WAL flush (as the SQLite store answers results
 * before its sync): a crash that loses one leaves its deliveries claimed, sent again once their
 * leases expire. A message's insert, whose 202 promises a flushed commit, keeps waiting. A trigger
 * records the setting each write ran under.
 */
describePostgres('PostgreSQL results commit', () => {
  let db: TestDatabase;
  let store: PostgresStore;

  beforeAll(async () => {
    db = await createTestDatabase('pg_results_commit');
    store = new PostgresStore({ url: db.url, poolSize: 2, encryption: TEST_KEYS });
    await store.migrate();
    // The test databases run with synchronous_commit = off; these connections get what a
    // production connection has (the setting applies to sessions opened from now on).
    await store.pool.query(`ALTER DATABASE ${db.name} SET synchronous_commit = on`);
    await store.close();
    store = new PostgresStore({ url: db.url, poolSize: 2, encryption: TEST_KEYS });
    await store.migrate();
    await store.pool.query(`
      CREATE TABLE seen (tbl text, setting text);
      CREATE FUNCTION note_setting() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        INSERT INTO seen VALUES (TG_TABLE_NAME, current_setting('synchronous_commit'));
        RETURN NULL; END $$;
      CREATE TRIGGER seen_attempts AFTER INSERT ON attempts
        FOR EACH STATEMENT EXECUTE FUNCTION note_setting();
      CREATE TRIGGER seen_messages AFTER INSERT ON messages
        FOR EACH STATEMENT EXECUTE FUNCTION note_setting();
      CREATE TRIGGER seen_endpoints AFTER INSERT ON endpoints
        FOR EACH STATEMENT EXECUTE FUNCTION note_setting();`);
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const seen = async () =>
    (await store.pool.query<{ tbl: string; setting: string }>('SELECT tbl, setting FROM seen'))
      .rows;

  it('a result batch commits without the flush wait; the writes around it keep it', async () => {
    const app = await createApp(store);
    await createEndpoint(store, app.id);
    await send(store, app.id);
    const [claimed] = await claim(store, T0 + 1);
    await store.recordAttempts([resultOf(claimed!, 'succeeded', T0 + 2)], T0 + 2);
    await send(store, app.id);
    // With poolSize 2 the store keeps one connection besides the ingest one: the results ran on
    // it, and so does this write, after them.
    await createEndpoint(store, app.id);

    expect(await seen()).toEqual([
      { tbl: 'endpoints', setting: 'on' },
      { tbl: 'messages', setting: 'on' },
      { tbl: 'attempts', setting: 'off' },
      { tbl: 'messages', setting: 'on' },
      { tbl: 'endpoints', setting: 'on' },
    ]);
    const { rows } = await store.pool.query<{ status_code: number }>(
      'SELECT status_code FROM attempts WHERE delivery_id = $1',
      [claimed!.delivery.id],
    );
    expect(rows).toEqual([{ status_code: 200 }]);
  });
});
