import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { appRecord, endpointRecord, messageRecord, WINDOW_MS } from '../conformance/fixtures.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';
import { TEST_KEYS } from '../helpers/encryption.js';

/**
 * Inserts that share one statement (message-batch.ts) against an endpoint change committed while
 * that statement runs: the statement waits on the endpoint's row and then sees it as committed.
 */
describePostgres('PostgreSQL grouped ingest', () => {
  let db: TestDatabase;
  let store: PostgresStore;
  let other: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('pg_ingest');
    store = new PostgresStore({ url: db.url, poolSize: 4, encryption: TEST_KEYS });
    await store.migrate();
    other = new pg.Client({ connectionString: db.url });
    await other.connect();
  });

  afterAll(async () => {
    await other?.end();
    await store?.close();
    await db?.drop();
  });

  /** Resolves once a session of this database waits for a row lock held by `other`. */
  async function someoneWaitsForALock(): Promise<void> {
    for (;;) {
      const { rows } = await other.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0].n > 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('messages routed to a parallel endpoint that turns serial meanwhile queue behind its head', async () => {
    const app = await store.createApp(appRecord());
    const ep = await store.createEndpoint(endpointRecord(app.id));
    const first = await store.insertMessage(messageRecord(app.id), WINDOW_MS);
    expect(first.deliveries).toBe(1);
    // Another node switches the endpoint to serial and has not committed yet.
    await other.query('BEGIN');
    await other.query(`UPDATE endpoints SET ordering = 'serial' WHERE id = $1`, [ep.id]);
    const later = Promise.all(
      Array.from({ length: 3 }, () => store.insertMessage(messageRecord(app.id), WINDOW_MS)),
    );
    await someoneWaitsForALock();
    await other.query('COMMIT');
    const results = await later;
    expect(results.map((r) => r.deliveries)).toEqual([1, 1, 1]);
    const page = await store.listDeliveries(app.id, {}, { limit: 10, cursor: null });
    const due = page.data.filter((d) => d.nextAttemptAt !== null).map((d) => d.messageId);
    // Only the first message's delivery is active; the three wait behind it.
    expect(page.data).toHaveLength(4);
    expect(due).toEqual([first.message.id]);
  });

  it('messages routed to an endpoint disabled meanwhile are held', async () => {
    const app = await store.createApp(appRecord());
    const ep = await store.createEndpoint(endpointRecord(app.id));
    await store.insertMessage(messageRecord(app.id), WINDOW_MS);
    await other.query('BEGIN');
    await other.query(`UPDATE endpoints SET disabled = true WHERE id = $1`, [ep.id]);
    const later = Promise.all(
      Array.from({ length: 3 }, () => store.insertMessage(messageRecord(app.id), WINDOW_MS)),
    );
    await someoneWaitsForALock();
    await other.query('COMMIT');
    await later;
    const stats = await store.stats(app.id);
    expect(stats).toMatchObject({ pending: 1, held: 3 });
  });
});
