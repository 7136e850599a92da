import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeClock } from '../../src/lib/clock.js';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

/**
 * Two workers on one database, each told the rate limit is shared by 2 workers: together they send
 * no more than the endpoint's rateLimit, where each alone would send all of it.
 */
describePostgres('rate limits across workers on PostgreSQL', () => {
  let db: TestDatabase;
  let receiver: Receiver;
  const nodes: TestHookline[] = [];
  const clock = new FakeClock(Date.now());

  beforeAll(async () => {
    db = await createTestDatabase('rate_limits');
    receiver = await startReceiver();
    for (let i = 0; i < 2; i++) {
      nodes.push(
        await startHookline({
          clock,
          config: { databaseUrl: db.url, dbPoolSize: 4, rateLimitWorkers: 2, batchSize: 10 },
        }),
      );
    }
  });
  afterAll(async () => {
    for (const n of nodes) await n.close();
    await receiver?.close();
    await db?.drop();
    removeDataDirs();
  });

  it('keeps the endpoint within its rateLimit across both workers', async () => {
    const [a, b] = nodes;
    const t = await createTenant(a, { url: `${receiver.url}/limited`, rateLimit: 4 });
    for (let i = 0; i < 20; i++) await sendMessage(b, t.appId, { i });
    const sent = () => receiver.requests.length;
    // Both claim at once, as two worker processes do; SKIP LOCKED gives each its own batch.
    const drainBoth = () => Promise.all([a.dispatcher.drainDue(), b.dispatcher.drainDue()]);

    // Each worker claims a batch of 10 and may send 2 of it now (its half of a 4/s burst).
    await drainBoth();
    expect(sent()).toBe(4);
    // However the work is spread, together they never exceed 4 per second, and they finish.
    for (let second = 1; sent() < 20; second++) {
      expect(second).toBeLessThan(20);
      clock.advance(1000);
      await drainBoth();
      expect(sent()).toBeLessThanOrEqual(4 * (second + 1));
    }
    expect(sent()).toBe(20);
  });
});
