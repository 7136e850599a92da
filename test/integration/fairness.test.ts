import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { Store } from '../../src/store/store.js';
import {
  createTenant,
  removeDataDirs,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';
import { startReceiver, status, type Receiver } from '../helpers/receiver.js';
import { TEST_KEYS } from '../helpers/encryption.js';

/**
 * Fairness (issue 13): with 100,000 retries waiting for one failing endpoint, a new message to a
 * healthy endpoint goes out in the dispatcher's very first claim — on both stores. The retries are
 * written straight into the database (one statement), as months of a dead receiver would leave them.
 */

const BACKLOG = 100_000;
/** Writing 100,000 rows takes a few seconds, more on a loaded machine. */
const SLOW = 180_000;

let failing: Receiver;
let healthy: Receiver;
let h: TestHookline | null = null;

beforeAll(async () => {
  failing = await startReceiver(status(500));
  healthy = await startReceiver();
});
afterEach(async () => {
  await h?.close();
  h = null;
  removeDataDirs();
});
afterAll(async () => {
  await failing.close();
  await healthy.close();
});

/** A failing and a healthy endpoint on one app: each takes only its own event type. */
async function twoEndpoints(t: TestHookline) {
  const tenant = await createTenant(t, {
    url: failing.url,
    filterTypes: ['backlog.retry'],
  });
  const second = await t.api('POST', `/api/v1/apps/${tenant.appId}/endpoints`, {
    url: healthy.url,
    filterTypes: ['fresh.message'],
  });
  expect(second.status).toBe(201);
  return {
    appId: tenant.appId,
    failingId: tenant.endpointId,
    healthyId: second.body.id as string,
  };
}

/** Sends a new message to the healthy endpoint and checks it is in the first claim the dispatcher makes. */
async function expectFirstClaimTakesIt(t: TestHookline, appId: string, healthyId: string) {
  const sent = await t.api('POST', `/api/v1/apps/${appId}/messages`, {
    eventType: 'fresh.message',
    payload: { hello: 'now' },
  });
  expect(sent.status).toBe(202);
  // Generous hang guards: writing and indexing the backlog loads a busy machine.
  const firstClaim = t.awaitNext('claimed', undefined, { timeoutMs: 60_000 });
  const delivered = t.awaitNext('committed', (e) => e.endpoint.id === healthyId, {
    what: 'the healthy endpoint’s delivery committed',
    timeoutMs: 60_000,
  });
  t.dispatcher.start();
  const claim = await firstClaim;
  expect(claim.deliveries.map((c) => c.message.id)).toContain(sent.body.id);
  const committed = await delivered;
  expect(committed.result.outcome).toBe('succeeded');
  await t.dispatcher.stop();
  // Most of the backlog is still waiting: the new message did not wait for it to drain.
  const stats = await t.app.store.stats(appId);
  expect(stats.pending + stats.delivering).toBeGreaterThan(BACKLOG / 2);
}

describe('fairness on SQLite', () => {
  it(
    'sends a new message at once behind 100,000 due retries of a failing endpoint',
    { timeout: SLOW },
    async () => {
      h = await startHookline();
      const { appId, failingId, healthyId } = await twoEndpoints(h);
      const now = h.clock.now();
      const db = new Database(join(h.dataDir, 'hookline.db'));
      db.pragma('busy_timeout = 5000');
      db.transaction(() => {
        db.prepare(
          `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
        INSERT INTO messages (id, app_id, event_type, payload, created_at)
        SELECT 'msg_backlog_' || i, @appId, 'backlog.retry', '{}', @now - 86400000 FROM n`,
        ).run({ count: BACKLOG, appId, now });
        // Every one failed once already and is due again, long before the new message.
        db.prepare(
          `INSERT INTO deliveries (app_id, message_id, endpoint_id, state, attempts, next_attempt_at,
          last_status, created_at, updated_at)
        SELECT @appId, id, @failingId, 'pending', 1, @now - 3600000 + rowid % 1000, 500,
          created_at, created_at FROM messages WHERE id LIKE 'msg_backlog_%'`,
        ).run({ appId, failingId, now });
      })();
      db.close();
      await expectFirstClaimTakesIt(h, appId, healthyId);
    },
  );
});

describePostgres('fairness on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('fairness');
  });
  afterAll(async () => {
    await database.drop();
  });

  it(
    'sends a new message at once behind 100,000 due retries of a failing endpoint',
    { timeout: SLOW },
    async () => {
      const store: Store = new PostgresStore({
        url: database.url,
        poolSize: 4,
        encryption: TEST_KEYS,
      });
      await store.migrate();
      h = await startHookline({ store });
      const { appId, failingId, healthyId } = await twoEndpoints(h);
      const now = h.clock.now();
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query(
          `INSERT INTO messages (id, app_id, event_type, payload, created_at)
        SELECT 'msg_backlog_' || i, $1, 'backlog.retry', '{}', $2::bigint - 86400000
        FROM generate_series(1, $3::int) AS i`,
          [appId, now, BACKLOG],
        );
        await client.query(
          `INSERT INTO deliveries (app_id, message_id, endpoint_id, state, attempts, next_attempt_at,
          last_status, created_at, updated_at)
        SELECT $1, id, $2, 'pending', 1, $3::bigint - 3600000 + (hashtext(id) & 1023), 500,
          created_at, created_at FROM messages WHERE id LIKE 'msg_backlog_%'`,
          [appId, failingId, now],
        );
        await client.query('ANALYZE deliveries');
      } finally {
        await client.end();
      }
      await expectFirstClaimTakesIt(h, appId, healthyId);
    },
  );
});
