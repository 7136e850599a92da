import { expect, it } from 'vitest';
import { claim, createApp, createEndpoint, send, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

export function releaseCases({ store }: SuiteContext): void {
  it('gives a delivery back, due later, without counting an attempt', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    await send(store(), app.id);
    const [c] = await claim(store(), T0);
    await store().releaseDeliveries([
      { deliveryId: c.delivery.id, leaseToken: c.leaseToken, nextAttemptAt: T0 + 700 },
    ]);
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: T0 + 700,
      leaseUntil: null,
    });
    expect(await claim(store(), T0 + 699)).toEqual([]);
    expect(await claim(store(), T0 + 700)).toHaveLength(1);
    expect((await store().listAttempts(app.id, {}, { limit: 10, cursor: null })).data).toEqual([]);
  });

  it('releaseHeldDeliveries makes the deliveries held until a time due now, and no others', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    const other = await createEndpoint(store(), app.id);
    for (let i = 0; i < 3; i++) await send(store(), app.id);
    const claims = await claim(store(), T0);
    const held = T0 + 600_000;
    const mine = claims.filter((c) => c.delivery.endpointId === ep.id);
    await store().releaseDeliveries(
      claims.map((c) => ({
        deliveryId: c.delivery.id,
        leaseToken: c.leaseToken,
        // One of the endpoint's deliveries is due at another time (a retry), not held.
        nextAttemptAt: c === mine[2] ? held + 1 : held,
      })),
    );
    expect(await store().releaseHeldDeliveries(app.id, ep.id, held, T0 + 10)).toBe(2);
    expect(await store().releaseHeldDeliveries('app_other', ep.id, held, T0 + 10)).toBe(0);
    const due = await claim(store(), T0 + 10);
    expect(due.map((c) => c.delivery.id).sort()).toEqual(
      [mine[0].delivery.id, mine[1].delivery.id].sort(),
    );
    expect(
      (
        await store().getDelivery(
          app.id,
          claims.find((c) => c.delivery.endpointId === other.id)!.delivery.id,
        )
      )?.nextAttemptAt,
    ).toBe(held);
    expect((await store().getDelivery(app.id, mine[2].delivery.id))?.nextAttemptAt).toBe(held + 1);
  });

  it('holds a delivery released with no due time (its endpoint is disabled)', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    await send(store(), app.id);
    const [c] = await claim(store(), T0);
    await store().updateEndpoint({ ...ep, disabled: true, updatedAt: T0 + 1 });
    await store().releaseDeliveries([
      { deliveryId: c.delivery.id, leaseToken: c.leaseToken, nextAttemptAt: null },
    ]);
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({
      state: 'held',
      nextAttemptAt: null,
    });
    expect(await claim(store(), T0 + 10 ** 9)).toEqual([]);
    expect(await store().nextDueAt()).toBeNull();
  });

  it('makes a delivery released with no due time due again if its endpoint was re-enabled', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    await send(store(), app.id);
    const [c] = await claim(store(), T0);
    await store().releaseDeliveries([
      { deliveryId: c.delivery.id, leaseToken: c.leaseToken, nextAttemptAt: null },
    ]);
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({ state: 'pending' });
    expect(await claim(store(), T0 + 10 ** 9)).toHaveLength(1);
  });

  it('releases a batch in one call', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    for (let i = 0; i < 5; i++) await send(store(), app.id);
    const claims = await claim(store(), T0);
    await store().releaseDeliveries(
      claims.map((c) => ({
        deliveryId: c.delivery.id,
        leaseToken: c.leaseToken,
        nextAttemptAt: T0 + 1,
      })),
    );
    expect(await claim(store(), T0 + 1)).toHaveLength(5);
    await store().releaseDeliveries([]);
  });
}
