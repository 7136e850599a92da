import { expect, it } from 'vitest';
import { claim, createApp, createEndpoint, record, send, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

export function retryDeliveryCases({ store }: SuiteContext): void {
  async function one() {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    await send(store(), app.id);
    const [c] = await claim(store(), T0);
    return { app, c };
  }

  it('answers null for an unknown delivery', async () => {
    const app = await createApp(store());
    expect(await store().retryDelivery(app.id, 987654, T0)).toBeNull();
  });

  it('re-opens a failed delivery with a fresh schedule, due now', async () => {
    const { app, c } = await one();
    await record(store(), c, 'failed', T0 + 1);
    const reopened = await store().retryDelivery(app.id, c.delivery.id, T0 + 50);
    expect(reopened).toMatchObject({
      id: c.delivery.id,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: T0 + 50,
      leaseUntil: null,
    });
    expect(await store().getDelivery(app.id, c.delivery.id)).toEqual(reopened);
    expect(await claim(store(), T0 + 50)).toHaveLength(1);
  });

  it('re-opens a succeeded delivery (send it again)', async () => {
    const { app, c } = await one();
    await record(store(), c, 'succeeded', T0 + 1);
    expect(await store().retryDelivery(app.id, c.delivery.id, T0 + 2)).toMatchObject({
      state: 'pending',
      nextAttemptAt: T0 + 2,
    });
  });

  it('leaves an in-flight delivery unchanged', async () => {
    const { app, c } = await one();
    const before = await store().getDelivery(app.id, c.delivery.id);
    expect(await store().retryDelivery(app.id, c.delivery.id, T0 + 2)).toEqual(before);
    expect(await store().getDelivery(app.id, c.delivery.id)).toEqual(before);
  });

  it('brings a scheduled retry forward to now, keeping its attempt count', async () => {
    const { app, c } = await one();
    await record(store(), c, 'retry', T0 + 1, T0 + 60_000);
    expect(await store().retryDelivery(app.id, c.delivery.id, T0 + 2)).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: T0 + 2,
    });
  });
}
