import { expect, it } from 'vitest';
import { claim, createApp, createEndpoint, record, send, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

const CAP = 1000;

export function backlogCases({ store }: SuiteContext): void {
  it('is empty on an empty store', async () => {
    expect(await store().backlog(T0, CAP)).toEqual({
      dueNow: 0,
      waiting: 0,
      inFlight: 0,
      failed: 0,
      oldestDueAt: null,
      disabledEndpoints: 0,
      failingEndpoints: 0,
    });
  });

  it('sorts deliveries into due now, waiting for a retry, in flight and failed', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    const other = await createEndpoint(store(), app.id);
    await createEndpoint(store(), app.id, { disabled: true });
    for (let i = 0; i < 5; i++) await send(store(), app.id, { createdAt: T0 + i });
    // 10 deliveries (two enabled endpoints); take 4 under lease.
    const claimed = await claim(store(), T0 + 10, 4, [], 60_000);
    expect(claimed).toHaveLength(4);
    const [retried, failed, succeeded] = claimed;
    await record(store(), retried, 'retry', T0 + 11, T0 + 5000);
    await record(store(), failed, 'failed', T0 + 11);
    await record(store(), succeeded, 'succeeded', T0 + 11);

    const now = T0 + 20;
    expect(await store().backlog(now, CAP)).toEqual({
      dueNow: 6,
      waiting: 1,
      inFlight: 1,
      failed: 1,
      oldestDueAt: expect.any(Number),
      disabledEndpoints: 1,
      failingEndpoints: 1,
    });
    const oldest = (await store().backlog(now, CAP)).oldestDueAt!;
    expect(oldest).toBeGreaterThanOrEqual(T0);
    expect(oldest).toBeLessThanOrEqual(T0 + 4);
    expect([ep.id, other.id]).toContain(retried.delivery.endpointId);

    // Past the retry time and the lease: both are due again.
    const later = await store().backlog(T0 + 70_000, CAP);
    expect(later).toMatchObject({ dueNow: 8, waiting: 0, inFlight: 0, failingEndpoints: 0 });
  });

  it('stops each count at the cap, and reports nothing as due before its time', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    for (let i = 0; i < 5; i++) await send(store(), app.id, { createdAt: T0 + 1000 });
    expect(await store().backlog(T0, 3)).toMatchObject({
      dueNow: 0,
      waiting: 3,
      oldestDueAt: null,
    });
    expect(await store().backlog(T0 + 1000, 3)).toMatchObject({
      dueNow: 3,
      waiting: 0,
      oldestDueAt: T0 + 1000,
    });
  });
}
