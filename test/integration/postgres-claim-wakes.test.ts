import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/open.js';
import type { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { TEST_KEYS } from '../helpers/encryption.js';

/**
 * Every worker of a cluster is woken by every NOTIFY: what each does per wake-up is multiplied by
 * the workers. A claim that took fewer deliveries than it asked for took all that was due, so the
 * loop must not claim again before the next wake-up; nor read the next due time again within a
 * poll interval when nothing it did since changed it.
 */
describePostgres('claims per wake-up on PostgreSQL', () => {
  let db: TestDatabase;
  let receiver: Receiver;
  let store: PostgresStore;
  let h: TestHookline;
  let claims = 0;
  let dueReads = 0;

  beforeAll(async () => {
    db = await createTestDatabase('claim_wakes');
    receiver = await startReceiver();
    store = await openPostgresStore({
      url: db.url,
      poolSize: 4,
      migrate: true,
      encryption: TEST_KEYS,
    });
    // Only this process's own writes wake its loop (one wake-up per accepted message): the
    // NOTIFYs that come back over LISTEN arrive at times the test cannot know.
    Object.defineProperty(store, 'onWake', { value: undefined });
    const claimDue = store.claimDue.bind(store);
    Object.defineProperty(store, 'claimDue', {
      value: (...args: Parameters<typeof claimDue>) => {
        claims++;
        return claimDue(...args);
      },
    });
    const nextDueAt = store.nextDueAt.bind(store);
    Object.defineProperty(store, 'nextDueAt', {
      value: () => {
        dueReads++;
        return nextDueAt();
      },
    });
    // A poll far longer than the test: only wake-ups make the loop claim.
    h = await startHookline({ store, config: { pollMs: 60_000 } });
  });
  afterAll(async () => {
    await h?.dispatcher.stop();
    await h?.close();
    await receiver?.close();
    await db?.drop();
    removeDataDirs();
  });

  it('one wake-up whose claim takes less than its limit costs one claim', async () => {
    const t = await createTenant(h, { url: `${receiver.url}/hook` });
    const idle = h.awaitNext('idle');
    h.dispatcher.start();
    await idle; // the first claim found nothing; the loop sleeps

    claims = 0;
    const asleepAgain = h.awaitNext('idle');
    const committed = h.awaitNext('committed');
    const id = await sendMessage(h, t.appId, { n: 1 });
    await Promise.all([asleepAgain, committed]);
    expect(receiver.requests.map((r) => r.headers['webhook-id'])).toEqual([id]);
    expect(claims).toBe(1);
  });

  it('a wake-up that finds nothing costs one claim and no read of the next due time', async () => {
    // As every worker but one is woken by another's NOTIFY: the work went elsewhere.
    const read = dueReads;
    claims = 0;
    const asleepAgain = h.awaitNext('idle');
    h.dispatcher.wake();
    const { nextDueAt } = await asleepAgain;
    expect(claims).toBe(1);
    expect(dueReads).toBe(read);
    expect(nextDueAt).toBeNull(); // the delivered message left nothing due
  });
});
