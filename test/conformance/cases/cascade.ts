import { expect, it } from 'vitest';
import { attemptOf, claim, createApp, createEndpoint, record, send, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

export function cascadeCases({ store }: SuiteContext): void {
  const page = { limit: 100, cursor: null };

  async function populated() {
    const app = await createApp(store());
    const ep1 = await createEndpoint(store(), app.id);
    const ep2 = await createEndpoint(store(), app.id);
    const m1 = await send(store(), app.id, { idempotencyKey: 'k1' });
    const m2 = await send(store(), app.id);
    const claims = await claim(store(), T0);
    for (const c of claims) await record(store(), c, 'retry', T0 + 1, T0 + 1000);
    await store().insertAttempt({
      ...attemptOf(claims[0], T0 + 2),
      deliveryId: null,
      endpointId: ep1.id,
      test: true,
    });
    return { app, ep1, ep2, m1, m2 };
  }

  it('deleting an app removes its endpoints, messages, deliveries and attempts, and nothing else', async () => {
    const doomed = await populated();
    const kept = await populated();
    expect(await store().deleteApp(doomed.app.id)).toBe(true);
    expect(await store().getEndpointsByIds([doomed.ep1.id, doomed.ep2.id])).toEqual([]);
    expect((await store().listEndpoints(doomed.app.id, page)).data).toEqual([]);
    expect((await store().listMessages(doomed.app.id, {}, page)).data).toEqual([]);
    expect((await store().listDeliveries(doomed.app.id, {}, page)).data).toEqual([]);
    expect((await store().listAttempts(doomed.app.id, {}, page)).data).toEqual([]);
    expect((await store().listAttempts(doomed.app.id, { test: true }, page)).data).toEqual([]);
    expect(await store().stats()).toEqual({
      pending: 4,
      delivering: 0,
      succeeded: 0,
      failed: 0,
      held: 0,
    });
    expect((await store().listDeliveries(kept.app.id, {}, page)).data).toHaveLength(4);
    expect((await store().listAttempts(kept.app.id, {}, page)).data).toHaveLength(4);
    expect(await store().nextDueAt()).toBe(T0 + 1000);
  });

  it("a deleted app's idempotency keys and messages are gone for good", async () => {
    const doomed = await populated();
    await store().deleteApp(doomed.app.id);
    expect(await store().getMessage(doomed.app.id, doomed.m1.message.id)).toBeNull();
  });

  it('deleting an endpoint removes its deliveries and attempts but keeps the messages', async () => {
    const { app, ep1, ep2, m1, m2 } = await populated();
    expect(await store().deleteEndpoint(app.id, ep1.id)).toBe(true);
    expect((await store().listDeliveries(app.id, { endpointId: ep1.id }, page)).data).toEqual([]);
    expect((await store().listAttempts(app.id, { endpointId: ep1.id }, page)).data).toEqual([]);
    expect(
      (await store().listAttempts(app.id, { endpointId: ep1.id, test: true }, page)).data,
    ).toEqual([]);
    expect((await store().listDeliveries(app.id, { endpointId: ep2.id }, page)).data).toHaveLength(
      2,
    );
    expect((await store().listAttempts(app.id, { endpointId: ep2.id }, page)).data).toHaveLength(2);
    expect(await store().getMessage(app.id, m1.message.id)).toEqual(m1.message);
    expect(await store().getMessage(app.id, m2.message.id)).toEqual(m2.message);
    expect(await store().stats(app.id)).toEqual({
      pending: 2,
      delivering: 0,
      succeeded: 0,
      failed: 0,
      held: 0,
    });
  });
}
