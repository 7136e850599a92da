import { expect, it } from 'vitest';
import { claim, createApp, createEndpoint, record, resultOf, send, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

export function leaseCases({ store }: SuiteContext): void {
  async function oneClaimed(leaseMs: number) {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    await send(store(), app.id);
    const [c] = await claim(store(), T0, 10, [], leaseMs);
    return { app, c };
  }

  it('lets another claimer take a delivery once its lease has expired', async () => {
    const { app, c } = await oneClaimed(1000);
    expect(await claim(store(), T0 + 999)).toEqual([]);
    const [again] = await claim(store(), T0 + 1000, 10, [], 5000);
    expect(again.delivery.id).toBe(c.delivery.id);
    expect(again.leaseToken).not.toBe(c.leaseToken);
    expect(again.delivery).toMatchObject({
      state: 'delivering',
      attempts: 0,
      leaseUntil: T0 + 6000,
    });
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({
      leaseUntil: T0 + 6000,
    });
  });

  it("records a stale lease holder's attempt but leaves the delivery to the new holder", async () => {
    const { app, c } = await oneClaimed(1000);
    const [fresh] = await claim(store(), T0 + 1500);
    await store().recordAttempts([resultOf(c, 'failed', T0 + 1600)], T0 + 1600);
    const attempts = await store().listAttempts(
      app.id,
      { deliveryId: c.delivery.id },
      { limit: 10, cursor: null },
    );
    expect(attempts.data).toHaveLength(1);
    expect(attempts.data[0]).toMatchObject({
      deliveryId: c.delivery.id,
      statusCode: 500,
      at: T0 + 1600,
    });
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({
      state: 'delivering',
      attempts: 0,
      leaseUntil: fresh.delivery.leaseUntil,
      lastStatus: null,
    });
    await record(store(), fresh, 'succeeded', T0 + 1700);
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({
      state: 'succeeded',
      attempts: 1,
      lastStatus: 200,
    });
  });

  it('ignores a release under a stale lease token', async () => {
    const { app, c } = await oneClaimed(1000);
    const [fresh] = await claim(store(), T0 + 1000);
    await store().releaseDeliveries([
      { deliveryId: c.delivery.id, leaseToken: c.leaseToken, nextAttemptAt: T0 + 1001 },
    ]);
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({
      state: 'delivering',
      leaseUntil: fresh.delivery.leaseUntil,
    });
  });

  it('ignores a second result for a lease already used', async () => {
    const { app, c } = await oneClaimed(1000);
    await record(store(), c, 'succeeded', T0 + 10);
    await record(store(), c, 'failed', T0 + 20);
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({
      state: 'succeeded',
      attempts: 1,
      lastStatus: 200,
    });
  });

  it('releaseAllLeases makes every in-flight delivery due now', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    await send(store(), app.id);
    await send(store(), app.id);
    await send(store(), app.id);
    const claimed = await claim(store(), T0, 2);
    expect(await store().releaseAllLeases(T0 + 50)).toBe(2);
    for (const c of claimed) {
      expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({
        state: 'pending',
        nextAttemptAt: T0 + 50,
        leaseUntil: null,
        attempts: 0,
      });
    }
    expect(await claim(store(), T0 + 50)).toHaveLength(3);
    expect(await store().releaseAllLeases(T0 + 60)).toBe(3);
  });
}
